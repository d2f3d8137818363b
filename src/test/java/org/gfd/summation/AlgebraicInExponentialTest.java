package org.gfd.summation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.api.Test;

/**
 * The pieces of the algebraic-in-exponential strategy against hand computations, and the whole
 * strategy on a flow whose coefficients come from its ODE, not from any closed form: one
 * eigenvalue of symmetric nu = 2, lambda' = 4 lambda (1 - lambda) from lambda(0) = v, whose loss
 * F = (1 - lambda)^2 / 2 is, by hand, (1 - v)^2 / (2 (1 + v u)^2) with u = e^(4 tau) - 1.
 */
class AlgebraicInExponentialTest {
  private static final Variable V = Variable.of("v");

  private static List<Rational> ints(long... xs) {
    List<Rational> out = new ArrayList<>();
    for (long x : xs) {
      out.add(Rational.of(x));
    }
    return out;
  }

  @Test
  void recurrencesAreTheShortestAndConfirmed() {
    // Fibonacci: x^2 - x - 1, constant first
    assertEquals(Optional.of(ints(-1, -1, 1)), ExponentialRates.recurrence(ints(0, 1, 1, 2, 3, 5, 8, 13)));
    // 4^s: x - 4
    assertEquals(Optional.of(ints(-4, 1)), ExponentialRates.recurrence(ints(1, 4, 16, 64)));
    // s 2^s: (x - 2)^2 = x^2 - 4x + 4
    assertEquals(Optional.of(ints(4, -4, 1)), ExponentialRates.recurrence(ints(0, 2, 8, 24, 64, 160)));
    // too short to confirm an order-2 recurrence, and the zero sequence
    assertEquals(Optional.empty(), ExponentialRates.recurrence(ints(0, 1, 1, 2)));
    assertEquals(Optional.empty(), ExponentialRates.recurrence(ints(0, 0, 0)));
    assertEquals(Rational.of(2, 3), ExponentialRates.gcd(Rational.of(4, 3), Rational.of(2)));
  }

  @Test
  void modularKernelFindsTheExactNullVectorOrProvesThereIsNone() {
    // rows (1, 2, 3) and (4, 5, 6): null space spanned by (1, -2, 1)
    List<Rational[]> rows = List.of(new Rational[] {Rational.of(1), Rational.of(2), Rational.of(3)},
        new Rational[] {Rational.of(4), Rational.of(5), Rational.of(6)});
    ModularKernel.Kernel k = ModularKernel.of(rows, 3);
    assertEquals(1, k.dimension());
    Rational[] v = k.vector().orElseThrow();
    Rational scale = v[2];
    assertEquals(Rational.of(1), v[0].divide(scale));
    assertEquals(Rational.of(-2), v[1].divide(scale));
    // with a third row (7, 8, 10) the matrix is invertible
    List<Rational[]> full = new ArrayList<>(rows);
    full.add(new Rational[] {Rational.of(7), Rational.of(8), Rational.of(10)});
    assertEquals(0, ModularKernel.of(full, 3).dimension());
    // independent rows, the first ones in order: (1, 2) and (0, 1), not the multiple (2, 4)
    List<Rational[]> some = List.of(new Rational[] {Rational.of(1), Rational.of(2)},
        new Rational[] {Rational.of(2), Rational.of(4)}, new Rational[] {Rational.ZERO, Rational.of(1, 3)});
    assertEquals(List.of(0, 2), ModularKernel.independentRows(some, 2));
    // a null vector with large rational entries: rows (10^12 + 1, -3/7)
    Rational big = Rational.of(1_000_000_000_001L);
    ModularKernel.Kernel b = ModularKernel.of(List.<Rational[]>of(new Rational[] {big, Rational.of(-3, 7)}), 2);
    Rational[] w = b.vector().orElseThrow();
    assertEquals(Rational.ZERO, big.multiply(w[0]).add(Rational.of(-3, 7).multiply(w[1])));
  }

