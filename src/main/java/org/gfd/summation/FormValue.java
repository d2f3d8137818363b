package org.gfd.summation;

import java.util.Optional;
import org.apfloat.Apcomplex;
import org.gfd.algebra.Rational;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IComplexNum;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IReal;

/**
 * The value of a closed form {@code F(tau)} (Symja input form, {@code tau} its only symbol) at an
 * exact {@code tau}, computed by Symja's {@code N} in Apfloat arithmetic with a given number of
 * significant digits. The digits are those of the working precision: cancellation inside the form
 * can lose some, which a caller detects by evaluating at two precisions.
 */
public final class FormValue {
  private FormValue() {}

  /**
   * {@code F(tau)} at {@code digits} working digits; empty when Symja gives no number there (a pole,
   * {@code 0/0}, a symbol left over) or did not finish in its time limit.
   *
   * @throws org.gfd.error.StoppedException when the budget ran out
   */
  public static Optional<Apcomplex> at(String form, Rational tau, long digits, WorkBudget budget) {
    Optional<IExpr> r = Symja.get().eval("N((" + form + ") /. tau -> (" + tau + "), " + digits + ")", budget);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    if (r.get() instanceof IReal x) {
      return Optional.of(x.apfloatValue());
    }
    if (r.get() instanceof IComplexNum z) {
      return Optional.of(z.apcomplexValue());
    }
    return Optional.empty();
  }
}
