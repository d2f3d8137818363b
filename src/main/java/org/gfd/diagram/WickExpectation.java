package org.gfd.diagram;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.network.CanonicalLabeler;
import org.gfd.network.ContractedValue;
import org.gfd.network.Network;
import org.gfd.network.NetworkSum;
import org.gfd.network.SpeciesSymmetry;
import org.gfd.network.SpeciesTable;
import org.gfd.network.WorkBudget;

/**
 * The Gaussian (Wick) expectation of networks whose nodes are iid centred Gaussian entries:
 * <pre>
 *   E[F] = sum over perfect matchings within each species of prod(variances) * value(F with all
 *          matched pairs contracted),
 * </pre>
 * a fully contracted network being worth {@code prod_kind size^(classes of that kind)}, or, when
 * constant tensors are left in it, the count of solutions of their equations
 * ({@link ContractedValue}). Constant tensors are never paired.
 *
 * <p>Matchings are not enumerated: with {@code v0} a node chosen from the canonical form (see {@link #pivot}),
 * {@code Pairings(F) = sum_{w ~ v0} Pairings(contract(F, v0, w))}, memoized on the canonical form
 * of each partially contracted network (free classes stripped into a size monomial first, so that
 * networks differing only by free sums share an entry). Twin partners {@code w} (same legs) are
 * contracted once and counted with multiplicity. The memo's values are {@link ClassCounts}: integer
 * counts by number of classes of each kind, packed. The memo is shared by all calls and threads.
 */
public final class WickExpectation {
  private final SpeciesTable table;
  private final SpeciesSymmetry symmetry;
  private final ClassCounts.Packing packing;
  private final Map<Network, ClassCounts> memo = new ConcurrentHashMap<>();
  /** Partner groups below this are contracted one by one, without looking for their orbits. */
  private static final int ORBIT_SEARCH_MIN_GROUPS = 3;

  public WickExpectation(SpeciesTable table) {
    this(SpeciesSymmetry.none(table));
  }

  /**
   * Expectations memoized on canonical forms up to {@code symmetry}: networks that a permutation
   * of interchangeable species maps onto each other share one entry (their expectations are equal,
   * the species having the same legs and variance).
   */
  public WickExpectation(SpeciesSymmetry symmetry) {
    this.symmetry = symmetry;
    this.table = symmetry.table();
    this.packing = ClassCounts.Packing.of(table.kindCount());
  }

  /** {@code E[F]} for a network of this table's species (any labelling). */
  public Polynomial expectation(Network f, WorkBudget budget) {
    return expectationAndDivisor(f, budget).value();
  }

  /**
   * {@code E[F]} and the divisor of its counts: with constant tensors, the value holds at every
   * prime size of a constrained kind that does not divide the divisor
   * ({@link ContractedValue}); 1 for a model without them.
   */
  private Valued expectationAndDivisor(Network f, WorkBudget budget) {
    int[] counts = f.speciesCounts();
    Monomial variances = Monomial.ONE;
    for (int s = 0; s < counts.length; s++) {
      if (!table.gaussian(s)) {
        continue;
      }
      if (counts[s] % 2 != 0) {
        return new Valued(Polynomial.ZERO, BigInteger.ONE);
      }
      variances = variances.multiply(table.species(s).variance().pow(counts[s] / 2));
    }
    int[] classes = new int[table.kindCount()];
    for (int c = 0; c < f.classCount(); c++) {
      classes[f.classKind(c)]++;
    }
    for (int k : classes) {
      if (k > packing.max()) {
        throw new IllegalStateException("more than " + packing.max() + " index classes of one kind: too many for the Wick memo's packed counts");
      }
    }
    // free sums and the scale multiply the value; the memo holds networks without them
    Monomial free = f.freeClassWeight().multiply(f.scale());
    Network stripped = symmetry.canonicalize(f.withoutFreeClasses().withScale(Monomial.ONE), budget);
    ClassCounts matchings = pairings(stripped, budget);
    Polynomial.Builder value = new Polynomial.Builder();
    Monomial outside = free.multiply(variances);
    for (int j = 0; j < matchings.size(); j++) {
      Monomial m = outside;
      for (int k = 0; k < table.kindCount(); k++) {
        int e = packing.exponent(matchings.key(j), k);
        if (e != 0) {
          m = m.multiply(Monomial.of(table.kind(k).size(), e));
        }
      }
      value.add(Rational.of(matchings.coefficient(j)), m);
    }
    return new Valued(value.build(), matchings.divisor());
  }

