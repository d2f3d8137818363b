package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each order's fate along a ray is typed: a diverging order is {@link RayLimit.Diverging} with the
 * exponent it grows with, never a limit of 0. Checked against a divergence worked out by hand from
 * README's {@code c_1} of asymmetric CP with identity target,
 * {@code c_1 = -nu [H p sigma2^(2nu-1) ((p(p+2))^(nu-1) + (H-1) p^(nu-1)) + H p sigma2^(nu-1)]}.
 */
class RayLimitTest {
  private static final Variable HC = Variable.of("h");
  private static final Variable VC = Variable.of("v");

  /** {@code c_1} of asymmetric CP with identity target, from README's formula. */
  static Polynomial readmeC1(int nu) {
    Polynomial p = Polynomial.variable(Variable.P);
    Polynomial h = Polynomial.variable(Variable.H);
    Polynomial s2 = Polynomial.variable(Variable.SIGMA2);
    Polynomial pp2 = p.multiply(p.add(Polynomial.constant(Rational.of(2))));
    Polynomial bracket = pp2.pow(nu - 1).add(h.subtract(Polynomial.ONE).multiply(p.pow(nu - 1)));
    Polynomial inner = h.multiply(p).multiply(s2.pow(2 * nu - 1)).multiply(bracket)
        .add(h.multiply(p).multiply(s2.pow(nu - 1)));
    return inner.multiply(Polynomial.constant(Rational.of(-nu)));
  }

  private static Ray ray(String a, String b, Optional<Rational> time) {
    Map<Variable, Rational> e = new LinkedHashMap<>();
    e.put(Variable.H, Rational.parse(a));
    e.put(Variable.SIGMA2, Rational.parse(b));
    return new Ray(e, Map.of(), time, Optional.empty());
  }

  private static LossSeries series(int nu, int order) {
    return LossSeriesEngine.compute(CpModels.cp(nu, false, Target.IDENTITY), order, WorkBudget.unlimited(), s -> {});
  }

  /**
   * nu = 2 on {@code H = p^2, sigma2 = p^(-7/4)}, {@code t = p^0 tau}. By hand: c_0 = p/2 +
   * p^2 H sigma2^2/2 has exponents 1 and 1/2, so e = 1 with part 1/2; the terms of c_1 grow like
   * p^(-1/4) (H p^3 sigma2^3), p^(-5/4) (H p^2 sigma2^3), p^(3/4) (H^2 p^2 sigma2^3) and p^(5/4)
   * (-2 H p sigma2), so E_1 = 5/4 with part -2 h v, and p^(c - e) c_1 grows like p^(1/4).
   */
  @Test
  void orderOneDivergesAsWorkedOutByHand() {
    Polynomial c0 = Polynomial.term(Rational.HALF, Monomial.of(Variable.P, 1))
        .add(Polynomial.term(Rational.HALF, Monomial.of(Map.of(Variable.P, 2, Variable.H, 1, Variable.SIGMA2, 2))));
    RayLimit l = RayLimits.analyze(List.of(c0, readmeC1(2)), ray("2", "-7/4", Optional.of(Rational.ZERO)));
    Polynomial minusTwoHv = Polynomial.term(Rational.of(-2), Monomial.of(Map.of(HC, 1, VC, 1)));
    assertEquals(new RayLimit.Bounded(Polynomial.constant(Rational.HALF)), l.orderLimit(0));
    assertEquals(new RayLimit.Diverging(Rational.of(1, 4), minusTwoHv), l.orderLimit(1));
    assertEquals(Optional.of(Rational.of(5, 4)), l.orderExponents().get(1));
    assertEquals(RayLimit.Verdict.DIVERGENT, l.verdict());
    assertFalse(l.isBounded());
    assertTrue(l.isNontrivial());
    assertFalse(l.isAdmissible());
    assertEquals(List.of(1), l.divergingOrders());
    assertEquals(List.of(), l.survivingOrders());
    assertThrows(IllegalStateException.class, () -> l.limitCoefficient(1));
    assertThrows(IllegalStateException.class, l::limitCoefficients);
    assertEquals("diverges as p^(1/4)", l.orderLimit(1).toString());
    assertEquals(Set.of(0, 1), l.nonvanishingLeadingMonomials().keySet());
  }

  /** The engine's c_1 is README's, and the engine's series diverges on the same ray the same way. */
  @ParameterizedTest(name = "nu={0}")
  @ValueSource(ints = {2, 3})
  void engineSeriesDivergesLikeReadmeFormula(int nu) {
    LossSeries series = series(nu, 2);
    assertEquals(readmeC1(nu), series.coefficient(1));
    // a ray inside the NTK cell, with a time scale slower by p^(1/4) than the one it asks for:
    // there c_1's term -nu H p sigma2^(nu-1) leads, E_1 = a + 1 + (nu-1) b, e = 1 (the target),
    // and p^(c - e) c_1 grows like p^(E_1 + c - 1)
    Rational a = Rational.of(nu == 2 ? 2 : 3);
    Rational b = Rational.parse(nu == 2 ? "-7/4" : "-11/6");
    Rational e1 = a.add(Rational.ONE).add(Rational.of(nu - 1).multiply(b));
    Rational c = Rational.ONE.subtract(e1).add(Rational.of(1, 4));
    RayLimit l = RayLimits.analyze(series.coefficients(), ray(a.toString(), b.toString(), Optional.of(c)));
    assertEquals(RayLimit.Verdict.DIVERGENT, l.verdict(), l.reason());
    assertEquals(Optional.of(e1), l.orderExponents().get(1));
    RayLimit.Diverging d = assertInstanceOf(RayLimit.Diverging.class, l.orderLimit(1));
    assertEquals(Rational.of(1, 4), d.growth());
    assertEquals(Polynomial.term(Rational.of(-nu), Monomial.of(Map.of(HC, 1, VC, nu - 1))), d.leadingPart());
  }

  /** On a time scale faster than every order, nothing moves: trivial, yet every order bounded. */
  @Test
  void trivialRayIsBoundedButDoesNotMove() {
    RayLimit l = RayLimits.analyze(series(2, 3).coefficients(), ray("2", "-7/4", Optional.of(Rational.of(-1))));
    assertEquals(RayLimit.Verdict.TRIVIAL, l.verdict());
    assertTrue(l.isBounded());
    assertFalse(l.isNontrivial());
    assertFalse(l.isAdmissible());
    assertEquals(List.of(), l.divergingOrders());
    for (int s = 1; s <= l.maxOrder(); s++) {
      assertTrue(l.orderLimit(s).vanishes(), "order " + s);
    }
  }

  @Test
  void verdictMustAgreeWithTheOrders() {
    Ray r = ray("2", "-7/4", Optional.empty());
    List<RayLimit.OrderLimit> diverging = List.of(new RayLimit.Bounded(Polynomial.ONE),
        new RayLimit.Diverging(Rational.ONE, Polynomial.ONE));
    List<Optional<Rational>> exps = List.of(Optional.of(Rational.ONE), Optional.of(Rational.of(2)));
    List<Set<Monomial>> lead = List.of(Set.of(), Set.of());
    assertThrows(IllegalArgumentException.class, () -> new RayLimit(r, exps, lead, Rational.ONE,
        Optional.of(Rational.ZERO), diverging, RayLimit.Verdict.ADMISSIBLE, "admissible"));
    assertThrows(IllegalArgumentException.class, () -> new RayLimit.Diverging(Rational.ZERO, Polynomial.ONE));
    assertThrows(IllegalArgumentException.class, () -> new RayLimit.Diverging(Rational.ONE, Polynomial.ZERO));
  }
}
