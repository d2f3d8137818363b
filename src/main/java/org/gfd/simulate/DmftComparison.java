package org.gfd.simulate;

import java.util.List;
import org.gfd.dmft.Dmft;
import org.gfd.dmft.DmftProblem;
import org.gfd.numeric.Curve;

/**
 * The DMFT curve of one observable (train or test loss) against the series' limit curve and
 * against simulations at growing sizes, all on the DMFT's output times ({@code tau = t}: on the
 * proportional ray {@code c = 0}, {@code e = 1}).
 *
 * @param problem the problem solved
 * @param dmft the DMFT solution
 * @param train whether the observable is the train loss (else the test loss)
 * @param series the series' limit curve on the same times (closed form, else Padé approximant); it
 *     may stop early (a pole), its failure saying where
 * @param runs one simulation per size, each compared with the DMFT values
 */
public record DmftComparison(DmftProblem problem, Dmft.Result dmft, boolean train, Curve series,
    List<Comparison.SizeRun> runs) {
  public DmftComparison {
    runs = List.copyOf(runs);
  }

  /** The DMFT values of the observable. */
  public double[] values() {
    return train ? dmft.train() : dmft.test();
  }

  /** Their error estimates. */
  public double[] errors() {
    return train ? dmft.trainError() : dmft.testError();
  }
}
