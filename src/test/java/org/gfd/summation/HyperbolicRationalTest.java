package org.gfd.summation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.api.Test;

/**
 * The cosh/sinh strategy on the asymmetric nu = 2 balanced line, whose series is generated here
 * from the flow derived by hand (not by the engine): with x = h v, the overlap t and the
 * imbalance a obey t' = 2 a (1 - t), a' = 2 t (1 - t), t(0) = 0, a(0) = x, and F = (1 - t)^2 / 2.
 * The flow conserves a^2 - (1 - t)^2 + ... so that a -> sqrt(1 + x^2) and the rate of 1 - t is
 * kappa = 2 sqrt(1 + x^2), irrational for most x; solved by hand,
 * 1 - t = 2 (1 + x^2) C w / ((C w + 1)^2 - (1 + x^2)), C = x^2 + x sqrt(1 + x^2), w = e^(kappa tau).
 */
class HyperbolicRationalTest {
  private static final Variable H = Variable.of("h");
  private static final Variable V = Variable.of("v");

  /** hat c_0 .. hat c_(orders-1) of F from the flow's Taylor recursion. */
  static List<Polynomial> balancedLine(int orders) {
    Polynomial x = Polynomial.variable(H).multiply(Polynomial.variable(V));
    List<Polynomial> t = new ArrayList<>(List.of(Polynomial.ZERO));
    List<Polynomial> a = new ArrayList<>(List.of(x));
    for (int n = 0; n + 1 < orders; n++) {
      Polynomial.Builder at = new Polynomial.Builder(); // [a (1 - t)]_n
      Polynomial.Builder tt = new Polynomial.Builder(); // [t (1 - t)]_n
      for (int i = 0; i <= n; i++) {
        Polynomial oneMinusT = (n - i == 0 ? Polynomial.ONE : Polynomial.ZERO).subtract(t.get(n - i));
        at.add(a.get(i).multiply(oneMinusT));
        tt.add(t.get(i).multiply(oneMinusT));
      }
      Rational step = Rational.of(2, n + 1);
      t.add(at.build().multiply(step));
      a.add(tt.build().multiply(step));
    }
    List<Polynomial> c = new ArrayList<>();
    Rational factorial = Rational.ONE;
    for (int s = 0; s < orders; s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      Polynomial.Builder sq = new Polynomial.Builder(); // [(1 - t)^2]_s
      for (int i = 0; i <= s; i++) {
        Polynomial gi = (i == 0 ? Polynomial.ONE : Polynomial.ZERO).subtract(t.get(i));
        Polynomial gj = (s - i == 0 ? Polynomial.ONE : Polynomial.ZERO).subtract(t.get(s - i));
        sq.add(gi.multiply(gj));
      }
      c.add(sq.build().multiply(factorial.multiply(Rational.HALF)));
    }
    return c;
  }

  @Test
  void balancedLineIsSummedWithItsIrrationalRate() {
    List<Polynomial> c = balancedLine(15);
    assertEquals("-2*h*v", c.get(1).toString()); // the engine's hat c_1 on this ray
    SummationResult r = Summation.solve(c, List.of(new HyperbolicRational()), WorkBudget.unlimited());
    assertTrue(r.closedForm().isPresent(), r.tried().toString());
    ClosedForm f = r.closedForm().get();
    assertTrue(f.relation().orElseThrow().contains("kappa^2 = 4+4*h^2*v^2"), f.relation().toString());
    assertTrue(r.tried().get(0).account().contains("only through x = h*v"), r.tried().toString());
    // at h v = 3/4 the rate is 5/2: the form agrees with the hand solution to 40 digits at tau = 0.7
    String s = "Sqrt(1+x^2)";
    String byHand = "(2*(1+x^2)*(x^2+x*" + s + ")*E^(2*" + s + "*tau)/(((x^2+x*" + s + ")*E^(2*" + s
        + "*tau)+1)^2-(1+x^2)))^2/2";
    String at = " /. {h -> 3/4, v -> 1, x -> 3/4, tau -> 7/10}";
    String difference = Symja.get().eval("N(Abs((" + f.inputForm() + ") - (" + byHand + "))" + at + ", 60)").toString();
    String value = Symja.get().eval("N((" + byHand + ")" + at + ", 60)").toString();
    assertTrue(Double.parseDouble(difference.replace("*10^", "E")) < 1e-40, difference + " against " + value);
    assertTrue(Double.parseDouble(value.replace("*10^", "E")) > 1e-3, value);
  }

  @Test
  void seriesWithoutAnExponentialRateHasNoProposal() {
    // 1/(1 + tau): c_s = (-1)^s s!
    List<Polynomial> c = new ArrayList<>();
    Rational factorial = Rational.ONE;
    for (int s = 0; s < 12; s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      c.add(Polynomial.constant(s % 2 == 0 ? factorial : factorial.negate()));
    }
    SummationResult r = Summation.solve(c, List.of(new HyperbolicRational()), WorkBudget.unlimited());
    assertFalse(r.closedForm().isPresent());
    assertTrue(r.tried().get(0).account().contains("no rate q = kappa^2"), r.tried().toString());
  }

  @Test
  void modularInterpolationAndGcd() {
    long p = ModularKernel.FIRST_PRIME;
    // (q - 3)(q + 1) = q^2 - 2q - 3 and (q - 3)(q - 5) = q^2 - 8q + 15, from their values at 1, 2, 3
    long[] xs = {1, 2, 3};
    long[] a = Mod.interpolate(xs, new long[] {p - 4, p - 3, 0}, p);
    long[] b = Mod.interpolate(xs, new long[] {8, 3, 0}, p);
    assertEquals(List.of(p - 3, p - 2, 1L), List.of(a[0], a[1], a[2]));
    long[] g = Mod.gcd(a, b, p);
    assertEquals(1, Mod.degree(g));
    assertEquals(List.of(p - 3, 1L), List.of(g[0], g[1]));
    assertEquals(p - 2, Mod.det(new long[][] {{1, 2}, {3, 4}}, p));
  }
}
