package org.gfd.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfd.oracle.NarrowLatentOracle.Quadrature;
import org.gfd.oracle.NarrowLatentOracle.Value;
import org.junit.jupiter.api.Test;

/** The narrow-latent oracle against facts known exactly (see the oracle's class comment). */
class NarrowLatentOracleTest {
  private static final double[][] VR = {{0.5, 0.5}, {0.5, 2}, {1.5, 0.5}, {0.25, 1}, {2, 3}};

  private static void assertClose(double expected, double actual, double tol, String what) {
    assertTrue(Math.abs(expected - actual) <= tol * Math.max(1, Math.abs(expected)),
        what + ": expected " + expected + " but was " + actual + " (diff " + (actual - expected) + ")");
  }

  private static double slope(double v, double r) {
    return -4 * v - 4 * v * r + 8 * v * v + 4 * v * v * r - 4 * v * v * v - v * v * v * r;
  }

  /** Narayana moments m_j = sum_k r^k C(j,k) C(j-1,k)/(k+1) in double. */
  private static double moment(double r, int j) {
    if (j == 0) {
      return 1;
    }
    double sum = 0;
    for (int k = 0; k <= j - 1; k++) {
      sum += Math.pow(r, k) * binomial(j, k) * binomial(j - 1, k) / (k + 1);
    }
    return sum;
  }

  private static double binomial(int n, int k) {
    double b = 1;
    for (int i = 1; i <= k; i++) {
      b = b * (n - k + i) / i;
    }
    return b;
  }

  @Test
  void gaussRuleReproducesMarchenkoPasturMoments() {
    for (double r : new double[] {0.5, 1, 2, 3}) {
      double[][] rule = NarrowLatentOracle.gaussRule(r, 8);
      for (int j = 0; j <= 15; j++) {
        double m = 0;
        for (int i = 0; i < 8; i++) {
          m += rule[1][i] * Math.pow(rule[0][i], j);
        }
        assertClose(moment(r, j), m, 1e-12 * moment(r, j), "m_" + j + " at r=" + r);
      }
    }
  }

  @Test
  void zeroAtZero() {
    for (double[] vr : VR) {
      double[] out = NarrowLatentOracle.trainAndPopulation(vr[0], vr[1], 0);
      assertEquals(0, out[0], 1e-15);
      assertEquals(0, out[1], 1e-15);
    }
  }

  @Test
  void initialSlope() {
    for (double[] vr : VR) {
      double v = vr[0];
      double r = vr[1];
      double expected = slope(v, r);
      double h = 1e-4;
      double plain = NarrowLatentOracle.trainAndPopulation(v, r, h)[0] / h;
      assertClose(expected, plain, 1e-3, "train(h)/h at v=" + v + " r=" + r);
      // Richardson: O(h^2) error
      double h2 = 1e-4;
      double richardson = 2 * NarrowLatentOracle.trainAndPopulation(v, r, h2 / 2)[0] / (h2 / 2)
          - NarrowLatentOracle.trainAndPopulation(v, r, h2)[0] / h2;
      assertClose(expected, richardson, 1e-5, "Richardson slope at v=" + v + " r=" + r);
      // population: q'(0) = (R - 1) R'(0) = (v - 1) 4 v (1 - v)
      double pop = NarrowLatentOracle.trainAndPopulation(v, r, h)[1] / h;
      assertClose(-4 * v * (1 - v) * (1 - v), pop, 1e-3, "population slope");
    }
  }

  @Test
  void normTendsToOne() {
    Value value = NarrowLatentOracle.evaluate(0.5, 0.5, 20);
    assertEquals(1, value.norm2(), 1e-6);
    // R' = 4 A (1 - R), so 1 - R = (1 - v) exp(-4 Integral A) stays in (0, 1 - v)
    for (double tau : new double[] {0.5, 1, 3}) {
      Value at = NarrowLatentOracle.evaluate(0.5, 0.5, tau);
      assertTrue(at.norm2() > 0.5 && at.norm2() < 1, "R(" + tau + ") = " + at.norm2());
      double q = at.norm2() * at.norm2() / 2 - at.norm2();
      assertClose(q - (0.125 - 0.5), at.population(), 1e-14, "population = q(R) - q(v)");
    }
  }

  @Test
  void identityCovarianceIsLogistic() {
    double r = 1e-12;
    for (double v : new double[] {0.5, 0.1, 1.5, 2}) {
      for (double tau : new double[] {0.1, 0.5, 1, 3}) {
        double e = Math.exp(4 * tau);
        double rt = v * e / (1 - v + v * e);
        double train = -rt + rt * rt / 2 - (-v + v * v / 2);
        double pop = rt * rt / 2 - rt - (v * v / 2 - v);
        double[] out = NarrowLatentOracle.trainAndPopulation(v, r, tau);
        assertClose(train, out[0], 1e-9, "train v=" + v + " tau=" + tau);
        assertClose(pop, out[1], 1e-9, "population v=" + v + " tau=" + tau);
      }
    }
  }

  @Test
  void twoQuadraturesAgreeAndErrorEstimateIsSmall() {
    for (double[] vr : new double[][] {{0.5, 0.5}, {0.5, 2}, {1.5, 0.5}, {2, 3}}) {
      for (double tau : new double[] {0.5, 1, 3}) {
        Value gauss = NarrowLatentOracle.evaluate(vr[0], vr[1], tau);
        Value angle = NarrowLatentOracle.evaluate(vr[0], vr[1], tau, Quadrature.ANGLE, 1e-12);
        String at = " v=" + vr[0] + " r=" + vr[1] + " tau=" + tau;
        assertTrue(gauss.trainError() < 1e-10 && gauss.populationError() < 1e-10,
            "error estimate" + at + ": " + gauss);
        assertClose(gauss.train(), angle.train(), 1e-10, "train" + at);
        assertClose(gauss.population(), angle.population(), 1e-10, "population" + at);
        // doubling K twice more and tightening the integrator to 1e-14 moves nothing
        Value fine = NarrowLatentOracle.solve(vr[0], vr[1], tau, Quadrature.GAUSS_MP,
            4 * gauss.nodes(), 1e-14);
        assertClose(fine.train(), gauss.train(), 1e-11, "train converged" + at);
        assertClose(fine.population(), gauss.population(), 1e-11, "population converged" + at);
      }
    }
  }
}
