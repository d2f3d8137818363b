package org.gfd.dmft;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.gfd.error.InputException;

/**
 * The parameter site of the DMFT in discrete time (step {@code h}): one coordinate's numbers
 * {@code theta} under gradient descent in the field the data exert on it,
 *
 * <pre>  theta(k+1) = theta(k) - h grad f(theta(k)) g(k),
 *  g(k) = psi(k) + sum_{l <= k} R_r(k, l) e(l),   e = f(theta) - b,   psi ~ N(0, alpha C_r)</pre>
 *
 * with {@code theta(0)} and the teacher {@code b} Gaussian. A site reports the statistics the
 * data site needs: {@code C_e(k+1, l)} and the response {@code R_e(k+1, l) = E[d e(k+1) / d g(l)]}
 * (the derivative taken through the whole single-site process, its memory term included).
 */
sealed interface SiteProcess permits SiteProcess.Gaussian, SiteProcess.Sampled {
  /** A sample's dynamics stopped being finite: the solve ends at the step before. */
  final class Diverged extends RuntimeException {
    Diverged(String message) {
      super(message, null, false, false);
    }
  }

  /** {@code C_e(0, 0)}. */
  double start();

  /**
   * Advances from step {@code k} to {@code k + 1} with the kernels' row {@code k}; writes
   * {@code C_e(k+1, l)} for {@code l <= k+1} to {@code correlations} and {@code R_e(k+1, l)} for
   * {@code l <= k} to {@code responses}.
   */
  void step(int k, Kernels kernels, double h, double[] correlations, double[] responses);

  /**
   * For a sampled site, {@code [E e(k) g(k), its standard error]} over the samples, with the
   * kernels' row {@code k} filled; {@code null} for an exact site. In exact theory
   * {@code E e(k) g(k) = C_r(k, k)} (Novikov's theorem on the field, with the response as
   * computed), so the two estimates of the train loss check a sampled solve.
   */
  default double[] fieldCheck(int k, Kernels kernels) {
    return null;
  }

  /**
   * An affine site {@code f = c0 + c . theta}: {@code e} is linear in the Gaussians, so its
   * second moments follow exactly, without sampling and without factoring {@code C_psi}. With
   * {@code kappa = |c|^2}, {@code e(k+1) = e(k) - h kappa (psi(k) + sum_l R_r(k, l) e(l))}, and
   * with {@code P(k, l) = E[psi(k) e(l)]} ({@code P(k, 0) = 0}: the field is independent of the
   * site's start):
   *
   * <pre>  C_e(k+1, l) = C_e(k, l) - h kappa (P(k, l) + sum_j R_r(k, j) C_e(j, l))
   *  P(k, l+1)   = P(k, l) - h kappa (C_psi(k, l) + sum_j R_r(l, j) P(k, j))</pre>
   *
   * The response obeys the recursion of {@code e} with a unit kick in place of {@code psi}.
   */
  final class Gaussian implements SiteProcess {
    private final double kappa;
    private final double secondMoment;
    private final double[][] response;

    /** {@code secondMoment = E[e(0)^2]}. */
    Gaussian(double kappa, double secondMoment, int steps) {
      this.kappa = kappa;
      this.secondMoment = secondMoment;
      response = new double[steps + 1][steps + 1];
    }

    @Override
    public double start() {
      return secondMoment;
    }

    @Override
    public void step(int k, Kernels kernels, double h, double[] correlations, double[] responses) {
      double[] rr = kernels.rr[k];
      double[][] ce = kernels.ce;
      double[] field = new double[k + 2];
      for (int l = 0; l <= k; l++) {
        double s = kernels.alpha * kernels.cr[k][l];
        double[] rrl = kernels.rr[l];
        for (int j = 0; j <= l; j++) {
          s += rrl[j] * field[j];
        }
        field[l + 1] = field[l] - h * kappa * s;
      }
      for (int l = 0; l <= k + 1; l++) {
        double s = field[l];
        for (int j = 0; j <= k; j++) {
          s += rr[j] * (l <= k ? ce[j][l] : correlations[j]);
        }
        correlations[l] = (l <= k ? ce[k][l] : correlations[k]) - h * kappa * s;
      }
      for (int j = 0; j <= k; j++) {
        double kick = j == k ? 1 : 0;
        for (int l = j + 1; l <= k; l++) {
          kick += rr[l] * response[l][j];
        }
        response[k + 1][j] = response[k][j] - h * kappa * kick;
        responses[j] = response[k + 1][j];
      }
    }
  }

