package org.gfd.dmft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ObjIntConsumer;
import org.gfd.algebra.Rational;
import org.gfd.lang.ModelLoader;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The DMFT solver against the Marchenko-Pastur law, computed here without the DMFT: gradient
 * descent on linear regression moves {@code e = w - b} by {@code (I - h S)^k}, {@code S = X X^T / n},
 * so per coordinate the test loss is {@code E[e0^2]/2 int (1 - h x)^(2k) dMP(x)} and the train loss
 * {@code E[e0^2]/2 int x (1 - h x)^(2k) dMP(x)}; expanded in the moments of the law (Narayana
 * polynomials, {@code int x^q dMP = sum_j N(q, j) alpha^(j-1)}) these are exact rationals.
 */
class DmftTest {
  private static final SiteModel REGRESSION = SiteModel.recognize(
      ModelLoader.file(Path.of("tests/models/linear-regression.gfd"), Map.of()));

  @ParameterizedTest
  @CsvSource({"1, 2", "2, 1", "1, 1"})
  void linearRegressionAtEqualStepIsTheMarchenkoPasturSumToRoundOff(int alphaNum, int alphaDen) {
    Rational alpha = Rational.of(alphaNum, alphaDen);
    Rational sigma2 = Rational.of(1, 2);
    Rational h = Rational.of(1, 20);
    int steps = 40;
    Rational secondMoment = sigma2.add(Rational.ONE);
    DmftProblem problem = new DmftProblem(REGRESSION, alpha.doubleValue(), new double[] {sigma2.doubleValue()}, 1);
    Dmft.Trajectory t = Dmft.solve(problem, h.doubleValue(), steps, 2, 1, WorkBudget.unlimited());
    Rational[] moments = moments(alpha, 2 * steps + 1);
    for (int k = 0; k <= steps; k++) {
      Rational test = Rational.ZERO;
      Rational train = Rational.ZERO;
      for (int q = 0; q <= 2 * k; q++) {
        Rational w = Rational.of(binomial(2 * k, q)).multiply(h.negate().pow(q));
        test = test.add(w.multiply(moments[q]));
        train = train.add(w.multiply(moments[q + 1]));
      }
      double wantTest = secondMoment.multiply(test).multiply(Rational.HALF).doubleValue();
      double wantTrain = secondMoment.multiply(train).multiply(Rational.HALF).doubleValue();
      assertEquals(wantTest, t.test()[k], 1e-12 * wantTest, "test loss at step " + k);
      assertEquals(wantTrain, t.train()[k], 1e-12 * wantTrain, "train loss at step " + k);
    }
  }

  @ParameterizedTest
  @CsvSource({"0.5", "2"})
  void extrapolatedLinearRegressionIsGradientFlowsMarchenkoPasturIntegral(double alpha) {
    double sigma2 = 1;
    DmftProblem problem = new DmftProblem(REGRESSION, alpha, new double[] {sigma2}, 1);
    Dmft.Result r = Dmft.solve(problem, new Dmft.Settings(2, 160, 5, 2, 1, 1), WorkBudget.unlimited(), k -> {});
    for (int j = 0; j < r.times().length; j++) {
      double t = r.times()[j];
      double test = (1 + sigma2) / 2 * marchenkoPastur(alpha, x -> Math.exp(-2 * x * t));
      double train = (1 + sigma2) / 2 * marchenkoPastur(alpha, x -> x * Math.exp(-2 * x * t));
      assertEquals(test, r.test()[j], 1e-3 * test, "test loss at t = " + t);
      assertEquals(train, r.train()[j], 1e-3 * train, "train loss at t = " + t);
      // the error estimate covers the error and is not wildly pessimistic
      assertTrue(Math.abs(r.test()[j] - test) <= Math.max(r.testError()[j], 1e-12), "estimate at t = " + t);
      assertTrue(r.testError()[j] < 1e-3 * test);
    }
  }

