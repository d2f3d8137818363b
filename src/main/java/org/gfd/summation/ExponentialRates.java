package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The exponential rates a limit series shows, found from its coefficients alone. When
 * {@code F(tau)} is a function of {@code e^(kappa tau)} whose dependence on the ray constants is
 * polynomial order by order around small constants (a spectrum that starts near zero, say), the
 * coefficient of each monomial of the constants, as a function of {@code tau}, is an exponential
 * polynomial whose rates are integer multiples of {@code kappa}. Its sequence over the orders
 * {@code s} then obeys a linear recurrence with constant coefficients, whose characteristic roots
 * are those rates. So: for the monomials of lowest degree, the shortest such recurrence is found
 * exactly (Berlekamp–Massey over the rationals, kept only when at least one further term confirms
 * it), its rational roots are collected, and the candidates are their greatest common divisor and
 * then each root, smallest first. For a series without constants the sequence itself is used.
 *
 * <p>Rates that depend on the constants (an NTK rate {@code 4 h v}, an irrational rate such as
 * {@code 2 sqrt(1 + (h v)^2)}) do not show this way; they are not found.
 */
final class ExponentialRates {
  /** How many monomials (lowest degree first) are examined. */
  static final int MONOMIALS = 8;
  /** How many candidates are returned at most. */
  static final int MAX_CANDIDATES = 3;

  private ExponentialRates() {}

  /** The candidate rates, positive, best first; with an account of where they came from. */
  record Found(List<Rational> rates, String account) {}

  static Found of(List<Polynomial> c, Symja symja, WorkBudget budget) {
    TreeSet<Monomial> monomials = new TreeSet<>(Comparator.comparingInt(Monomial::degree).thenComparing(m -> m));
    c.forEach(p -> monomials.addAll(p.terms().keySet()));
    Set<Rational> roots = new TreeSet<>();
    List<String> seen = new ArrayList<>();
    int examined = 0;
    for (Monomial m : monomials) {
      if (examined == MONOMIALS) {
        break;
      }
      List<Rational> a = c.stream().map(p -> p.coefficient(m)).toList();
      Optional<List<Rational>> rec = recurrence(a);
      if (rec.isEmpty()) {
        continue;
      }
      examined++;
      List<Rational> r = rationalRoots(rec.get(), symja, budget);
      r.stream().filter(x -> x.signum() != 0).forEach(x -> roots.add(x.abs()));
      seen.add((m.isOne() ? "the series" : "the coefficient of " + m) + ": recurrence of order " + (rec.get().size() - 1)
          + ", rational roots " + r);
    }
    Set<Rational> candidates = new LinkedHashSet<>();
    if (!roots.isEmpty()) {
      candidates.add(roots.stream().reduce(ExponentialRates::gcd).orElseThrow());
      candidates.addAll(roots);
    }
    List<Rational> out = candidates.stream().limit(MAX_CANDIDATES).toList();
    String account = seen.isEmpty() ? "no monomial's sequence obeys a confirmed constant-coefficient recurrence"
        : String.join("; ", seen) + "; rates tried " + out;
    return new Found(out, account);
  }

  /**
   * The shortest linear recurrence with constant coefficients that {@code a} obeys, as the
   * characteristic polynomial's coefficients (constant first, monic), when the sequence has at
   * least one term more than the {@code 2L} that determine a recurrence of order {@code L}; empty
   * for the zero sequence or an unconfirmed recurrence. Berlekamp–Massey over the rationals.
   */
  static Optional<List<Rational>> recurrence(List<Rational> a) {
    int n = a.size();
    List<Rational> cur = new ArrayList<>(List.of(Rational.ONE)); // connection polynomial C, C_0 = 1
    List<Rational> prev = new ArrayList<>(List.of(Rational.ONE));
    int length = 0;
    int shift = 1;
    Rational lastDiscrepancy = Rational.ONE;
    boolean nonzero = false;
    for (int k = 0; k < n; k++) {
      nonzero |= a.get(k).signum() != 0;
      Rational d = a.get(k);
      for (int i = 1; i <= length; i++) {
        d = d.add(coef(cur, i).multiply(a.get(k - i)));
      }
      if (d.signum() == 0) {
        shift++;
        continue;
      }
      List<Rational> next = new ArrayList<>(cur);
      Rational factor = d.divide(lastDiscrepancy);
      for (int i = 0; i < prev.size(); i++) {
        while (next.size() <= i + shift) {
          next.add(Rational.ZERO);
        }
        next.set(i + shift, next.get(i + shift).subtract(factor.multiply(prev.get(i))));
      }
      if (2 * length <= k) {
        prev = cur;
        length = k + 1 - length;
        lastDiscrepancy = d;
        shift = 1;
      } else {
        shift++;
      }
      cur = next;
    }
    if (!nonzero || n < 2 * length + 1) {
      return Optional.empty();
    }
    // characteristic polynomial x^L + C_1 x^(L-1) + ... + C_L, constant first
    List<Rational> chi = new ArrayList<>();
    for (int i = length; i >= 0; i--) {
      chi.add(coef(cur, i));
    }
    return Optional.of(chi);
  }

  private static Rational coef(List<Rational> p, int i) {
    return i < p.size() ? p.get(i) : Rational.ZERO;
  }

  /** The distinct rational roots of a polynomial given by its coefficients (constant first), by Symja. */
  private static List<Rational> rationalRoots(List<Rational> chi, Symja symja, WorkBudget budget) {
    StringBuilder p = new StringBuilder("0");
    for (int i = 0; i < chi.size(); i++) {
      p.append(" + (").append(chi.get(i)).append(")*gfdX^").append(i);
    }
    Optional<IExpr> r = symja.eval("gfdRationalRoots(" + p + ", gfdX)", budget);
    List<Rational> out = new ArrayList<>();
    if (r.isPresent() && r.get().isList()) {
      for (IExpr x : (IAST) r.get()) {
        out.add(Rational.parse(x.toString()));
      }
    }
    return out;
  }

  /** The greatest common divisor of two positive rationals: the largest g with both integer multiples of g. */
  static Rational gcd(Rational x, Rational y) {
    BigInteger num = x.numerator().gcd(y.numerator());
    BigInteger den = x.denominator().multiply(y.denominator()).divide(x.denominator().gcd(y.denominator()));
    return Rational.of(num, den);
  }
}
