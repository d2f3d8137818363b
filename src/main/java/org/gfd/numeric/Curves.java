package org.gfd.numeric;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.network.WorkBudget;
import org.gfd.summation.ClosedForm;
import org.gfd.summation.FormValue;
import org.gfd.summation.SpectralAverage;
import org.gfd.summation.SpectralValue;
import org.gfd.summation.Summation;

/**
 * Loss curves {@code F(tau)} as numbers, at up to {@code digits} significant digits, each with an
 * error estimate and rounded to the digits that estimate leaves (at least one).
 *
 * <ul>
 *   <li>A closed form is evaluated twice, at {@code digits + 10} and {@code digits + 20} working
 *       digits ({@link FormValue}); the second value is kept, and its error estimate is the
 *       difference plus the round-off of the working precision: the difference catches digits lost
 *       to cancellation inside the form. A value that is not a real number there (an imaginary part
 *       beyond the error estimate) is a failure.
 *   <li>A series {@code sum_s c_s tau^s / s!} with coefficients {@code c_0..c_N} is evaluated
 *       exactly (rational arithmetic at rational {@code tau}) as its near-diagonal Padé approximant
 *       {@link Pade} of the orders {@code 0..N}; the error estimate is the difference from the
 *       approximant of orders {@code 0..N-2}. Or as the truncated sum, whose error estimate is the
 *       size of its last two terms, meaningful only inside the radius of convergence.
 *   <li>The radius of convergence of the series is estimated from its last coefficients
 *       ({@link #radius}).
 * </ul>
 *
 * The error estimates are estimates, not bounds: the tests hold them against independent values.
 */
public final class Curves {
  /** The fewest orders a series is evaluated from: the estimates compare with two orders fewer. */
  public static final int MIN_ORDERS = 3;
  /** Guard digits of the first of the two working precisions of a closed form. */
  static final int GUARD = 10;

  private Curves() {}

  /**
   * A certified closed form on the grid: {@link #closedForm(String, TauGrid, int, WorkBudget)},
   * or for a Marchenko-Pastur average its quadrature ({@link SpectralValue}) at {@code digits + 10}
   * and {@code digits + 20} working digits, as a closed form is evaluated: the second value is
   * kept, and its error estimate is the difference (digits lost inside the kernel) plus the
   * quadrature's own estimate plus the round-off.
   *
   * @throws org.gfd.error.StoppedException when the budget ran out
   */
  public static Curve closedForm(ClosedForm form, TauGrid grid, int digits, WorkBudget budget) {
    if (form.units().isPresent()) {
      return units(form, grid, digits, budget);
    }
    if (form.spectral().isEmpty()) {
      return closedForm(form.inputForm(), grid, digits, budget);
    }
    SpectralAverage average = form.spectral().get();
    List<CurvePoint> points = new ArrayList<>();
    for (Rational tau : grid.points()) {
      Optional<SpectralValue.Estimate> low = SpectralValue.at(average, tau, digits + GUARD, budget);
      Optional<SpectralValue.Estimate> high = SpectralValue.at(average, tau, digits + 2L * GUARD, budget);
      if (low.isEmpty() || high.isEmpty()) {
        return new Curve(Curve.Method.CLOSED_FORM, form.inputForm(), Optional.empty(), digits, points,
            Optional.of("the Marchenko-Pastur average has no value at tau = " + tau + " (its law has no value, or Symja gave no "
                + "number for its kernel there)"));
      }
      Apfloat value = high.get().value().real();
      Apfloat error = ApfloatMath.abs(value.subtract(low.get().value().real())).add(high.get().error())
          .add(tolerance(value, digits + GUARD));
      Apfloat imaginary = ApfloatMath.abs(high.get().value().imag());
      if (imaginary.compareTo(error) > 0) {
        return new Curve(Curve.Method.CLOSED_FORM, form.inputForm(), Optional.empty(), digits, points,
            Optional.of("the kernel of the Marchenko-Pastur average is not real at tau = " + tau + " (imaginary part "
                + scientific(imaginary) + ")"));
      }
      points.add(point(tau, value, error, digits));
    }
    return new Curve(Curve.Method.CLOSED_FORM, form.inputForm(), Optional.empty(), digits, points, Optional.empty());
  }

