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

  /** The loss of {@code model} as a sum of canonical networks. */
  public static NetworkSum loss(Model model) {
    return of(SpeciesTable.of(model), model.loss());
  }

  /**
   * Whether two models have the same species and, network for network, the same loss: what the
   * fast paths and pruned computations written for one built-in model check before they run.
   */
  public static boolean sameLoss(Model a, Model b) {
    return a.species().equals(b.species()) && loss(a).terms().equals(loss(b).terms());
  }

  /**
   * The observable {@code name} of {@code model} ({@link Model#observable}) as a sum of canonical
   * networks over {@code table} (the model's).
   *
   * @throws org.gfd.error.InputException when the model has no such observable
   */
  public static NetworkSum observable(Model model, String name, SpeciesTable table) {
    return of(table, model.observable(name));
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

  /** The sum of the terms whose networks {@code keep} accepts (still canonical and nonzero). */
  public NetworkSum restrictedTo(java.util.function.Predicate<Network> keep) {
    Map<Network, Rational> kept = new LinkedHashMap<>();
    terms.forEach((net, c) -> {
      if (keep.test(net)) {
        kept.put(net, c);
      }
    });
    return new NetworkSum(table, kept);
  }

  /** The number of distinct networks. */
  public int size() {
    return terms.size();
  }
}
