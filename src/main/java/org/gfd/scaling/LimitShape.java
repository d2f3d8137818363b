package org.gfd.scaling;

import java.util.List;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;

/**
 * The shape of a limit series {@code hat c_0, hat c_1, ...} (in {@code tau^s/s!}), recognized by
 * exact identities among the coefficients, checked on every computed order.
 */
public enum LimitShape {
  /** {@code hat c_s = hat c_0 lambda^s}: {@code hat c_0 exp(lambda tau)}. */
  GEOMETRIC,
  /**
   * {@code hat c_{s+1} = hat c_s (alpha - beta s)} with {@code beta != 0} and {@code alpha/beta}
   * a rational constant: {@code hat c_0 (1 + beta tau)^(alpha/beta)}, a power law.
   */
  BINOMIAL,
  /** Neither, or too few orders to tell (fewer than {@link #MIN_COEFFICIENTS} coefficients). */
  OTHER;

  /** Coefficients needed to tell a shape: two to fix it, more to check it. */
  public static final int MIN_COEFFICIENTS = 4;

  /** The shape of {@code l = [hat c_0, ..., hat c_S]}. */
  public static LimitShape of(List<Polynomial> l) {
    if (l.size() < MIN_COEFFICIENTS || l.get(0).isZero() || l.get(1).isZero()) {
      return OTHER;
    }
    Polynomial c0 = l.get(0);
    Polynomial c1 = l.get(1);
    boolean geometric = true;
    for (int s = 2; s < l.size(); s++) {
      geometric &= l.get(s).multiply(c0.pow(s - 1)).equals(c1.pow(s));
    }
    if (geometric) {
      return GEOMETRIC;
    }
    // alpha = c1/c0, beta = (c1^2 - c0 c2)/(c0 c1); then c_{s+1} c0 c1 = c_s (c1^2 - s (c1^2 - c0 c2))
    Polynomial c1sq = c1.multiply(c1);
    Polynomial gap = c1sq.subtract(c0.multiply(l.get(2)));
    for (int s = 1; s + 1 < l.size(); s++) {
      Polynomial lhs = l.get(s + 1).multiply(c0).multiply(c1);
      Polynomial rhs = l.get(s).multiply(c1sq.subtract(gap.multiply(Rational.of(s))));
      if (!lhs.equals(rhs)) {
        return OTHER;
      }
    }
    // alpha / beta = c1^2 / gap must be a rational constant
    Rational ratio = null;
    for (var t : gap.terms().entrySet()) {
      Rational r = c1sq.coefficient(t.getKey()).divide(t.getValue());
      if (ratio == null) {
        ratio = r;
      } else if (!ratio.equals(r)) {
        return OTHER;
      }
    }
    return ratio != null && c1sq.equals(gap.multiply(ratio)) ? BINOMIAL : OTHER;
  }

  /**
   * For a binomial limit, the exponent {@code r = alpha/beta} of {@code (1 + beta tau)^r}.
   *
   * @throws IllegalArgumentException when {@code l} is not binomial
   */
  public static Rational binomialExponent(List<Polynomial> l) {
    if (of(l) != BINOMIAL) {
      throw new IllegalArgumentException("not a binomial limit");
    }
    Polynomial c1sq = l.get(1).multiply(l.get(1));
    Polynomial gap = c1sq.subtract(l.get(0).multiply(l.get(2)));
    var t = gap.terms().entrySet().iterator().next();
    return c1sq.coefficient(t.getKey()).divide(t.getValue());
  }
}
