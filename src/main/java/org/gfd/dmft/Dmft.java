package org.gfd.dmft;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.gfd.error.InputException;
import org.gfd.network.WorkBudget;

/**
 * The DMFT of the class {@link SiteModel} in discrete time, and gradient flow from it by
 * Richardson extrapolation in the step.
 *
 * <p><b>Equations.</b> Gradient descent with step {@code h} on {@code L = 1/(2n) |X^T e|^2},
 * {@code e = f(theta) - b}, {@code n = m p}, {@code p -> infinity}, {@code alpha = 1/m}. The data
 * site (one sample's residual {@code r = X^T e / sqrt(p)}) is linear: {@code r = R_r chi} with
 * {@code chi ~ N(0, C_e)}, so {@code R_r = (I - alpha R_e)^(-1)} and {@code C_r = R_r C_e R_r^T}.
 * The parameter site ({@link SiteProcess}) moves in the field
 * {@code g(k) = psi(k) + sum_{l <= k} R_r(k, l) e(l)}, {@code psi ~ N(0, alpha C_r)}, and gives
 * back {@code C_e} and {@code R_e = E[de/dg]}. Every kernel is causal, so the solve marches in time:
 * row {@code k} of the data site's kernels needs the site's rows {@code <= k}, and step {@code k}
 * of the site needs row {@code k}: one pass, no fixed-point iteration. Per coordinate, the train
 * loss is {@code C_r(k, k) / 2} and the test loss {@code C_e(k, k) / 2}.
 *
 * <p><b>Gradient flow.</b> At a fixed time, the step-{@code h} values differ from gradient flow's
 * by {@code a1 h + a2 h^2 + ...}; from the steps {@code h, h/2, h/4} the second-order
 * extrapolation {@code (y(h) - 6 y(h/2) + 8 y(h/4)) / 3} removes both terms. Its error estimate
 * is its distance from the first-order one {@code 2 y(h/4) - y(h/2)}, plus, for a sampled site,
 * the standard error over independent replicas.
 *
 * <p><b>Cost.</b> An affine site: {@code O(K^3)} for {@code K} steps, exact up to round-off. A
 * sampled site: {@code O(N K^3 / 6)} for {@code N} samples, each carrying the response. Thread
 * safe: every solve owns its workspace; replicas run in parallel.
 */
public final class Dmft {
  private Dmft() {}

  /**
   * The per-coordinate losses at the steps {@code 0..K} of one discrete-time solve; a sampled
   * solve is trusted for its first {@code trusted} steps only: up to the first step where its two
   * estimates of the train loss ({@code C_r(k, k) / 2} and {@code E[e(k) g(k)] / 2}, equal in exact
   * theory) part by more than three standard errors plus 1% ({@link #CONSISTENCY}), or up to the
   * step where a sample's dynamics stopped being finite; {@code why} says which (empty when every
   * step is trusted).
   */
  public record Trajectory(double step, double[] train, double[] test, int trusted, String why) {}

  /** The relative part of the consistency tolerance of a sampled solve. */
  public static final double CONSISTENCY = 0.01;

  /**
   * How to solve: the time span, the finest number of steps (a multiple of 4 and of
   * {@code points - 1}, whose quarter is too), the output times, and, for a sampled site, the
   * samples per replica, the replicas and the seed.
   */
  public record Settings(double tMax, int steps, int points, int samples, int replicas, long seed) {
    public Settings {
      if (!(tMax > 0) || !Double.isFinite(tMax)) {
        throw new InputException("--t-max must be a positive number, got " + tMax);
      }
      if (points < 2) {
        throw new InputException("--points must be at least 2, got " + points);
      }
      if (steps < 4 || steps % 4 != 0 || (steps / 4) % (points - 1) != 0) {
        throw new InputException("--steps must be a multiple of 4 whose quarter is a multiple of --points - 1 = "
            + (points - 1) + ", got " + steps);
      }
      if (samples < 2 || replicas < 1) {
        throw new InputException("--samples must be at least 2 and --replicas at least 1, got " + samples + " and " + replicas);
      }
    }
  }

