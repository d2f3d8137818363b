package org.gfd.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The normalization and time exponents {@code e} and {@code c} measured from simulations at
 * growing sizes, as log-log slopes over {@code p}, with 95% bootstrap intervals.
 *
 * <p>Definition. At each size, from the mean loss curve over seeds: the initial loss
 * {@code L(0) ~ p^e}, and the time {@code t_half} at which the mean loss first falls halfway from
 * {@code L(0)} to its value at the last time simulated (linear interpolation between grid times),
 * {@code t_half ~ p^c} when the loss is {@code p^e F(t / p^c)}. The exponents are the
 * least-squares slopes of {@code log L(0)} and {@code log t_half} against {@code log p}. The
 * intervals resample the seeds of every size with replacement ({@link #RESAMPLES} times) and take
 * the 2.5% and 97.5% quantiles of the slopes.
 */
public final class ExponentMeasurement {
  /** Bootstrap resamples. */
  public static final int RESAMPLES = 400;

  private ExponentMeasurement() {}

  /**
   * A measured exponent.
   *
   * @param value the slope from all seeds
   * @param low the 2.5% bootstrap quantile
   * @param high the 97.5% bootstrap quantile
   */
  public record Slope(double value, double low, double high) {}

  /**
   * The measurement.
   *
   * @param norm the normalization exponent {@code e}
   * @param time the time exponent {@code c}, empty when some size's loss never fell halfway
   * @param initial the mean initial loss per size
   * @param halfTimes the half-way time per size (NaN when not reached)
   */
  public record Result(Slope norm, Optional<Slope> time, double[] initial, double[] halfTimes) {}

  /** The exponents from one simulation per size ({@code results[i]} at {@code sizes[i]}). */
  public static Result measure(int[] sizes, Simulation.Result[] results, long seed) {
    double[] logP = Arrays.stream(sizes).mapToDouble(Math::log).toArray();
    double[] initial = new double[sizes.length];
    double[] half = new double[sizes.length];
    for (int k = 0; k < sizes.length; k++) {
      double[] mean = mean(results[k].losses(), identity(results[k].seeds()));
      initial[k] = mean[0];
      half[k] = halfTime(results[k].times(), mean);
    }
    double e = slope(logP, log(initial));
    boolean timed = Arrays.stream(half).allMatch(x -> x > 0);
    double c = timed ? slope(logP, log(half)) : Double.NaN;
    SplittableRandom random = new SplittableRandom(seed);
    List<Double> es = new ArrayList<>();
    List<Double> cs = new ArrayList<>();
    for (int b = 0; b < RESAMPLES; b++) {
      double[] init = new double[sizes.length];
      double[] halves = new double[sizes.length];
      for (int k = 0; k < sizes.length; k++) {
        int n = results[k].seeds();
        int[] pick = new int[n];
        for (int i = 0; i < n; i++) {
          pick[i] = random.nextInt(n);
        }
        double[] mean = mean(results[k].losses(), pick);
        init[k] = mean[0];
        halves[k] = halfTime(results[k].times(), mean);
      }
      es.add(slope(logP, log(init)));
      if (Arrays.stream(halves).allMatch(x -> x > 0)) {
        cs.add(slope(logP, log(halves)));
      }
    }
    Slope norm = new Slope(e, quantile(es, 0.025), quantile(es, 0.975));
    Optional<Slope> time = timed && cs.size() > RESAMPLES / 2
        ? Optional.of(new Slope(c, quantile(cs, 0.025), quantile(cs, 0.975))) : Optional.empty();
    return new Result(norm, time, initial, half);
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static double[] mean(double[][] losses, int[] seeds) {
    double[] m = new double[losses[0].length];
    for (int s : seeds) {
      for (int k = 0; k < m.length; k++) {
        m[k] += losses[s][k] / seeds.length;
      }
    }
    return m;
  }

  /** The first time the curve is halfway from its first to its last value; NaN when it never is. */
  static double halfTime(double[] t, double[] y) {
    double level = (y[0] + y[y.length - 1]) / 2;
    double sign = Math.signum(y[0] - y[y.length - 1]);
    if (sign == 0) {
      return Double.NaN;
    }
    for (int k = 1; k < y.length; k++) {
      if (sign * (y[k] - level) <= 0) {
        double f = (y[k - 1] - level) / (y[k - 1] - y[k]);
        return t[k - 1] + f * (t[k] - t[k - 1]);
      }
    }
    return Double.NaN;
  }

  private static double[] log(double[] x) {
    return Arrays.stream(x).map(Math::log).toArray();
  }

  /** The least-squares slope of {@code y} against {@code x}. */
  static double slope(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.length; i++) {
      num += (x[i] - mx) * (y[i] - my);
      den += (x[i] - mx) * (x[i] - mx);
    }
    return num / den;
  }

  private static double quantile(List<Double> values, double q) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v[(int) Math.min(v.length - 1, Math.floor(q * v.length))];
  }
}
