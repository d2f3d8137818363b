package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.diagram.WickExpectation;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.Network;
import org.gfd.network.NetworkSum;
import org.gfd.network.TimeDerivative;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pruned ray limits of order-2 CP against the limits of the full series, order by order, and
 * the exponent bound they rest on against the exact expectation of every network to order 6.
 */
class PrunedRayLimitsTest {
  private static Ray ray(String a, String b) {
    Map<Variable, Rational> exponents = new LinkedHashMap<>();
    exponents.put(Variable.H, Rational.parse(a));
    exponents.put(Variable.SIGMA2, Rational.parse(b));
    return Ray.of(exponents);
  }

  @ParameterizedTest(name = "{0} on H = p^{1}, sigma2 = p^{2}, orders 0..{3}")
  @CsvSource({"cp, 2, -7/4, 11", "cp, 3, -5/2, 10", "cp, 3/2, -3/2, 9", "cp, 1, -1, 8", "cp-zero, 2, -7/4, 10",
      "cp, 3/2, -1, 8"})
  void limitsAreTheFullSeriesLimits(String name, String a, String b, int order) {
    Model model = ModelLoader.builtIn(name, Map.of("nu", 2));
    LossSeries full = LossSeriesEngine.compute(model, order, WorkBudget.unlimited(), s -> {});
    assertTrue(full.isComplete());
    Ray fixed = PrunedRayLimits.fixed(ray(a, b), RayLimits.analyze(full.coefficients(), ray(a, b)));
    RayLimit expected = RayLimits.analyze(full.coefficients(), fixed);
    PrunedRayLimits.Result pruned = PrunedRayLimits.coefficients(model, fixed, order, WorkBudget.unlimited());
    RayLimit actual = RayLimits.analyze(pruned.coefficients(), fixed);
    assertEquals(expected.verdict(), actual.verdict());
    for (int s = 0; s <= order; s++) {
      assertEquals(expected.orderLimit(s).toString(), actual.orderLimit(s).toString(), "order " + s);
      assertEquals(expected.limitCoefficient(s), actual.limitCoefficient(s), "order " + s);
    }
    assertTrue(actual.survivingOrders().size() > 1, "a ray where orders survive: " + actual.survivingOrders());
  }

  @Test
  void onAnNtkRayTheKeptNetworksGrowLinearly() {
    Model model = ModelLoader.builtIn("cp", Map.of("nu", 2));
    Ray fixed = new Ray(ray("2", "-7/4").exponents(), Map.of(), Optional.of(Rational.parse("-1/4")),
        Optional.of(Rational.ONE));
    PrunedRayLimits.Result pruned = PrunedRayLimits.coefficients(model, fixed, 16, WorkBudget.unlimited());
    for (int s = 0; s <= 16; s++) {
      assertTrue(pruned.kept().get(s) <= 3 * (s + 1), "order " + s + " kept " + pruned.kept());
    }
    // hat c_s = (1/2)(-4 h v)^s on this ray (the NTK closed form 1/2 e^(-4 h v tau))
    RayLimit limit = RayLimits.analyze(pruned.coefficients(), fixed);
    Polynomial hv = Polynomial.variable(Variable.of("h")).multiply(Polynomial.variable(Variable.of("v")));
    for (int s = 0; s <= 16; s++) {
      assertEquals(hv.multiply(Rational.of(-4)).pow(s).multiply(Rational.of(1, 2)), limit.limitCoefficient(s), "order " + s);
    }
  }

  @ParameterizedTest(name = "H = p^{0}, sigma2 = p^{1}")
  @CsvSource({"1, -1", "2, -7/4", "3/2, -1", "3, -5/2", "1, 0"})
  void theBoundHoldsForEveryNetworkToOrder6(String a, String b) {
    Model model = ModelLoader.builtIn("cp", Map.of("nu", 2));
    Ray r = ray(a, b);
    NetworkSum loss = NetworkSum.loss(model);
    TimeDerivative d = new TimeDerivative(loss);
    WickExpectation wick = new WickExpectation(loss.table());
    NetworkSum level = loss;
    int checked = 0;
    int sharp = 0;
    for (int s = 0; s <= 6; s++) {
      for (Network net : level.terms().keySet()) {
        Rational bound = PrunedRayLimits.exponentBound(model, r, net);
        Polynomial value = wick.expectation(net, WorkBudget.unlimited());
        for (Monomial m : value.terms().keySet()) {
          assertTrue(r.exponentOf(m).compareTo(bound) <= 0, net + ": " + m + " above the bound " + bound);
          if (r.exponentOf(m).equals(bound)) {
            sharp++;
          }
        }
        checked++;
      }
      level = d.apply(level, WorkBudget.unlimited());
    }
    assertTrue(checked > 400, "networks checked: " + checked);
    assertTrue(sharp > 0, "the bound is reached by some network");
  }

  @Test
  void otherModelsAndRaysAreRefused() {
    Model nu3 = ModelLoader.builtIn("cp", Map.of("nu", 3));
    Ray fixed = new Ray(ray("2", "-7/4").exponents(), Map.of(), Optional.of(Rational.ZERO),
        Optional.of(Rational.ONE));
    assertFalse(PrunedRayLimits.applies(nu3));
    assertFalse(PrunedRayLimits.applies(ModelLoader.builtIn("cp-symmetric", Map.of("nu", 2))));
    assertThrows(IllegalArgumentException.class, () -> PrunedRayLimits.coefficients(nu3, fixed, 2, WorkBudget.unlimited()));
    Model cp2 = ModelLoader.builtIn("cp", Map.of("nu", 2));
    assertThrows(IllegalArgumentException.class, () -> PrunedRayLimits.coefficients(cp2, ray("2", "-7/4"), 2, WorkBudget.unlimited()),
        "e and c must be fixed");
    Ray low = new Ray(ray("1/2", "-1").exponents(), Map.of(), Optional.of(Rational.ZERO), Optional.of(Rational.ONE));
    assertThrows(IllegalArgumentException.class, () -> PrunedRayLimits.coefficients(cp2, low, 2, WorkBudget.unlimited()),
        "a < 1");
  }
}
