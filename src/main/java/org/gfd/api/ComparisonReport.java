package org.gfd.api;

import java.util.List;
import org.gfd.simulate.Comparison;

/**
 * Theory against experiment on a ray: the limit curve and, for each size, the simulated
 * normalized loss with its largest relative deviation from the curve.
 *
 * @param theory the limit curve (closed form, else Padé approximant) on a grid {@link #THEORY_STRIDE}
 *     times finer than the simulations': its point {@code k * THEORY_STRIDE} is at the simulations'
 *     time {@code k}
 * @param runs one simulation per size, in the order the sizes were given
 */
public record ComparisonReport(Evaluation theory, List<Comparison.SizeRun> runs) {
  /** How many theory points per interval of the simulations' grid. */
  public static final int THEORY_STRIDE = 4;

  public ComparisonReport {
    runs = List.copyOf(runs);
  }
}