  /**
   * A flow of independent units on the grid ({@link UnitFlowValue}): double precision, each value
   * with the difference of a coarse and a fine integration as its error estimate.
   */
  private static Curve units(ClosedForm form, TauGrid grid, int digits, WorkBudget budget) {
    Optional<List<UnitFlowValue.Estimate>> values = UnitFlowValue.at(form.units().get(), grid.points(), budget);
    if (values.isEmpty()) {
      return new Curve(Curve.Method.CLOSED_FORM, form.inputForm(), Optional.empty(), digits, List.of(),
          Optional.of("the flow of independent units has no value on the whole grid (a constant without a value, a negative tau, "
              + "or a flow that stops being finite)"));
    }
    List<CurvePoint> points = new ArrayList<>();
    for (int i = 0; i < grid.points().size(); i++) {
      UnitFlowValue.Estimate e = values.get().get(i);
      points.add(point(grid.points().get(i), new Apfloat(e.value(), 17), new Apfloat(e.error(), 17), digits));
    }
    return new Curve(Curve.Method.CLOSED_FORM, form.inputForm(), Optional.empty(), digits, points, Optional.empty());
  }

  /**
   * The closed form {@code form} (Symja input form in {@code tau}, no other symbol) on the grid.
   *
   * @throws org.gfd.error.StoppedException when the budget ran out
   */
  public static Curve closedForm(String form, TauGrid grid, int digits, WorkBudget budget) {
    List<CurvePoint> points = new ArrayList<>();
    for (Rational tau : grid.points()) {
      Optional<Apcomplex> low = FormValue.at(form, tau, digits + GUARD, budget);
      Optional<Apcomplex> high = FormValue.at(form, tau, digits + 2L * GUARD, budget);
      if (low.isEmpty() || high.isEmpty()) {
        return new Curve(Curve.Method.CLOSED_FORM, form, Optional.empty(), digits, points,
            Optional.of("the closed form has no value at tau = " + tau + " (Symja gave no number there, or not within "
                + "its time limit)"));
      }
      Apfloat value = high.get().real();
      Apfloat error = ApfloatMath.abs(value.subtract(low.get().real())).add(tolerance(value, digits + GUARD));
      Apfloat imaginary = ApfloatMath.abs(high.get().imag());
      if (imaginary.compareTo(error) > 0) {
        return new Curve(Curve.Method.CLOSED_FORM, form, Optional.empty(), digits, points,
            Optional.of("the closed form is not real at tau = " + tau + " (imaginary part " + scientific(imaginary)
                + "): a branch of its radicals does not continue the series there"));
      }
      points.add(point(tau, value, error, digits));
    }
    return new Curve(Curve.Method.CLOSED_FORM, form, Optional.empty(), digits, points, Optional.empty());
  }

  /**
   * The series with coefficients {@code c} ({@code F = sum_s c_s tau^s / s!}, each a constant
   * polynomial: an exact rational) on the grid, as its Padé approximant ({@code pade} true) or
   * truncated.
   *
   * @throws IllegalArgumentException with fewer than {@link #MIN_ORDERS} coefficients, or one that
   *     is not a constant
   * @throws org.gfd.error.StoppedException when the budget ran out
   */
  public static Curve series(List<Polynomial> c, boolean pade, TauGrid grid, int digits, WorkBudget budget) {
    if (c.size() < MIN_ORDERS) {
      throw new IllegalArgumentException("too few coefficients: " + c.size());
    }
    List<Rational> a = new ArrayList<>();
    for (Polynomial p : Summation.taylor(c)) {
      if (!p.terms().keySet().stream().allMatch(Monomial::isOne)) {
        throw new IllegalArgumentException("a coefficient that is not a number: " + p);
      }
      a.add(p.coefficient(Monomial.ONE));
    }
    int n = a.size() - 1;
    Optional<Double> radius = radius(a);
    Optional<Pade> main = pade ? Optional.of(Pade.of(a)) : Optional.empty();
    Optional<Pade> lower = pade ? Optional.of(Pade.of(a.subList(0, n - 1))) : Optional.empty();
    String source = pade
        ? main.get() + " of the orders 0.." + n + ", error estimated against " + lower.get() + " of the orders 0.." + (n - 2)
        : "of the orders 0.." + n;
    List<CurvePoint> points = new ArrayList<>();
    for (Rational tau : grid.points()) {
      budget.checkNow();
      Rational value;
      Rational error;
      if (pade) {
        Optional<Rational> v = main.get().at(tau);
        Optional<Rational> w = lower.get().at(tau);
        if (v.isEmpty() || w.isEmpty()) {
          return new Curve(Curve.Method.PADE, source, radius, digits, points,
              Optional.of("the Padé approximant has a pole at tau = " + tau));
        }
        value = v.get();
        error = value.subtract(w.get()).abs();
      } else {
        value = Pade.Polynomials.at(a, tau);
        error = a.get(n).multiply(tau.pow(n)).abs().add(a.get(n - 1).multiply(tau.pow(n - 1)).abs());
      }
      points.add(point(tau, apfloat(value, digits), apfloat(error, digits), digits));
    }
    return new Curve(pade ? Curve.Method.PADE : Curve.Method.SERIES, source, radius, digits, points, Optional.empty());
  }

