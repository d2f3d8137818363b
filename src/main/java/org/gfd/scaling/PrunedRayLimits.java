package org.gfd.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.diagram.WickExpectation;
import org.gfd.lang.ModelLoader;
import org.gfd.model.IndexKind;
import org.gfd.model.Model;
import org.gfd.network.Network;
import org.gfd.network.NetworkSum;
import org.gfd.network.TimeDerivative;
import org.gfd.network.WorkBudget;

/**
 * Ray limits of asymmetric CP of order 2 (identity or zero target) on rays with {@code a >= 1}
 * (the NTK side of its map), computed on only the networks of {@code D^s L} that can still reach
 * the leading exponent: exact, equal to the full series' limit order by order, at a cost that
 * grows with the number of networks kept (linearly in {@code s} on NTK rays) instead of with all
 * networks (about 2.2 times more per order).
 *
 * <p><b>Networks as words.</b> Every network of {@code D^s L} is one cycle of {@code 2n} nodes
 * {@code U} and {@code V} ({@code H x p} each), read as the trace of a word of {@code n} letters
 * {@code X^T Y} (the two nodes of an {@code H} class); {@code m} of the letters are mixed
 * ({@code X != Y}), the other {@code n - m} pure.
 *
 * <p><b>Bound.</b> On the ray {@code H = p^a}, {@code sigma2 = p^b} with {@code a >= 1},
 * <pre>  exponent of E[w]  <=  1 + (a + b) n - (a - 1) m / 2.</pre>
 * Proof: {@code E[w] = sigma2^n sum_pi p^(#p-loops) H^(#H-loops)} over the pairings {@code pi} of
 * equal species. A pairing of a connected network of {@code n} pairs has at most {@code n + 1}
 * loops (genus expansion). The {@code H} loops are the components of the graph on the {@code n}
 * {@code H} classes whose edges are the pairs; a mixed letter cannot be paired within itself, so
 * its class lies in a component of two or more classes, and {@code #H-loops <= (n - m) + m/2}.
 * So {@code #p + a #H = (#p + #H) + (a - 1) #H <= n + 1 + (a - 1)(n - m/2)}.
 *
 * <p><b>Moves.</b> {@code D} replaces a node {@code U} by {@code V V^T U - V} ({@code V} by
 * {@code U U^T V - U}): a child's word either flips one end of one letter to the other species
 * ({@code (n, m -+ 1)}, from the target; not with the zero target) or splits a letter in two: a pure
 * letter into two mixed ones ({@code (n + 1, m + 2)}), a mixed one into a pure and a mixed one
 * ({@code (n + 1, m)}). A network at order {@code s} is kept when, for some {@code k <= S - s}, a
 * state reachable in {@code k} moves has a bound at least the top exponent {@code e - c (s + k)}
 * (a dynamic programme over {@code (n, m)}); its expectation is computed only when its own bound
 * reaches {@code e - c s}. Every network dropped has every descendant strictly below the top, so
 * each {@code hat c_s}, and each order's divergence, is the full series'. Checked against the
 * full series in {@code PrunedRayLimitsTest}, and the bound against every network to order 7.
 *
 * <p>The norm and time exponents {@code e, c} must be fixed on the ray (from the full series' low
 * orders, for instance): an order that would set a faster time scale shows as diverging.
 * Stateless apart from a memo per call; thread-safe.
 */
public final class PrunedRayLimits {
  private final Ray ray;
  private final Rational a;
  private final Rational b;
  private final Rational e;
  private final Rational c;
  private final int hKind;
  private final Map<List<Integer>, Rational> futureMemo = new HashMap<>();

  /** The coefficients {@code c_s} restricted to the networks that reach the top, and how many networks were kept per order. */
  public record Result(List<Polynomial> coefficients, List<Integer> kept, List<Integer> evaluated) {}

  private PrunedRayLimits(Ray ray, Rational e, Rational c, int hKind) {
    this.ray = ray;
    this.a = ray.exponentOf(Monomial.of(Variable.H, 1));
    this.b = ray.exponentOf(Monomial.of(Variable.SIGMA2, 1));
    this.e = e;
    this.c = c;
    this.hKind = hKind;
  }

