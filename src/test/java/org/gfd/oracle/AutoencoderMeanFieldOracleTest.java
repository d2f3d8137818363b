package org.gfd.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gfd.algebra.Rational;
import org.junit.jupiter.api.Test;

/** The autoencoder oracle against facts worked out by hand (see the oracle's class comment). */
class AutoencoderMeanFieldOracleTest {
  private static final String[] XS = {"1/2", "1/3", "2", "3/2", "1/5", "7/4"};
  private static final String[] RS = {"1/2", "1", "2", "4", "1/10", "3"};

  private static Rational q(String s) {
    return Rational.parse(s);
  }

  private static void assertQ(Rational expected, Rational actual, String what) {
    assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + " but was " + actual);
  }

  private static void assertClose(double expected, double actual, double tol, String what) {
    assertTrue(Math.abs(expected - actual) <= tol * Math.max(1, Math.abs(expected)),
        what + ": expected " + expected + " but was " + actual + " (diff " + (actual - expected) + ")");
  }

  private static double taylorSum(List<Rational> c, double tau) {
    double sum = 0;
    double term = 1; // tau^k / k!
    for (int k = 0; k < c.size(); k++) {
      if (k > 0) {
        term *= tau / k;
      }
      sum += c.get(k).doubleValue() * term;
    }
    return sum;
  }

  // ------------------------------------------------------------------ exact coefficients

  @Test
  void zerothCoefficientIsHalfSquaredDistanceOfTheStart() {
    for (String xs : XS) {
      for (String rs : RS) {
        Rational x = q(xs);
        Rational expected = Rational.of(1).subtract(x).pow(2).multiply(Rational.of(1, 2));
        assertQ(expected, AutoencoderMeanFieldOracle.train(x, q(rs), 3).get(0), "train c0 x=" + xs + " r=" + rs);
        assertQ(expected, AutoencoderMeanFieldOracle.population(x, q(rs), 3).get(0), "pop c0 x=" + xs + " r=" + rs);
      }
    }
  }

  @Test
  void firstCoefficientMatchesTheHandDerivation() {
    // d/dt 1/2 s (lambda-1)^2 = s (lambda-1) lambda' = -4 s^2 lambda (lambda-1)^2 -> -4 x (1-x)^2 m_2, m_2 = 1 + r
    // d/dt 1/2 (lambda-1)^2 = -4 s lambda (lambda-1)^2 -> -4 x (1-x)^2 m_1, m_1 = 1
    for (String xs : XS) {
      for (String rs : RS) {
        Rational x = q(xs);
        Rational r = q(rs);
        Rational base = Rational.of(-4).multiply(x).multiply(Rational.of(1).subtract(x).pow(2));
        assertQ(base.multiply(Rational.of(1).add(r)), AutoencoderMeanFieldOracle.train(x, r, 2).get(1),
            "train c1 x=" + xs + " r=" + rs);
        assertQ(base, AutoencoderMeanFieldOracle.population(x, r, 2).get(1), "pop c1 x=" + xs + " r=" + rs);
      }
    }
    // a concrete number: x = 1/2, r = 2 -> train c1 = -4 * 1/2 * 1/4 * 3 = -3/2, pop c1 = -1/2
    assertQ(q("-3/2"), AutoencoderMeanFieldOracle.train(q("1/2"), q("2"), 1).get(1), "train c1 numeric");
    assertQ(q("-1/2"), AutoencoderMeanFieldOracle.population(q("1/2"), q("2"), 1).get(1), "pop c1 numeric");
  }

  @Test
  void secondCoefficientMatchesTheHandDerivation() {
    // with u = s t, h(u) = (g(u) - 1)^2, g' = -4 g (g - 1): h'' = 32 g (g-1)^2 (3g - 1), so
    // c2 = 1/2 * 32 x (1-x)^2 (3x-1) * m_{2 or 3} = 16 x (1-x)^2 (3x-1) * (1 + r | 1 + 3r + r^2)
    for (String xs : XS) {
      for (String rs : RS) {
        Rational x = q(xs);
        Rational r = q(rs);
        Rational base = Rational.of(16).multiply(x).multiply(Rational.of(1).subtract(x).pow(2))
            .multiply(Rational.of(3).multiply(x).subtract(Rational.of(1)));
        Rational m2 = Rational.of(1).add(r);
        Rational m3 = Rational.of(1).add(Rational.of(3).multiply(r)).add(r.pow(2));
        assertQ(base.multiply(m3), AutoencoderMeanFieldOracle.train(x, r, 2).get(2), "train c2 x=" + xs + " r=" + rs);
        assertQ(base.multiply(m2), AutoencoderMeanFieldOracle.population(x, r, 2).get(2), "pop c2 x=" + xs + " r=" + rs);
      }
    }
  }

  @Test
  void atTheFixedPointsNothingMoves() {
    // x = 1: M = I is optimal, every coefficient vanishes
    for (String rs : RS) {
      for (Rational c : AutoencoderMeanFieldOracle.train(q("1"), q(rs), 8)) {
        assertQ(Rational.of(0), c, "train x=1 r=" + rs);
      }
      for (Rational c : AutoencoderMeanFieldOracle.population(q("1"), q(rs), 8)) {
        assertQ(Rational.of(0), c, "pop x=1 r=" + rs);
      }
    }
    // x = 0: lambda = 0 is a fixed point, F_pop = 1/2, F_train = 1/2 m_1 = 1/2 for all t
    for (String rs : RS) {
      List<Rational> tr = AutoencoderMeanFieldOracle.train(q("0"), q(rs), 6);
      List<Rational> po = AutoencoderMeanFieldOracle.population(q("0"), q(rs), 6);
      assertQ(q("1/2"), tr.get(0), "train x=0 c0");
      assertQ(q("1/2"), po.get(0), "pop x=0 c0");
      for (int k = 1; k <= 6; k++) {
        assertQ(Rational.of(0), tr.get(k), "train x=0 c" + k);
        assertQ(Rational.of(0), po.get(k), "pop x=0 c" + k);
      }
      assertClose(0.5, AutoencoderMeanFieldOracle.trainValue(0, q(rs).doubleValue(), 0.7), 1e-13, "train x=0");
      assertClose(0.5, AutoencoderMeanFieldOracle.populationValue(0, q(rs).doubleValue(), 0.7), 1e-13, "pop x=0");
    }
  }

  @Test
  void degenerateSpectrumGivesTheLogisticCurve() {
    // r = 0: MP_0 = delta_1, both losses are 1/2 (g(t) - 1)^2 with g(t) = x / (x + (1-x) e^{-4t})
    for (String xs : new String[] {"1/2", "1/3", "2"}) {
      Rational x = q(xs);
      List<Rational> tr = AutoencoderMeanFieldOracle.train(x, Rational.of(0), 22);
      List<Rational> po = AutoencoderMeanFieldOracle.population(x, Rational.of(0), 22);
      for (int k = 0; k <= 22; k++) {
        assertQ(tr.get(k), po.get(k), "r=0 train == pop, k=" + k);
      }
      double xd = x.doubleValue();
      for (double t : new double[] {0.005, 0.01, 0.02}) {
        double g = xd / (xd + (1 - xd) * Math.exp(-4 * t));
        assertClose(0.5 * (g - 1) * (g - 1), taylorSum(po, t), 1e-14, "r=0 x=" + xs + " t=" + t);
      }
    }
  }

  // ------------------------------------------------------------------ Marchenko-Pastur moments

  @Test
  void twoMomentRoutesAgree() {
    for (String rs : new String[] {"1/2", "1", "2", "4", "1/10", "3", "7/3", "0"}) {
      Rational r = q(rs);
      List<Rational> a = AutoencoderMeanFieldOracle.mpMomentsNarayana(r, 12);
      List<Rational> b = AutoencoderMeanFieldOracle.mpMomentsStieltjes(r, 12);
      for (int j = 0; j <= 12; j++) {
        assertQ(a.get(j), b.get(j), "m_" + j + " r=" + rs);
      }
      // by hand: 1, 1, 1 + r, 1 + 3r + r^2, 1 + 6r + 6r^2 + r^3
      Rational one = Rational.of(1);
      assertQ(one, a.get(0), "m0");
      assertQ(one, a.get(1), "m1");
      assertQ(one.add(r), a.get(2), "m2");
      assertQ(one.add(Rational.of(3).multiply(r)).add(r.pow(2)), a.get(3), "m3");
      assertQ(one.add(Rational.of(6).multiply(r)).add(Rational.of(6).multiply(r.pow(2))).add(r.pow(3)), a.get(4), "m4");
    }
  }

  @Test
  void quadratureReproducesTheExactMoments() {
    for (String rs : new String[] {"1/2", "1", "3", "1/10"}) {
      double r = q(rs).doubleValue();
      List<Rational> m = AutoencoderMeanFieldOracle.mpMomentsNarayana(q(rs), 6);
      for (int j = 0; j <= 6; j++) {
        int jj = j;
        double num = AutoencoderMeanFieldOracle.mpExpectation(s -> Math.pow(s, jj), r);
        assertClose(m.get(j).doubleValue(), num, 1e-12, "numeric m_" + j + " r=" + rs);
      }
    }
  }

  // ------------------------------------------------------------------ numerical values

  @Test
  void valuesAtZeroEqualTheZerothCoefficient() {
    for (String xs : XS) {
      for (String rs : RS) {
        double x = q(xs).doubleValue();
        double r = q(rs).doubleValue();
        double c0 = AutoencoderMeanFieldOracle.population(q(xs), q(rs), 0).get(0).doubleValue();
        assertClose(c0, AutoencoderMeanFieldOracle.trainValue(x, r, 0), 1e-13, "train(0) x=" + xs + " r=" + rs);
        assertClose(c0, AutoencoderMeanFieldOracle.populationValue(x, r, 0), 1e-13, "pop(0) x=" + xs + " r=" + rs);
      }
    }
  }

  @Test
  void finiteDifferenceSlopeAtZeroIsTheFirstCoefficient() {
    double h = 1e-5;
    for (String xs : XS) {
      for (String rs : RS) {
        double x = q(xs).doubleValue();
        double r = q(rs).doubleValue();
        double c1t = AutoencoderMeanFieldOracle.train(q(xs), q(rs), 1).get(1).doubleValue();
        double c1p = AutoencoderMeanFieldOracle.population(q(xs), q(rs), 1).get(1).doubleValue();
        // one-sided second-order difference: F'(0) ~ (-3 F(0) + 4 F(h) - F(2h)) / (2h)
        double dt = (-3 * AutoencoderMeanFieldOracle.trainValue(x, r, 0) + 4 * AutoencoderMeanFieldOracle.trainValue(x, r, h)
            - AutoencoderMeanFieldOracle.trainValue(x, r, 2 * h)) / (2 * h);
        double dp = (-3 * AutoencoderMeanFieldOracle.populationValue(x, r, 0)
            + 4 * AutoencoderMeanFieldOracle.populationValue(x, r, h)
            - AutoencoderMeanFieldOracle.populationValue(x, r, 2 * h)) / (2 * h);
        assertClose(c1t, dt, 1e-6, "train slope x=" + xs + " r=" + rs);
        assertClose(c1p, dp, 1e-6, "pop slope x=" + xs + " r=" + rs);
      }
    }
  }

  @Test
  void taylorSeriesAgreesWithTheQuadratureAtSmallTime() {
    // the series in t has radius about |u*| / b with b = (1 + sqrt r)^2 and u* the nearest singularity of
    // the logistic curve in u = s t (pi/4 for x = 1/2, ln(2)/4 for x = 2); stay well inside it
    int order = 24;
    for (String xs : XS) {
      for (String rs : RS) {
        double x = q(xs).doubleValue();
        double r = q(rs).doubleValue();
        List<Rational> tr = AutoencoderMeanFieldOracle.train(q(xs), q(rs), order);
        List<Rational> po = AutoencoderMeanFieldOracle.population(q(xs), q(rs), order);
        double b = (1 + Math.sqrt(r)) * (1 + Math.sqrt(r));
        for (double t : new double[] {0.002 / b, 0.01 / b, 0.02 / b}) {
          assertClose(taylorSum(tr, t), AutoencoderMeanFieldOracle.trainValue(x, r, t), 1e-12,
              "train x=" + xs + " r=" + rs + " t=" + t);
          assertClose(taylorSum(po, t), AutoencoderMeanFieldOracle.populationValue(x, r, t), 1e-12,
              "pop x=" + xs + " r=" + rs + " t=" + t);
        }
      }
    }
  }

  @Test
  void quadratureConvergesUnderRefinement() {
    for (String xs : XS) {
      for (String rs : RS) {
        double x = q(xs).doubleValue();
        double r = q(rs).doubleValue();
        for (double t : new double[] {0.05, 0.3, 1.0}) {
          double t1 = AutoencoderMeanFieldOracle.trainValue(x, r, t, 512);
          double t2 = AutoencoderMeanFieldOracle.trainValue(x, r, t, 1024);
          double p1 = AutoencoderMeanFieldOracle.populationValue(x, r, t, 512);
          double p2 = AutoencoderMeanFieldOracle.populationValue(x, r, t, 1024);
          String what = " x=" + xs + " r=" + rs + " t=" + t;
          assertClose(t2, t1, 1e-13, "train 512 vs 1024" + what);
          assertClose(p2, p1, 1e-13, "pop 512 vs 1024" + what);
          assertClose(t2, AutoencoderMeanFieldOracle.trainValue(x, r, t), 1e-13, "train adaptive" + what);
          assertClose(p2, AutoencoderMeanFieldOracle.populationValue(x, r, t), 1e-13, "pop adaptive" + what);
        }
      }
    }
  }

  @Test
  void directAtomPlusDensityRouteAgrees() {
    // away from r = 1 the plain form atom * f(0) + Integral f dMP_cont converges fast; compare
    for (String xs : XS) {
      for (String rs : new String[] {"1/2", "2", "4", "1/10", "3"}) {
        double x = q(xs).doubleValue();
        double r = q(rs).doubleValue();
        for (double t : new double[] {0.1, 0.5, 2.0}) {
          double pd = AutoencoderMeanFieldOracle.mpExpectation(s -> {
            double d = AutoencoderMeanFieldOracle.lambdaMinusOne(x, s, t);
            return 0.5 * d * d;
          }, r);
          double td = AutoencoderMeanFieldOracle.mpExpectation(s -> {
            double d = AutoencoderMeanFieldOracle.lambdaMinusOne(x, s, t);
            return 0.5 * s * d * d;
          }, r);
          String what = " x=" + xs + " r=" + rs + " t=" + t;
          assertClose(pd, AutoencoderMeanFieldOracle.populationValue(x, r, t), 1e-12, "pop direct" + what);
          assertClose(td, AutoencoderMeanFieldOracle.trainValue(x, r, t), 1e-12, "train direct" + what);
        }
      }
    }
  }

  @Test
  void longTimeLimits() {
    // for s > 0, lambda_s -> 1; only the atom at s = 0 (mass 1 - 1/r for r > 1) keeps lambda = x
    for (String xs : new String[] {"1/2", "1/5", "9/10", "3/2"}) {
      double x = q(xs).doubleValue();
      for (String rs : new String[] {"2", "4", "3", "3/2"}) {
        double r = q(rs).doubleValue();
        double expected = (1 - 1 / r) * (1 - x) * (1 - x) / 2;
        for (double t : new double[] {200, 1000}) {
          assertClose(expected, AutoencoderMeanFieldOracle.populationValue(x, r, t), 1e-12,
              "pop limit x=" + xs + " r=" + rs + " t=" + t);
          assertClose(0, AutoencoderMeanFieldOracle.trainValue(x, r, t), 1e-12,
              "train limit x=" + xs + " r=" + rs + " t=" + t);
        }
      }
      for (String rs : new String[] {"1/2", "1/10"}) {
        double r = q(rs).doubleValue();
        assertClose(0, AutoencoderMeanFieldOracle.populationValue(x, r, 500), 1e-12, "pop limit r<1 x=" + xs);
        assertClose(0, AutoencoderMeanFieldOracle.trainValue(x, r, 500), 1e-12, "train limit r<1 x=" + xs);
      }
    }
  }

  @Test
  void trainLossIsNonIncreasingAlongTheFlow() {
    for (String xs : XS) {
      for (String rs : RS) {
        double x = q(xs).doubleValue();
        double r = q(rs).doubleValue();
        double prev = AutoencoderMeanFieldOracle.trainValue(x, r, 0);
        for (int i = 1; i <= 40; i++) {
          double cur = AutoencoderMeanFieldOracle.trainValue(x, r, 0.05 * i);
          assertTrue(cur <= prev + 1e-14, "train loss increased at t=" + 0.05 * i + " x=" + xs + " r=" + rs);
          prev = cur;
        }
      }
    }
  }

  @Test
  void atTheOptimumTheValuesVanish() {
    for (String rs : RS) {
      double r = q(rs).doubleValue();
      for (double t : new double[] {0, 0.1, 1, 10}) {
        assertEquals(0.0, AutoencoderMeanFieldOracle.trainValue(1, r, t), 0.0, "train x=1");
        assertEquals(0.0, AutoencoderMeanFieldOracle.populationValue(1, r, t), 0.0, "pop x=1");
      }
    }
  }
}
