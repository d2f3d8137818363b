package org.gfd.summation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.gfd.algebra.Rational;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IComplexNum;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IReal;

/**
 * The value of a Marchenko-Pastur average {@code F(tau) = Integral K(s, tau) dMP(r, mu)(s)}
 * ({@link SpectralAverage}) at an exact {@code tau}, by quadrature. With {@code s = mu w},
 * {@code w = 1 + r + 2 sqrt(r) cos(theta)}, the law's density becomes {@code (2 / pi)
 * sin(theta)^2 / w} on {@code theta in [0, pi]}, an even periodic integrand that the trapezoid
 * rule integrates with geometric convergence when {@code K} is analytic on the support:
 * {@code F = (2 / n) sum_(k=1..n-1) sin(k pi / n)^2 K(mu w_k, tau) / w_k} (the end points have
 * weight 0), plus {@code (1 - 1/r) K(0, tau)} for {@code r > 1}. The kernel is evaluated in Apfloat
 * arithmetic at every node ({@link ApfloatEvaluator}; by Symja's {@code N}, in one call a rule, for
 * a kernel that evaluator does not know); the number of nodes doubles from
 * {@value #FIRST_PANELS} until two rules agree to the digits asked for or {@value #MAX_PANELS}
 * panels are reached, and the difference of the last two is the error estimate (the finer rule
 * is far better than that when the convergence is geometric).
 */
public final class SpectralValue {
  static final int FIRST_PANELS = 32;
  static final int MAX_PANELS = 4096;

  private SpectralValue() {}

  /** {@code cos(k pi / n)} and {@code sin(k pi / n)^2} by {@code n} and precision: the nodes do not depend on the law or the time. */
  private static final Map<String, Apfloat[][]> TRIG = new ConcurrentHashMap<>();

  private static Apfloat[][] trig(int n, long digits) {
    return TRIG.computeIfAbsent(n + ":" + digits, key -> {
      Apfloat[][] out = new Apfloat[2][n];
      Apfloat pi = ApfloatMath.pi(digits);
      for (int k = 1; k < n; k++) {
        Apfloat theta = pi.multiply(new Apfloat(k, digits)).divide(new Apfloat(n, digits));
        out[0][k] = ApfloatMath.cos(theta);
        Apfloat sin = ApfloatMath.sin(theta);
        out[1][k] = sin.multiply(sin);
      }
      return out;
    });
  }

  /** A value with an estimate of its error. */
  public record Estimate(Apcomplex value, Apfloat error) {}

  /**
   * {@code F(tau)} at {@code digits} working digits with its quadrature error; empty when the
   * kernel has no number at some node (or Symja did not finish), or when the law's ratio has no
   * value.
   *
   * @throws org.gfd.error.StoppedException when the budget ran out
   */
  public static Optional<Estimate> at(SpectralAverage f, Rational tau, long digits, WorkBudget budget) {
    if (f.ratioValue().isEmpty() || f.meanValue().isEmpty() || f.ratioValue().get().signum() <= 0
        || f.meanValue().get().signum() <= 0) {
      return Optional.empty();
    }
    Rational r = f.ratioValue().get();
    Rational mu = f.meanValue().get();
    Apcomplex atom = Apcomplex.ZERO;
    if (r.compareTo(Rational.ONE) > 0) {
      Optional<Apcomplex> k0 = number(Symja.get().eval("N((" + f.kernel() + ") /. {s -> 0, tau -> (" + tau + ")}, " + digits + ")",
          budget));
      if (k0.isEmpty()) {
        return Optional.empty();
      }
      atom = k0.get().multiply(real(Rational.ONE.subtract(Rational.ONE.divide(r)), digits));
    }
    Optional<IExpr> parsed = Symja.get().eval(f.kernel(), budget);
    Nodes nodes = new Nodes(f.kernel(), parsed, r, mu, tau, digits, budget);
    Apcomplex sum = Apcomplex.ZERO;
    Apcomplex previous = null;
    for (int n = FIRST_PANELS; n <= MAX_PANELS; n *= 2) {
      // the rule of n panels has the nodes of n / 2 panels and the odd multiples of pi / n
      Optional<Apcomplex> added = nodes.sum(n, n == FIRST_PANELS ? 1 : 2);
      if (added.isEmpty()) {
        return Optional.empty();
      }
      sum = sum.add(added.get());
      Apcomplex t = sum.multiply(new Apfloat(2, digits)).divide(new Apfloat(n, digits));
      if (previous != null) {
        Apcomplex change = t.subtract(previous);
        Apfloat error = ApfloatMath.abs(change.real()).add(ApfloatMath.abs(change.imag()));
        Apfloat scale = ApfloatMath.abs(t.real()).add(ApfloatMath.abs(atom.real()));
        boolean converged = error.compareTo(scale.multiply(ApfloatMath.pow(new Apfloat(10, digits), -(digits - 5)))) <= 0;
        if (converged || 2 * n > MAX_PANELS) {
          return Optional.of(new Estimate(t.add(atom), error));
        }
      }
      previous = t;
    }
    throw new AssertionError("unreachable");
  }

