package org.gfd.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Rational;
import org.gfd.model.Model;
import org.gfd.model.TensorTerm;

/**
 * A finite linear combination of canonical networks with exact rational coefficients (zero
 * coefficients dropped). Immutable.
 */
public final class NetworkSum {
  private final SpeciesTable table;
  private final Map<Network, Rational> terms;

  /** Takes ownership of {@code terms} (keys canonical, values nonzero). */
  NetworkSum(SpeciesTable table, Map<Network, Rational> terms) {
    this.table = table;
    this.terms = Collections.unmodifiableMap(terms);
  }

  /** The name of the loss among a model's observables. */
  public static final String LOSS = "loss";

  /** The loss of {@code model} as a sum of canonical networks. */
  public static NetworkSum loss(Model model) {
    return of(SpeciesTable.of(model), model.loss());
  }

  /**
   * The observable {@code name} of {@code model} ({@link #LOSS} or one of
   * {@link Model#observables()}) as a sum of canonical networks.
   *
   * @throws IllegalArgumentException when the model has no such observable
   */
  public static NetworkSum observable(Model model, String name) {
    if (name.equals(LOSS)) {
      return loss(model);
    }
    List<TensorTerm> terms = model.observables().get(name);
    if (terms == null) {
      throw new IllegalArgumentException("model " + model.name() + " has no observable " + name);
    }
    return of(SpeciesTable.of(model), terms);
  }

  private static NetworkSum of(SpeciesTable table, List<TensorTerm> terms) {
    Map<Network, Rational> acc = new LinkedHashMap<>();
    for (TensorTerm t : terms) {
      acc.merge(CanonicalLabeler.canonicalize(Network.of(table, t)), t.coefficient(), Rational::add);
    }
    acc.values().removeIf(Rational::isZero);
    return new NetworkSum(table, acc);
  }

  public SpeciesTable table() {
    return table;
  }

  /** Canonical network to nonzero coefficient (unmodifiable). */
  public Map<Network, Rational> terms() {
    return terms;
  }

  /** The number of distinct networks. */
  public int size() {
    return terms.size();
  }
}
