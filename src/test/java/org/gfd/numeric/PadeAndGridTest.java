package org.gfd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.error.InputException;
import org.junit.jupiter.api.Test;

/** Padé approximants against the textbook ones, the radius estimate, and the time grid. */
class PadeAndGridTest {
  private static List<Rational> expCoefficients(int n) {
    List<Rational> a = new ArrayList<>();
    Rational f = Rational.ONE;
    for (int k = 0; k <= n; k++) {
      f = k == 0 ? Rational.ONE : f.multiply(Rational.of(k));
      a.add(Rational.ONE.divide(f));
    }
    return a;
  }

  /** [2/2] of exp(x) is (12 + 6x + x^2) / (12 - 6x + x^2) (Baker and Graves-Morris, table 1.2). */
  @Test
  void diagonalApproximantOfTheExponential() {
    Pade p = Pade.of(expCoefficients(4));
    assertEquals("[2/2]", p.toString());
    for (Rational x : List.of(Rational.of(1), Rational.of(-3, 7), Rational.of(5, 2))) {
      Rational want = Rational.of(12).add(Rational.of(6).multiply(x)).add(x.pow(2))
          .divide(Rational.of(12).subtract(Rational.of(6).multiply(x)).add(x.pow(2)));
      assertEquals(want, p.at(x).orElseThrow(), "x = " + x);
    }
  }

  /** 1/(1 - x): the [2/2] system is singular (a block of the table); [3/1] is the function itself. */
  @Test
  void singularSystemFallsBackToALowerDenominator() {
    List<Rational> a = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      a.add(Rational.ONE);
    }
    Pade p = Pade.of(a);
    assertEquals("[3/1]", p.toString());
    assertEquals(Rational.of(2), p.at(Rational.HALF).orElseThrow());
    assertTrue(p.at(Rational.ONE).isEmpty(), "a pole at x = 1");
  }

  /** a_k = (-1)^k 3^k: radius 1/3; a_k = 2^-k for even k and 0 for odd: radius sqrt 2. */
  @Test
  void radiusFromTheLastCoefficients() {
    List<Rational> alternating = new ArrayList<>();
    List<Rational> even = new ArrayList<>();
    for (int k = 0; k <= 10; k++) {
      alternating.add(Rational.of(-3).pow(k));
      even.add(k % 2 == 0 ? Rational.of(1, 2).pow(k / 2) : Rational.ZERO);
    }
    assertEquals(1.0 / 3, Curves.radius(alternating).orElseThrow(), 1e-12);
    assertEquals(Math.sqrt(2), Curves.radius(even).orElseThrow(), 1e-12);
    assertTrue(Curves.radius(List.of(Rational.ONE, Rational.ZERO, Rational.ZERO)).isEmpty());
  }

  /** Series values are exact: the truncated sum and the Padé value at a rational time, and their estimates. */
  @Test
  void seriesCurvesAreExactRationalsRounded() {
    // c_s = 1 for every s: F = e^tau; the series through order 4 at tau = 1 is 65/24, its last two terms 1/24 + 1/6
    List<Polynomial> c = java.util.Collections.nCopies(5, Polynomial.constant(Rational.ONE));
    Curve s = Curves.series(c, false, TauGrid.parse("--tau", "1"), 20, org.gfd.network.WorkBudget.unlimited());
    CurvePoint p = s.points().get(0);
    // 65/24 = 2.708..., with an error of 0.208 one digit is left: 3
    assertEquals(1, p.digits());
    assertEquals(0, p.value().compareTo(new Apfloat(3)), p.value().toString());
    assertEquals(0, p.error().compareTo(new Apfloat("0.209", 3)));
    Curve pade = Curves.series(c, true, TauGrid.parse("--tau", "1"), 20, org.gfd.network.WorkBudget.unlimited());
    // [2/2] at 1 is 19/7 = 2.714...; [1/1] at 1 is 3: an error of 2/7 = 0.2857... leaves one digit, 3
    assertEquals(0, pade.points().get(0).error().compareTo(new Apfloat("0.286", 3)), pade.points().get(0).error().toString());
    assertEquals(0, pade.points().get(0).value().compareTo(new Apfloat(3)));
  }

  @Test
  void seriesOfSymbolsIsRefused() {
    List<Polynomial> c = List.of(Polynomial.constant(Rational.ONE), Polynomial.variable(org.gfd.algebra.Variable.P),
        Polynomial.constant(Rational.ONE));
    assertThrows(IllegalArgumentException.class,
        () -> Curves.series(c, true, TauGrid.parse("--tau", "1"), 10, org.gfd.network.WorkBudget.unlimited()));
  }

  @Test
  void gridsAreExact() {
    TauGrid g = TauGrid.parse("--tau", "0:5:0.1");
    assertEquals(51, g.points().size());
    assertEquals(Rational.of(5), g.points().get(50));
    assertEquals(Rational.of(3, 10), g.points().get(3));
    assertEquals(List.of(Rational.of(1, 3)), TauGrid.parse("--tau", " 1/3 ").points());
    assertEquals(List.of(Rational.ZERO, Rational.of(3, 10), Rational.of(6, 10), Rational.of(9, 10)),
        TauGrid.parse("--tau", "0:1:0.3").points());
    for (String bad : List.of("", "1:2", "a", "0:1:0", "1:0:1", "-1", "0:1e9:1e-9", "1/0", "1e99999")) {
      assertThrows(InputException.class, () -> TauGrid.parse("--tau", bad), bad);
    }
  }
}
