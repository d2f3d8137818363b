package org.gfd.diagram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.model.IndexKind;
import org.gfd.network.CanonicalLabeler;
import org.gfd.network.ContractedValue;
import org.gfd.network.Network;
import org.gfd.network.NetworkSum;
import org.gfd.network.SpeciesTable;
import org.gfd.network.WorkBudget;

/**
 * Lists the distinct fully paired diagrams of a sum of networks (normally {@code D^s L}): every
 * perfect matching within species of every network, each put in canonical form and merged with
 * its isomorphs. Unlike {@link WickExpectation}, this enumerates matchings one by one, so it is
 * for orders small enough to list: the number of matchings is checked against a limit first.
 * By construction {@code sum over diagrams of coefficient * weight = E[sum]}.
 */
public final class DiagramCensus {
  /** The kind of the extra leg that marks Wick pairs in a diagram's canonical form. */
  public static final IndexKind PAIR = new IndexKind("pair", Variable.of("pair"));

  private DiagramCensus() {}

  /**
   * The number of perfect matchings within species summed over the networks of {@code sum}:
   * {@code sum_F prod_species (count - 1)!!} (zero for a network with an odd species count).
   */
  public static BigInteger matchingCount(NetworkSum sum) {
    BigInteger total = BigInteger.ZERO;
    for (Network f : sum.terms().keySet()) {
      total = total.add(matchings(sum.table(), counts(f.speciesCounts())));
    }
    return total;
  }

  /**
   * A lower bound on {@link #matchingCount} of {@code D^s L}, found without computing
   * {@code D^s L}, from the species counts of its networks alone.
   *
   * <p>Let {@code A_s(n)} be the sum of the coefficients of the networks of {@code D^s L} whose
   * species counts are the vector {@code n}. Merging isomorphic networks keeps these sums, and one
   * derivative maps them linearly: a network with counts {@code n} has {@code n_sigma l_sigma}
   * contractions of a trainable species {@code sigma} with a loss term {@code l} (coefficient
   * {@code a_l}, counts {@code l}), each giving counts {@code n + l - 2 e_sigma} and coefficient
   * {@code -a_l} times its own, so
   * {@code A_{s+1}(n') = - sum A_s(n) a_l n_sigma l_sigma} over {@code n + l - 2 e_sigma = n'}.
   * Where {@code A_s(n) != 0}, at least one network with counts {@code n} survives in
   * {@code D^s L}, and it has {@code prod_sigma (n_sigma - 1)!!} matchings; the bound is the sum of
   * these over the vectors with {@code A_s(n) != 0}. Cost: polynomial in the number of distinct
   * count vectors, which grows polynomially with {@code s}.
   */
  public static BigInteger matchingCountLowerBound(NetworkSum loss, int s) {
    BigInteger bound = BigInteger.ZERO;
    for (List<Integer> n : countVectorCoefficients(loss, s).keySet()) {
      bound = bound.add(matchings(loss.table(), n));
    }
    return bound;
  }

  /**
   * {@code A_s}: for each vector of species counts, the sum of the coefficients of the networks
   * of {@code D^s L} with those counts (only the nonzero sums), by the recurrence of
   * {@link #matchingCountLowerBound}, without computing {@code D^s L}.
   */
  public static Map<List<Integer>, Rational> countVectorCoefficients(NetworkSum loss, int s) {
    SpeciesTable table = loss.table();
    Map<List<Integer>, Rational> terms = new HashMap<>();
    Map<List<Integer>, Rational> level = new HashMap<>();
    for (Map.Entry<Network, Rational> e : loss.terms().entrySet()) {
      List<Integer> n = counts(e.getKey().speciesCounts());
      level.merge(n, e.getValue(), Rational::add);
      if (e.getKey().nodeCount() > 0) {
        terms.merge(n, e.getValue(), Rational::add);
      }
    }
    level.values().removeIf(Rational::isZero);
    for (int k = 0; k < s; k++) {
      Map<List<Integer>, Rational> next = new HashMap<>();
      for (Map.Entry<List<Integer>, Rational> e : level.entrySet()) {
        List<Integer> n = e.getKey();
        for (int sigma = 0; sigma < n.size(); sigma++) {
          if (n.get(sigma) == 0 || !table.trainable(sigma)) {
            continue;
          }
          for (Map.Entry<List<Integer>, Rational> t : terms.entrySet()) {
            List<Integer> l = t.getKey();
            if (l.get(sigma) == 0) {
              continue;
            }
            Integer[] child = new Integer[n.size()];
            for (int i = 0; i < child.length; i++) {
              child[i] = n.get(i) + l.get(i) - (i == sigma ? 2 : 0);
            }
            Rational c = e.getValue().multiply(t.getValue()).multiply(Rational.of((long) n.get(sigma) * l.get(sigma)));
            next.merge(List.of(child), c.negate(), Rational::add);
          }
        }
      }
      next.values().removeIf(Rational::isZero);
      level = next;
    }
    return Map.copyOf(level);
  }

  private static List<Integer> counts(int[] speciesCounts) {
    return Arrays.stream(speciesCounts).boxed().toList();
  }

