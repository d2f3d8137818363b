package org.gfd.simulate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.gfd.algebra.Variable;
import org.gfd.model.Model;

/**
 * A model at concrete sizes as gradient flow needs it: the trainable entries as one state vector,
 * the loss's gradient, and the observables' values. {@link ConcreteModel} is the generic path;
 * {@link CpGram} (CP) and {@link SiteFlow} (losses linear in the data) are fast paths that give the same
 * numbers (to rounding) from the same draws.
 */
public interface FlowModel {
  /** The entries of the data and constant species of one sample, by species number (null for trainable ones). */
  record Sample(List<double[]> arrays) {}

  /** The number of trainable entries. */
  int dimension();

  /** The observables' names, the loss first. */
  List<String> observableNames();

  /** A sample's data (Gaussian data species drawn from {@code random}). */
  Sample sample(RandomGenerator random);

  /** Initial trainable entries, iid Gaussian with each species' variance, drawn after the sample's. */
  double[] initialState(RandomGenerator random);

  /** The value of the observable {@code name} at state {@code y}. */
  double observable(String name, double[] y, Sample sample);

  /** The gradient of the loss at state {@code y}. */
  double[] gradient(double[] y, Sample sample);

  /**
   * The fastest path for {@code model}: {@link CpGram} when its loss is CP's, {@link SiteFlow} when
   * it is linear in the data ({@code 1/(2n) |X^T (f(theta) - b)|^2}), else {@link ConcreteModel}.
   */
  static FlowModel of(Model model, Map<Variable, Integer> sizes, Map<Variable, Double> values) {
    ConcreteModel generic = new ConcreteModel(model, sizes, values);
    Optional<FlowModel> fast = CpGram.recognize(model, generic).map(g -> g);
    return fast.or(() -> SiteFlow.recognize(model, generic, sizes)).orElse(generic);
  }
}
