package org.gfd.summation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gfd.algebra.Rational;
import org.junit.jupiter.api.Test;

/**
 * The rule files load and each definition does what rules/README.md says, on examples whose
 * answers are known by hand; and the exact rank used to rule out systems agrees with a hand count.
 */
class RulesTest {
  private static String eval(String input) {
    return Symja.get().eval(input).toString();
  }

  @Test
  void everyRuleFileIsOnTheClassPathAndParses() {
    for (String file : Symja.RULE_FILES) {
      String text = Symja.ruleText(file);
      assertTrue(text.contains(":="), file);
    }
    // the engine loads them: a defined function evaluates
    assertEquals("True", eval("gfdZeroQ((x+1)^2 - x^2 - 2*x - 1)"));
    assertEquals("False", eval("gfdZeroQ(1/(x+1) - 1/x)"));
  }

  @Test
  void taylorAndExponentialCoefficients() {
    assertEquals("{1,1,1/2,1/6}", eval("gfdTaylor(Exp(x), x, 3)"));
    assertEquals("{1,2,0,0}", eval("gfdTaylor(1 + 2*x, x, 3)"));
    assertEquals("{1,2,4,8,16}", eval("gfdEgf(Exp(2*x), x, 4)"));
    assertEquals("{True,True,False}", eval("gfdCertify(Exp(-t), t, {1, -1, 2})"));
  }

  /**
   * Symja 3.0.0's Series mangles subexpressions free of the variable (it gives a*b + t for
   * a + b + t); gfdTaylor must not. Expected values by hand: 1/(1+t) = sum (-t)^k; log(1+x)/(1-x)
   * has partial sums of 1, -1/2, 1/3, ...; (e^t - 1)^2 + (e^t - 1)^5 = t^2 + t^3 + 7/12 t^4 + (1/4 + 1) t^5.
   */
  @Test
  void taylorKeepsSumsAndProductsOfConstants() {
    assertEquals("{a+b,1,0}", eval("gfdTaylor(a + b + t, t, 2)"));
    assertEquals("{a*b,1,0}", eval("gfdTaylor(a*b + t, t, 2)"));
    assertEquals("{a+b,-a-b,a+b,-a-b}", eval("gfdTaylor((a + b)/(1 + t), t, 3)"));
    assertEquals("{0,1,1/2,5/6,7/12}", eval("gfdTaylor(Log(1 + x)/(1 - x), x, 4)"));
    assertEquals("{0,0,1,1,7/12,5/4}", eval("gfdTaylor((E^t - 1)^2 + (E^t - 1)^3*(E^t - 1)^2, t, 5)"));
    assertEquals("{1,2,-2,4}", eval("gfdTaylor(Sqrt(1 + 4*x), x, 3)"));
    assertEquals("{1,-8*v,48*v^2,-256*v^3}", eval("gfdTaylor((1 + 4*v*t)^(-2), t, 3)"));
    // a removable singularity is not expanded: the certificate then fails, it never passes wrongly
    assertTrue(eval("gfdTaylor((1 - Sqrt(1 - 4*x))/(2*x), x, 2)").contains("Indeterminate"));
  }

  /** The root of a quadratic analytic at u = 0: here (1 - sqrt(1 - 4u)) / (2u) = 2/(1 + sqrt(1 - 4u)), Catalan numbers. */
  @Test
  void analyticRootOfAQuadratic() {
    assertEquals("{1,1,2,5,14}", eval("gfdTaylor(First(gfdAnalyticRoot(u*f^2 - f + 1, f, u)), u, 4)"));
    assertEquals("{3,-6,12}", eval("gfdTaylor(First(gfdAnalyticRoot((1 + 2*u)*f - 3, f, u)), u, 2)"));
  }

  /**
   * f^2 - 2 f + 1 - g^2 (u^2 + 3) with g = u - 2: the roots 1 -+ g Sqrt(u^2 + 3). The root analytic at
   * 0 with value 1 - g(0) Sqrt(3) = 1 + 2 Sqrt(3) is 1 - g Sqrt(u^2 + 3) at every u, also past u = 2
   * where g changes sign; the principal Sqrt of the whole discriminant, 2 |g| Sqrt(u^2 + 3), would
   * give 1 + |g| Sqrt(u^2 + 3) there. At u = 3: 1 - Sqrt(12) = -2.4641..., not 4.4641.
   */
  @Test
  void analyticRootFollowsTheSquareFactorThroughItsSignChange() {
    String roots = "gfdAnalyticRoot(Expand(f^2 - 2*f + 1 - (u - 2)^2*(u^2 + 3)), f, u)";
    assertEquals("2", eval("Length(" + roots + ")"));
    String analytic = "Select(" + roots + ", Function(r, gfdZeroQ((r /. u -> 0) - 1 - 2*Sqrt(3))))";
    assertEquals("1", eval("Length(" + analytic + ")"));
    assertEquals("True", eval("gfdZeroQ((First(" + analytic + ") /. u -> 3) - 1 + Sqrt(12))"));
  }

  @Test
  void rootsCarryTheirMultiplicity() {
    assertEquals("{-2,1,1}", eval("Sort(gfdRoots(Expand((k - 1)^2*(k + 2)), k))"));
    assertEquals("{}", eval("gfdRoots(3*h, k)"));
  }

  /** sum_k a_k x^k with a_0 = 1/2, a_(k+1)/a_k = -3/(k+1): 1/2 exp(-3 x); and (k+2)/(k+1) * 2: (1-2x)^-2. */
  @Test
  void ratioSumsAreTheHandSums() {
    assertEquals("True", eval("gfdZeroQ(gfdRatioSum({-3}, {1, 1}, 1/2, x) - Exp(-3*x)/2)"));
    assertEquals("True", eval("gfdZeroQ(gfdRatioSum({4, 2}, {1, 1}, 1, x) - (1 - 2*x)^(-2))"));
    assertEquals("7", eval("gfdRatioSum({0}, {1, 1}, 7, x)"));
  }

  /** Arguments that use the names a definition could use inside are not captured. */
  @Test
  void argumentsAreNotCapturedByLocalNames() {
    assertEquals("{1,c,c^2/2}", eval("gfdTaylor(Exp(c*s), s, 2)"));
    assertEquals("{True,True,True}", eval("gfdCertify(Exp(e*i), i, {1, e, e^2})"));
    assertEquals("True", eval("gfdZeroQ(gfdRatioSum({-p}, {1, 1}, q, k) - q*Exp(-p*k))"));
  }

  @Test
  void rankByEliminationCountsIndependentRows() {
    List<Rational[]> rows = new ArrayList<>();
    rows.add(new Rational[] {Rational.of(1), Rational.of(2), Rational.of(3)});
    rows.add(new Rational[] {Rational.of(2), Rational.of(4), Rational.of(6)});
    rows.add(new Rational[] {Rational.of(0), Rational.of(1, 2), Rational.of(1)});
    assertEquals(2, ExactMatrix.rank(rows, 3));
    List<Rational[]> identity = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Rational[] r = {Rational.ZERO, Rational.ZERO, Rational.ZERO};
      r[i] = Rational.ONE;
      identity.add(r);
    }
    assertEquals(3, ExactMatrix.rank(identity, 3));
  }
}
