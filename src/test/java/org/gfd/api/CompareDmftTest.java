package org.gfd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.dmft.Dmft;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.numeric.Curve;
import org.gfd.scaling.Ray;
import org.gfd.simulate.Comparison;
import org.gfd.simulate.DmftComparison;
import org.gfd.simulate.Simulation;
import org.gfd.summation.Summation;
import org.junit.jupiter.api.Test;

/**
 * {@code compare --dmft} on linear regression at {@code n = 2p}: the DMFT (exact closure,
 * extrapolated) against the certified closed form (a Marchenko-Pastur average found by the
 * summation stage, not by the DMFT) on the same times, for the train and the test loss, and the
 * simulations read on the DMFT's grid.
 */
class CompareDmftTest {
  @Test
  void dmftAndTheClosedFormAgreeAndSimulationsApproachThem() {
    Model model = ModelLoader.file(Path.of("tests/models/linear-regression.gfd"), Map.of());
    // as on the command line: --scale "n=2*p, sigma2=1"
    Ray ray = new Ray(Map.of(Variable.N, Rational.ONE, Variable.SIGMA2, Rational.ZERO),
        Map.of(Variable.N, Rational.of(2), Variable.SIGMA2, Rational.ONE), Optional.empty(), Optional.empty());
    for (String observable : List.of(Model.LOSS, "test")) {
      DmftComparison c = Gfd.compareDmft(model, observable, ray, Map.of(), Rational.of(2), new Dmft.Settings(2, 80, 5, 2, 1, 1), 8,
          List.of(Summation.strategies().get("data-spectrum")), List.of(40), new Simulation.Settings(1, 2, 4, 1, 1e-9, 1e-9),
          WorkBudget.unlimited(), s -> {}, k -> {});
      assertEquals(Curve.Method.CLOSED_FORM, c.series().method(), observable);
      assertEquals(5, c.series().points().size());
      for (int k = 0; k < 5; k++) {
        double closed = c.series().points().get(k).value().doubleValue();
        assertEquals(closed, c.values()[k], Math.max(1e-5 * closed, 2 * c.errors()[k]), observable + " at t = " + c.dmft().times()[k]);
      }
      // the simulation at p = 40, 4 seeds: within four of its standard errors (finite-size bias included)
      Comparison.SizeRun run = c.runs().get(0);
      assertEquals(40, run.p());
      for (int k = 0; k < 5; k++) {
        assertEquals(c.values()[k], run.simulated()[k], 4 * Math.hypot(run.error()[k], c.errors()[k]), observable + " simulated");
      }
    }
  }
}