  /**
   * The integrand {@code sin(theta)^2 K(mu w, tau) / w} summed over nodes {@code theta = k pi / n}:
   * in Apfloat arithmetic ({@link ApfloatEvaluator}), or for a kernel that evaluator does not know,
   * by Symja's {@code N} (one call a set of nodes).
   */
  private record Nodes(String kernel, Optional<IExpr> parsed, Rational r, Rational mu, Rational tau, long digits,
      WorkBudget budget) {
    /** The sum over {@code k = step, 2 step, ...} below {@code n}, {@code step} 1 or 2 (2 when {@code n} is even: the odd {@code k}). */
    Optional<Apcomplex> sum(int n, int step) {
      if (parsed.isPresent()) {
        Apfloat rr = real(r, digits);
        Apfloat twoSqrtR = ApfloatMath.sqrt(rr).multiply(new Apfloat(2, digits));
        Apfloat one = new Apfloat(1, digits);
        Apfloat m = real(mu, digits);
        Apcomplex t = real(tau, digits);
        Apfloat[][] trig = trig(n, digits);
        Apcomplex sum = Apcomplex.ZERO;
        for (int k = 1; k < n; k += step) {
          if (k % 64 == 1) {
            budget.checkNow();
          }
          Apfloat w = one.add(rr).add(twoSqrtR.multiply(trig[0][k]));
          Optional<Apcomplex> value = ApfloatEvaluator.value(parsed.get(), Map.of("s", m.multiply(w), "tau", t), digits);
          if (value.isEmpty()) {
            return bySymja(n, step);
          }
          sum = sum.add(value.get().multiply(trig[1][k]).divide(w));
        }
        return Optional.of(sum);
      }
      return bySymja(n, step);
    }

    private Optional<Apcomplex> bySymja(int n, int step) {
      String w = "(1 + (" + r + ") + 2*Sqrt(" + r + ")*Cos(gfdk*Pi/" + n + "))";
      String node = "Sin(gfdk*Pi/" + n + ")^2/" + w + "*((" + kernel + ") /. {s -> (" + mu + ")*" + w + ", tau -> (" + tau + ")})";
      Optional<IExpr> e = Symja.get().eval("N(Table(" + node + ", {gfdk, 1, " + (n - 1) + ", " + step + "}), " + digits + ")", budget);
      if (e.isEmpty() || !e.get().isList()) {
        return Optional.empty();
      }
      IAST list = (IAST) e.get();
      Apcomplex sum = Apcomplex.ZERO;
      for (int k = 1; k <= list.argSize(); k++) {
        Optional<Apcomplex> x = number(Optional.of(list.get(k)));
        if (x.isEmpty()) {
          return Optional.empty();
        }
        sum = sum.add(x.get());
      }
      return Optional.of(sum);
    }
  }

  private static Optional<Apcomplex> number(Optional<IExpr> e) {
    if (e.isPresent() && e.get() instanceof IReal x) {
      return Optional.of(x.apfloatValue());
    }
    if (e.isPresent() && e.get() instanceof IComplexNum z) {
      return Optional.of(z.apcomplexValue());
    }
    return Optional.empty();
  }

  private static Apfloat real(Rational r, long digits) {
    return new Apfloat(r.numerator(), digits).divide(new Apfloat(r.denominator(), digits));
  }
}
