package org.gfd.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gfd.algebra.Rational;

/**
 * The time derivative along gradient flow, {@code D F = -<grad F, grad L>} (docs/specification.md &sect;2-3):
 * <pre>
 *   D F = - sum_{v trainable node of F} sum_{terms l of L} sum_{w node of l, species(w) = species(v)}
 *           coef(l) * contract(F &#8852; l, v, w).
 * </pre>
 * Nodes in one orbit of an automorphism of {@code F} (or of {@code l}) give isomorphic children,
 * so each orbit is contracted once and counted with its size ({@link CanonicalLabeler#nodeOrbits});
 * the orbits of the loss's nodes are found once. Results are put in canonical form and isomorphic
 * networks merged, so that the number of distinct networks, not the number of terms, drives the
 * cost of the next step. The work is spread over all cores. Stateless apart from the loss it was
 * built with; thread-safe.
 */
public final class TimeDerivative {
  private final NetworkSum loss;
  private final SpeciesSymmetry symmetry;
  private final List<Network> lossNetworks = new ArrayList<>();
  private final List<Rational> lossCoefficients = new ArrayList<>();
  /** For each loss network, each node's orbit size when it is its orbit's smallest node, else 0. */
  private final List<int[]> lossOrbitSizes = new ArrayList<>();

  public TimeDerivative(NetworkSum loss) {
    this(loss, SpeciesSymmetry.none(loss.table()));
  }

  /**
   * {@code D} on sums that carry one network per orbit of {@code symmetry} (a symmetry of
   * {@code loss}), with the orbit's summed coefficient: children are merged up to the symmetry.
   */
  public TimeDerivative(NetworkSum loss, SpeciesSymmetry symmetry) {
    this.loss = loss;
    this.symmetry = symmetry;
    loss.terms().forEach((net, coef) -> {
      if (net.nodeCount() > 0) {
        lossNetworks.add(net);
        lossCoefficients.add(coef);
        lossOrbitSizes.add(orbitSizes(net, WorkBudget.unlimited()));
      }
    });
  }

  /** Each node's orbit size when it is the smallest node of its orbit, else 0. */
  private static int[] orbitSizes(Network net, WorkBudget budget) {
    int[] orbit = CanonicalLabeler.nodeOrbits(net, budget);
    int[] size = new int[orbit.length];
    for (int r : orbit) {
      size[r]++;
    }
    return size;
  }

  /** {@code D} applied to a sum of networks, checking {@code budget} as it goes. */
  public NetworkSum apply(NetworkSum f, WorkBudget budget) {
    Map<Network, Rational> acc = new ConcurrentHashMap<>();
    f.terms().entrySet().parallelStream().forEach(e -> {
      Network net = e.getKey();
      Rational minusCoef = e.getValue().negate();
      int[] orbitSize = orbitSizes(net, budget);
      for (int v = 0; v < net.nodeCount(); v++) {
        int s = net.species(v);
        if (orbitSize[v] == 0 || !net.table().trainable(s)) {
          continue;
        }
        for (int t = 0; t < lossNetworks.size(); t++) {
          Network l = lossNetworks.get(t);
          int[] lossOrbit = lossOrbitSizes.get(t);
          Network joined = null;
          for (int w = 0; w < l.nodeCount(); w++) {
            if (lossOrbit[w] == 0 || l.species(w) != s) {
              continue;
            }
            budget.check();
            if (joined == null) {
              joined = net.union(l);
            }
            Rational coef = minusCoef.multiply(lossCoefficients.get(t)).multiply(Rational.of((long) orbitSize[v] * lossOrbit[w]));
            Network child = symmetry.canonicalize(joined.contract(v, net.nodeCount() + w), budget);
            acc.merge(child, coef, Rational::add);
          }
        }
      }
    });
    acc.values().removeIf(Rational::isZero);
    return new NetworkSum(loss.table(), acc);
  }
}