  /**
   * Gradient flow's losses at {@code points} equally spaced times, each with an error estimate.
   *
   * @param times the times {@code 0..tMax}
   * @param train the extrapolated train loss per coordinate, and its error estimate
   * @param test the extrapolated test loss per coordinate, and its error estimate
   * @param exact whether the site closed in matrices (no sampling error)
   * @param stopped why the curves end before {@code tMax}, when they do: a sampled solve that
   *     stopped being consistent, or whose samples stopped being finite ({@link Trajectory})
   */
  public record Result(double[] times, double[] train, double[] trainError, double[] test, double[] testError,
      boolean exact, Optional<String> stopped) {}

  /** One discrete-time solve with step {@code h} for {@code steps} steps; a sampled site uses {@code seed}. */
  public static Trajectory solve(DmftProblem problem, double h, int steps, int samples, long seed, WorkBudget budget) {
    Kernels kernels = new Kernels(steps, problem.alpha());
    SiteProcess site = problem.exact()
        ? new SiteProcess.Gaussian(problem.site().f().affineRate().doubleValue(), problem.affineSecondMoment(), steps)
        : new SiteProcess.Sampled(problem.site().f(), problem.variances(), problem.teacherVariance(), steps, samples, seed);
    double[] correlations = new double[steps + 2];
    double[] responses = new double[steps + 1];
    correlations[0] = site.start();
    kernels.setSiteRow(0, correlations, responses);
    int last = steps;
    String why = "";
    for (int k = 0; k < steps; k++) {
      budget.check();
      kernels.dataRow(k);
      try {
        site.step(k, kernels, h, correlations, responses);
      } catch (SiteProcess.Diverged d) {
        last = k;
        why = d.getMessage();
        break;
      }
      kernels.setSiteRow(k + 1, correlations, responses);
    }
    if (last == steps) {
      kernels.dataRow(steps);
    }
    double[] train = new double[steps + 1];
    double[] test = new double[steps + 1];
    Arrays.fill(train, Double.NaN);
    Arrays.fill(test, Double.NaN);
    int trusted = last + 1;
    for (int k = 0; k <= last; k++) {
      train[k] = kernels.cr[k][k] / 2;
      test[k] = kernels.ce[k][k] / 2;
      double[] check = site.fieldCheck(k, kernels);
      if (check != null && trusted > k
          && Math.abs(check[0] - kernels.cr[k][k]) > 3 * check[1] + CONSISTENCY * kernels.cr[k][k]) {
        trusted = k;
        why = String.format(Locale.ROOT, "its two estimates of the train loss, C_r(k, k)/2 and E[e(k) g(k)]/2 (equal in "
            + "exact theory), part by more than three standard errors plus %.0f%% (at late times the train loss is a small "
            + "difference of larger terms, which amplifies sampling error: try more samples)",
            100 * CONSISTENCY);
      }
    }
    return new Trajectory(h, train, test, trusted, why);
  }

