package org.gfd.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.error.InputException;
import org.gfd.lang.ModelLoader;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.network.NetworkSum;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two independent evaluations of E[D^s L]: matchings enumerated one by one and merged into
 * diagrams, against the memoized recursion of the series engine.
 */
class DiagramCensusTest {
  @ParameterizedTest(name = "symmetric={0} nu={1} order={2}")
  @CsvSource({"false,2,0", "false,2,1", "false,2,2", "false,2,3", "false,3,2", "true,2,2", "true,3,1", "true,3,2"})
  void diagramsSumToTheSeriesCoefficient(boolean symmetric, int nu, int order) {
    Model model = CpModels.cp(nu, symmetric, Target.IDENTITY);
    NetworkSum derivative = LossSeriesEngine.derivative(model, order, WorkBudget.unlimited());
    Polynomial.Builder total = new Polynomial.Builder();
    for (Diagram d : DiagramCensus.list(derivative, Long.MAX_VALUE, WorkBudget.unlimited())) {
      total.add(d.coefficient(), d.weight());
    }
    LossSeries series = LossSeriesEngine.compute(model, order, WorkBudget.unlimited(), s -> {});
    assertEquals(series.coefficient(order), total.build());
  }

  /**
   * With a constant tensor (modular addition, never paired): the diagrams keep its nodes unpaired,
   * and their weights (counts of solutions) sum to the series' coefficients as well.
   */
  @ParameterizedTest(name = "order={0}")
  @CsvSource({"0", "1", "2"})
  void diagramsWithConstantTensorsSumToTheSeriesCoefficient(int order) {
    Model model = ModelLoader.builtIn("cp-modular", Map.of());
    NetworkSum derivative = LossSeriesEngine.derivative(model, order, WorkBudget.unlimited());
    Polynomial.Builder total = new Polynomial.Builder();
    for (Diagram d : DiagramCensus.list(derivative, Long.MAX_VALUE, WorkBudget.unlimited())) {
      total.add(d.coefficient(), d.weight());
      long constants = Arrays.stream(d.form().speciesCounts()).skip(3).sum(); // species U1, U2, U3, A
      assertEquals(d.form().nodeCount() - constants, 2L * d.pairCount(), d.describe());
    }
    LossSeries series = LossSeriesEngine.compute(model, order, WorkBudget.unlimited(), s -> {});
    assertEquals(series.coefficient(order), total.build());
  }

  @ParameterizedTest(name = "nu={0}")
  @CsvSource({"2", "3"})
  void zerothOrderHasTheTwoDiagramsOfTheDesign(int nu) {
    // <T,T>/2 has one pairing (H p^nu sigma2^nu); <T,T*> none (odd species counts); p/2 one empty diagram
    NetworkSum loss = LossSeriesEngine.derivative(CpModels.cp(nu, false, Target.IDENTITY), 0, WorkBudget.unlimited());
    var list = DiagramCensus.list(loss, 100, WorkBudget.unlimited());
    assertEquals(2, list.size());
    assertEquals(Rational.HALF, list.get(0).coefficient());
    assertEquals("p^" + nu + "*H*sigma2^" + nu, list.get(0).weight().toString());
    assertEquals(Monomial.of(org.gfd.algebra.Variable.P, 1), list.get(1).weight());
  }

  @org.junit.jupiter.api.Test
  void refusesOrdersWithTooManyMatchings() {
    NetworkSum d3 = LossSeriesEngine.derivative(CpModels.cp(3, true, Target.IDENTITY), 3, WorkBudget.unlimited());
    assertThrows(InputException.class, () -> DiagramCensus.list(d3, 1000, WorkBudget.unlimited()));
  }

  /**
   * The species-count recurrence behind the up-front refusal, against {@code D^s L} itself: the
   * coefficients of the computed networks, summed by species counts, are exactly the recurrence's,
   * so its matching count is a true lower bound of the exact one.
   */
  @ParameterizedTest(name = "symmetric={0} nu={1} target={2} order={3}")
  @CsvSource({"false,2,IDENTITY,4", "true,2,IDENTITY,4", "false,3,IDENTITY,3", "true,3,ZERO,3", "false,4,ZERO,2",
      "true,3,IDENTITY,3"})
  void countVectorRecurrenceMatchesTheDerivative(boolean symmetric, int nu, Target target, int order) {
    Model model = CpModels.cp(nu, symmetric, target);
    NetworkSum loss = NetworkSum.loss(model);
    for (int s = 0; s <= order; s++) {
      NetworkSum d = LossSeriesEngine.derivative(model, s, WorkBudget.unlimited());
      Map<List<Integer>, Rational> byCounts = new HashMap<>();
      d.terms().forEach((net, coef) -> byCounts.merge(
          Arrays.stream(net.speciesCounts()).boxed().toList(), coef, Rational::add));
      byCounts.values().removeIf(Rational::isZero);
      assertEquals(byCounts, DiagramCensus.countVectorCoefficients(loss, s), "order " + s);
      assertTrue(DiagramCensus.matchingCountLowerBound(loss, s).compareTo(DiagramCensus.matchingCount(d)) <= 0);
    }
  }
}