  /**
   * A polynomial site sampled by Monte Carlo: {@code samples} independent copies of the process,
   * each carrying its tangent {@code d theta(k) / d g(l)} for every {@code l < k}, from which the
   * response is averaged. The tangent obeys
   *
   * <pre>  dtheta(k+1) = dtheta(k) - h (Hess f(theta(k)) dtheta(k) g(k) + grad f(theta(k)) (delta_{kl} + sum_{l'} R_r(k, l') de(l')))</pre>
   *
   * with {@code de = grad f . dtheta}. Every sample carries it. Estimated on a subset, the response
   * no longer matches the correlations of the whole sample: the cancellation that makes the train
   * loss small at late times fails, and the curves drift away. This was seen with a subset of 1000
   * of 100000 samples, from {@code t = 1} on, on the diagonal network at {@code m = 2}. Costs
   * {@code O(samples K^3 / 6)} over {@code K} steps, parallel over blocks of samples; memory
   * {@code samples K^2 / 2} floats of tangent history (each sample's contiguous, so that its memory
   * sums run in cache) and {@code samples K} doubles and floats for the histories of {@code e} and of
   * the draws {@code z}. Single precision suffices where it is used: the response and the field are
   * averages whose sampling error is far above {@code 1e-7}.
   */
  final class Sampled implements SiteProcess {
    /** Samples per block of the parallel loops. */
    private static final int BLOCK = 256;
    private final SiteFunction.Compiled f;
    private final int dim;
    private final int samples;
    private final double[] theta;
    private final double[] teacher;
    private final double[][] e;
    private final float[][] z;
    /** Per sample: {@code de(k, l)} for {@code l < k} at {@code k (k - 1) / 2 + l}. */
    private final float[][] history;
    /** Per sample: the current {@code dtheta(k, l)} at {@code l * dim + q}. */
    private final double[][] tangent;
    private final Random random;
    /** {@code fieldCheck} of each step taken. */
    private final double[][] checks;
    /** A field added to every sample's {@code g} at one step ({@link #kick}); none when the step is -1. */
    private int kickStep = -1;
    private double kickSize;

    /**
     * @param variances the variance of each number of the site at {@code t = 0}
     * @param teacherVariance the teacher's variance (0 without one)
     */
    Sampled(SiteFunction f, double[] variances, double teacherVariance, int steps, int samples, long seed) {
      this.f = f.compile();
      this.dim = f.dimension();
      this.samples = samples;
      random = new Random(seed);
      theta = new double[samples * dim];
      teacher = new double[samples];
      for (int s = 0; s < samples; s++) {
        for (int q = 0; q < dim; q++) {
          theta[s * dim + q] = Math.sqrt(variances[q]) * random.nextGaussian();
        }
        teacher[s] = Math.sqrt(teacherVariance) * random.nextGaussian();
      }
      e = new double[steps + 1][];
      z = new float[steps + 1][];
      checks = new double[steps + 1][];
      long triangle = (long) (steps + 1) * steps / 2;
      if (triangle > Integer.MAX_VALUE - 8) {
        throw new InputException("--steps " + steps + " is too many for a sampled site (its tangent history would not fit an array)");
      }
      history = new float[samples][(int) triangle];
      tangent = new double[samples][(steps + 1) * dim];
    }

    @Override
    public double start() {
      e[0] = new double[samples];
      for (int s = 0; s < samples; s++) {
        e[0][s] = f.value(theta, s * dim) - teacher[s];
      }
      return mean(e[0], e[0], samples);
    }