  @Test
  void aSampledSiteAgreesWithTheExactClosureWithinItsSamplingError() {
    // the same affine site, forced through the Monte Carlo path
    DmftProblem problem = new DmftProblem(REGRESSION, 0.5, new double[] {1}, 1);
    int steps = 40;
    Dmft.Trajectory exact = Dmft.solve(problem, 0.05, steps, 2, 1, WorkBudget.unlimited());
    Kernels kernels = new Kernels(steps, 0.5);
    SiteProcess sampled = new SiteProcess.Sampled(REGRESSION.f(), new double[] {1}, 1, steps, 40000, 7);
    march(sampled, kernels, steps, 0.05, (resp, k) -> {
      // the response of an affine site is the same for every sample: no sampling error at all, only
      // the rounding of the single-precision tangent history
      for (int l = 0; l <= k; l++) {
        assertEquals(exactResponse(problem, k + 1, l, kernels), resp[l], 1e-6);
      }
    });
    kernels.dataRow(steps);
    for (int k = 0; k <= steps; k += 10) {
      // E[e^2] of 40000 Gaussian samples: relative standard error sqrt(2/40000) = 0.7%
      assertEquals(exact.test()[k], kernels.ce[k][k] / 2, 0.03 * exact.test()[k], "test at step " + k);
      assertEquals(exact.train()[k], kernels.cr[k][k] / 2, 0.03 * exact.train()[k], "train at step " + k);
    }
  }

  @Test
  void theSampledResponseIsTheDerivativeOfTheErrorsByFiniteDifferences() {
    SiteModel diagonal = SiteModel.recognize(ModelLoader.file(Path.of("tests/models/diagonal-network.gfd"), Map.of()));
    int steps = 30;
    double h = 0.05;
    // kernels from a real solve, then frozen
    Kernels kernels = new Kernels(steps, 0.5);
    SiteProcess.Sampled reference = new SiteProcess.Sampled(diagonal.f(), new double[] {1, 1}, 1, steps, 2000, 3);
    march(reference, kernels, steps, h, (resp, k) -> {});
    int kicked = 7;
    double eps = 1e-6;
    SiteProcess.Sampled plain = new SiteProcess.Sampled(diagonal.f(), new double[] {1, 1}, 1, steps, 300, 11);
    SiteProcess.Sampled pushed = new SiteProcess.Sampled(diagonal.f(), new double[] {1, 1}, 1, steps, 300, 11);
    pushed.kick(kicked, eps);
    plain.start();
    pushed.start();
    double[][] responses = new double[steps + 1][];
    for (int k = 0; k < steps; k++) {
      double[] r = new double[steps + 1];
      plain.step(k, kernels, h, new double[steps + 2], r);
      responses[k + 1] = r;
      pushed.step(k, kernels, h, new double[steps + 2], new double[steps + 1]);
    }
    for (int k = kicked + 1; k <= steps; k++) {
      double[] a = plain.errors(k);
      double[] b = pushed.errors(k);
      double difference = 0;
      for (int s = 0; s < a.length; s++) {
        difference += (b[s] - a[s]) / eps / a.length;
      }
      assertEquals(difference, responses[k][kicked], 1e-4 * Math.max(1, Math.abs(difference)), "R_e(" + k + ", " + kicked + ")");
    }
  }

  @ParameterizedTest
  @CsvSource({"2", "0.5"})
  void theSampledDiagonalNetworkStartsAsTheHandDerivedSeries(double m) {
    // E[O(t)] = c0 + c1 t + c2 t^2/2 + O(t^3) per coordinate, c_s from DiagonalNetworkOracle (derived by hand); at
    // t = 1/200, a tenth of the series' radius, the cubic term is below 3e-4; the change from t = 0 is measured on the
    // same samples, so the sampling error of the start cancels
    SiteModel diagonal = SiteModel.recognize(ModelLoader.file(Path.of("tests/models/diagonal-network.gfd"), Map.of()));
    DmftProblem problem = new DmftProblem(diagonal, 1 / m, new double[] {1, 1}, 1);
    Dmft.Result r = Dmft.solve(problem, new Dmft.Settings(0.01, 16, 3, 400000, 1, 5), WorkBudget.unlimited(), k -> {});
    double t = r.times()[1];
    assertEquals(0.005, t, 1e-15);
    String[][] oracle = {org.gfd.oracle.DiagonalNetworkOracle.train(), org.gfd.oracle.DiagonalNetworkOracle.test()};
    double[][] curves = {r.train(), r.test()};
    for (int o = 0; o < 2; o++) {
      double c1 = org.gfd.oracle.DiagonalNetworkOracle.value(oracle[o][1], 1, m);
      double c2 = org.gfd.oracle.DiagonalNetworkOracle.value(oracle[o][2], 1, m);
      double change = curves[o][1] - curves[o][0];
      assertEquals(c1 * t + c2 * t * t / 2, change, 1e-3, (o == 0 ? "train" : "test") + " change by t = " + t);
    }
  }