  /** {@code prod_sigma (n_sigma - 1)!!} over the Gaussian species, zero when some count is odd. */
  private static BigInteger matchings(SpeciesTable table, List<Integer> n) {
    BigInteger m = BigInteger.ONE;
    for (int sigma = 0; sigma < n.size(); sigma++) {
      int count = n.get(sigma);
      if (!table.gaussian(sigma)) {
        continue;
      }
      if (count % 2 != 0) {
        return BigInteger.ZERO;
      }
      for (int k = count - 1; k > 1; k -= 2) {
        m = m.multiply(BigInteger.valueOf(k));
      }
    }
    return m;
  }

  /**
   * The distinct diagrams of {@code sum} with nonzero coefficient, heaviest weight first (by
   * monomial order, descending), then by canonical form.
   *
   * @throws InputException when there are more than {@code maxMatchings} matchings to list
   */
  public static List<Diagram> list(NetworkSum sum, long maxMatchings, WorkBudget budget) {
    BigInteger count = matchingCount(sum);
    if (count.compareTo(BigInteger.valueOf(maxMatchings)) > 0) {
      throw new InputException("this order has " + count + " Wick matchings, more than the "
          + maxMatchings + " that may be listed");
    }
    SpeciesTable table = sum.table();
    SpeciesTable marked = table.withExtraLeg(PAIR);
    int pairKind = marked.kindId(PAIR);
    Map<Network, Rational> coefficients = new ConcurrentHashMap<>();
    Map<Network, Monomial> weights = new ConcurrentHashMap<>();
    sum.terms().entrySet().parallelStream().forEach(e -> {
      Network f = e.getKey();
      int n = f.nodeCount();
      int[] partner = new int[n];
      Arrays.fill(partner, -1);
      for (int v = 0; v < n; v++) {
        if (!table.gaussian(f.species(v))) {
          partner[v] = v; // constant tensors are not paired
        }
      }
      forEachMatching(f, partner, 0, budget, () -> {
        Network form = CanonicalLabeler.canonicalize(marked(f, partner, marked, pairKind), budget);
        coefficients.merge(form, e.getValue(), Rational::add);
        weights.computeIfAbsent(form, k -> weight(f, partner));
      });
    });
    List<Diagram> out = new ArrayList<>();
    coefficients.forEach((form, coef) -> {
      if (!coef.isZero()) {
        out.add(new Diagram(form, coef, weights.get(form)));
      }
    });
    out.sort(Comparator.comparing(Diagram::weight).reversed()
        .thenComparing(Diagram::form));
    return out;
  }

  private static void forEachMatching(Network f, int[] partner, int from, WorkBudget budget,
      Runnable action) {
    int v = from;
    while (v < partner.length && partner[v] >= 0) {
      v++;
    }
    if (v == partner.length) {
      budget.check();
      action.run();
      return;
    }
    for (int w = v + 1; w < partner.length; w++) {
      if (partner[w] < 0 && f.species(w) == f.species(v)) {
        partner[v] = w;
        partner[w] = v;
        forEachMatching(f, partner, v + 1, budget, action);
        partner[v] = -1;
        partner[w] = -1;
      }
    }
  }

  /** {@code f} with each Gaussian node given an extra leg in the class of its Wick pair (and {@code f}'s scale). */
  private static Network marked(Network f, int[] partner, SpeciesTable marked, int pairKind) {
    int n = f.nodeCount();
    int c = f.classCount();
    int[] species = new int[n];
    int[] pairClass = new int[n];
    int pairs = 0;
    int legs = 0;
    for (int v = 0; v < n; v++) {
      species[v] = f.species(v);
      legs += marked.arity(species[v]);
      if (partner[v] > v) {
        pairClass[v] = c + pairs;
        pairClass[partner[v]] = c + pairs;
        pairs++;
      }
    }
    int[] legClass = new int[legs];
    int l = 0;
    for (int v = 0; v < n; v++) {
      for (int k = 0; k < f.arity(v); k++) {
        legClass[l++] = f.legClass(v, k);
      }
      if (partner[v] != v) {
        legClass[l++] = pairClass[v];
      }
    }
    int[] kinds = new int[c + pairs];
    for (int i = 0; i < c; i++) {
      kinds[i] = f.classKind(i);
    }
    for (int i = c; i < c + pairs; i++) {
      kinds[i] = pairKind;
    }
    return Network.of(marked, species, legClass, kinds).withScale(f.scale());
  }

  /**
   * The value of {@code f} with the matching contracted: the variances of the pairs times the
   * value of what is left ({@link ContractedValue}: sizes of the merged classes, counts of
   * solutions of the constant tensors' equations, the scale).
   */
  private static Monomial weight(Network f, int[] partner) {
    Monomial variances = Monomial.ONE;
    Network left = f;
    boolean[] gone = new boolean[f.nodeCount()];
    for (int v = 0; v < gone.length; v++) {
      int w = partner[v];
      if (w > v) {
        variances = variances.multiply(f.table().species(f.species(v)).variance());
        left = left.contract(position(gone, v), position(gone, w));
        gone[v] = true;
        gone[w] = true;
      }
    }
    return variances.multiply(ContractedValue.of(left).monomial(f.table()));
  }

  /** The number of node {@code v} of the original network once the nodes marked gone are deleted. */
  private static int position(boolean[] gone, int v) {
    int at = 0;
    for (int u = 0; u < v; u++) {
      at += gone[u] ? 0 : 1;
    }
    return at;
  }
}
