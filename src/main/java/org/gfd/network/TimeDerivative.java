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
 * Results are put in canonical form and isomorphic networks merged, so that the number of
 * distinct networks, not the number of terms, drives the cost of the next step. The work is
 * spread over all cores. Stateless apart from the loss it was built with; thread-safe.
 */
public final class TimeDerivative {
  private final NetworkSum loss;
  private final List<Network> lossNetworks = new ArrayList<>();
  private final List<Rational> lossCoefficients = new ArrayList<>();

  public TimeDerivative(NetworkSum loss) {
    this.loss = loss;
    loss.terms().forEach((net, coef) -> {
      if (net.nodeCount() > 0) {
        lossNetworks.add(net);
        lossCoefficients.add(coef);
      }
    });
  }

  /** {@code D} applied to a sum of networks, checking {@code budget} as it goes. */
  public NetworkSum apply(NetworkSum f, WorkBudget budget) {
    Map<Network, Rational> acc = new ConcurrentHashMap<>();
    f.terms().entrySet().parallelStream().forEach(e -> {
      Network net = e.getKey();
      Rational minusCoef = e.getValue().negate();
      for (int v = 0; v < net.nodeCount(); v++) {
        int s = net.species(v);
        if (!net.table().trainable(s)) {
          continue;
        }
        for (int t = 0; t < lossNetworks.size(); t++) {
          Network l = lossNetworks.get(t);
          Rational coef = minusCoef.multiply(lossCoefficients.get(t));
          Network joined = null;
          for (int w = 0; w < l.nodeCount(); w++) {
            if (l.species(w) != s) {
              continue;
            }
            budget.check();
            if (joined == null) {
              joined = net.union(l);
            }
            Network child = CanonicalLabeler.canonicalize(joined.contract(v, net.nodeCount() + w), budget);
            acc.merge(child, coef, Rational::add);
          }
        }
      }
    });
    acc.values().removeIf(Rational::isZero);
    return new NetworkSum(loss.table(), acc);
  }
}
