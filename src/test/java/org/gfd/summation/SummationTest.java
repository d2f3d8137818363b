package org.gfd.summation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.api.Gfd;
import org.gfd.error.InputException;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RaySyntax;
import org.junit.jupiter.api.Test;

/**
 * Closed forms found from gfd's own limit coefficients, compared with closed forms derived by hand
 * (DESIGN: NTK {@code exp(-2 nu h v^(nu-1) tau)/2}), and the certificate's refusals.
 */
class SummationTest {
  private static final Variable H = Ray.constantOf(Variable.H);
  private static final Variable V = Ray.constantOf(Variable.SIGMA2);

  /** The engine's limit coefficients on a ray. */
  private static List<Polynomial> limit(int nu, boolean symmetric, String scale, int maxOrder) {
    Model model = CpModels.cp(nu, symmetric, Target.IDENTITY);
    Ray ray = RaySyntax.scale(scale, Gfd.rayVariables(model), Optional.empty(), Optional.empty());
    return Gfd.verify(model, ray, maxOrder, WorkBudget.unlimited(), s -> {}).limit().limitCoefficients();
  }

  /** Whether two closed forms in tau are equal as functions (Symja, exactly). */
  private static boolean same(String f, String g) {
    return Symja.get().eval("gfdZeroQ(Simplify((" + f + ") - (" + g + ")))").isTrue();
  }

  @Test
  void ntkOfAsymmetricCpIsTheExponentialOfTheDesign() {
    for (int nu = 2; nu <= 3; nu++) {
      String scale = nu == 2 ? "H=p^2, sigma2=p^(-7/4)" : "H=p^3, sigma2=p^(-11/6)";
      List<Polynomial> c = limit(nu, false, scale, nu == 2 ? 7 : 6);
      // the engine's coefficients are those of the hand-derived 1/2 exp(-2 nu h v^(nu-1) tau)
      Polynomial rate = Polynomial.term(Rational.of(-2L * nu), Monomial.of(java.util.Map.of(H, 1, V, nu - 1)));
      for (int s = 0; s < c.size(); s++) {
        assertEquals(rate.pow(s).multiply(Rational.of(1, 2)), c.get(s), "nu = " + nu + ", order " + s);
      }
      SummationResult r = Summation.solve(c, WorkBudget.unlimited());
      assertTrue(r.closedForm().isPresent(), r.tried().toString());
      ClosedForm f = r.closedForm().get();
      assertTrue(same(f.inputForm(), "1/2*E^(-2*" + nu + "*h*v^" + (nu - 1) + "*tau)"), f.inputForm());
      assertEquals("hypergeometric term", f.strategy());
      assertEquals(List.of(c.size() - 2, c.size() - 1), f.heldOutOrders());
      assertFalse(f.latex().isEmpty());
    }
  }

  /**
   * Free evolution (DESIGN: {@code L(0) (1 + k (nu-1) v^(nu-1) tau)^(-nu/(nu-1))}, {@code k = 2}
   * asymmetric, {@code 2 nu} symmetric) found through the PDE route alone, with its equation.
   */
  @Test
  void freeEvolutionThroughThePdeRoute() {
    Object[][] cases = {{2, false, 8}, {2, true, 8}, {3, true, 5}};
    for (Object[] k : cases) {
      int nu = (Integer) k[0];
      boolean symmetric = (Boolean) k[1];
      List<Polynomial> c = limit(nu, symmetric, "H=p^0, sigma2=p^0", (Integer) k[2]);
      SummationResult r = Summation.solve(c, List.of(Summation.strategies().get("pde")), WorkBudget.unlimited());
      assertTrue(r.closedForm().isPresent(), r.tried().toString());
      ClosedForm f = r.closedForm().get();
      int rate = (symmetric ? 2 * nu : 2) * (nu - 1);
      String hand = "(" + Summation.inputForm(c.get(0)) + ")*(1 + " + rate + "*v^" + (nu - 1) + "*tau)^(-" + nu + "/" + (nu - 1) + ")";
      assertTrue(same(f.inputForm(), hand), f.inputForm() + " vs " + hand);
      assertTrue(f.pde().orElseThrow().startsWith("F_tau = "), f.pde().toString());
      assertTrue(f.characteristics().orElseThrow().startsWith("dv/dtau = "), f.characteristics().toString());
      assertFalse(f.inputForm().contains("I"), "a real form: " + f.inputForm());
    }
  }

