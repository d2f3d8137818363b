package org.gfd.series;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gfd.algebra.Polynomial;
import org.gfd.error.StopReason;
import org.gfd.model.Model;

/**
 * The coefficients {@code c_0..c_S} of the loss series of a model, as computed: all orders asked
 * for, or the orders finished before the computation stopped, with the reason it stopped.
 *
 * @param model the model
 * @param observable the observable whose series this is: {@code loss} or one of the model's
 * @param requestedOrder the highest order asked for
 * @param coefficients {@code c_0, c_1, ...}: all orders asked for, or fewer when stopped
 * @param orderSeconds the wall time spent on each computed order (for an order taken from a
 *     checkpoint, the time of its derivative only)
 * @param networkCounts the number of distinct networks in {@code D^s L}, per order, counting one per
 *     orbit of interchangeable species ({@link org.gfd.network.SpeciesSymmetry})
 * @param stopReason why the computation stopped before {@code requestedOrder}, if it did
 */
public record LossSeries(Model model, String observable, int requestedOrder, List<Polynomial> coefficients,
    List<Double> orderSeconds, List<Integer> networkCounts, Optional<StopReason> stopReason) {
  public LossSeries {
    Objects.requireNonNull(model);
    Objects.requireNonNull(observable);
    coefficients = List.copyOf(coefficients);
    orderSeconds = List.copyOf(orderSeconds);
    networkCounts = List.copyOf(networkCounts);
    Objects.requireNonNull(stopReason);
  }

  /** {@code c_s}. */
  public Polynomial coefficient(int s) {
    return coefficients.get(s);
  }

  /** The highest order computed, {@code -1} when none was. */
  public int maxOrder() {
    return coefficients.size() - 1;
  }

  /** Whether every requested order was computed. */
  public boolean isComplete() {
    return coefficients.size() == requestedOrder + 1;
  }

  /** This series with the reason it stopped (or, for a checkpoint, that it is unfinished). */
  public LossSeries stopped(StopReason reason) {
    return new LossSeries(model, observable, requestedOrder, coefficients, orderSeconds, networkCounts, Optional.of(reason));
  }
}
