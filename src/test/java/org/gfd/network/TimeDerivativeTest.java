package org.gfd.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.gfd.algebra.Rational;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TimeDerivative}, which contracts once per orbit of nodes and counts the orbit's size,
 * against the plain formula contracting every node of {@code F} with every node of every loss
 * term, on {@code D^s L} of the CP models.
 */
class TimeDerivativeTest {
  /** {@code D F} straight from the formula: every trainable node, every loss node of its species. */
  private static NetworkSum plain(NetworkSum f, NetworkSum loss) {
    Map<Network, Rational> acc = new HashMap<>();
    f.terms().forEach((net, a) -> loss.terms().forEach((l, b) -> {
      for (int v = 0; v < net.nodeCount(); v++) {
        for (int w = 0; w < l.nodeCount(); w++) {
          if (net.table().trainable(net.species(v)) && l.species(w) == net.species(v)) {
            Network child = CanonicalLabeler.canonicalize(net.union(l).contract(v, net.nodeCount() + w));
            acc.merge(child, a.multiply(b).negate(), Rational::add);
          }
        }
      }
    }));
    acc.values().removeIf(Rational::isZero);
    return new NetworkSum(f.table(), acc);
  }

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(2, false, Target.IDENTITY, 6), Arguments.of(2, true, Target.IDENTITY, 8),
        Arguments.of(3, false, Target.IDENTITY, 3), Arguments.of(3, true, Target.IDENTITY, 4),
        Arguments.of(3, true, Target.ZERO, 4), Arguments.of(4, false, Target.IDENTITY, 2));
  }

  @ParameterizedTest(name = "nu={0} symmetric={1} target={2} to order {3}")
  @MethodSource("models")
  void orbitsGiveTheSameDerivativeAsEveryNode(int nu, boolean symmetric, Target target, int orders) {
    Model model = CpModels.cp(nu, symmetric, target);
    NetworkSum loss = NetworkSum.loss(model);
    TimeDerivative d = new TimeDerivative(loss);
    NetworkSum f = loss;
    for (int s = 1; s <= orders; s++) {
      NetworkSum fast = d.apply(f, WorkBudget.unlimited());
      assertEquals(plain(f, loss).terms(), fast.terms(), "order " + s);
      f = fast;
    }
  }
}
