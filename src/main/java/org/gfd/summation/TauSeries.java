package org.gfd.summation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * Truncated power series whose coefficients are polynomials in the ray constants, as lists
 * (coefficient of {@code x^j} at index {@code j}): the arithmetic the strategies build their
 * linear systems from. Results have the length of their (shortest) argument.
 */
final class TauSeries {
  private TauSeries() {}

  /** The series {@code p + 0 x + 0 x^2 + ...} of the given length. */
  static List<Polynomial> constant(Polynomial p, int length) {
    List<Polynomial> out = new ArrayList<>();
    for (int j = 0; j < length; j++) {
      out.add(j == 0 ? p : Polynomial.ZERO);
    }
    return out;
  }

  /** The product of two series, truncated to the shorter length. */
  static List<Polynomial> times(List<Polynomial> x, List<Polynomial> y) {
    int n = Math.min(x.size(), y.size());
    List<Polynomial> out = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      Polynomial.Builder b = new Polynomial.Builder();
      for (int i = 0; i <= j; i++) {
        b.add(x.get(i).multiply(y.get(j - i)));
      }
      out.add(b.build());
    }
    return out;
  }

  /** The powers {@code x^0 .. x^d}. */
  static List<List<Polynomial>> powers(List<Polynomial> x, int d) {
    List<List<Polynomial>> out = new ArrayList<>();
    out.add(constant(Polynomial.ONE, x.size()));
    for (int b = 1; b <= d; b++) {
      out.add(times(out.get(b - 1), x));
    }
    return out;
  }

  /** Every coefficient times {@code p}. */
  static List<Polynomial> scaled(List<Polynomial> x, Polynomial p) {
    return x.stream().map(p::multiply).toList();
  }

  /** The derivative in the constant {@code z} of each coefficient. */
  static List<Polynomial> derivative(List<Polynomial> x, Variable z) {
    List<Polynomial> out = new ArrayList<>();
    for (Polynomial p : x) {
      Polynomial.Builder b = new Polynomial.Builder();
      for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
        int e = t.getKey().exponent(z);
        if (e > 0) {
          Map<Variable, Integer> powers = new HashMap<>(t.getKey().powers());
          powers.put(z, e - 1);
          b.add(t.getValue().multiply(Rational.of(e)), Monomial.of(powers));
        }
      }
      out.add(b.build());
    }
    return out;
  }
}
