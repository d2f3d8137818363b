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
    FastPathAgreement.check(generic, fast, file);
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