  @Test
  void aSolveWhoseSamplesBlowUpEndsItsCurvesAndSaysWhy() {
    // f = w^3 from a wide start, at a step far too long: the fastest samples overshoot and grow without bound
    SiteModel cubic = SiteModel.recognize(ModelLoader.parse("model cubic\nindex p, n\nparam w[p] ~ N(0, sigma2)\n"
        + "data X[p, n] ~ N(0, 1)\ndata b[p] ~ N(0, 1)\ntensor e[i] = delta[i, j, k, l] w[j] w[k] w[l] - b[i]\n"
        + "loss = 1/(2 n) |e[i] X[i, a]|^2\n", "cubic.gfd", Map.of()));
    DmftProblem problem = new DmftProblem(cubic, 0.5, new double[] {4}, 1);
    Dmft.Result r = Dmft.solve(problem, new Dmft.Settings(2, 48, 5, 500, 2, 1), WorkBudget.unlimited(), k -> {});
    assertTrue(r.stopped().isPresent(), "a stop is reported");
    assertTrue(r.times().length < 5, "the curves end early: " + r.times().length + " times");
    assertTrue(r.stopped().get().contains("not trusted from t ="), r.stopped().get());
    for (double x : r.train()) {
      assertTrue(Double.isFinite(x), "only finite values are reported");
    }
  }

  /** The response of the affine site, from the kernels the sampled solve built (the Gaussian recursion). */
  private static double exactResponse(DmftProblem problem, int k1, int l, Kernels kernels) {
    double[][] r = new double[k1 + 1][k1 + 1];
    for (int k = 0; k < k1; k++) {
      for (int j = 0; j <= k; j++) {
        double kick = j == k ? 1 : 0;
        for (int i = j + 1; i <= k; i++) {
          kick += kernels.rr[k][i] * r[i][j];
        }
        r[k + 1][j] = r[k][j] - 0.05 * kick;
      }
    }
    return r[k1][l];
  }

  /** {@code int x^q dMP(x)} for {@code q = 0..max}: Narayana polynomials in {@code alpha}. */
  static Rational[] moments(Rational alpha, int max) {
    Rational[] m = new Rational[max + 1];
    m[0] = Rational.ONE;
    for (int q = 1; q <= max; q++) {
      Rational s = Rational.ZERO;
      for (int j = 1; j <= q; j++) {
        BigInteger narayana = binomial(q, j).multiply(binomial(q, j - 1)).divide(BigInteger.valueOf(q));
        s = s.add(Rational.of(narayana).multiply(alpha.pow(j - 1)));
      }
      m[q] = s;
    }
    return m;
  }

  static BigInteger binomial(int n, int k) {
    BigInteger b = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return b;
  }

  /**
   * {@code int phi dMP} for the law of {@code X X^T / n}, {@code alpha = p / n}: the density
   * {@code sqrt((x+ - x)(x - x-)) / (2 pi alpha x)} on {@code [(1 - sqrt alpha)^2, (1 + sqrt alpha)^2]},
   * plus an atom {@code 1 - 1/alpha} at 0 when {@code alpha > 1}; with {@code x = c + r cos theta}
   * the integrand is smooth and periodic, so the trapezoid rule converges geometrically.
   */
  static double marchenkoPastur(double alpha, DoubleUnaryOperator phi) {
    double c = 1 + alpha;
    double r = 2 * Math.sqrt(alpha);
    int n = 4000;
    double s = 0;
    for (int i = 1; i < n; i++) {
      double theta = Math.PI * i / n;
      double x = c + r * Math.cos(theta);
      double sin = Math.sin(theta);
      s += r * r * sin * sin / (2 * Math.PI * alpha * x) * phi.applyAsDouble(x);
    }
    s *= Math.PI / n;
    return s + (alpha > 1 ? (1 - 1 / alpha) * phi.applyAsDouble(0) : 0);
  }

  /**
   * Marches {@code site} through {@code steps} steps of size {@code h}, filling the kernels' site
   * rows as the solver does; {@code afterStep} sees each step's number and response row.
   */
  private static void march(SiteProcess site, Kernels kernels, int steps, double h,
      ObjIntConsumer<double[]> afterStep) {
    double[] c = new double[steps + 2];
    double[] resp = new double[steps + 1];
    c[0] = site.start();
    kernels.setSiteRow(0, c, resp);
    for (int k = 0; k < steps; k++) {
      kernels.dataRow(k);
      site.step(k, kernels, h, c, resp);
      kernels.setSiteRow(k + 1, c, resp);
      afterStep.accept(resp, k);
    }
  }
}
