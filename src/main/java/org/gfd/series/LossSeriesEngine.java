package org.gfd.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.gfd.algebra.Polynomial;
import org.gfd.diagram.WickExpectation;
import org.gfd.model.Model;
import org.gfd.network.BudgetExceededException;
import org.gfd.network.NetworkSum;
import org.gfd.network.TimeDerivative;
import org.gfd.network.WorkBudget;

/**
 * Computes the exact loss series: {@code D^s L} as a sum of canonical networks, one derivative at a
 * time with isomorphic networks merged between steps, then {@code c_s = E[D^s L]} by the memoized
 * Wick expectation (one memo for all orders). Stops cleanly, keeping the orders finished, when the
 * work budget runs out.
 */
public final class LossSeriesEngine {
  /**
   * Orders above this are refused outright: the number of networks grows factorially with the
   * order, and no model gfd knows gets past order 12 in a day, let alone to this.
   */
  public static final int MAX_ORDER = 40;

  private LossSeriesEngine() {}

  /**
   * {@code D^s L} as a sum of canonical networks.
   *
   * @throws IllegalArgumentException for an order outside {@code 0..MAX_ORDER}
   */
  public static NetworkSum derivative(Model model, int s, WorkBudget budget) {
    checkOrder(s);
    NetworkSum current = NetworkSum.loss(model);
    TimeDerivative d = new TimeDerivative(current);
    for (int k = 0; k < s; k++) {
      current = d.apply(current, budget);
    }
    return current;
  }

  private static void checkOrder(int order) {
    if (order < 0 || order > MAX_ORDER) {
      throw new IllegalArgumentException("order must be between 0 and " + MAX_ORDER + ", got " + order);
    }
  }

  /**
   * The series of {@code model} up to order {@code maxOrder}.
   *
   * @param progress told each order as it starts (for progress reports)
   * @throws IllegalArgumentException for an order outside {@code 0..MAX_ORDER}
   */
  public static LossSeries compute(Model model, int maxOrder, WorkBudget budget, IntConsumer progress) {
    checkOrder(maxOrder);
    List<Polynomial> coefficients = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    List<Integer> networks = new ArrayList<>();
    Optional<String> stop = Optional.empty();
    NetworkSum current = NetworkSum.loss(model);
    TimeDerivative d = new TimeDerivative(current);
    WickExpectation wick = new WickExpectation(current.table());
    try {
      for (int s = 0; s <= maxOrder; s++) {
        progress.accept(s);
        long start = System.nanoTime();
        if (s > 0) {
          current = d.apply(current, budget);
        }
        coefficients.add(wick.expectation(current, budget));
        seconds.add((System.nanoTime() - start) / 1e9);
        networks.add(current.size());
      }
    } catch (BudgetExceededException e) {
      stop = Optional.of(e.getMessage() + " while computing order " + coefficients.size());
    }
    return new LossSeries(model, maxOrder, coefficients, seconds, networks, stop);
  }
}
