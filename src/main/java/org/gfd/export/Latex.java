package org.gfd.export;

import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * LaTeX spellings of exact values ({@code \frac} coefficients, {@code \sigma^{2k}} for
 * {@code sigma2^k}) and of the pieces every LaTeX output shares. Every LaTeX output of gfd is a
 * fragment for a document body that compiles with {@code \documentclass{article}} and the
 * packages of {@link #REQUIRED_PACKAGES}, and starts with {@link #requires()}.
 */
public final class Latex {
  /**
   * The packages a document must load for any LaTeX output of gfd: {@code amsmath}
   * ({@code align*}, {@code \text}, {@code \displaybreak}), {@code amssymb} ({@code \mathbb}) and
   * {@code tikz} (diagram drawings).
   */
  public static final List<String> REQUIRED_PACKAGES = List.of("amsmath", "amssymb", "tikz");

  /** Terms per line in long sums, at most, so that a coefficient breaks over lines of an {@code align}. */
  public static final int TERMS_PER_LINE = 4;

  /**
   * The most a line of a long sum may take, as estimated by {@link #width}, in points of a 10pt
   * font: about three quarters of an article's text width (345pt), leaving room for the left-hand
   * side ({@code c_{8} =}, {@code p^{4c - e} c_{4} \sim}) and for 11pt and 12pt documents, whose
   * text is wider in points but not in characters. Terms with long coefficients thus go fewer
   * than {@link #TERMS_PER_LINE} to a line.
   */
  public static final int LINE_WIDTH_PT = 250;

  /** Widths in points of 10pt Computer Modern, rounded up, that {@link #width} adds up. */
  private static final int DIGIT_PT = 5;
  private static final int SCRIPT_DIGIT_PT = 4;
  private static final int SYMBOL_PT = 8;
  private static final int ROMAN_LETTER_PT = 5;
  private static final int BINARY_OPERATOR_PT = 13;
  private static final int FRACTION_RULE_PT = 2;

  /**
   * The end of a line of an {@code align*}: the page may break after it ({@code \displaybreak[0]}
   * permits, without forcing, a break there), so that long series run over pages.
   */
  public static final String LINE_END = " \\displaybreak[0]\\\\\n";

  private Latex() {}

  /** The line <code>&#92;usepackage{amsmath,amssymb,tikz}</code>: the preamble line {@link #REQUIRED_PACKAGES} make. */
  public static String usePackages() {
    return "\\usepackage{" + String.join(",", REQUIRED_PACKAGES) + "}";
  }

  /** The comment <code>% requires: &#92;usepackage{...}</code>, the first line of every LaTeX output, with its newline. */
  public static String requires() {
    return "% requires: " + usePackages() + "\n";
  }

  /**
   * Plain text set in text mode: the characters special to LaTeX escaped, {@code <} and {@code >}
   * in math (the default font has no such glyphs), {@code --} kept as two hyphens.
   */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\textbackslash{}");
        case '{', '}', '$', '&', '#', '%', '_' -> sb.append('\\').append(ch);
        case '^' -> sb.append("\\^{}");
        case '~' -> sb.append("\\~{}");
        case '<', '>', '|' -> sb.append('$').append(ch).append('$');
        case '-' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '-' ? "-{}" : "-");
        case '\n' -> sb.append(' ');
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** One line of comment per line of {@code s}, each {@code % } prefixed, with newlines. */
  public static String comment(String s) {
    StringBuilder sb = new StringBuilder();
    s.lines().forEach(l -> sb.append("% ").append(l).append('\n'));
    return sb.toString();
  }

  /** {@code \frac{a}{b}}, {@code a}, with the sign in front. */
  public static String rational(Rational r) {
    if (r.isInteger()) {
      return r.numerator().toString();
    }
    String frac = "\\frac{" + r.numerator().abs() + "}{" + r.denominator() + "}";
    return r.signum() < 0 ? "-" + frac : frac;
  }

  /** {@code p^{\frac{1}{4}}}: a power of {@code p} with a rational exponent. */
  public static String powerOfP(Rational exponent) {
    return "p^{" + rational(exponent) + "}";
  }

  /** For example {@code p^{3} H \sigma^{6}}; empty for the monomial 1. */
  public static String monomial(Monomial m) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Variable, Integer> e : m.powers().entrySet()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(power(e.getKey(), e.getValue()));
    }
    return sb.toString();
  }

  /** {@code v^k} for one variable: {@code \sigma^{2k}} for {@code sigma2}, {@code \mathrm{..}} for long names. */
  static String power(Variable v, int k) {
    String name = v.name();
    if (name.equals("sigma2")) {
      return "\\sigma^{" + 2 * k + "}";
    }
    String base = name.length() == 1 ? name : "\\mathrm{" + name.replace("_", "\\_") + "}";
    return k == 1 ? base : base + "^{" + k + "}";
  }

  /** A monomial as math, {@code 1} for the monomial 1. */
  public static String monomialOrOne(Monomial m) {
    String s = monomial(m);
    return s.isEmpty() ? "1" : s;
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
   * An upper estimate of the width of {@link #term}{@code (c, m, first)} as set in a display, in
   * points of a 10pt font: digits, one-letter symbols, exponents and the operator in front.
   */
  static int width(Rational c, Monomial m, boolean first) {
    int w = first ? (c.signum() < 0 ? BINARY_OPERATOR_PT : 0) : BINARY_OPERATOR_PT;
    Rational abs = c.abs();
    if (!abs.equals(Rational.ONE) || m.powers().isEmpty()) {
      int num = abs.numerator().toString().length();
      w += abs.isInteger() ? num * DIGIT_PT
          : Math.max(num, abs.denominator().toString().length()) * DIGIT_PT + FRACTION_RULE_PT;
    }
    for (Map.Entry<Variable, Integer> e : m.powers().entrySet()) {
      String name = e.getKey().name();
      int k = e.getValue();
      if (name.equals("sigma2")) {
        w += SYMBOL_PT + Integer.toString(2 * k).length() * SCRIPT_DIGIT_PT;
        continue;
      }
      w += name.length() == 1 ? SYMBOL_PT : name.length() * ROMAN_LETTER_PT;
      if (k != 1) {
        w += Integer.toString(k).length() * SCRIPT_DIGIT_PT;
      }
    }
    return w;
  }

  /**
   * A polynomial for the right-hand side of a line of an {@code align*}: terms in order, a new
   * line ({@link #LINE_END} then {@code &\quad}) after {@link #TERMS_PER_LINE} terms, or sooner
   * when the line would be wider than {@link #LINE_WIDTH_PT}, so that a long coefficient breaks
   * over lines and pages and no line runs into the margin.
   */
  public static String polynomial(Polynomial p) {
    if (p.isZero()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    int onLine = 0;
    int lineWidth = 0;
    boolean first = true;
    for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
      int w = width(t.getValue(), t.getKey(), first);
      if (onLine == TERMS_PER_LINE || (onLine > 0 && lineWidth + w > LINE_WIDTH_PT)) {
        sb.append(LINE_END).append("    &\\quad");
        onLine = 0;
        lineWidth = 0;
      }
      sb.append(term(t.getValue(), t.getKey(), first));
      lineWidth += w;
      onLine++;
      first = false;
    }
    return sb.toString();
  }

  /** Whether {@link #polynomial} writes {@code p} on one line, as a single term. */
  static boolean isSingleTerm(Polynomial p) {
    return p.terms().size() <= 1;
  }
}
