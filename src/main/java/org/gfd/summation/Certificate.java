package org.gfd.summation;

import java.util.List;
import java.util.Optional;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The one check every proposal must pass: the closed form's own Taylor expansion in {@code tau}
 * (Symja {@code Series} on the final expression, independent of how it was found), multiplied by
 * {@code s!}, equals every computed coefficient {@code c_s} exactly, the held-out orders that no
 * strategy saw included. Equality is decided by {@code Expand(Together(difference)) === 0}, exact
 * over the rationals in the ray constants.
 */
public final class Certificate {
  private Certificate() {}

  /**
   * The first order at which {@code closedForm} does not reproduce {@code c}, or empty when it
   * reproduces all of them; an order of -1 when Symja could not expand it at all (or ran past its
   * per-call limit).
   */
  public static Optional<Integer> firstMismatch(String closedForm, List<String> c, Symja symja, WorkBudget budget) {
    String call = "gfdCertify(" + closedForm + ", tau, {" + String.join(", ", c) + "})";
    Optional<IExpr> r = symja.eval(call, budget, Symja.MAX_CERTIFICATE_SECONDS);
    if (r.isEmpty() || !r.get().isList() || ((IAST) r.get()).argSize() != c.size()) {
      return Optional.of(-1);
    }
    IAST list = (IAST) r.get();
    for (int s = 0; s < c.size(); s++) {
      if (!list.get(s + 1).isTrue()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
