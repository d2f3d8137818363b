package org.gfd.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The generic path's loss and gradient: the gradient against central finite differences of the
 * loss on every kind of model (CP, symmetric CP, a constant target, data with a {@code 1/(2n)}
 * coefficient, a teacher), and the CP loss against the tensor {@code T} materialized entry by
 * entry.
 */
class ConcreteModelTest {
  private static final Map<Variable, Integer> SIZES = Map.of(Variable.P, 3, Variable.H, 2, Variable.N, 4);
  private static final Map<Variable, Double> VALUES = Map.of(Variable.SIGMA2, 0.3);

  private static Model model(String name) {
    return name.endsWith(".gfd") ? ModelLoader.file(Path.of(name), Map.of()) : ModelLoader.builtIn(name, Map.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cp", "cp-zero", "cp-symmetric", "cp-modular", "autoencoder",
      "tests/models/two-layer.gfd", "tests/models/regression.gfd", "tests/models/trace.gfd"})
  void gradientIsTheDerivativeOfTheLoss(String name) {
    ConcreteModel c = new ConcreteModel(model(name), SIZES, VALUES);
    SplittableRandom random = new SplittableRandom(3);
    FlowModel.Sample sample = c.sample(random);
    double[] y = c.initialState(random);
    double[] g = c.gradient(y, sample);
    for (int i = 0; i < y.length; i++) {
      double h = 1e-5;
      double[] up = y.clone();
      double[] down = y.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (c.observable("loss", up, sample) - c.observable("loss", down, sample)) / (2 * h);
      assertEquals(fd, g[i], 1e-6 * (1 + Math.abs(fd)), name + " entry " + i);
    }
  }

  @Test
  void cpLossIsHalfTheSquaredDistanceOfTheMaterializedTensor() {
    int p = 3;
    int h = 2;
    ConcreteModel c = new ConcreteModel(ModelLoader.builtIn("cp", Map.of()), SIZES, VALUES);
    SplittableRandom random = new SplittableRandom(5);
    FlowModel.Sample sample = c.sample(random);
    double[] y = c.initialState(random);
    double expected = 0;
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        for (int d = 0; d < p; d++) {
          double t = 0;
          for (int g = 0; g < h; g++) {
            // U1, U2, U3 in order, each H x p row-major
            t += y[g * p + a] * y[h * p + g * p + b] * y[2 * h * p + g * p + d];
          }
          double target = a == b && b == d ? 1 : 0;
          expected += 0.5 * (t - target) * (t - target);
        }
      }
    }
    assertEquals(expected, c.observable("loss", y, sample), 1e-12 * expected);
    assertTrue(c.dimension() == 3 * h * p);
  }
}