  /** Whether {@code model} is asymmetric CP of order 2 with the identity or zero target, network for network. */
  public static boolean applies(Model model) {
    for (String name : List.of("cp", "cp-zero")) {
      Model reference = ModelLoader.builtIn(name, Map.of("nu", 2));
      if (NetworkSum.sameLoss(reference, model)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code c_0..c_S} restricted to the networks that can reach the top exponent on {@code ray}:
   * their limits along {@code ray} ({@link RayLimits#analyze}) are the full series'.
   *
   * @throws IllegalArgumentException when the model is not order-2 asymmetric CP, the ray has
   *     {@code a < 1}, or does not fix {@code e} and {@code c}
   */
  public static Result coefficients(Model model, Ray ray, int maxOrder, WorkBudget budget) {
    if (!applies(model)) {
      throw new IllegalArgumentException("pruned ray limits are for asymmetric CP of order 2 (identity or zero target)");
    }
    if (ray.timeExponent().isEmpty() || ray.normExponent().isEmpty()) {
      throw new IllegalArgumentException("pruned ray limits need e and c fixed on the ray");
    }
    NetworkSum loss = NetworkSum.loss(model);
    PrunedRayLimits pruning = new PrunedRayLimits(ray, ray.normExponent().get(), ray.timeExponent().get(),
        loss.table().kindId(IndexKind.H));
    if (pruning.a.compareTo(Rational.ONE) < 0) {
      throw new IllegalArgumentException("pruned ray limits need H = p^a with a >= 1, got a = " + pruning.a);
    }
    return pruning.run(loss, maxOrder, budget);
  }

  /** The bound on the ray exponent of {@code E[net]}, for a network of {@code D^s L} of {@code model} (tests check it against every network). */
  static Rational exponentBound(Model model, Ray ray, Network net) {
    NetworkSum loss = NetworkSum.loss(model);
    PrunedRayLimits pruning = new PrunedRayLimits(ray, Rational.ZERO, Rational.ZERO, loss.table().kindId(IndexKind.H));
    return pruning.bound(pruning.word(net));
  }

  private Result run(NetworkSum loss, int maxOrder, WorkBudget budget) {
    TimeDerivative d = new TimeDerivative(loss);
    WickExpectation wick = new WickExpectation(loss.table());
    List<Polynomial> coefficients = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    List<Integer> evaluated = new ArrayList<>();
    NetworkSum current = loss;
    for (int s = 0; s <= maxOrder; s++) {
      Rational top = top(s);
      Map<Network, Rational> keep = new LinkedHashMap<>();
      Polynomial.Builder cs = new Polynomial.Builder();
      int evaluatedHere = 0;
      for (Map.Entry<Network, Rational> t : current.terms().entrySet()) {
        Network net = t.getKey();
        Word w = word(net);
        if (future(w, s, maxOrder - s).signum() < 0) {
          continue;
        }
        keep.put(net, t.getValue());
        if (bound(w).compareTo(top) >= 0) {
          cs.add(wick.expectation(net, budget), t.getValue());
          evaluatedHere++;
        }
      }
      coefficients.add(cs.build());
      kept.add(keep.size());
      evaluated.add(evaluatedHere);
      if (s < maxOrder) {
        current = d.apply(current.restrictedTo(keep::containsKey), budget);
      }
    }
    return new Result(coefficients, kept, evaluated);
  }

  /** A network as a word: its letters, mixed letters, and the ray exponent of its scale. */
  private record Word(int letters, int mixed, Rational scale) {}

  /** The word of {@code net}; an internal error when {@code net} is not one cycle of letters. */
  private Word word(Network net) {
    Rational scale = ray.exponentOf(net.scale());
    if (net.nodeCount() == 0) {
      return new Word(0, 0, scale.add(ray.exponentOf(net.freeClassWeight()))); // a constant: its exponent exactly
    }
    int[] firstSpecies = new int[net.classCount()];
    int[] degree = new int[net.classCount()];
    int letters = 0;
    int mixed = 0;
    Arrays.fill(firstSpecies, -1);
    for (int v = 0; v < net.nodeCount(); v++) {
      if (net.arity(v) != 2) {
        throw new IllegalStateException("pruned ray limits: a node with " + net.arity(v) + " legs in " + net);
      }
      for (int k = 0; k < 2; k++) {
        int cl = net.legClass(v, k);
        degree[cl]++;
        if (net.classKind(cl) == hKind) {
          if (firstSpecies[cl] < 0) {
            firstSpecies[cl] = net.species(v);
            letters++;
          } else if (firstSpecies[cl] != net.species(v)) {
            mixed++;
          }
        }
      }
    }
    for (int cl = 0; cl < degree.length; cl++) {
      if (degree[cl] != 2) {
        throw new IllegalStateException("pruned ray limits: a class of degree " + degree[cl] + " in " + net);
      }
    }
    if (!isOneCycle(net)) {
      throw new IllegalStateException("pruned ray limits: not one cycle: " + net);
    }
    return new Word(letters, mixed, scale);
  }

  /** Whether the nodes of {@code net} (all of two legs, every class of degree 2) form one cycle. */
  private static boolean isOneCycle(Network net) {
    int[] parent = new int[net.classCount()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    int components = parent.length;
    for (int v = 0; v < net.nodeCount(); v++) {
      int x = find(parent, net.legClass(v, 0));
      int y = find(parent, net.legClass(v, 1));
      if (x != y) {
        parent[x] = y;
        components--;
      }
    }
    return components == 1;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** {@code e - c s}: the exponent of {@code c_s} that the limit keeps. */
  private Rational top(int s) {
    return e.subtract(c.multiply(Rational.of(s)));
  }

  /** The bound on the exponent of the expectation of a word with these letters. */
  private Rational bound(int letters, int mixed, Rational scale) {
    if (letters == 0) {
      return scale;
    }
    return scale.add(Rational.ONE).add(a.add(b).multiply(Rational.of(letters)))
        .subtract(a.subtract(Rational.ONE).multiply(Rational.of(mixed, 2)));
  }

  private Rational bound(Word w) {
    return bound(w.letters(), w.mixed(), w.scale());
  }

  /**
   * The largest {@code bound - top(s + k)} over {@code k <= horizon} and the states reachable in
   * {@code k} moves from {@code w} at order {@code s} (negative: no descendant reaches the top).
   */
  private Rational future(Word w, int s, int horizon) {
    if (w.letters() == 0) {
      return bound(w).subtract(top(s)); // a constant: D gives nothing
    }
    List<Integer> key = List.of(w.letters(), w.mixed(), s, horizon);
    Rational memo = futureMemo.get(key);
    if (memo != null) {
      return w.scale().add(memo);
    }
    // states (letters, mixed) reachable in k moves; values without the scale, added at the end
    Set<Long> states = new HashSet<>();
    states.add(pack(w.letters(), w.mixed()));
    Rational best = bound(w.letters(), w.mixed(), Rational.ZERO).subtract(top(s));
    for (int k = 1; k <= horizon; k++) {
      Set<Long> next = new HashSet<>();
      for (long st : states) {
        int n = (int) (st >>> 32);
        int m = (int) st;
        if (m >= 1) {
          next.add(pack(n, m - 1)); // flip a mixed letter's end: pure
          next.add(pack(n + 1, m)); // split a mixed letter: a pure and a mixed one
        }
        if (m < n) {
          next.add(pack(n, m + 1)); // flip a pure letter's end: mixed
          next.add(pack(n + 1, m + 2)); // split a pure letter: two mixed ones
        }
      }
      states = next;
      for (long st : states) {
        Rational x = bound((int) (st >>> 32), (int) st, Rational.ZERO).subtract(top(s + k));
        if (x.compareTo(best) > 0) {
          best = x;
        }
      }
    }
    futureMemo.put(key, best);
    return w.scale().add(best);
  }

  private static long pack(int letters, int mixed) {
    return ((long) letters << 32) | mixed;
  }

  /** The fixed ray used for the pruned limits: {@code ray} with {@code e} and {@code c} of {@code limit}. */
  public static Ray fixed(Ray ray, RayLimit limit) {
    return new Ray(ray.exponents(), ray.constantValues(), Optional.of(limit.timeExponent().orElse(Rational.ZERO)),
        Optional.of(limit.normExponent()));
  }
}
