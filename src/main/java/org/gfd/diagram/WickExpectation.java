package org.gfd.diagram;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.network.CanonicalLabeler;
import org.gfd.network.Network;
import org.gfd.network.NetworkSum;
import org.gfd.network.SpeciesTable;
import org.gfd.network.WorkBudget;

/**
 * The Gaussian (Wick) expectation of networks whose nodes are iid centred Gaussian entries:
 * <pre>
 *   E[F] = sum over perfect matchings within each species of prod(variances) * value(F with all
 *          matched pairs contracted),
 * </pre>
 * a fully contracted network being worth {@code prod_kind size^(classes of that kind)}.
 *
 * <p>Matchings are not enumerated: with {@code v0} the first node of the canonical form,
 * {@code Pairings(F) = sum_{w ~ v0} Pairings(contract(F, v0, w))}, memoized on the canonical form
 * of each partially contracted network (free classes stripped into a size monomial first, so that
 * networks differing only by free sums share an entry). Twin partners {@code w} (same legs) are
 * contracted once and counted with multiplicity. The memo is shared by all calls and threads.
 */
public final class WickExpectation {
  private final SpeciesTable table;
  private final Map<Network, Polynomial> memo = new ConcurrentHashMap<>();

  public WickExpectation(SpeciesTable table) {
    this.table = table;
  }

  /** {@code E[F]} for a network of this table's species (any labelling). */
  public Polynomial expectation(Network f, WorkBudget budget) {
    int[] counts = f.speciesCounts();
    Monomial variances = Monomial.ONE;
    for (int s = 0; s < counts.length; s++) {
      if (counts[s] % 2 != 0) {
        return Polynomial.ZERO;
      }
      variances = variances.multiply(table.species(s).variance().pow(counts[s] / 2));
    }
    Monomial free = f.freeClassWeight();
    Network stripped = CanonicalLabeler.canonicalize(f.withoutFreeClasses(), budget);
    return pairings(stripped, budget).multiply(Rational.ONE, free.multiply(variances));
  }

  /** {@code E[sum_i a_i F_i] = sum_i a_i E[F_i]}, the terms evaluated in parallel. */
  public Polynomial expectation(NetworkSum sum, WorkBudget budget) {
    return sum.terms().entrySet().parallelStream()
        .map(e -> expectation(e.getKey(), budget).multiply(e.getValue()))
        .reduce(Polynomial.ZERO, Polynomial::add);
  }

  /** The number of distinct partially contracted networks remembered so far. */
  public int memoSize() {
    return memo.size();
  }

  /**
   * The sum over all perfect matchings (within species) of the size monomial of the fully
   * contracted network, for a canonical network without free classes whose species counts are
   * even.
   */
  private Polynomial pairings(Network f, WorkBudget budget) {
    if (f.nodeCount() == 0) {
      return Polynomial.ONE;
    }
    Polynomial known = memo.get(f);
    if (known != null) {
      return known;
    }
    budget.check();
    int v0 = 0;
    int s = f.species(v0);
    Map<String, Integer> twins = new HashMap<>();
    Map<String, Integer> representative = new HashMap<>();
    for (int w = 1; w < f.nodeCount(); w++) {
      if (f.species(w) != s) {
        continue;
      }
      int[] legs = new int[f.arity(w)];
      for (int k = 0; k < legs.length; k++) {
        legs[k] = f.legClass(w, k);
      }
      String key = Arrays.toString(legs);
      twins.merge(key, 1, Integer::sum);
      representative.putIfAbsent(key, w);
    }
    Polynomial.Builder acc = new Polynomial.Builder();
    for (Map.Entry<String, Integer> e : twins.entrySet()) {
      Network child = f.contract(v0, representative.get(e.getKey()));
      Monomial free = child.freeClassWeight();
      Network next = CanonicalLabeler.canonicalize(child.withoutFreeClasses(), budget);
      acc.add(pairings(next, budget), Rational.of(e.getValue()), free);
    }
    Polynomial result = acc.build();
    memo.put(f, result);
    return result;
  }
}
