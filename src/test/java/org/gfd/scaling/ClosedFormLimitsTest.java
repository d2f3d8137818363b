package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Limits along rays against the closed forms of DESIGN section 4, derived independently of the
 * engine: NTK/lazy {@code E[L]/p -> 1/2 exp(-2 nu tau)} with {@code tau = H sigma2^(nu-1) t}, and
 * free evolution {@code L_model(0) (1 + k (nu-1) x0^(nu-1) t)^(-nu/(nu-1))}, {@code x0 = p sigma2}.
 */
class ClosedFormLimitsTest {
  private static final int ORDER = 4;
  private static final Variable HC = Variable.of("h");
  private static final Variable VC = Variable.of("v");

  private static final Map<String, LossSeries> SERIES = new java.util.concurrent.ConcurrentHashMap<>();

  private static LossSeries series(int nu, boolean symmetric) {
    return SERIES.computeIfAbsent(nu + "/" + symmetric, k -> LossSeriesEngine.compute(
        CpModels.cp(nu, symmetric, Target.IDENTITY), ORDER, WorkBudget.unlimited(), s -> {}));
  }

  private static Ray ray(String a, String b, Map<Variable, Rational> constants) {
    Map<Variable, Rational> e = new LinkedHashMap<>();
    e.put(Variable.H, Rational.parse(a));
    e.put(Variable.SIGMA2, Rational.parse(b));
    return new Ray(e, constants, Optional.empty(), Optional.empty());
  }

  private static Polynomial mono(Rational c, int h, int v) {
    return Polynomial.term(c, Monomial.of(Map.of(HC, h, VC, v)));
  }

  /** Rays strictly inside the NTK cell: a + nu b/2 > 0 (weights move little), a + nu - 1 + nu b < 0 (output negligible). */
  @ParameterizedTest(name = "nu={0} a={1} b={2}")
  @CsvSource({"2, 2, -7/4", "2, 5/2, -2", "2, 4, -3", "3, 3, -11/6", "3, 4, -7/3"})
  void ntkLimitIsHalfExpMinusTwoNuTau(int nu, String a, String b) {
    LossSeries series = series(nu, false);
    Ray symbolic = ray(a, b, Map.of());
    RayLimit limit = RayLimits.analyze(series.coefficients(), symbolic);
    assertTrue(limit.isAdmissible(), limit.reason());
    assertEquals(Rational.ONE, limit.normExponent());
    Rational expectedC = Rational.parse(a).add(Rational.of(nu - 1).multiply(Rational.parse(b))).negate();
    assertEquals(expectedC, limit.timeExponent().orElseThrow(), "t = tau / (H sigma2^(nu-1))");
    for (int s = 0; s <= ORDER; s++) {
      // 1/2 (-2 nu h v^(nu-1))^s: tau absorbs p^c, the constants h v^(nu-1) stay
      Polynomial expected = mono(Rational.HALF.multiply(Rational.of(-2L * nu).pow(s)), s, (nu - 1) * s);
      assertEquals(expected, limit.limitCoefficient(s), "hat c_" + s);
    }
    RayLimit unit = RayLimits.analyze(series.coefficients(),
        ray(a, b, Map.of(Variable.H, Rational.ONE, Variable.SIGMA2, Rational.ONE)));
    for (int s = 0; s <= ORDER; s++) {
      assertEquals(Polynomial.constant(Rational.HALF.multiply(Rational.of(-2L * nu).pow(s))),
          unit.limitCoefficient(s), "h = v = 1: hat c_" + s);
    }
    Verification v = Verification.of(series.coefficients(), symbolic, List.of(Variable.H, Variable.SIGMA2), CpModels.ROLES);
    assertEquals(1, v.cells().size());
    assertEquals(RegimeName.NTK, v.cells().get(0).name());
  }

  /** Rays inside the free-evolution cell: the model term dominates and components do not interact. */
  @ParameterizedTest(name = "nu={0} symmetric={1} a={2} b={3}")
  @CsvSource({"2, false, 0, 1/2", "2, false, 1/2, 0", "3, false, 1, 0", "3, false, 0, -1/2",
      "2, true, 0, 1/2", "2, true, -1, 1", "3, true, 1/4, 1/4", "3, true, 0, 1"})
  void freeEvolutionLimitIsTheBinomialSeries(int nu, boolean symmetric, String a, String b) {
    LossSeries series = series(nu, symmetric);
    RayLimit limit = RayLimits.analyze(series.coefficients(), ray(a, b, Map.of()));
    assertTrue(limit.isAdmissible(), limit.reason());
    Rational bb = Rational.parse(b);
    // e: L_model(0) = 1/2 H p^nu sigma2^nu; c: tau = x0^(nu-1) t with x0 = p sigma2
    assertEquals(Rational.of(nu).add(Rational.parse(a)).add(Rational.of(nu).multiply(bb)), limit.normExponent());
    assertEquals(Rational.of(nu - 1).multiply(Rational.ONE.add(bb)).negate(), limit.timeExponent().orElseThrow());
    int k = symmetric ? 2 * nu : 2;
    Rational r = Rational.of(-nu, nu - 1);
    Rational falling = Rational.ONE;
    for (int s = 0; s <= ORDER; s++) {
      // 1/2 h v^nu * (k (nu-1) v^(nu-1))^s * r (r-1) ... (r-s+1)
      Rational coef = Rational.HALF.multiply(Rational.of((long) k * (nu - 1)).pow(s)).multiply(falling);
      assertEquals(mono(coef, 1, nu + (nu - 1) * s), limit.limitCoefficient(s), "hat c_" + s);
      falling = falling.multiply(r.subtract(Rational.of(s)));
    }
    List<RegimeCell> cells = Verification.of(series.coefficients(), ray(a, b, Map.of()),
        List.of(Variable.H, Variable.SIGMA2), CpModels.ROLES).cells();
    assertEquals(1, cells.size());
    assertEquals(RegimeName.FREE, cells.get(0).name());
    assertEquals(LimitShape.BINOMIAL, LimitShape.of(limit.limitCoefficients()));
    assertEquals(r, LimitShape.binomialExponent(limit.limitCoefficients()));
  }

  /** Cancellation: with numeric constants, tied monomials can cancel and the next exponent leads. */
  @org.junit.jupiter.api.Test
  void tiedMonomialsAreSummedExactly() {
    // c = p*H - 2*p*sigma2 + p^0: with H = 2 p^0 and sigma2 = 1 p^0 the p-terms cancel
    Polynomial c0 = Polynomial.variable(Variable.P).multiply(Polynomial.variable(Variable.H))
        .subtract(Polynomial.variable(Variable.P).multiply(Polynomial.variable(Variable.SIGMA2)).multiply(Rational.of(2)))
        .add(Polynomial.ONE);
    Ray ray = ray("0", "0", Map.of(Variable.H, Rational.of(2), Variable.SIGMA2, Rational.ONE));
    RayLimits.Leading lead = RayLimits.leading(c0, ray).orElseThrow();
    assertEquals(Rational.ZERO, lead.exponent());
    assertEquals(Polynomial.ONE, lead.part());
    List<Polynomial> coefficients = new ArrayList<>(List.of(c0, Polynomial.variable(Variable.P)));
    RayLimit l = RayLimits.analyze(coefficients, ray);
    assertEquals(Rational.ZERO, l.normExponent());
    assertEquals(Rational.MINUS_ONE, l.timeExponent().orElseThrow());
  }
}