  /** Gradient flow from the steps {@code T/(K/4)}, {@code T/(K/2)}, {@code T/K}; {@code progress} gets solves done. */
  public static Result solve(DmftProblem problem, Settings settings, WorkBudget budget, IntConsumer progress) {
    int replicas = problem.exact() ? 1 : settings.replicas();
    if (!problem.exact()) {
      checkMemory(settings, problem.site().f().dimension(), Math.min(replicas, Runtime.getRuntime().availableProcessors()));
    }
    int[] steps = {settings.steps() / 4, settings.steps() / 2, settings.steps()};
    Trajectory[][] runs = new Trajectory[replicas][3];
    AtomicInteger done = new AtomicInteger();
    IntStream.range(0, replicas).parallel().forEach(r -> {
      for (int i = 0; i < 3; i++) {
        runs[r][i] = solve(problem, settings.tMax() / steps[i], steps[i], settings.samples(),
            settings.seed() + 1_000_003L * r, budget);
        progress.accept(done.incrementAndGet());
      }
    });
    // the output times every run trusts
    int points = settings.points();
    double stop = Double.POSITIVE_INFINITY;
    String why = "";
    for (Trajectory[] replica : runs) {
      for (Trajectory t : replica) {
        if (t.trusted() < t.train().length && t.trusted() * t.step() < stop) {
          stop = t.trusted() * t.step();
          why = t.why();
        }
      }
    }
    Optional<String> stopped = Optional.empty();
    if (stop < Double.POSITIVE_INFINITY) {
      int kept = 0;
      while (kept < settings.points() && settings.tMax() * kept / (settings.points() - 1) < stop - 1e-12) {
        kept++;
      }
      points = kept;
      stopped = Optional.of(String.format(Locale.ROOT, "a sampled solve is not trusted from t = %.4g on: %s", stop, why));
    }
    double[] times = new double[points];
    double[][] train = new double[2][points];
    double[][] test = new double[2][points];
    for (int j = 0; j < points; j++) {
      times[j] = settings.tMax() * j / (settings.points() - 1);
      double[][] tr = new double[replicas][];
      double[][] te = new double[replicas][];
      for (int r = 0; r < replicas; r++) {
        tr[r] = extrapolate(runs[r], steps, j, settings.points(), true);
        te[r] = extrapolate(runs[r], steps, j, settings.points(), false);
      }
      summarize(tr, train, j);
      summarize(te, test, j);
    }
    return new Result(times, train[0], train[1], test[0], test[1], problem.exact(), stopped);
  }

  /**
   * Refuses a sampled solve whose histories would not fit the heap: per sample {@code K (K + 1) / 2}
   * floats of tangent history, {@code K} doubles and floats of errors and draws, and the current
   * tangents ({@code K d} doubles), for the replicas that run at once.
   */
  private static void checkMemory(Settings settings, int dim, int atOnce) {
    long k = settings.steps();
    double bytes = (double) settings.samples() * (4.0 * k * (k + 1) / 2 + (12.0 + 8.0 * dim) * (k + 1)) * atOnce;
    double heap = Runtime.getRuntime().maxMemory();
    if (bytes > 0.8 * heap) {
      throw new InputException(String.format(Locale.ROOT, "a sampled solve of %d samples and %d steps needs about %.1f GB "
          + "(%d replicas at once) and the heap has %.1f GB: lower --samples or --steps, or raise the heap "
          + "(JAVA_OPTS=-Xmx...)", settings.samples(), settings.steps(), bytes / 1e9, atOnce, heap / 1e9));
    }
  }

  /** {@code [second-order extrapolation, its distance from the first-order one]} at output time {@code j}. */
  private static double[] extrapolate(Trajectory[] runs, int[] steps, int j, int points, boolean train) {
    double[] y = new double[3];
    for (int i = 0; i < 3; i++) {
      int k = j * (steps[i] / (points - 1));
      y[i] = train ? runs[i].train()[k] : runs[i].test()[k];
    }
    double second = (y[0] - 6 * y[1] + 8 * y[2]) / 3;
    double first = 2 * y[2] - y[1];
    return new double[] {second, Math.abs(second - first)};
  }

  /** Mean over replicas into {@code out[0][j]}; mean extrapolation error plus standard error into {@code out[1][j]}. */
  private static void summarize(double[][] perReplica, double[][] out, int j) {
    int n = perReplica.length;
    double mean = Arrays.stream(perReplica).mapToDouble(x -> x[0]).sum() / n;
    double extrapolation = Arrays.stream(perReplica).mapToDouble(x -> x[1]).sum() / n;
    double squares = Arrays.stream(perReplica).mapToDouble(x -> (x[0] - mean) * (x[0] - mean)).sum();
    double standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
    out[0][j] = mean;
    out[1][j] = extrapolation + standardError;
  }
}
