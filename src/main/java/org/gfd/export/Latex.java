package org.gfd.export;

import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/** LaTeX spellings of exact values: {@code \frac} coefficients, {@code \sigma^{2k}} for {@code sigma2^k}. */
public final class Latex {
  /** Terms per line in long sums, so that a coefficient breaks over lines of an {@code align}. */
  public static final int TERMS_PER_LINE = 4;

  private Latex() {}

  /** {@code \frac{a}{b}}, {@code a}, with the sign in front. */
  public static String rational(Rational r) {
    if (r.isInteger()) {
      return r.numerator().toString();
    }
    String frac = "\\frac{" + r.numerator().abs() + "}{" + r.denominator() + "}";
    return r.signum() < 0 ? "-" + frac : frac;
  }

  /** For example {@code p^{3} H \sigma^{6}}; empty for the monomial 1. */
  public static String monomial(Monomial m) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Variable, Integer> e : m.powers().entrySet()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      String name = e.getKey().name();
      int k = e.getValue();
      if (name.equals("sigma2")) {
        sb.append("\\sigma^{").append(2 * k).append('}');
        continue;
      }
      sb.append(name.length() == 1 ? name : "\\mathrm{" + name.replace("_", "\\_") + "}");
      if (k != 1) {
        sb.append("^{").append(k).append('}');
      }
    }
    return sb.toString();
  }

  /** A term {@code c m} with its sign written as an operator when it is not the first. */
  static String term(Rational c, Monomial m, boolean first) {
    StringBuilder sb = new StringBuilder();
    Rational abs = c.abs();
    if (first) {
      if (c.signum() < 0) {
        sb.append('-');
      }
    } else {
      sb.append(c.signum() < 0 ? " - " : " + ");
    }
    String mono = monomial(m);
    if (mono.isEmpty()) {
      sb.append(rational(abs));
    } else {
      if (!abs.equals(Rational.ONE)) {
        sb.append(rational(abs)).append(' ');
      }
      sb.append(mono);
    }
    return sb.toString();
  }

  /**
   * A polynomial for an {@code align} environment: terms in order, a line break
   * ({@code \\ &\quad}) after every {@link #TERMS_PER_LINE} terms.
   */
  public static String polynomial(Polynomial p) {
    if (p.isZero()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
      if (i > 0 && i % TERMS_PER_LINE == 0) {
        sb.append(" \\\\\n    &\\quad");
      }
      sb.append(term(t.getValue(), t.getKey(), i == 0));
      i++;
    }
    return sb.toString();
  }
}