  /** The autonomous equation F' = -F^2 (F = 3 / (1 + 3 tau)): c_s = (-1)^s s! 3^(s+1), computed here. */
  @Test
  void autonomousEquationIsTheOneVariableCase() {
    List<Polynomial> c = new ArrayList<>();
    BigInteger factorial = BigInteger.ONE;
    for (int s = 0; s < 8; s++) {
      factorial = s == 0 ? BigInteger.ONE : factorial.multiply(BigInteger.valueOf(s));
      BigInteger v = factorial.multiply(BigInteger.valueOf(3).pow(s + 1));
      c.add(Polynomial.constant(Rational.of(s % 2 == 0 ? v : v.negate())));
    }
    SummationResult r = Summation.solve(c, List.of(Summation.strategies().get("pde")), WorkBudget.unlimited());
    assertTrue(r.closedForm().isPresent(), r.tried().toString());
    assertTrue(same(r.closedForm().get().inputForm(), "3/(1 + 3*tau)"), r.closedForm().get().inputForm());
    assertEquals("F_tau = (-F^2)", r.closedForm().get().pde().orElseThrow());
  }

  /**
   * A power law with a constant apart, 2 + 5 (1 + 3 v tau)^(-3/2): its coefficients computed here
   * from the binomial series by exact rationals; the term holds from order 1 on only.
   */
  @Test
  void powerLawWithAConstantApart() {
    List<Polynomial> c = new ArrayList<>();
    Rational r = Rational.of(-3, 2);
    Rational binomial = Rational.ONE; // (r choose s) * s! = r (r-1) ... (r-s+1)
    for (int s = 0; s < 9; s++) {
      Polynomial term = Polynomial.term(binomial.multiply(Rational.of(5)).multiply(Rational.of(BigInteger.valueOf(3).pow(s))),
          Monomial.of(s == 0 ? java.util.Map.of() : java.util.Map.of(V, s)));
      c.add(s == 0 ? term.add(Polynomial.constant(Rational.of(2))) : term);
      binomial = binomial.multiply(r.subtract(Rational.of(s)));
    }
    SummationResult result = Summation.solve(c, WorkBudget.unlimited());
    assertTrue(result.closedForm().isPresent(), result.tried().toString());
    assertTrue(same(result.closedForm().get().inputForm(), "2 + 5*(1 + 3*v*tau)^(-3/2)"), result.closedForm().get().inputForm());
  }

  /** The Bell numbers (e^(e^tau - 1)) have no hypergeometric term: no closed form, with the systems tried. */
  @Test
  void noHypergeometricTermGivesNoClosedFormAndSaysWhy() {
    long[] bell = {1, 1, 2, 5, 15, 52, 203, 877, 4140, 21147};
    List<Polynomial> c = new ArrayList<>();
    for (long b : bell) {
      c.add(Polynomial.constant(Rational.of(b)));
    }
    SummationResult r = Summation.solve(c, WorkBudget.unlimited());
    assertTrue(r.closedForm().isEmpty());
    String account = r.tried().get(0).account();
    assertTrue(account.contains("ratio of degree 2 from order 0: 7x6 system, rank 6, no solution"), account);
  }

  /** A proposal right on the orders a strategy sees and wrong on a held-out one is refused. */
  @Test
  void theCertificateChecksHeldOutOrders() {
    List<String> c = new ArrayList<>(List.of("1", "-1", "1", "-1", "1", "-1"));
    assertEquals(Optional.empty(), Certificate.firstMismatch("E^(-tau)", c, Symja.get(), WorkBudget.unlimited()));
    c.set(5, "-2");
    assertEquals(Optional.of(5), Certificate.firstMismatch("E^(-tau)", c, Symja.get(), WorkBudget.unlimited()));
    // the alternating series altered at order 6 is caught although the finder's orders fit e^(-tau)
    List<Polynomial> altered = new ArrayList<>();
    for (int s = 0; s < 8; s++) {
      altered.add(Polynomial.constant(Rational.of(s == 7 ? 5 : (s % 2 == 0 ? 1 : -1))));
    }
    SummationResult r = Summation.solve(altered, WorkBudget.unlimited());
    assertTrue(r.closedForm().isEmpty(), r.toString());
    assertTrue(r.tried().get(0).account().contains("its expansion differs at order 7"), r.tried().toString());
  }

  @Test
  void tooShortASeriesIsBadInput() {
    List<Polynomial> c = List.of(Polynomial.ONE, Polynomial.ONE, Polynomial.ONE, Polynomial.ONE);
    InputException e = assertThrows(InputException.class, () -> Summation.solve(c, WorkBudget.unlimited()));
    assertTrue(e.getMessage().contains("too short"), e.getMessage());
  }
}
