package org.gfd.numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gfd.algebra.Rational;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.fraction.BigFractionField;
import org.hipparchus.linear.Array2DRowFieldMatrix;
import org.hipparchus.linear.ArrayFieldVector;
import org.hipparchus.linear.FieldDecompositionSolver;
import org.hipparchus.linear.FieldLUDecomposition;
import org.hipparchus.linear.FieldMatrix;
import org.hipparchus.linear.FieldVector;

/**
 * The Padé approximant {@code [L/M]} of a power series {@code f(x) = sum_k a_k x^k}: the rational
 * function {@code P(x) / Q(x)}, {@code deg P <= L}, {@code deg Q <= M}, {@code Q(0) = 1}, whose
 * expansion agrees with {@code f} through {@code x^(L+M)} (Baker and Graves-Morris, <i>Padé
 * Approximants</i>, 2nd ed., 1996, ch. 1). {@code Q}'s coefficients solve the {@code M x M} linear
 * system {@code sum_(j=1..M) a_(k-j) q_j = -a_k}, {@code k = L+1..L+M}, here exactly over the
 * rationals (LU decomposition over Hipparchus's {@link BigFraction} field), and then
 * {@code p_k = sum_(j=0..min(k,M)) q_j a_(k-j)}. Where that system is singular (a block of the Padé
 * table) the next lower {@code M} with {@code L + M} kept is taken. Values at a rational point are
 * exact rationals. Immutable.
 */
public final class Pade {
  private final int l;
  private final int m;
  private final List<Rational> p;
  private final List<Rational> q;

  private Pade(int l, int m, List<Rational> p, List<Rational> q) {
    this.l = l;
    this.m = m;
    this.p = List.copyOf(p);
    this.q = List.copyOf(q);
  }

  /**
   * The near-diagonal approximant of the coefficients {@code a_0..a_N}: {@code M = floor(N/2)},
   * {@code L = N - M}, or a lower {@code M} where the system for {@code M} is singular.
   *
   * @throws IllegalArgumentException when {@code a} is empty
   */
  public static Pade of(List<Rational> a) {
    if (a.isEmpty()) {
      throw new IllegalArgumentException("no coefficients");
    }
    int n = a.size() - 1;
    for (int m = n / 2; m > 0; m--) {
      Optional<Pade> r = of(a, n - m, m);
      if (r.isPresent()) {
        return r.get();
      }
    }
    return new Pade(n, 0, a, List.of(Rational.ONE));
  }

  /** {@code [L/M]} of {@code a} (which has at least {@code L + M + 1} terms), or empty when its system is singular. */
  static Optional<Pade> of(List<Rational> a, int l, int m) {
    FieldMatrix<BigFraction> sys = new Array2DRowFieldMatrix<>(BigFractionField.getInstance(), m, m);
    FieldVector<BigFraction> rhs = new ArrayFieldVector<>(BigFractionField.getInstance(), m);
    for (int row = 0; row < m; row++) {
      int k = l + 1 + row;
      for (int j = 1; j <= m; j++) {
        sys.setEntry(row, j - 1, fraction(k - j >= 0 ? a.get(k - j) : Rational.ZERO));
      }
      rhs.setEntry(row, fraction(a.get(k).negate()));
    }
    FieldDecompositionSolver<BigFraction> solver = new FieldLUDecomposition<>(sys).getSolver();
    if (!solver.isNonSingular()) {
      return Optional.empty();
    }
    FieldVector<BigFraction> sol = solver.solve(rhs);
    List<Rational> q = new ArrayList<>(List.of(Rational.ONE));
    for (int j = 0; j < m; j++) {
      BigFraction f = sol.getEntry(j);
      q.add(Rational.of(f.getNumerator(), f.getDenominator()));
    }
    List<Rational> p = new ArrayList<>();
    for (int k = 0; k <= l; k++) {
      Rational s = Rational.ZERO;
      for (int j = 0; j <= Math.min(k, m); j++) {
        s = s.add(q.get(j).multiply(a.get(k - j)));
      }
      p.add(s);
    }
    return Optional.of(new Pade(l, m, p, q));
  }

  private static BigFraction fraction(Rational r) {
    return new BigFraction(r.numerator(), r.denominator());
  }

  /** {@code L}, the numerator's degree bound. */
  public int numeratorDegree() {
    return l;
  }

  /** {@code M}, the denominator's degree bound. */
  public int denominatorDegree() {
    return m;
  }

  /** {@code P(x) / Q(x)}, exactly; empty at a zero of {@code Q}. */
  public Optional<Rational> at(Rational x) {
    Rational den = Polynomials.at(q, x);
    return den.isZero() ? Optional.empty() : Optional.of(Polynomials.at(p, x).divide(den));
  }

  @Override
  public String toString() {
    return "[" + l + "/" + m + "]";
  }

  /** Polynomials in one variable as coefficient lists, constant first. */
  static final class Polynomials {
    private Polynomials() {}

    /** Horner's rule, exactly. */
    static Rational at(List<Rational> c, Rational x) {
      Rational s = Rational.ZERO;
      for (int k = c.size() - 1; k >= 0; k--) {
        s = s.multiply(x).add(c.get(k));
      }
      return s;
    }

    /** The natural logarithm of a positive big integer, as a double, for integers beyond the double range too. */
    static double log(BigInteger x) {
      int shift = Math.max(0, x.bitLength() - 60);
      return Math.log(x.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }
  }
}
