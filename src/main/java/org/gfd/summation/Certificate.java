package org.gfd.summation;

import java.util.List;
import java.util.Optional;
import org.gfd.algebra.Polynomial;
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

  /**
   * The first order at which the flow of independent units {@code form} does not reproduce
   * {@code c} (the coefficients with the constants' values), or empty when it reproduces all of
   * them: the flow's own Taylor series, computed exactly from its equations
   * ({@link UnitFlow#series}), against every order.
   */
  public static Optional<Integer> firstUnitsMismatch(UnitFlow form, List<Polynomial> c) {
    List<Polynomial> own = form.series(c.size());
    for (int s = 0; s < c.size(); s++) {
      if (!own.get(s).equals(c.get(s))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The first order at which the average {@code form} over its Marchenko-Pastur law does not
   * reproduce {@code c}, or empty when it reproduces all of them: the kernel's own expansion in
   * {@code tau} (times {@code s!}) must have coefficients polynomial in {@code s} whose moments
   * under the law equal {@code c_s} exactly ({@code gfdSpectralCertify}); this is the term-by-term
   * identity {@code Integral K(s, tau) dMP(s) = sum_s c_s tau^s / s!}. An order of -1 when Symja
   * could not expand the kernel.
   */
  public static Optional<Integer> firstSpectralMismatch(SpectralAverage form, List<String> c, Symja symja, WorkBudget budget) {
    String r = form.ratioValue().map(Object::toString).orElse(form.ratio());
    String mu = form.meanValue().map(Object::toString).orElse(form.mean());
    String call = "gfdSpectralCertify(" + form.kernel() + ", tau, s, " + r + ", " + mu + ", {" + String.join(", ", c) + "})";
    Optional<IExpr> result = symja.eval(call, budget, Symja.MAX_CERTIFICATE_SECONDS);
    if (result.isEmpty() || !result.get().isList() || ((IAST) result.get()).argSize() != c.size()) {
      return Optional.of(-1);
    }
    IAST list = (IAST) result.get();
    for (int s = 0; s < c.size(); s++) {
      if (!list.get(s + 1).isTrue()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
