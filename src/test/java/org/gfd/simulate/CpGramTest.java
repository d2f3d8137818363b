package org.gfd.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.SplittableRandom;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast path of CP against the generic path, on random small instances, by both of its routes
 * (Gram matrices, and the residual tensor when {@code H} is large): equal to 1e-10 relative.
 */
class CpGramTest {
  @ParameterizedTest(name = "{0} nu={1} p={2} H={3} tensor route={4}")
  @CsvSource({"cp, 2, 4, 3, false", "cp, 3, 3, 4, false", "cp, 4, 2, 3, false", "cp-zero, 3, 3, 2, false",
      "cp-symmetric, 2, 4, 3, false", "cp-symmetric, 3, 3, 4, false", "cp-symmetric-zero, 4, 3, 2, false",
      "cp, 2, 3, 10, true", "cp, 3, 2, 6, true", "cp-zero, 3, 2, 7, true", "cp, 4, 2, 12, true",
      "cp-symmetric, 2, 3, 10, true", "cp-symmetric, 3, 2, 8, true", "cp-symmetric-zero, 3, 2, 9, true"})
  void gramPathEqualsTheGenericPath(String name, int nu, int p, int h, boolean tensorRoute) {
    Model model = ModelLoader.builtIn(name, Map.of("nu", nu));
    Map<Variable, Integer> sizes = Map.of(Variable.P, p, Variable.H, h);
    ConcreteModel generic = new ConcreteModel(model, sizes, Map.of(Variable.SIGMA2, 0.7));
    FlowModel fast = FlowModel.of(model, sizes, Map.of(Variable.SIGMA2, 0.7));
    assertInstanceOf(CpGram.class, fast);
    assertEquals(tensorRoute, ((CpGram) fast).tensorRoute(), "the route taken at p = " + p + ", H = " + h);
    FastPathAgreement.check(generic, fast, name);
  }

  @ParameterizedTest(name = "{0} nu={1} p={2} H={3} in blocks of {4} rows")
  @CsvSource({"cp, 3, 2, 11, 4", "cp, 3, 2, 11, 1", "cp-symmetric, 3, 2, 9, 2", "cp-zero, 2, 3, 10, 3", "cp, 4, 2, 13, 5"})
  void residualRouteInBlocksEqualsTheGenericPath(String name, int nu, int p, int h, int blockRows) {
    Model model = ModelLoader.builtIn(name, Map.of("nu", nu));
    Map<Variable, Integer> sizes = Map.of(Variable.P, p, Variable.H, h);
    ConcreteModel generic = new ConcreteModel(model, sizes, Map.of(Variable.SIGMA2, 0.7));
    CpGram fast = ((CpGram) FlowModel.of(model, sizes, Map.of(Variable.SIGMA2, 0.7))).withBlockRows(blockRows);
    assertEquals(true, fast.tensorRoute(), "the residual route at p = " + p + ", H = " + h);
    FastPathAgreement.check(generic, fast, name + " in blocks of " + blockRows);
  }

  @Test
  void materializedTensorPathOfTheBenchmarkGivesTheSameGradient() {
    Map<Variable, Integer> sizes = Map.of(Variable.P, 4, Variable.H, 3);
    ConcreteModel generic = new ConcreteModel(ModelLoader.builtIn("cp", Map.of("nu", 3)), sizes, Map.of(Variable.SIGMA2, 0.7));
    SplittableRandom random = new SplittableRandom(9);
    FlowModel.Sample sample = generic.sample(random);
    double[] y = generic.initialState(random);
    double[] expected = generic.gradient(y, sample);
    double[] actual = new MaterializedCp(4, 3).gradient(y);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-10 * (1 + Math.abs(expected[i])), "entry " + i);
    }
  }

  @Test
  void otherLossesTakeTheGenericPath() {
    Map<Variable, Integer> sizes = Map.of(Variable.P, 3, Variable.H, 2);
    Map<Variable, Double> values = Map.of(Variable.SIGMA2, 0.5);
    assertFalse(FlowModel.of(ModelLoader.builtIn("cp-modular", Map.of()), sizes, values) instanceof CpGram);
    Model scaled = ModelLoader.parse("model cp\nindex p, H\nparam U{m}[H, p] ~ N(0, sigma2) for m in 1..2\n"
        + "loss = prod(m in 1..2) (U{m}[h, i] U{m}[g, i])\n", "test.gfd", Map.of());
    assertFalse(FlowModel.of(scaled, sizes, values) instanceof CpGram, "twice the loss is not CP's loss");
  }
}
