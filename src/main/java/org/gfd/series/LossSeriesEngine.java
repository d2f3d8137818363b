package org.gfd.series;

import java.math.BigInteger;
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
 * Computes the exact series of a model's observables (the loss first): {@code D^s L} as a sum of canonical networks, one derivative at a
 * time with isomorphic networks merged between steps, then {@code c_s = E[D^s L]} by the memoized
 * Wick expectation (one memo for all orders). Species that the loss cannot tell apart (the factors
 * of asymmetric CP) are merged too: one network per orbit of their permutations, with the orbit's
 * summed coefficient ({@link SpeciesSymmetry}). Stops cleanly, keeping the orders finished, when the
 * work budget runs out, when the run is interrupted, or when the heap or the thread stack
 * overflows (all of the unfinished order's state is dropped before the result is built).
 *
 * <p>One engine serves one model: {@link #of} builds D from the loss once, and the Wick memo is
 * shared by every series the engine computes, of every observable and order, so a second
 * observable reuses the partially contracted networks the first one met. Thread-safe (the memo is
 * concurrent); the static {@code compute} methods use a fresh engine each.
 */
public final class LossSeriesEngine {
  /**
   * Orders above this are refused outright: the number of networks grows factorially with the
   * order, and no model gfd knows gets past order 12 in a day, let alone to this.
   */
  public static final int MAX_ORDER = 40;

  private final Model model;
  private final NetworkSum loss;
  private final SpeciesSymmetry symmetry;
  private final TimeDerivative d;
  private final WickExpectation wick;

  private LossSeriesEngine(Model model) {
    this.model = model;
    this.loss = NetworkSum.loss(model);
    // merging by the loss's symmetry alone is right for any observable: D commutes with a
    // symmetry of the loss and E is invariant under it, so E[D^s sigma(F)] = E[D^s F]
    this.symmetry = SpeciesSymmetry.of(loss);
    this.d = new TimeDerivative(loss, symmetry);
    this.wick = new WickExpectation(symmetry);
  }

  /** The engine of {@code model}: its derivative and one Wick memo for all its series. */
  public static LossSeriesEngine of(Model model) {
    return new LossSeriesEngine(model);
  }

  /** The number of partially contracted networks the shared Wick memo holds. */
  public int memoSize() {
    return wick.memoSize();
  }

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
    return compute(model, Model.LOSS, maxOrder, known, budget, finished);
  }

  /**
   * The series of the observable {@code observable} of {@code model} up to order
   * {@code maxOrder}, the flow following the loss: {@code c_s = E[D^s O]}.
   *
   * @param observable {@code loss} or the name of one of the model's observables
   * @throws InputException when the model has no such observable
   * @param known coefficients {@code c_0..c_k} already computed (a checkpoint): their derivatives
   *     are still taken, their expectations are not (except for a model with constant tensors,
   *     whose exceptional primes a checkpoint does not keep)
   * @param finished told the series so far after each order is finished (to write it as it grows)
   * @throws InputException for an order outside {@code 0..MAX_ORDER}
   */
  public static LossSeries compute(Model model, String observable, int maxOrder, List<Polynomial> known,
      WorkBudget budget, Consumer<LossSeries> finished) {
    return of(model).series(observable, maxOrder, known, budget, finished);
  }

  /**
   * The series of {@code observable} ({@code loss} or one of the model's observables) up to order
   * {@code maxOrder}, as {@link #compute(Model, String, int, List, WorkBudget, Consumer)}, with this
   * engine's shared memo.
   */
  public LossSeries series(String observable, int maxOrder, List<Polynomial> known, WorkBudget budget,
      Consumer<LossSeries> finished) {
    checkOrder(maxOrder);
    Run run = new Run(observable, maxOrder, known, finished);
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
  private final class Run {
    private final String observable;
    private final int maxOrder;
    private final List<Polynomial> known;
    private final Consumer<LossSeries> finished;
    private final List<Polynomial> coefficients = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();
    private final List<Integer> networks = new ArrayList<>();
    private final List<BigInteger> divisors = new ArrayList<>();

    Run(String observable, int maxOrder, List<Polynomial> known, Consumer<LossSeries> finished) {
      this.observable = observable;
      this.maxOrder = maxOrder;
      this.known = List.copyOf(known);
      this.finished = finished;
    }

    void compute(WorkBudget budget) {
      NetworkSum observed = observable.equals(Model.LOSS) ? loss : NetworkSum.observable(model, observable, loss.table());
      NetworkSum current = symmetry.group(observed, budget);
      for (int s = 0; s <= maxOrder; s++) {
        long start = System.nanoTime();
        if (s > 0) {
          current = d.apply(current, budget);
        }
        // a checkpoint has no divisors: with constant tensors its orders are computed again
        boolean fromCheckpoint = s < known.size() && !loss.table().hasConstants();
        WickExpectation.Valued c = fromCheckpoint ? new WickExpectation.Valued(known.get(s), BigInteger.ONE)
            : wick.expectationAndDivisor(current, budget);
        synchronized (this) {
          coefficients.add(c.value());
          divisors.add(c.divisor());
          seconds.add((System.nanoTime() - start) / 1e9);
          networks.add(current.size());
        }
        finished.accept(result());
      }
    }

    synchronized LossSeries result() {
      return new LossSeries(model, observable, maxOrder, coefficients, seconds, networks, divisors, Optional.empty());
    }
  }
}
