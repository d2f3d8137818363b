package org.gfd.api;

import java.util.List;
import org.gfd.simulate.Comparison;

/**
 * Theory against experiment on a ray: the limit curve and, for each size, the simulated
 * normalized loss with its largest relative deviation from the curve.
 *
 * @param theory the limit curve (closed form, else Padé approximant) on the grid of rescaled times
 * @param runs one simulation per size, in the order the sizes were given
 */
public record ComparisonReport(Evaluation theory, List<Comparison.SizeRun> runs) {
  public ComparisonReport {
    runs = List.copyOf(runs);
  }
}
