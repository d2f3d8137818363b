package org.gfd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.numeric.Curve;
import org.gfd.scaling.Ray;
import org.gfd.simulate.Comparison;
import org.gfd.simulate.Simulation;
import org.gfd.summation.Summation;
import org.junit.jupiter.api.Test;

/**
 * Theory against experiment on the mean-field ray of symmetric CP of order 2 ({@code H = p/2},
 * {@code sigma2 = 1/p}): the certified closed form of the limit against simulated gradient flow
 * at two sizes. The deviation must shrink with {@code p} and be small at the larger one.
 */
class CompareTest {
  @Test
  void meanFieldSimulationsApproachTheClosedForm() {
    Model model = ModelLoader.builtIn("cp-symmetric", Map.of("nu", 2));
    // as on the command line: --scale "H=1/2*p, sigma2=p^(-1)" --set "v=1"
    Ray ray = new Ray(Map.of(Variable.H, Rational.ONE, Variable.SIGMA2, Rational.MINUS_ONE),
        Map.of(Variable.H, Rational.HALF), Optional.empty(), Optional.empty());
    ComparisonReport r = Gfd.compare(model, Model.LOSS, ray, 30, Map.of("v", Rational.ONE), List.copyOf(Summation.strategies().values()),
        List.of(16, 64), Rational.of(3, 2), 7, new Simulation.Settings(1, 2, 4, 1, 1e-9, 1e-9), WorkBudget.unlimited(),
        s -> {}, k -> {});
    assertEquals(Curve.Method.CLOSED_FORM, r.theory().curve().method());
    Comparison.SizeRun small = r.runs().get(0);
    Comparison.SizeRun large = r.runs().get(1);
    assertEquals(32, large.sizes().get(Variable.H));
    assertTrue(large.maxDeviation() < small.maxDeviation(), small.maxDeviation() + " then " + large.maxDeviation());
    assertTrue(large.maxDeviation() < 0.03, "at p = 64: " + large.maxDeviation());
  }
}
