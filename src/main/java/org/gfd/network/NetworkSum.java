package org.gfd.network;

import java.util.Collections;
import java.util.LinkedHashMap;
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
    SpeciesTable table = SpeciesTable.of(model);
    Map<Network, Rational> acc = new LinkedHashMap<>();
    for (TensorTerm t : model.loss()) {
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
