package org.gfd.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A fast path against the generic path it stands in for: same draws, same observables, same gradient. */
final class FastPathAgreement {
  private FastPathAgreement() {}

  /** Five seeds: the same draws from the same generator, every observable and every gradient entry to 1e-10. */
  static void check(ConcreteModel generic, FlowModel fast, String label) {
    for (int trial = 0; trial < 5; trial++) {
      SplittableRandom a = new SplittableRandom(trial);
      SplittableRandom b = new SplittableRandom(trial);
      FlowModel.Sample sa = generic.sample(a);
      FlowModel.Sample sb = fast.sample(b);
      double[] y = generic.initialState(a);
      assertEquals(Arrays.toString(y), Arrays.toString(fast.initialState(b)), "same draws");
      for (String name : generic.observableNames()) {
        double expected = generic.observable(name, y, sa);
        assertEquals(expected, fast.observable(name, y, sb), 1e-10 * Math.abs(expected), label + ": " + name);
      }
      double[] ge = generic.gradient(y, sa);
      double[] gf = fast.gradient(y, sb);
      double norm = 0;
      for (double v : ge) {
        norm = Math.max(norm, Math.abs(v));
      }
      for (int i = 0; i < ge.length; i++) {
        assertEquals(ge[i], gf[i], 1e-10 * norm, label + " entry " + i);
      }
    }
  }
}