  /**
   * An estimate of the radius of convergence of {@code sum_k a_k x^k} from its last two nonzero
   * coefficients at least two orders apart, {@code a_i} and {@code a_j}: {@code |a_i / a_j|^(1/(j-i))}.
   * Two orders apart, so that a pair of complex conjugate singularities or one on the negative axis
   * (alternating signs) does not make consecutive ratios swing. Empty when there are no such two.
   */
  public static Optional<Double> radius(List<Rational> a) {
    int j = a.size() - 1;
    while (j >= 0 && a.get(j).isZero()) {
      j--;
    }
    int i = j - 2;
    while (i >= 0 && a.get(i).isZero()) {
      i--;
    }
    if (i < 0) {
      return Optional.empty();
    }
    Rational ratio = a.get(i).divide(a.get(j)).abs();
    double log = Pade.Polynomials.log(ratio.numerator()) - Pade.Polynomials.log(ratio.denominator());
    return Optional.of(Math.exp(log / (j - i)));
  }

  private static CurvePoint point(Rational tau, Apfloat value, Apfloat error, int digits) {
    long kept = digits(value, error, digits);
    Apfloat rounded = value.signum() == 0 ? value : ApfloatMath.round(value, Math.max(1, kept), RoundingMode.HALF_EVEN);
    Apfloat shownError = error.signum() == 0 ? error : ApfloatMath.round(error, 3, RoundingMode.UP);
    return new CurvePoint(tau, rounded, shownError, kept);
  }

  /** The significant digits of {@code value} that an absolute {@code error} leaves, from 0 to {@code max}. */
  static long digits(Apfloat value, Apfloat error, int max) {
    if (error.signum() == 0) {
      return max;
    }
    Apfloat ten = new Apfloat(10, 20);
    Apfloat logError = ApfloatMath.log(error.precision(20)).divide(ApfloatMath.log(ten));
    Apfloat logValue = value.signum() == 0 ? Apfloat.ZERO : ApfloatMath.log(ApfloatMath.abs(value).precision(20))
        .divide(ApfloatMath.log(ten));
    long d = ApfloatMath.floor(logValue.subtract(logError)).longValue();
    return Math.max(0, Math.min(max, d));
  }

  /** A rational at {@code digits} significant digits. */
  static Apfloat apfloat(Rational r, int digits) {
    if (r.isZero()) {
      return Apfloat.ZERO;
    }
    long p = digits + GUARD;
    return new Apfloat(r.numerator(), p).divide(new Apfloat(r.denominator(), p));
  }

  /** {@code 10^-digits} times {@code |value|} (or 1 for zero): round-off at {@code digits} working digits. */
  private static Apfloat tolerance(Apfloat value, int digits) {
    Apfloat scale = value.signum() == 0 ? Apfloat.ONE : ApfloatMath.abs(value);
    return scale.multiply(ApfloatMath.pow(new Apfloat(10, 20), -digits));
  }

  /** A positive number in scientific notation with three significant digits. */
  public static String scientific(Apfloat x) {
    return x.signum() == 0 ? "0" : ApfloatMath.round(x, 3, RoundingMode.UP).toString(false);
  }
}
