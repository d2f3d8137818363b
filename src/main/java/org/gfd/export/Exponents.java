package org.gfd.export;

import java.util.ArrayList;
import java.util.List;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * Spellings of ray exponents (docs/specification.md &sect;4): {@code a} for {@code H}, {@code b} for
 * {@code sigma2}, {@code d} for {@code n}; affine functions and points of them.
 */
public final class Exponents {
  private Exponents() {}

  /** The exponent letter of a ray variable. */
  public static String letter(Variable v) {
    if (v.equals(Variable.H)) {
      return "a";
    }
    if (v.equals(Variable.SIGMA2)) {
      return "b";
    }
    if (v.equals(Variable.N)) {
      return "d";
    }
    return "a_" + v.name();
  }

  public static List<String> letters(List<Variable> axes) {
    return axes.stream().map(Exponents::letter).toList();
  }

  /** {@code [r0, r1, r2]} as {@code r0 + r1 a + r2 b}, e.g. {@code -1/2 - (1/2)a - b}; {@code 0} when zero. */
  public static String affine(List<Rational> row, List<String> letters, boolean latex) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < row.size(); i++) {
      Rational c = row.get(i);
      if (c.isZero()) {
        continue;
      }
      sb.append(sb.length() == 0 ? (c.signum() < 0 ? "-" : "") : (c.signum() < 0 ? " - " : " + "));
      Rational abs = c.abs();
      if (!abs.equals(Rational.ONE)) {
        sb.append(latex ? Latex.rational(abs) : abs.isInteger() ? abs.toString() : "(" + abs + ")");
        if (latex) {
          sb.append(' ');
        }
      }
      sb.append(letters.get(i - 1));
    }
    Rational c0 = row.get(0);
    if (!c0.isZero() || sb.length() == 0) {
      String abs = latex ? Latex.rational(c0.abs()) : c0.abs().toString();
      if (sb.length() == 0) {
        return (c0.signum() < 0 ? "-" : "") + abs;
      }
      sb.append(c0.signum() < 0 ? " - " : " + ").append(abs);
    }
    return sb.toString();
  }

  /** {@code (1, -1)}. */
  public static String point(List<Rational> x, boolean latex) {
    List<String> parts = new ArrayList<>();
    for (Rational r : x) {
      parts.add(latex ? Latex.rational(r) : r.toString());
    }
    return "(" + String.join(", ", parts) + ")";
  }

  /** {@code 1..4} for consecutive orders, else {@code 1, 3}; {@code none} when empty. */
  public static String orders(List<Integer> orders) {
    if (orders.isEmpty()) {
      return "none";
    }
    boolean consecutive = true;
    for (int i = 1; i < orders.size(); i++) {
      consecutive &= orders.get(i) == orders.get(i - 1) + 1;
    }
    if (consecutive && orders.size() > 2) {
      return orders.get(0) + ".." + orders.get(orders.size() - 1);
    }
    return String.join(", ", orders.stream().map(String::valueOf).toList());
  }
}