  /**
   * An expectation and the primes where it is wrong.
   *
   * @param value the expectation, a polynomial in the sizes and variances
   * @param divisor at a prime size of a constrained kind dividing it, {@code value} may be wrong;
   *     1 for a model without constant tensors
   */
  public record Valued(Polynomial value, BigInteger divisor) {}

  /** {@code E[sum_i a_i F_i] = sum_i a_i E[F_i]}, the terms evaluated in parallel. */
  public Polynomial expectation(NetworkSum sum, WorkBudget budget) {
    return expectationAndDivisor(sum, budget).value();
  }

  /**
   * {@code E[sum_i a_i F_i]}, with the least common multiple of its terms' divisors (see
   * {@link Valued}): the terms evaluated in parallel.
   */
  public Valued expectationAndDivisor(NetworkSum sum, WorkBudget budget) {
    Partial total = sum.terms().entrySet().parallelStream().collect(Partial::new,
        (acc, e) -> acc.add(expectationAndDivisor(e.getKey(), budget), e.getValue()), Partial::addAll);
    return new Valued(total.value.build(), total.divisor);
  }

  /** A part of a sum of expectations, for one thread. */
  private static final class Partial {
    private final Polynomial.Builder value = new Polynomial.Builder();
    private BigInteger divisor = BigInteger.ONE;

    void add(Valued term, Rational coefficient) {
      value.add(term.value(), coefficient);
      divisor = ClassCounts.lcm(divisor, term.divisor());
    }

    void addAll(Partial other) {
      value.add(other.value.build());
      divisor = ClassCounts.lcm(divisor, other.divisor);
    }
  }

  /** The number of distinct partially contracted networks remembered so far. */
  public int memoSize() {
    return memo.size();
  }

  /**
   * The node whose partners are tried: a node of a Gaussian species with the fewest nodes left
   * (fewer partners mean fewer children; on asymmetric nu = 3 CP to order 5 this quarters the
   * number of labellings against always taking node 0), and among those the one whose legs'
   * classes have the most legs, compared leg by leg, ties going to the first in canonical order;
   * -1 when no Gaussian node is left. Contracting at the busiest classes first makes the partially
   * contracted networks meet more often: on symmetric nu = 3 CP to order 6 the memo holds 381,000
   * networks instead of 1.11 million (the expectations 2.8 times faster), on asymmetric nu = 3
   * 264,000 instead of 399,000; order-2 CP, whose classes all have two legs, is unchanged
   * (docs/decisions.md, "The Wick pivot").
   */
  private static int pivot(Network f) {
    int[] counts = f.speciesCounts();
    int[] degree = f.classDegrees();
    SpeciesTable table = f.table();
    int v0 = -1;
    for (int u = 0; u < f.nodeCount(); u++) {
      if (!table.gaussian(f.species(u))) {
        continue;
      }
      if (v0 < 0 || counts[f.species(u)] < counts[f.species(v0)]
          || (counts[f.species(u)] == counts[f.species(v0)] && busier(f, u, v0, degree))) {
        v0 = u;
      }
    }
    return v0;
  }

  /** Whether node {@code u}'s legs lie in classes with more legs than {@code w}'s, compared leg by leg (same species counts). */
  private static boolean busier(Network f, int u, int w, int[] degree) {
    for (int k = 0; k < Math.min(f.arity(u), f.arity(w)); k++) {
      int du = degree[f.legClass(u, k)];
      int dw = degree[f.legClass(w, k)];
      if (du != dw) {
        return du > dw;
      }
    }
    return false;
  }

