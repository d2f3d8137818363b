package org.gfd.summation;

import java.util.List;
import java.util.Map;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;

/**
 * A way of finding a closed form: from the coefficients it may see (the held-out orders are not
 * among them) it proposes a function of {@code tau}, or says where it stopped. It never decides
 * whether its proposal is right: {@link Certificate} does, for every strategy alike.
 */
public interface Strategy {
  /** The strategy's name, as reports show it. */
  String name();

  /**
   * A closed form {@code F(tau) = sum_s c_s tau^s / s!} for the coefficients {@code c}
   * (polynomials in the ray constants), or why none was found. {@code general} holds the same
   * orders before the constants in {@code values} were given those values ({@code c} is
   * {@code general} with them substituted; it is {@code general} itself when none were): what does
   * not depend on the values, such as a constant exponential rate, may be read from it.
   *
   * @throws org.gfd.error.StoppedException when the budget ran out
   */
  Proposal propose(List<Polynomial> c, List<Polynomial> general, Map<Variable, Rational> values, Symja symja,
      WorkBudget budget);

  /**
   * This strategy for an observable's series on a ray whose loss has the limit coefficients
   * {@code lossCoefficients} (symbolic, on the same time scale): a strategy that reads the flow from
   * the loss's series (the flow follows the loss) returns a copy that knows them; the others are
   * unchanged.
   */
  default Strategy following(List<Polynomial> lossCoefficients) {
    return this;
  }
}