  @Test
  void seriesInUIsTheSubstitutionTauEqualsLogOnePlusUOverKappa() {
    // F = e^(2 tau) with kappa = 2 is 1 + u: c_s = 2^s
    List<Polynomial> c = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      c.add(Polynomial.constant(Rational.of(1L << s)));
    }
    List<Polynomial> b = AlgebraicInExponential.inU(c, Rational.of(2));
    assertEquals(Polynomial.ONE, b.get(0));
    assertEquals(Polynomial.ONE, b.get(1));
    for (int n = 2; n < 6; n++) {
      assertTrue(b.get(n).isZero(), "order " + n + ": " + b.get(n));
    }
  }

  /** hat c_s of F = (1 - lambda)^2 / 2, lambda' = 4 lambda (1 - lambda), lambda(0) = v, from the ODE's Taylor recurrence. */
  private static List<Polynomial> logisticLoss(int orders) {
    List<Polynomial> lambda = new ArrayList<>();
    lambda.add(Polynomial.variable(V));
    for (int k = 0; k + 1 < orders; k++) {
      Polynomial.Builder square = new Polynomial.Builder();
      for (int i = 0; i <= k; i++) {
        square.add(lambda.get(i).multiply(lambda.get(k - i)));
      }
      // (k + 1) lambda_(k+1) = 4 (lambda_k - (lambda^2)_k)
      lambda.add(lambda.get(k).subtract(square.build()).multiply(Rational.of(4, k + 1)));
    }
    List<Polynomial> g = new ArrayList<>(); // 1 - lambda
    for (int k = 0; k < orders; k++) {
      g.add((k == 0 ? Polynomial.ONE : Polynomial.ZERO).subtract(lambda.get(k)));
    }
    List<Polynomial> c = new ArrayList<>();
    Rational factorial = Rational.ONE;
    for (int s = 0; s < orders; s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      Polynomial.Builder sq = new Polynomial.Builder();
      for (int i = 0; i <= s; i++) {
        sq.add(g.get(i).multiply(g.get(s - i)));
      }
      c.add(sq.build().multiply(factorial.multiply(Rational.HALF)));
    }
    return c;
  }

  @Test
  void logisticFlowOfOneEigenvalueIsFoundAndCertified() {
    List<Polynomial> c = logisticLoss(14);
    SummationResult r = Summation.solve(c, List.of(new AlgebraicInExponential()), WorkBudget.unlimited());
    assertTrue(r.closedForm().isPresent(), r.tried().toString());
    ClosedForm f = r.closedForm().get();
    String byHand = "(1 - v)^2/(2*(1 + v*(E^(4*tau) - 1))^2)";
    assertEquals("True", Symja.get().eval("gfdZeroQ(Simplify((" + f.inputForm() + ") - (" + byHand + ")))").toString(),
        f.inputForm());
    assertTrue(f.relation().orElseThrow().startsWith("P(F, u) = "), f.relation().toString());
    assertTrue(f.relation().orElseThrow().contains("u = e^(4 tau) - 1"), f.relation().toString());
    assertTrue(f.pde().isEmpty());
    assertEquals(List.of(12, 13), f.heldOutOrders());
  }

  @Test
  void noRateNoProposal() {
    // 1/(1 + tau): c_s = (-1)^s s!, no constants and no constant-coefficient recurrence
    List<Polynomial> c = new ArrayList<>();
    Rational factorial = Rational.ONE;
    for (int s = 0; s < 10; s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      c.add(Polynomial.constant(s % 2 == 0 ? factorial : factorial.negate()));
    }
    SummationResult r = Summation.solve(c, List.of(new AlgebraicInExponential()), WorkBudget.unlimited());
    assertFalse(r.closedForm().isPresent());
    assertTrue(r.tried().get(0).account().contains("no monomial's sequence obeys"), r.tried().toString());
  }
}