  private static boolean sameLegs(Network f, int u, int w) {
    for (int k = 0; k < f.arity(u); k++) {
      if (f.legClass(u, k) != f.legClass(w, k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Merges the partner counts of {@code v0}'s partners that an automorphism of {@code f} fixing
   * {@code v0} (up to its twins) exchanges: they give isomorphic children
   * ({@link CanonicalLabeler#nodeOrbitsFixing}). The counts stay exact either way; the point is
   * fewer child labellings. Finding the orbits costs one labelling with a search, so it is done
   * only where it was measured to pay (whole {@code gfd series} runs, 2 cores): when at least
   * {@link #ORBIT_SEARCH_MIN_GROUPS} groups of partners are left, when every node is of one species
   * (symmetric nu = 3 CP to order 5: 10.9 s without, 9.5 s with; with several species nontrivial
   * stabilizers are rare and asymmetric nu = 3 CP to order 6 went from 16.0 s to 18.6 s), and never
   * when the children are labelled without a search (unions of cycles: asymmetric nu = 2 CP to
   * order 14 took 29 s with it, 24 s without).
   */
  private static void groupByStabilizerOrbits(Network f, int v0, int[] count, WorkBudget budget) {
    int groups = 0;
    for (int k : count) {
      groups += k > 0 ? 1 : 0;
    }
    if (groups < ORBIT_SEARCH_MIN_GROUPS || !oneSpecies(f) || CanonicalLabeler.labelsWithoutSearch(f)) {
      return;
    }
    int[] orbit = CanonicalLabeler.nodeOrbitsFixing(f, v0, budget);
    // the first partner of each orbit (in node order) collects the orbit's counts
    int[] collector = new int[count.length];
    java.util.Arrays.fill(collector, -1);
    for (int w = 0; w < count.length; w++) {
      if (count[w] == 0) {
        continue;
      }
      int first = collector[orbit[w]];
      if (first < 0) {
        collector[orbit[w]] = w;
      } else {
        count[first] += count[w];
        count[w] = 0;
      }
    }
  }

  /** Whether every node of {@code f} is of one species. */
  private static boolean oneSpecies(Network f) {
    for (int v = 1; v < f.nodeCount(); v++) {
      if (f.species(v) != f.species(0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The number of perfect matchings (within species) by the class counts of the fully contracted
   * network, for a canonical network without free classes whose species counts are even.
   */
  private ClassCounts pairings(Network f, WorkBudget budget) {
    if (f.nodeCount() == 0) {
      return ClassCounts.ONE;
    }
    ClassCounts known = memo.get(f);
    if (known != null) {
      return known;
    }
    budget.check();
    int v0 = pivot(f);
    if (v0 < 0) {
      // only constant tensors are left: a count of solutions of their equations
      ContractedValue value = ContractedValue.of(f);
      ClassCounts counts = ClassCounts.single(packing.pack(value.exponents()), value.divisor());
      memo.put(f, counts);
      return counts;
    }
    int s = f.species(v0);
    // partners with the same class on every leg give the same child: contract one, count them all
    int n = f.nodeCount();
    int[] count = new int[n];
    ClassCounts.Accumulator acc = new ClassCounts.Accumulator();
    for (int w = 0; w < n; w++) {
      if (w == v0 || f.species(w) != s) {
        continue;
      }
      int twin = w;
      for (int u = 0; u < w; u++) {
        if (u != v0 && count[u] > 0 && sameLegs(f, u, w)) {
          twin = u;
          break;
        }
      }
      count[twin]++;
    }
    groupByStabilizerOrbits(f, v0, count, budget);
    for (int w = 0; w < n; w++) {
      if (count[w] == 0) {
        continue;
      }
      Network child = f.contract(v0, w);
      int[] free = new int[table.kindCount()];
      int[] degree = child.classDegrees();
      for (int c = 0; c < degree.length; c++) {
        if (degree[c] == 0) {
          free[child.classKind(c)]++;
        }
      }
      Network next = symmetry.canonicalize(child.withoutFreeClasses(), budget);
      acc.add(pairings(next, budget), count[w], packing.pack(free));
    }
    ClassCounts result = acc.build();
    memo.put(f, result);
    return result;
  }
}
