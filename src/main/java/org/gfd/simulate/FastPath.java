package org.gfd.simulate;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fast path of a model's gradient ({@link CpGram}, {@link SiteFlow}): it draws, lays out the
 * state and names the observables exactly as the generic path it stands in for, so that both give
 * the same numbers (to rounding) from the same seed. Subclasses give the gradient and the values.
 */
abstract class FastPath implements FlowModel {
  /** The generic path of the same model at the same sizes. */
  final ConcreteModel generic;

  FastPath(ConcreteModel generic) {
    this.generic = generic;
  }

  @Override
  public final int dimension() {
    return generic.dimension();
  }

  @Override
  public final List<String> observableNames() {
    return generic.observableNames();
  }

  @Override
  public final Sample sample(RandomGenerator random) {
    return generic.sample(random);
  }

  @Override
  public final double[] initialState(RandomGenerator random) {
    return generic.initialState(random);
  }
}
