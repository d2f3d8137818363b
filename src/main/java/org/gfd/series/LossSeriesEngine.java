package org.gfd.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gfd.algebra.Polynomial;
import org.gfd.diagram.WickExpectation;
import org.gfd.error.InputException;
import org.gfd.error.StopReason;
import org.gfd.error.StoppedException;
import org.gfd.model.Model;
import org.gfd.network.NetworkSum;
import org.gfd.network.SpeciesSymmetry;
import org.gfd.network.TimeDerivative;
import org.gfd.network.WorkBudget;

/**
 * Computes the exact loss series: {@code D^s L} as a sum of canonical networks, one derivative at a
 * time with isomorphic networks merged between steps, then {@code c_s = E[D^s L]} by the memoized
 * Wick expectation (one memo for all orders). Species that the loss cannot tell apart (the factors
 * of asymmetric CP) are merged too: one network per orbit of their permutations, with the orbit's
 * summed coefficient ({@link SpeciesSymmetry}). Stops cleanly, keeping the orders finished, when the
 * work budget runs out, when the run is interrupted, or when the heap or the thread stack
 * overflows (all of the unfinished order's state is dropped before the result is built).
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
   * @throws InputException for an order outside {@code 0..MAX_ORDER}
   * @throws org.gfd.error.StoppedException when the budget runs out
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
      throw new InputException("the order must be between 0 and " + MAX_ORDER + ", got " + order);
    }
  }

  /** The series of the loss, like {@link #compute(Model, String, int, List, WorkBudget, Consumer)} with nothing known in advance. */
  public static LossSeries compute(Model model, int maxOrder, WorkBudget budget, Consumer<LossSeries> finished) {
    return compute(model, maxOrder, List.of(), budget, finished);
  }

  /** The series of the loss, like {@link #compute(Model, String, int, List, WorkBudget, Consumer)}. */
  public static LossSeries compute(Model model, int maxOrder, List<Polynomial> known, WorkBudget budget,
      Consumer<LossSeries> finished) {
    return compute(model, NetworkSum.LOSS, maxOrder, known, budget, finished);
  }

  /**
   * The series of the observable {@code observable} of {@code model} up to order
   * {@code maxOrder}, the flow following the loss: {@code c_s = E[D^s O]}.
   *
   * @param observable {@code loss} or the name of one of the model's observables
   * @param known coefficients {@code c_0..c_k} already computed (a checkpoint): their derivatives
   *     are still taken, their expectations are not
   * @param finished told the series so far after each order is finished (to write it as it grows)
   * @throws InputException for an order outside {@code 0..MAX_ORDER}
   */
  public static LossSeries compute(Model model, String observable, int maxOrder, List<Polynomial> known,
      WorkBudget budget, Consumer<LossSeries> finished) {
    checkOrder(maxOrder);
    Run run = new Run(model, observable, maxOrder, known, finished);
    try {
      run.compute(budget);
    } catch (StoppedException e) {
      return run.result().stopped(e.reason().with("while computing order " + run.coefficients.size()));
    } catch (OutOfMemoryError e) {
      return run.result().stopped(new StopReason(StopReason.Limit.MEMORY,
          "(out of heap) while computing order " + run.coefficients.size()));
    } catch (StackOverflowError e) {
      return run.result().stopped(new StopReason(StopReason.Limit.MEMORY,
          "(out of thread stack) while computing order " + run.coefficients.size()));
    }
    return run.result();
  }

  /** The finished orders of one computation; the state of the order in progress lives in {@link #compute}'s frame only. */
  private static final class Run {
    private final Model model;
    private final String observable;
    private final int maxOrder;
    private final List<Polynomial> known;
    private final Consumer<LossSeries> finished;
    private final List<Polynomial> coefficients = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();
    private final List<Integer> networks = new ArrayList<>();

    Run(Model model, String observable, int maxOrder, List<Polynomial> known, Consumer<LossSeries> finished) {
      this.model = model;
      this.observable = observable;
      this.maxOrder = maxOrder;
      this.known = List.copyOf(known);
      this.finished = finished;
    }

    void compute(WorkBudget budget) {
      NetworkSum loss = NetworkSum.loss(model);
      NetworkSum observed = NetworkSum.observable(model, observable);
      // merging by the loss's symmetry alone is right for any observable: D commutes with a
      // symmetry of the loss and E is invariant under it, so E[D^s sigma(F)] = E[D^s F]
      SpeciesSymmetry symmetry = SpeciesSymmetry.of(loss);
      TimeDerivative d = new TimeDerivative(loss, symmetry);
      WickExpectation wick = new WickExpectation(symmetry);
      NetworkSum current = symmetry.group(observed, budget);
      for (int s = 0; s <= maxOrder; s++) {
        long start = System.nanoTime();
        if (s > 0) {
          current = d.apply(current, budget);
        }
        boolean fromCheckpoint = s < known.size();
        Polynomial c = fromCheckpoint ? known.get(s) : wick.expectation(current, budget);
        synchronized (this) {
          coefficients.add(c);
          seconds.add((System.nanoTime() - start) / 1e9);
          networks.add(current.size());
        }
        finished.accept(result());
      }
    }

    synchronized LossSeries result() {
      return new LossSeries(model, observable, maxOrder, coefficients, seconds, networks, Optional.empty());
    }
  }
}
