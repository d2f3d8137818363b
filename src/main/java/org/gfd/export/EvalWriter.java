package org.gfd.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Rational;
import org.gfd.model.Model;
import org.gfd.numeric.Curve;
import org.gfd.numeric.CurvePoint;
import org.gfd.numeric.Curves;
import org.gfd.scaling.RayLimit;
import org.gfd.summation.Attempt;
import org.gfd.summation.SummationResult;

/**
 * Writes what {@code gfd eval} computed: the limit curve's values with their error estimates, how
 * they were computed (the certified closed form, or the series' Padé approximant or truncated sum
 * with its estimated radius of convergence), and, when no closed form was found, each strategy's
 * account. Each value is rounded to the digits its error estimate leaves (at most those asked
 * for), which the column {@code digits} gives.
 */
public final class EvalWriter {
  private EvalWriter() {}

  /** The curve in {@code format}; {@code header} describes the model, ray and values. */
  public static String write(String header, Curve curve, SummationResult summation, Format format) {
    return switch (format) {
      case TEXT -> text(header, curve, summation);
      case JSON -> json(header, curve, summation);
      case LATEX -> latex(header, curve, summation);
    };
  }

  /** The header line of a curve on a verified ray of {@code model}. */
  public static String header(Model model, RayLimit l, Map<String, Rational> set) {
    return SolveWriter.header(model, l, set);
  }

  /**
   * The values as CSV: a header row, then {@code tau, F, error, digits} per time, every field a
   * decimal number (a time such as 1/3 to as many digits as the values).
   */
  public static String csv(Curve curve) {
    StringBuilder sb = new StringBuilder("tau,F,error,digits\n");
    for (CurvePoint p : curve.points()) {
      BigDecimal tau = new BigDecimal(p.tau().numerator()).divide(new BigDecimal(p.tau().denominator()),
          new MathContext(Math.max(curve.digits(), 1)));
      sb.append(tau.stripTrailingZeros().toPlainString()).append(',').append(value(p)).append(',').append(Curves.scientific(p.error())).append(',')
          .append(p.digits()).append('\n');
    }
    return sb.toString();
  }

  /** How the values were computed, in one line. */
  static String method(Curve curve) {
    StringBuilder sb = new StringBuilder(curve.method().label());
    if (curve.method() == Curve.Method.CLOSED_FORM) {
      sb.append(curve.source().isEmpty() ? ": none certified" : " (certified): F(tau) = " + curve.source());
    } else {
      sb.append(' ').append(curve.source());
    }
    curve.radius().ifPresent(r -> sb.append("; radius of convergence about ").append(String.format("%.3g", r))
        .append(" (estimated from the last coefficients)"));
    return sb.toString();
  }

  /** A value in positional notation, or in scientific notation below 0.001 (where zeros would crowd out the digits). */
  private static String value(CurvePoint p) {
    return p.value().signum() != 0 && p.value().scale() < -2 ? p.value().toString(false) : p.value().toString(true);
  }

  private static List<String> notes(Curve curve, SummationResult summation) {
    List<String> out = new ArrayList<>();
    curve.failure().ifPresent(f -> out.add("failed: " + f));
    if (curve.failure().isPresent() || curve.method() != Curve.Method.CLOSED_FORM) {
      for (Attempt a : summation.tried()) {
        out.add("tried " + a.strategy() + (a.certified() ? " (certified): " : ": ") + a.account());
      }
    }
    return out;
  }

  static String text(String header, Curve curve, SummationResult summation) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(header).append('\n');
    sb.append("# method: ").append(method(curve)).append('\n');
    sb.append("# ").append(curve.digits()).append(" digits asked; columns: tau, F(tau), error estimate, digits it leaves\n");
    for (CurvePoint p : curve.points()) {
      sb.append(p.tau()).append('\t').append(value(p)).append('\t').append(Curves.scientific(p.error())).append('\t')
          .append(p.digits()).append('\n');
    }
    notes(curve, summation).forEach(n -> sb.append("# ").append(n).append('\n'));
    return sb.toString();
  }

  static String json(String header, Curve curve, SummationResult summation) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("header", header);
    root.put("method", curve.method().label());
    if (curve.method() == Curve.Method.CLOSED_FORM) {
      root.put("closed_form", curve.source());
    } else {
      root.put("approximation", curve.source());
    }
    curve.radius().ifPresent(r -> root.put("radius", r));
    root.put("digits", curve.digits());
    ArrayNode points = root.putArray("points");
    for (CurvePoint p : curve.points()) {
      points.addObject().put("tau", p.tau().toString()).put("value", value(p)).put("error", Curves.scientific(p.error()))
          .put("digits", p.digits());
    }
    curve.failure().ifPresent(f -> root.put("failure", f));
    ArrayNode tried = root.putArray("tried");
    for (Attempt a : summation.tried()) {
      tried.addObject().put("strategy", a.strategy()).put("certified", a.certified()).put("account", a.account());
    }
    return Json.write(root);
  }

  /**
   * A number as Apfloat writes it ({@code 0.1234}, {@code 1.23e-22}) in LaTeX math: the exponent as
   * {@code \\times 10^{-22}}, and with {@code breakable} the digits after the point in groups of
   * ten with a thin space and a permitted line break between them.
   */
  static String latexNumber(String number, boolean breakable) {
    int e = number.indexOf('e');
    String mantissa = e < 0 ? number : number.substring(0, e);
    String exponent = e < 0 ? "" : " \\times 10^{" + number.substring(e + 1) + "}";
    int point = mantissa.indexOf('.');
    if (breakable && point >= 0) {
      StringBuilder sb = new StringBuilder(mantissa.substring(0, point + 1));
      String digits = mantissa.substring(point + 1);
      for (int i = 0; i < digits.length(); i += 10) {
        sb.append(i == 0 ? "" : "\\,\\allowbreak ").append(digits, i, Math.min(digits.length(), i + 10));
      }
      mantissa = sb.toString();
    }
    return mantissa + exponent;
  }

  static String latex(String header, Curve curve, SummationResult summation) {
    StringBuilder sb = new StringBuilder(Latex.requires());
    sb.append(Latex.comment("gfd eval: " + header));
    sb.append(Latex.comment("method: " + method(curve)));
    notes(curve, summation).forEach(n -> sb.append(Latex.comment(n)));
    // values of many digits wrap inside their column, at groups of ten digits
    sb.append("\\begin{tabular}{@{}l p{0.6\\textwidth} l@{}}\n  $\\tau$ & $F(\\tau)$ & error estimate \\\\\n  \\hline\n");
    for (CurvePoint p : curve.points()) {
      sb.append("  $").append(p.tau()).append("$ & $").append(latexNumber(value(p), true)).append("$ & $")
          .append(latexNumber(Curves.scientific(p.error()), false)).append("$ \\\\\n");
    }
    sb.append("\\end{tabular}\n");
    return sb.toString();
  }
}
