package org.gfd.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator against exact results: at {@code t = 0} the mean loss and the mean of
 * {@code dL/dt = -|grad L|^2} over many draws against the exact series' {@code c_0} and
 * {@code c_1} (within four standard errors, fixed seeds), for every observable; and a whole
 * trajectory against a closed form (one symmetric component with zero target:
 * {@code x = |u|^2} obeys {@code x' = -4 x^2}).
 */
class SimulationTest {
  private static final int DRAWS = 20_000;

  @ParameterizedTest(name = "{0} p={1} H={2} n={3} sigma2={4}")
  @CsvSource({"cp, 2, 2, 1, 1/2", "cp-symmetric, 2, 2, 1, 1/2", "cp-modular, 3, 1, 1, 3/5",
      "tests/models/two-layer.gfd, 2, 2, 1, 1/2", "autoencoder, 2, 1, 3, 2/5",
      "tests/models/trace.gfd, 3, 1, 1, 1/3"})
  void meanLossAndItsRateAtTimeZeroAreTheExactC0AndC1(String name, int p, int h, int n, String variance) {
    Rational sigma2 = Rational.parse(variance);
    Model model = name.endsWith(".gfd") ? ModelLoader.file(Path.of(name), Map.of()) : ModelLoader.builtIn(name, Map.of());
    Map<Variable, Integer> sizes = Map.of(Variable.P, p, Variable.H, h, Variable.N, n);
    ConcreteModel c = new ConcreteModel(model, sizes, Map.of(Variable.SIGMA2, sigma2.doubleValue()));
    LossSeriesEngine engine = LossSeriesEngine.of(model);
    Map<Variable, Rational> at = new LinkedHashMap<>();
    sizes.forEach((v, x) -> at.put(v, Rational.of(x)));
    at.put(Variable.SIGMA2, sigma2);
    SplittableRandom random = new SplittableRandom(11);
    for (String o : c.observableNames()) {
      LossSeries exact = engine.series(o, 1, List.of(), WorkBudget.unlimited(), s -> {});
      double[] value = new double[DRAWS];
      double[] rate = new double[DRAWS];
      for (int k = 0; k < DRAWS; k++) {
        FlowModel.Sample sample = c.sample(random);
        double[] y = c.initialState(random);
        value[k] = c.observable(o, y, sample);
        rate[k] = -dot(c.gradient(y, sample), observableGradient(c, o, y, sample));
      }
      assertWithinFourErrors(number(exact.coefficient(0), at), value, name + " " + o + " c_0");
      assertWithinFourErrors(number(exact.coefficient(1), at), rate, name + " " + o + " c_1");
    }
  }

  /** The gradient of an observable by central differences (the generic path has the loss's only). */
  private static double[] observableGradient(ConcreteModel c, String o, double[] y, FlowModel.Sample sample) {
    if (o.equals(Model.LOSS)) {
      return c.gradient(y, sample);
    }
    double[] g = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      double h = 1e-6;
      double[] up = y.clone();
      double[] down = y.clone();
      up[i] += h;
      down[i] -= h;
      g[i] = (c.observable(o, up, sample) - c.observable(o, down, sample)) / (2 * h);
    }
    return g;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double number(Polynomial p, Map<Variable, Rational> at) {
    Polynomial v = p.substitute(at);
    return (v.isZero() ? Rational.ZERO : v.terms().values().iterator().next()).doubleValue();
  }


  private static void assertWithinFourErrors(double exact, double[] x, String what) {
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    double squares = 0;
    for (double v : x) {
      squares += (v - mean) * (v - mean);
    }
    double error = Math.sqrt(squares / (x.length - 1) / x.length);
    assertTrue(Math.abs(mean - exact) <= 4 * error + 1e-12 * Math.abs(exact),
        what + ": simulated " + mean + " +- " + error + ", exact " + exact);
  }

  @Test
  void oneSymmetricComponentFollowsItsClosedForm() {
    Model model = ModelLoader.builtIn("cp-symmetric-zero", Map.of("nu", 2));
    ConcreteModel c = new ConcreteModel(model, Map.of(Variable.P, 3, Variable.H, 1), Map.of(Variable.SIGMA2, 0.5));
    Simulation.Result r = Simulation.run(c, new Simulation.Settings(2, 11, 1, 4, 1e-11, 1e-11), WorkBudget.unlimited(), k -> {});
    double[] loss = r.mean().get(Model.LOSS);
    double x0 = Math.sqrt(2 * loss[0]); // L = |u|^4 / 2
    for (int k = 0; k < r.times().length; k++) {
      double x = x0 / (1 + 4 * x0 * r.times()[k]);
      assertEquals(0.5 * x * x, loss[k], 1e-8 * 0.5 * x * x, "t = " + r.times()[k]);
      assertEquals(0, r.standardError().get(Model.LOSS)[k]);
    }
  }

  @Test
  void fixedStepIsHalvedUntilItAgreesAndFollowsTheClosedForm() {
    Model model = ModelLoader.builtIn("cp-symmetric-zero", Map.of("nu", 2));
    ConcreteModel c = new ConcreteModel(model, Map.of(Variable.P, 3, Variable.H, 1), Map.of(Variable.SIGMA2, 0.5));
    // a first step of 1 diverges (x0 ~ 1.5: RK4 is unstable there); it is halved until it agrees to 1e-9
    Simulation.Result r = Simulation.run(c, new Simulation.Settings(2, 11, 1, 4, 1e-9, 1e-9, 1), WorkBudget.unlimited(), k -> {});
    assertTrue(r.integrator().startsWith("classical Runge-Kutta 4"), r.integrator());
    double[] loss = r.mean().get(Model.LOSS);
    double x0 = Math.sqrt(2 * loss[0]);
    for (int k = 0; k < r.times().length; k++) {
      double x = x0 / (1 + 4 * x0 * r.times()[k]);
      assertEquals(0.5 * x * x, loss[k], 1e-7 * 0.5 * x * x, "t = " + r.times()[k]);
    }
  }

  @Test
  void aFlowThatBlowsUpIsReportedWithItsTime() {
    Model model = ModelLoader.file(Path.of("tests/models/blow-up.gfd"), Map.of());
    ConcreteModel c = new ConcreteModel(model, Map.of(Variable.P, 3), Map.of(Variable.SIGMA2, 1.0));
    InputException e = assertThrows(InputException.class,
        () -> Simulation.run(c, new Simulation.Settings(10, 5, 3, 1, 1e-9, 1e-9), WorkBudget.unlimited(), k -> {}));
    assertTrue(e.getMessage().startsWith("the flow diverged at t = "), e.getMessage());
    assertTrue(e.getMessage().contains("(seed 0)"), e.getMessage());
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(InputException.class, () -> new Simulation.Settings(0, 5, 1, 1, 1e-9, 1e-9));
    assertThrows(InputException.class, () -> new Simulation.Settings(1, 1, 1, 1, 1e-9, 1e-9));
    assertThrows(InputException.class, () -> new Simulation.Settings(1, 5, 0, 1, 1e-9, 1e-9));
    assertThrows(InputException.class, () -> new Simulation.Settings(1, 5, 1, 1, 0, 1e-9));
    assertThrows(InputException.class, () -> new Simulation.Settings(1, 5, 1, 1, 1e-9, 1e-9, -1));
  }
}