    @Override
    public void step(int k, Kernels kernels, double h, double[] correlations, double[] responses) {
      double[] rr = kernels.rr[k];
      double[] g = field(k, kernels);
      e[k + 1] = new double[samples];
      int blocks = (samples + BLOCK - 1) / BLOCK;
      double[][] partial = new double[blocks][];
      IntStream.range(0, blocks).parallel().forEach(b -> {
        double[] sums = new double[k + 1];
        double[] mem = new double[k + 1];
        double[] grad = new double[dim];
        double[] hess = new double[dim * dim];
        double[] hd = new double[dim];
        int base = (k + 1) * k / 2;
        for (int s = b * BLOCK; s < Math.min(samples, (b + 1) * BLOCK); s++) {
          int o = s * dim;
          float[] hist = history[s];
          double[] t = tangent[s];
          f.gradient(theta, o, grad, 0);
          f.hessian(theta, o, hess, 0);
          // the memory the kick at l has left by step k: sum over l < l2 <= k of R_r(k, l2) de(l2, l)
          Arrays.fill(mem, 0, k + 1, 0);
          mem[k] = 1;
          for (int l2 = 1; l2 <= k; l2++) {
            double a = rr[l2];
            int at = l2 * (l2 - 1) / 2;
            for (int l = 0; l < l2; l++) {
              mem[l] += a * hist[at + l];
            }
          }
          for (int l = 0; l <= k; l++) {
            for (int q = 0; q < dim; q++) {
              double x = 0;
              for (int r = 0; r < dim; r++) {
                x += hess[q * dim + r] * t[l * dim + r];
              }
              hd[q] = x;
            }
            for (int q = 0; q < dim; q++) {
              t[l * dim + q] -= h * (hd[q] * g[s] + grad[q] * mem[l]);
            }
          }
          for (int q = 0; q < dim; q++) {
            theta[o + q] -= h * grad[q] * g[s];
          }
          double x = f.value(theta, o) - teacher[s];
          if (!Double.isFinite(x)) {
            throw new Diverged(String.format(Locale.ROOT,
                "a sample's dynamics stopped being finite at t = %.6g (step h = %.3g)", (k + 1) * h, h));
          }
          e[k + 1][s] = x;
          f.gradient(theta, o, grad, 0);
          for (int l = 0; l <= k; l++) {
            double d = 0;
            for (int q = 0; q < dim; q++) {
              d += grad[q] * t[l * dim + q];
            }
            hist[base + l] = (float) d;
            sums[l] += d;
          }
        }
        partial[b] = sums;
      });
      for (int l = 0; l <= k; l++) {
        double sum = 0;
        for (double[] p : partial) {
          sum += p[l];
        }
        responses[l] = sum / samples;
      }
      for (int l = 0; l <= k + 1; l++) {
        correlations[l] = mean(e[k + 1], e[l], samples);
      }
    }

    /**
     * Adds {@code size} to every sample's field at step {@code step}: the perturbation whose effect,
     * divided by its size, the response is the derivative of (for tests, by finite differences).
     */
    void kick(int step, double size) {
      kickStep = step;
      kickSize = size;
    }

    /** The samples' {@code e(k)} (a copy). */
    double[] errors(int k) {
      return e[k].clone();
    }

    @Override
    public double[] fieldCheck(int k, Kernels kernels) {
      if (checks[k] == null) {
        field(k, kernels);
      }
      return checks[k];
    }

    /** The field {@code g(k)} of every sample (drawing {@code z(k)}), and its check. */
    private double[] field(int k, Kernels kernels) {
      double[] rr = kernels.rr[k];
      double[] chol = kernels.cholesky[k];
      z[k] = new float[samples];
      for (int s = 0; s < samples; s++) {
        z[k][s] = (float) random.nextGaussian();
      }
      double[] g = new double[samples];
      for (int j = 0; j <= k; j++) {
        axpy(chol[j], z[j], g, samples);
        axpy(rr[j], e[j], g, samples);
      }
      if (k == kickStep) {
        for (int i = 0; i < samples; i++) {
          g[i] += kickSize;
        }
      }
      double m = mean(e[k], g, samples);
      double squares = 0;
      for (int s = 0; s < samples; s++) {
        double d = e[k][s] * g[s] - m;
        squares += d * d;
      }
      checks[k] = new double[] {m, Math.sqrt(squares / (samples - 1) / samples)};
      return g;
    }

    private static void axpy(double a, double[] x, double[] y, int n) {
      if (a == 0) {
        return;
      }
      for (int i = 0; i < n; i++) {
        y[i] += a * x[i];
      }
    }

    private static void axpy(double a, float[] x, double[] y, int n) {
      if (a == 0) {
        return;
      }
      for (int i = 0; i < n; i++) {
        y[i] += a * x[i];
      }
    }

    private static double mean(double[] x, double[] y, int n) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += x[i] * y[i];
      }
      return s / n;
    }
  }
}
