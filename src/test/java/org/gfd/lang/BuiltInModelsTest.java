package org.gfd.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in models written in the model language give the same series as the CP models built
 * by hand in Java ({@link CpModels}), on every order both compute.
 */
class BuiltInModelsTest {
  @ParameterizedTest(name = "{0} nu={1} to order {2}")
  @CsvSource({
      "cp, 2, 7", "cp, 3, 3", "cp, 4, 2",
      "cp-zero, 2, 6", "cp-zero, 3, 3",
      "cp-symmetric, 2, 8", "cp-symmetric, 3, 3", "cp-symmetric, 4, 2",
      "cp-symmetric-zero, 2, 6", "cp-symmetric-zero, 3, 3"})
  void sameSeriesAsTheHandBuiltModel(String name, int nu, int order) {
    Model fromFile = ModelLoader.builtIn(name, Map.of("nu", nu));
    Model byHand = CpModels.cp(nu, name.contains("symmetric"), name.endsWith("zero") ? Target.ZERO : Target.IDENTITY);
    assertEquals(byHand.describe(), fromFile.describe());
    assertEquals(byHand.species(), fromFile.species());
    LossSeries a = LossSeriesEngine.compute(fromFile, order, WorkBudget.unlimited(), s -> {});
    LossSeries b = LossSeriesEngine.compute(byHand, order, WorkBudget.unlimited(), s -> {});
    assertEquals(order, a.coefficients().size() - 1);
    assertEquals(b.coefficients(), a.coefficients());
  }
}
