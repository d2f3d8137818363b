package org.gfd.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.gfd.algebra.Polynomial;
import org.gfd.diagram.WickExpectation;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.network.NetworkSum;
import org.gfd.network.TimeDerivative;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine, which carries one network per orbit of interchangeable species, against the plain
 * path: every network of {@code D^s L} kept, expectations memoized on plain canonical forms.
 */
class SymmetryAgreementTest {
  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(2, Target.IDENTITY, 8), Arguments.of(2, Target.ZERO, 6),
        Arguments.of(3, Target.IDENTITY, 4), Arguments.of(3, Target.ZERO, 4),
        Arguments.of(4, Target.IDENTITY, 3));
  }

  @ParameterizedTest(name = "asymmetric nu={0} target={1} to order {2}")
  @MethodSource("models")
  void orbitsGiveTheSameSeriesAsEveryNetwork(int nu, Target target, int orders) {
    Model model = CpModels.cp(nu, false, target);
    LossSeries fast = LossSeriesEngine.compute(model, orders, WorkBudget.unlimited(), s -> {});
    NetworkSum f = NetworkSum.loss(model);
    TimeDerivative d = new TimeDerivative(f);
    WickExpectation wick = new WickExpectation(f.table());
    for (int s = 0; s <= orders; s++) {
      if (s > 0) {
        f = d.apply(f, WorkBudget.unlimited());
      }
      Polynomial plain = wick.expectation(f, WorkBudget.unlimited());
      assertEquals(plain, fast.coefficient(s), "order " + s);
    }
  }
}
