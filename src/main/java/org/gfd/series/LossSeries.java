package org.gfd.series;

import java.math.BigInteger;
import java.util.ArrayList;
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
 * @param divisors per order, a positive integer: {@code c_s} holds at every prime size of the kinds
 *     of the model's constant tensors except those dividing it ({@link #exceptionalPrimes}); 1 for
 *     a model without constant tensors
 * @param stopReason why the computation stopped before {@code requestedOrder}, if it did
 */
public record LossSeries(Model model, String observable, int requestedOrder, List<Polynomial> coefficients,
    List<Double> orderSeconds, List<Integer> networkCounts, List<BigInteger> divisors, Optional<StopReason> stopReason) {
  public LossSeries {
    Objects.requireNonNull(model);
    Objects.requireNonNull(observable);
    coefficients = List.copyOf(coefficients);
    orderSeconds = List.copyOf(orderSeconds);
    networkCounts = List.copyOf(networkCounts);
    divisors = List.copyOf(divisors);
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
    return new LossSeries(model, observable, requestedOrder, coefficients, orderSeconds, networkCounts, divisors,
        Optional.of(reason));
  }

  /**
   * The primes at which {@code c_s} may not hold as a polynomial (the prime factors of its
   * divisor); at every other prime it holds.
   * The model's constant tensors count solutions of linear equations over {@code Z_p} as
   * {@code p^(classes - rank)}, the rank taken over the rationals; at these primes some of the
   * equations met in {@code c_s} lose rank. Empty for a model without constant tensors.
   */
  public List<BigInteger> exceptionalPrimes(int s) {
    List<BigInteger> primes = new ArrayList<>();
    BigInteger d = divisors.get(s);
    for (BigInteger q = BigInteger.TWO; q.multiply(q).compareTo(d) <= 0; q = q.add(BigInteger.ONE)) {
      if (d.mod(q).signum() == 0) {
        primes.add(q);
        while (d.mod(q).signum() == 0) {
          d = d.divide(q);
        }
      }
    }
    if (d.compareTo(BigInteger.ONE) > 0) {
      primes.add(d);
    }
    return primes;
  }
}
