package org.gfd.simulate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;

/**
 * Theory against experiment along a ray: at a size {@code p}, every ray variable takes its value
 * {@code x = k_x p^(a_x)} (sizes rounded to the nearest positive integer), gradient flow is
 * simulated to {@code t_max = p^c tau_max}, and the mean of the observable (the loss, or another)
 * normalized by {@code p^e} is compared
 * with the limit curve {@code F(tau)} at the same {@code tau = t / p^c}: the largest relative
 * deviation {@code |L/p^e - F| / |F|} over the grid. Where the theory is the limit of the model on
 * the ray, the deviation shrinks as {@code p} grows.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * The ray at concrete values.
   *
   * @param exponents {@code a_x} of each ray variable
   * @param constants {@code k_x} of each ray variable
   * @param timeExponent {@code c}
   * @param normExponent {@code e}
   */
  public record RayValues(Map<Variable, Rational> exponents, Map<Variable, Double> constants, Rational timeExponent,
      Rational normExponent) {}

  /**
   * One size's run.
   *
   * @param p the size {@code p}
   * @param sizes every size simulated (rounded)
   * @param values every other value (variances)
   * @param tau the grid of rescaled times
   * @param simulated the mean loss over {@code p^e} at each {@code tau}
   * @param error its standard error
   * @param maxDeviation the largest relative deviation from the theory over the grid
   * @param tauOfMax where it is reached
   * @param seeds the number of seeds
   */
  public record SizeRun(int p, Map<Variable, Integer> sizes, Map<Variable, Double> values, double[] tau,
      double[] simulated, double[] error, double maxDeviation, double tauOfMax, int seeds) {}

  /**
   * Simulates {@code model} at size {@code p} on the ray and compares with {@code theory} (the limit
   * curve's values on {@code tau}, which starts at 0 and is equally spaced).
   *
   * @throws InputException when a size of the model is not on the ray or the flow diverges
   */
  public static SizeRun at(Model model, String observable, int p, RayValues ray, double[] tau, double[] theory,
      Simulation.Settings runs, WorkBudget budget, IntConsumer progress) {
    return at(model, observable, p, ray, tau, theory, false, runs, budget, progress);
  }

  /**
   * {@link #at(Model, String, int, RayValues, double[], double[], Simulation.Settings, WorkBudget, IntConsumer)},
   * for the part that evolves when {@code evolving}: the simulated mean minus its value at
   * {@code tau = 0} (the same seeds, so the difference is the mean of each run's change), against a
   * theory that starts at 0; {@code tau = 0} itself is left out of the deviation.
   */
  public static SizeRun at(Model model, String observable, int p, RayValues ray, double[] tau, double[] theory,
      boolean evolving, Simulation.Settings runs, WorkBudget budget, IntConsumer progress) {
    Point point = point(model, p, ray);
    Map<Variable, Integer> sizes = point.sizes();
    Map<Variable, Double> values = point.values();
    double norm = Math.pow(p, ray.normExponent().doubleValue());
    Simulation.Result r = simulate(model, p, ray, tau[tau.length - 1], tau.length, runs, budget, progress);
    double[] mean = r.mean().get(observable);
    double[] sem = r.standardError().get(observable);
    double[] simulated = new double[tau.length];
    double[] error = new double[tau.length];
    double worst = 0;
    double where = 0;
    for (int k = 0; k < tau.length; k++) {
      simulated[k] = (evolving ? mean[k] - mean[0] : mean[k]) / norm;
      error[k] = (evolving && observable.equals(Model.LOSS) ? changeError(r.losses(), k) : sem[k]) / norm;
      if (evolving && k == 0) {
        continue;
      }
      double d = Math.abs(simulated[k] - theory[k]) / Math.abs(theory[k]);
      if (d > worst || Double.isNaN(d)) {
        worst = d;
        where = tau[k];
      }
    }
    return new SizeRun(p, sizes, values, tau, simulated, error, worst, where, runs.seeds());
  }

  /**
   * The standard error of the mean change {@code L_i(t_k) - L_i(0)} over the runs {@code i}: the
   * runs' own starting values cancel, which the standard error of {@code L(t_k)} would count.
   */
  public static double changeError(double[][] losses, int k) {
    int n = losses.length;
    if (n < 2) {
      return 0;
    }
    double mean = 0;
    for (double[] run : losses) {
      mean += (run[k] - run[0]) / n;
    }
    double squares = 0;
    for (double[] run : losses) {
      double d = run[k] - run[0] - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / (n - 1) / n);
  }

  /**
   * The ray's point at size {@code p}.
   *
   * @param sizes every size ({@code p} and the ray's, rounded to positive integers)
   * @param values the other variables' values
   */
  public record Point(Map<Variable, Integer> sizes, Map<Variable, Double> values) {}

  /** Every ray variable at {@code x = k_x p^(a_x)}, sizes rounded to the nearest positive integer. */
  public static Point point(Model model, int p, RayValues ray) {
    Map<Variable, Integer> sizes = new LinkedHashMap<>();
    Map<Variable, Double> values = new LinkedHashMap<>();
    sizes.put(Variable.P, p);
    Set<Variable> kinds = model.species().stream().flatMap(sp -> sp.legKinds().stream()).map(k -> k.size())
        .collect(Collectors.toSet());
    for (Map.Entry<Variable, Rational> e : ray.exponents().entrySet()) {
      Variable x = e.getKey();
      double value = ray.constants().get(x) * Math.pow(p, e.getValue().doubleValue());
      if (kinds.contains(x)) {
        sizes.put(x, (int) Math.max(1, Math.round(value)));
      } else {
        values.put(x, value);
      }
    }
    return new Point(sizes, values);
  }

  /**
   * Gradient flow at size {@code p} on the ray, to {@code t = p^c tauMax} at {@code points} times,
   * with the seeds and integrator of {@code runs}.
   */
  public static Simulation.Result simulate(Model model, int p, RayValues ray, double tauMax, int points,
      Simulation.Settings runs, WorkBudget budget, IntConsumer progress) {
    Point point = point(model, p, ray);
    double timeScale = Math.pow(p, ray.timeExponent().doubleValue());
    FlowModel flow = FlowModel.of(model, point.sizes(), point.values());
    return Simulation.run(flow, runs.at(tauMax * timeScale, points), budget, progress);
  }

  /** The sizes of the ray's model that the ray does not set (besides {@code p}): they cannot be simulated. */
  public static List<Variable> missing(Model model, RayValues ray) {
    return model.species().stream().flatMap(sp -> sp.legKinds().stream()).map(k -> k.size()).distinct()
        .filter(v -> !v.equals(Variable.P) && !ray.exponents().containsKey(v)).toList();
  }

}
