package org.gfd.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast path of linear-in-data losses against the generic contraction, draw for draw. */
class SiteFlowTest {
  @ParameterizedTest(name = "{0} p={1} n={2}")
  @CsvSource({"linear-regression, 5, 3", "linear-regression, 3, 7", "diagonal-network, 4, 6", "diagonal-network, 6, 2"})
  void siteFlowEqualsTheGenericPath(String file, int p, int n) {
    Model model = ModelLoader.file(Path.of("tests/models/" + file + ".gfd"), Map.of());
    Map<Variable, Integer> sizes = Map.of(Variable.P, p, Variable.N, n);
    Map<Variable, Double> values = Map.of(Variable.SIGMA2, 0.7);
    ConcreteModel generic = new ConcreteModel(model, sizes, values);
    FlowModel fast = FlowModel.of(model, sizes, values);
    assertInstanceOf(SiteFlow.class, fast);
    for (int trial = 0; trial < 5; trial++) {
      SplittableRandom a = new SplittableRandom(trial);
      SplittableRandom b = new SplittableRandom(trial);
      FlowModel.Sample sa = generic.sample(a);
      FlowModel.Sample sb = fast.sample(b);
      double[] y = generic.initialState(a);
      assertEquals(java.util.Arrays.toString(y), java.util.Arrays.toString(fast.initialState(b)), "same draws");
      for (String name : generic.observableNames()) {
        double expected = generic.observable(name, y, sa);
        assertEquals(expected, fast.observable(name, y, sb), 1e-10 * Math.abs(expected), name);
      }
      double[] ge = generic.gradient(y, sa);
      double[] gf = fast.gradient(y, sb);
      double norm = 0;
      for (double v : ge) {
        norm = Math.max(norm, Math.abs(v));
      }
      for (int i = 0; i < ge.length; i++) {
        assertEquals(ge[i], gf[i], 1e-10 * norm, file + " entry " + i);
      }
    }
  }

  @Test
  void otherDataModelsTakeTheGenericPath() {
    Map<Variable, Integer> sizes = Map.of(Variable.P, 3, Variable.N, 4, Variable.H, 2);
    Map<Variable, Double> values = Map.of(Variable.SIGMA2, 0.7);
    assertFalse(FlowModel.of(ModelLoader.builtIn("autoencoder", Map.of()), sizes, values) instanceof SiteFlow);
    Model unscaled = ModelLoader.file(Path.of("tests/models/regression.gfd"), Map.of());
    assertFalse(FlowModel.of(unscaled, sizes, values) instanceof SiteFlow, "1/2 |r|^2 is n times the class's loss");
  }
}
