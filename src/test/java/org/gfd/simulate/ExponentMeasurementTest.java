package org.gfd.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exponent measurement on synthetic curves {@code L = p^e F(t / p^c)} with known exponents
 * and multiplicative noise per seed: the slopes come back, and the bootstrap intervals hold them.
 */
class ExponentMeasurementTest {
  @Test
  void knownExponentsAreRecovered() {
    double e = 1.5;
    double c = -0.75;
    int[] sizes = {20, 40, 80, 160};
    Random random = new Random(3);
    Simulation.Result[] results = new Simulation.Result[sizes.length];
    for (int k = 0; k < sizes.length; k++) {
      int p = sizes[k];
      double scale = Math.pow(p, c);
      int points = 81;
      double[] t = new double[points];
      for (int j = 0; j < points; j++) {
        t[j] = 3 * scale * j / (points - 1);
      }
      int seeds = 16;
      double[][] losses = new double[seeds][points];
      for (int s = 0; s < seeds; s++) {
        double noise = 1 + 0.02 * random.nextGaussian();
        for (int j = 0; j < points; j++) {
          double tau = t[j] / scale;
          losses[s][j] = noise * Math.pow(p, e) * (0.25 + 0.25 / (1 + 2 * tau));
        }
      }
      Map<String, double[]> none = new LinkedHashMap<>();
      results[k] = new Simulation.Result(t, none, none, seeds, losses, "synthetic");
    }
    ExponentMeasurement.Result m = ExponentMeasurement.measure(sizes, results, 1);
    assertEquals(e, m.norm().value(), 0.02);
    assertTrue(m.norm().low() <= e && e <= m.norm().high(), m.norm().toString());
    assertEquals(c, m.time().orElseThrow().value(), 0.02);
  }

  @Test
  void halfTimeInterpolatesLinearly() {
    // halfway from 4 to 0 is 2, reached a fifth of the way from t = 2 (2.5) to t = 3 (0)
    assertEquals(2.2, ExponentMeasurement.halfTime(new double[] {0, 1, 2, 3}, new double[] {4, 3.5, 2.5, 0}), 1e-12);
    assertTrue(Double.isNaN(ExponentMeasurement.halfTime(new double[] {0, 1}, new double[] {2, 2})));
  }
}
