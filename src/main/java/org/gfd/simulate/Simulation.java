package org.gfd.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.gfd.error.InputException;
import org.gfd.network.WorkBudget;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Gradient flow at finite size, {@code dy/dt = -grad L(y)} for the trainable entries {@code y},
 * from Gaussian initializations (and data) of many seeds, with the mean and the standard error of
 * the mean of every observable at equally spaced times.
 *
 * <p>Integration: Hipparchus's adaptive Dormand-Prince 8(5,3) with the given absolute and relative
 * tolerances, the observables read at the output times from its dense (7th-order) interpolant; or,
 * for states too large for its stage vectors, the classical fourth-order Runge-Kutta scheme at a
 * fixed step checked by halving ({@link Settings#fixedStep}).
 * A run diverges when the loss or a gradient entry stops being finite, the loss exceeds
 * {@link #BLOW_UP}, or the step size falls below {@code 1e-12 t_max}; the whole simulation then
 * stops with an {@link InputException} that names the time and the seed (never NaN columns).
 *
 * <p>Seeds run in parallel on all cores; seed {@code i} draws from its own generator, so results
 * do not depend on the number of threads. Statistics: for each time, the sample mean over seeds
 * and its standard error {@code s / sqrt(N)} ({@code s} the sample standard deviation; 0 for one
 * seed).
 */
public final class Simulation {
  /** A loss above this is a blow-up. */
  public static final double BLOW_UP = 1e150;

  /**
   * What to simulate.
   *
   * @param tMax the last time, {@code > 0}
   * @param points the number of equally spaced times from 0 to {@code tMax} inclusive, {@code >= 2}
   * @param seeds the number of independent runs, {@code >= 1}
   * @param seed the base of the seeds (run {@code i} uses a generator seeded from it and {@code i})
   * @param absoluteTolerance the integrator's absolute tolerance, {@code > 0}
   * @param relativeTolerance the integrator's relative tolerance, {@code > 0}
   * @param fixedStep 0 for the adaptive Dormand-Prince integrator; else the first step of the
   *     classical fourth-order Runge-Kutta scheme, halved until the loss curves of seed 0 at the
   *     step and at half of it agree to {@code relativeTolerance} at every output time (for states
   *     too large for the adaptive integrator's thirteen stage vectors)
   */
  public record Settings(double tMax, int points, int seeds, long seed, double absoluteTolerance,
      double relativeTolerance, double fixedStep) {
    /** Adaptive integration. */
    public Settings(double tMax, int points, int seeds, long seed, double absoluteTolerance, double relativeTolerance) {
      this(tMax, points, seeds, seed, absoluteTolerance, relativeTolerance, 0);
    }

    public Settings {
      if (!(fixedStep >= 0) || Double.isInfinite(fixedStep)) {
        throw new InputException("--fixed-step must be a positive number, got " + fixedStep);
      }
      if (!(tMax > 0) || Double.isInfinite(tMax)) {
        throw new InputException("--t-max must be a positive number, got " + tMax);
      }
      if (points < 2) {
        throw new InputException("--points must be at least 2 (the times 0 and t-max), got " + points);
      }
      if (seeds < 1) {
        throw new InputException("--seeds must be at least 1, got " + seeds);
      }
      if (!(absoluteTolerance > 0) || !(relativeTolerance > 0)) {
        throw new InputException("the integrator's tolerances must be positive, got " + absoluteTolerance + " and " + relativeTolerance);
      }
    }

    /** The same runs over another time range. */
    public Settings at(double newTMax, int newPoints) {
      return new Settings(newTMax, newPoints, seeds, seed, absoluteTolerance, relativeTolerance, fixedStep);
    }

    /** The output times {@code k t_max / (points - 1)}. */
    public double[] times() {
      double[] t = new double[points];
      for (int k = 0; k < points; k++) {
        t[k] = k == points - 1 ? tMax : tMax * k / (points - 1);
      }
      return t;
    }
  }

  /**
   * The simulated curves.
   *
   * @param times the output times
   * @param mean for each observable (the loss first), its mean over seeds at each time
   * @param standardError for each observable, the standard error of that mean
   * @param seeds the number of seeds averaged
   * @param losses each seed's loss at each time (rows: seeds)
   * @param integrator how the flow was integrated, for reports
   */
  public record Result(double[] times, Map<String, double[]> mean, Map<String, double[]> standardError, int seeds,
      double[][] losses, String integrator) {}

  private Simulation() {}

  /**
   * Simulates {@code model} with {@code settings}; {@code progress} is told the number of seeds
   * finished after each one.
   *
   * @throws InputException when a run diverges
   * @throws org.gfd.error.StoppedException when the budget runs out
   */
  public static Result run(FlowModel model, Settings settings, WorkBudget budget, IntConsumer progress) {
    double[] times = settings.times();
    List<String> names = model.observableNames();
    String integrator = String.format(Locale.ROOT, "Dormand-Prince 8(5,3), tolerances %.3g and %.3g",
        settings.absoluteTolerance(), settings.relativeTolerance());
    if (settings.fixedStep() > 0) {
      double step = checkedStep(model, settings, times, names, budget);
      settings = new Settings(settings.tMax(), settings.points(), settings.seeds(), settings.seed(),
          settings.absoluteTolerance(), settings.relativeTolerance(), step);
      integrator = String.format(Locale.ROOT, "classical Runge-Kutta 4, step %.6g (seed 0 agrees with half the step to %.3g)",
          step, settings.relativeTolerance());
    }
    final Settings run = settings;
    double[][][] values = new double[settings.seeds()][][];
    InputException[] diverged = new InputException[settings.seeds()];
    AtomicInteger done = new AtomicInteger();
    IntStream.range(0, settings.seeds()).parallel().forEach(i -> {
      try {
        values[i] = runOne(model, run, times, names, i, budget);
      } catch (InputException e) {
        diverged[i] = e;
      }
      progress.accept(done.incrementAndGet());
    });
    for (InputException e : diverged) {
      if (e != null) {
        throw e; // the first seed that diverged, whatever the threads' order
      }
    }
    Map<String, double[]> mean = new LinkedHashMap<>();
    Map<String, double[]> error = new LinkedHashMap<>();
    int n = settings.seeds();
    for (int o = 0; o < names.size(); o++) {
      double[] m = new double[times.length];
      double[] e = new double[times.length];
      for (int k = 0; k < times.length; k++) {
        double sum = 0;
        for (double[][] v : values) {
          sum += v[o][k];
        }
        m[k] = sum / n;
        double squares = 0;
        for (double[][] v : values) {
          double d = v[o][k] - m[k];
          squares += d * d;
        }
        e[k] = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
      }
      mean.put(names.get(o), m);
      error.put(names.get(o), e);
    }
    double[][] losses = new double[n][];
    for (int i = 0; i < n; i++) {
      losses[i] = values[i][0];
    }
    return new Result(times, mean, error, n, losses, integrator);
  }

  /** The most halvings of a fixed step before giving up. */
  private static final int MAX_HALVINGS = 20;

  /**
   * The fixed step to use: the given one, halved until seed 0's loss curve at the step and at half
   * of it agree to the relative tolerance at every output time.
   */
  private static double checkedStep(FlowModel model, Settings settings, double[] times, List<String> names,
      WorkBudget budget) {
    double step = settings.fixedStep();
    double[] coarse = lossOrNull(model, settings, step, times, names, budget);
    for (int k = 0; k < MAX_HALVINGS; k++) {
      double[] fine = lossOrNull(model, settings, step / 2, times, names, budget);
      if (coarse != null && fine != null) {
        double worst = 0;
        for (int j = 0; j < fine.length; j++) {
          worst = Math.max(worst, Math.abs(fine[j] - coarse[j]) / Math.max(Math.abs(fine[j]), Double.MIN_NORMAL));
        }
        if (worst <= settings.relativeTolerance()) {
          return step;
        }
      }
      step /= 2;
      coarse = fine;
    }
    throw new InputException("no fixed step down to " + step + " gives seed 0 the same loss at half the step to "
        + settings.relativeTolerance() + ": use the adaptive integrator or a looser --tolerance");
  }

  /** Seed 0's loss curve at fixed step {@code step}, or null when it diverges (a step too long, or a flow that blows up). */
  private static double[] lossOrNull(FlowModel model, Settings settings, double step, double[] times, List<String> names,
      WorkBudget budget) {
    Settings at = new Settings(settings.tMax(), settings.points(), settings.seeds(), settings.seed(),
        settings.absoluteTolerance(), settings.relativeTolerance(), step);
    try {
      return runOne(model, at, times, names, 0, budget)[0];
    } catch (InputException diverged) {
      return null;
    }
  }

  /** The generator of run {@code i}: independent of the thread that runs it. */
  static SplittableRandom generator(long seed, int i) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
  }

  /** A run's divergence, with its time. */
  private static final class Diverged extends RuntimeException {
    final double time;

    Diverged(double time, String why) {
      super(why, null, false, false);
      this.time = time;
    }
  }

  /** One seed: the observables (rows) at the output times (columns). */
  private static double[][] runOne(FlowModel model, Settings settings, double[] times, List<String> names, int i,
      WorkBudget budget) {
    SplittableRandom random = generator(settings.seed(), i);
    FlowModel.Sample sample = model.sample(random);
    double[] y0 = model.initialState(random);
    double[][] out = new double[names.size()][times.length];
    OrdinaryDifferentialEquation flow = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return y0.length;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        budget.check();
        double[] g = model.gradient(y, sample);
        for (int j = 0; j < g.length; j++) {
          if (!Double.isFinite(g[j])) {
            throw new Diverged(t, "the gradient stopped being finite");
          }
          g[j] = -g[j];
        }
        return g;
      }
    };
    AbstractIntegrator integrator = settings.fixedStep() > 0 ? new ClassicalRungeKuttaIntegrator(settings.fixedStep())
        : new DormandPrince853Integrator(1e-12 * settings.tMax(), settings.tMax(), settings.absoluteTolerance(),
            settings.relativeTolerance());
    int[] next = {1};
    integrator.addStepHandler(new ODEStepHandler() {
      @Override
      public void handleStep(ODEStateInterpolator step) {
        double end = step.getCurrentState().getTime();
        while (next[0] < times.length && times[next[0]] <= end) {
          ODEStateAndDerivative s = step.getInterpolatedState(times[next[0]]);
          record(model, sample, names, s.getPrimaryState(), out, next[0], times[next[0]]);
          next[0]++;
        }
      }
    });
    try {
      record(model, sample, names, y0, out, 0, 0);
      if (y0.length > 0) {
        integrator.integrate(flow, new ODEState(0, y0), settings.tMax());
      }
    } catch (Diverged d) {
      throw diverged(d.time, i, d.getMessage());
    } catch (MathRuntimeException e) {
      double t = integrator.getStepStart() == null ? 0 : integrator.getStepStart().getTime();
      throw diverged(t, i, "the step size fell below " + 1e-12 * settings.tMax());
    }
    for (int k = next[0]; k < times.length; k++) {
      record(model, sample, names, y0, out, k, times[k]); // no trainable entries: nothing moves
    }
    return out;
  }

  private static InputException diverged(double t, int seed, String why) {
    return new InputException(String.format("the flow diverged at t = %.6g (seed %d): %s; lower sigma2 or --t-max", t, seed, why));
  }

  private static void record(FlowModel model, FlowModel.Sample sample, List<String> names, double[] y,
      double[][] out, int k, double t) {
    for (int o = 0; o < names.size(); o++) {
      double v = model.observable(names.get(o), y, sample);
      if (!Double.isFinite(v) || (o == 0 && Math.abs(v) > BLOW_UP)) {
        throw new Diverged(t, "the " + names.get(o) + " reached " + v);
      }
      out[o][k] = v;
    }
  }
}
