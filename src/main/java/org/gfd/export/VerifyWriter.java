package org.gfd.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.diagram.DiagramFamily;
import org.gfd.model.Model;
import org.gfd.scaling.Faces;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RayLimit;
import org.gfd.scaling.RegimeCell;
import org.gfd.scaling.Verification;
import org.gfd.simulate.ExponentMeasurement;

/**
 * Writes the verification of a ray as text, JSON or LaTeX. Every format carries the verdict (PASS
 * or FAIL with its reason, and any warning) and shows each order as what it is: a limit
 * coefficient {@code hat c_s} when {@code p^(c s - e) c_s} stays bounded, or "diverges as
 * {@code p^(k)}" with {@code k = E_s + c s - e > 0} when it does not. Where the ray lies on the
 * map is said in words (inside a cell, on the boundary between cells, at a vertex), followed by
 * the cells that meet there, each by its name, {@code e}, {@code c}, surviving orders, the shape
 * of its limit and its inequalities through the point; no cell is given a number, since the
 * cells of the whole map are never built.
 */
public final class VerifyWriter {
  private VerifyWriter() {}

  /** The verification in {@code format}; {@code families} are the leading diagrams to list. */
  public static String write(Model model, Verification v, List<DiagramFamily> families, Format format) {
    return switch (format) {
      case TEXT -> text(model, v, families);
      case JSON -> json(model, v, families);
      case LATEX -> latex(model, v, families);
    };
  }

  /** {@code H = h p^(2), sigma2 = 1/2 p^(-1)}, then {@code t = p^(0) tau} and {@code p^(e)} when given. */
  static String describe(Ray ray) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Variable, Rational> e : ray.exponents().entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      Rational k = ray.constantValues().get(e.getKey());
      sb.append(e.getKey().name()).append(" = ").append(k != null ? k.toString() : Ray.constantOf(e.getKey()).name())
          .append(" p^(").append(e.getValue()).append(')');
    }
    ray.timeExponent().ifPresent(c -> sb.append(", t = p^(").append(c).append(") tau"));
    ray.normExponent().ifPresent(e -> sb.append(", loss normalized by p^(").append(e).append(')'));
    return sb.toString();
  }

  /** The ray in LaTeX: {@code $H = h\,p^{2}$, $\sigma^{2} = v\,p^{-\frac{7}{4}}$}. */
  static String describeLatex(Ray ray) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Variable, Rational> e : ray.exponents().entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      Rational k = ray.constantValues().get(e.getKey());
      sb.append('$').append(Latex.power(e.getKey(), 1)).append(" = ")
          .append(k != null ? Latex.rational(k) : Ray.constantOf(e.getKey()).name()).append("\\,")
          .append(Latex.powerOfP(e.getValue())).append('$');
    }
    ray.timeExponent().ifPresent(c -> sb.append(", $t = ").append(Latex.powerOfP(c)).append("\\,\\tau$"));
    ray.normExponent().ifPresent(e -> sb.append(", loss normalized by $").append(Latex.powerOfP(e)).append('$'));
    return sb.toString();
  }

  /** The first line: {@code PASS: ...} or {@code FAIL: <reason>}. */
  static String verdictLine(RayLimit l) {
    return l.isAdmissible() ? "PASS: the ray is admissible and nontrivial" : "FAIL: " + l.reason();
  }

  /** {@code verdict: divergent (every order bounded: no; nontrivial: yes)}. */
  static String verdictDetail(RayLimit l) {
    return "verdict: " + verdictName(l) + " (every order bounded: " + (l.isBounded() ? "yes" : "no")
        + "; nontrivial: " + (l.isNontrivial() ? "yes" : "no") + ")";
  }

  private static String verdictName(RayLimit l) {
    return l.verdict().name().toLowerCase(Locale.ROOT);
  }

  /** Order {@code s}'s line: {@code hat c_1 = -2*h*v} or {@code hat c_1 diverges as p^(1/4): ...}. */
  static String orderLine(RayLimit l, int s) {
    RayLimit.OrderLimit o = l.orderLimit(s);
    if (o instanceof RayLimit.Diverging d) {
      return "hat c_" + s + " " + d + ": p^(c s - e) c_" + s + " ~ (" + d.leadingPart() + ") p^(" + d.growth() + ")";
    }
    return "hat c_" + s + " = " + o;
  }

  /**
   * The verdict line ({@code PASS: ...} or {@code FAIL: reason}), its parts, any warning, then the
   * location and one {@code cell here:} line per cell meeting there, {@code e}, {@code c}, the
   * {@code E_s}, one line per order and the leading monomials.
   */
  public static String text(Model model, Verification v, List<DiagramFamily> families) {
    RayLimit l = v.limit();
    StringBuilder sb = new StringBuilder();
    sb.append(verdictLine(l)).append('\n');
    sb.append("# ").append(verdictDetail(l)).append('\n');
    v.warning().ifPresent(w -> sb.append("# warning: ").append(w).append('\n'));
    sb.append("# model: ").append(model.describe()).append("; orders 0..").append(l.maxOrder()).append('\n');
    sb.append("# ray: ").append(describe(l.ray())).append('\n');
    sb.append("location: ").append(v.location()).append('\n');
    List<String> letters = Exponents.letters(v.near().axes());
    for (RegimeCell c : v.cells()) {
      sb.append("cell here: ").append(c.name()).append("; e = ").append(Exponents.affine(c.normExponent(), letters, false))
          .append("; c = ").append(c.timeExponent().isEmpty() ? "none" : Exponents.affine(c.timeExponent(), letters, false))
          .append("; surviving orders ").append(Exponents.orders(c.survivingOrders())).append("; limit ")
          .append(RegimeWriter.shape(c.limit(), false));
      if (!c.facets().isEmpty()) {
        sb.append("; near the point: ").append(RegimeWriter.region(c, letters, false));
      }
      sb.append('\n');
    }
    sb.append("norm exponent e = ").append(l.normExponent())
        .append(v.evolving() ? " (E_1 + c: the evolving part)" : l.ray().normExponent().isPresent() ? " (given)" : " (E_0)")
        .append('\n');
    sb.append("time exponent c = ").append(l.timeExponent().map(Rational::toString).orElse("none"))
        .append(v.evolving() ? " (min_{s >= 2} (E_1 - E_s)/(s - 1))" : l.ray().timeExponent().isPresent() ? " (given)"
            : l.timeExponent().isPresent() ? " (min_s (e - E_s)/s)" : "")
        .append('\n');
    sb.append("# E_s:");
    for (int s = 0; s < l.orderExponents().size(); s++) {
      sb.append(" E_").append(s).append(" = ").append(l.orderExponents().get(s).map(Rational::toString).orElse("-inf")).append(';');
    }
    sb.append('\n');
    for (int s = 0; s <= l.maxOrder(); s++) {
      sb.append(orderLine(l, s)).append('\n');
    }
    for (Map.Entry<Integer, Set<Monomial>> e : l.nonvanishingLeadingMonomials().entrySet()) {
      int s = e.getKey();
      sb.append("leading c_").append(s).append(l.orderLimit(s) instanceof RayLimit.Diverging ? " (diverging):" : ":");
      for (Monomial m : e.getValue()) {
        sb.append(' ').append(m);
        for (DiagramFamily f : families) {
          if (f.order() == s && f.weight().equals(m)) {
            sb.append(" [").append(diagrams(f)).append(", multiplicity ")
                .append(f.multiplicity()).append(']');
          }
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * {@code {"model", "ray", "pass", "verdict", "bounded", "nontrivial", "admissible", "reason",
   * "warning"?, "location", "place", "cells_here", "vertex", "time_exponent", "norm_exponent",
   * "order_exponents", "diverging_orders", "limit", "leading"}}. {@code admissible} is
   * docs/specification.md &sect;4's (bounded and nontrivial) and equals {@code pass};
   * {@code place} is {@code "cell"}, {@code "boundary"} or {@code "vertex"}; each entry of
   * {@code cells_here} is {@code {"name" (null when unnamed), "norm_exponent", "time_exponent"
   * (affine in the exponents, null when nothing moves), "surviving_orders", "limit_shape",
   * "leading", "near_the_point" (its inequalities through the point)}}; {@code vertex} is
   * {@code {"point", "name"}} at a vertex and null elsewhere. Each {@code limit} entry is
   * {@code {"s", "coef"}} for a bounded order and {@code {"s", "coef": null, "diverges": true,
   * "growth", "leading_part"}} for a diverging one.
   */
  public static String json(Model model, Verification v, List<DiagramFamily> families) {
    RayLimit l = v.limit();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("model", Json.model(model));
    root.put("ray", describe(l.ray()));
    root.put("pass", l.isAdmissible());
    root.put("verdict", verdictName(l));
    root.put("bounded", l.isBounded());
    root.put("nontrivial", l.isNontrivial());
    root.put("admissible", l.isAdmissible());
    root.put("reason", l.reason());
    v.warning().ifPresent(w -> root.put("warning", w));
    root.put("evolving_part", v.evolving());
    root.put("location", v.location());
    root.put("place", place(v));
    List<String> letters = Exponents.letters(v.near().axes());
    ArrayNode here = root.putArray("cells_here");
    for (RegimeCell c : v.cells()) {
      ObjectNode o = here.addObject();
      c.name().label().ifPresentOrElse(n -> o.put("name", n), () -> o.putNull("name"));
      o.set("norm_exponent", Json.affine(c.normExponent(), letters));
      if (c.timeExponent().isEmpty()) {
        o.putNull("time_exponent");
      } else {
        o.set("time_exponent", Json.affine(c.timeExponent(), letters));
      }
      ArrayNode surviving = o.putArray("surviving_orders");
      c.survivingOrders().forEach(surviving::add);
      o.put("limit_shape", RegimeWriter.shape(c.limit(), false));
      ArrayNode lead = o.putArray("leading");
      c.leading().forEach((s, m) -> lead.addObject().put("s", s).set("powers", Json.powers(m)));
      ArrayNode region = o.putArray("near_the_point");
      c.facets().forEach(q -> region.add(Exponents.affine(q.row(), letters, false) + " >= 0"));
    }
    v.vertex().ifPresentOrElse(x -> {
      ObjectNode o = root.putObject("vertex");
      ArrayNode point = o.putArray("point");
      x.point().forEach(r -> point.add(r.toString()));
      x.name().label().ifPresentOrElse(n -> o.put("name", n), () -> o.putNull("name"));
    }, () -> root.putNull("vertex"));
    l.timeExponent().ifPresentOrElse(c -> root.put("time_exponent", c.toString()), () -> root.putNull("time_exponent"));
    root.put("norm_exponent", l.normExponent().toString());
    ArrayNode exps = root.putArray("order_exponents");
    l.orderExponents().forEach(e -> {
      if (e.isPresent()) {
        exps.add(e.get().toString());
      } else {
        exps.addNull();
      }
    });
    ArrayNode diverging = root.putArray("diverging_orders");
    l.divergingOrders().forEach(diverging::add);
    root.set("limit", RegimeWriter.limitJson(l.orderLimits()));
    ArrayNode leading = root.putArray("leading");
    for (Map.Entry<Integer, Set<Monomial>> e : l.nonvanishingLeadingMonomials().entrySet()) {
      int s = e.getKey();
      for (Monomial m : e.getValue()) {
        ObjectNode o = leading.addObject();
        o.put("s", s);
        o.set("powers", Json.powers(m));
        for (DiagramFamily f : families) {
          if (f.order() == s && f.weight().equals(m)) {
            o.put("diagrams", f.diagrams().size());
            o.put("multiplicity", f.multiplicity().toString());
          }
        }
      }
    }
    return Json.write(root);
  }

  /**
   * The verification for a paper: the verdict as comments and visibly (PASS or FAIL in bold, the
   * reason, any warning), where the ray lies and the cells that meet there, {@code e}, {@code c},
   * the {@code E_s}, each order's limit or divergence in an {@code align*}, and the leading
   * monomials with their diagrams.
   */
  public static String latex(Model model, Verification v, List<DiagramFamily> families) {
    RayLimit l = v.limit();
    StringBuilder sb = new StringBuilder(Latex.requires());
    sb.append("% gfd: verify ").append(describe(l.ray())).append(" for ").append(model.describe())
        .append("; orders 0..").append(l.maxOrder()).append('\n');
    sb.append(Latex.comment(verdictLine(l)));
    sb.append(Latex.comment(verdictDetail(l)));
    v.warning().ifPresent(w -> sb.append(Latex.comment("warning: " + w)));
    sb.append("\\paragraph{Ray} ").append(describeLatex(l.ray())).append(" for ")
        .append(Latex.text(model.describe())).append(", orders $0$ to $").append(l.maxOrder()).append("$.\n");
    sb.append("\\textbf{").append(l.isAdmissible() ? "PASS" : "FAIL").append(":} ").append(verdictLatex(l)).append('\n');
    v.warning().ifPresent(w -> sb.append("\\textbf{Warning:} ").append(Latex.text(w)).append(".\n"));
    sb.append("\n\\noindent Location on the map: ").append(Latex.text(v.location())).append(".\n");
    sb.append(cellsHereLatex(v));
    sb.append("\\noindent Normalization $e = ")
        .append(Latex.rational(l.normExponent())).append("$ ")
        .append(l.ray().normExponent().isPresent() ? "(given)" : "($= E_0$)").append(", time exponent ")
        .append(l.timeExponent().map(c -> "$c = " + Latex.rational(c) + "$").orElse("none"))
        .append(l.ray().timeExponent().isPresent() ? " (given)"
            : l.timeExponent().isPresent() ? " ($= \\min_{s \\ge 1} (e - E_s)/s$)" : "")
        .append(".\nOrder exponents ($c_s \\sim p^{E_s}$):");
    for (int s = 0; s <= l.maxOrder(); s++) {
      sb.append(s == 0 ? " " : ", ").append("$E_{").append(s).append("} = ")
          .append(l.orderExponents().get(s).map(Latex::rational).orElse("-\\infty")).append('$');
    }
    sb.append(".\nEach order, normalized ($p^{c s - e} c_s$), as $p \\to \\infty$:\n");
    sb.append("\\begin{align*}\n");
    for (int s = 0; s <= l.maxOrder(); s++) {
      sb.append("  ").append(orderLatex(l, s)).append(s < l.maxOrder() ? "," + Latex.LINE_END : ".\n");
    }
    sb.append("\\end{align*}\n");
    Map<Integer, Set<Monomial>> leading = l.nonvanishingLeadingMonomials();
    sb.append("Leading monomials and their diagrams:\n\\begin{itemize}\n");
    for (Map.Entry<Integer, Set<Monomial>> e : leading.entrySet()) {
      int s = e.getKey();
      sb.append("  \\item $c_{").append(s).append("}$")
          .append(l.orderLimit(s) instanceof RayLimit.Diverging ? " (diverging)" : "").append(":");
      String sep = " ";
      for (Monomial m : e.getValue()) {
        sb.append(sep).append('$').append(Latex.monomialOrOne(m)).append('$');
        for (DiagramFamily f : families) {
          if (f.order() == s && f.weight().equals(m)) {
            sb.append(" (").append(diagrams(f)).append(", multiplicity $")
                .append(Latex.rational(f.multiplicity())).append("$)");
          }
        }
        sep = "; ";
      }
      sb.append('\n');
    }
    sb.append("\\end{itemize}\n");
    return sb.toString();
  }

  /** {@code "cell"}, {@code "boundary"} or {@code "vertex"}. */
  private static String place(Verification v) {
    return switch (v.place()) {
      case INSIDE_CELL -> "cell";
      case ON_BOUNDARY -> "boundary";
      case AT_VERTEX -> "vertex";
    };
  }

  /**
   * The cells meeting at the point, one item each: name, {@code e}, {@code c}, surviving orders,
   * shape of the limit, and (on a boundary or vertex) its inequalities through the point.
   */
  private static String cellsHereLatex(Verification v) {
    List<String> letters = Exponents.letters(v.near().axes());
    List<String> items = new ArrayList<>();
    for (RegimeCell c : v.cells()) {
      StringBuilder item = new StringBuilder(Latex.text(c.name().toString())).append(": $e = ")
          .append(Exponents.affine(c.normExponent(), letters, true)).append("$, ")
          .append(c.timeExponent().isEmpty() ? "no time scale"
              : "$c = " + Exponents.affine(c.timeExponent(), letters, true) + "$")
          .append(", surviving orders ").append(Exponents.orders(c.survivingOrders())).append(", limit ")
          .append(RegimeWriter.shape(c.limit(), true));
      if (!c.facets().isEmpty()) {
        item.append("; near the point ").append(RegimeWriter.region(c, letters, true));
      }
      items.add(item.append('.').toString());
    }
    StringBuilder sb = new StringBuilder(items.size() == 1 ? "The cell there:\n" : "The cells there:\n");
    sb.append("\\begin{itemize}\n");
    items.forEach(i -> sb.append("  \\item ").append(i).append('\n'));
    return sb.append("\\end{itemize}\n").toString();
  }

  /** The reason of the verdict in LaTeX, built from the limit's data rather than from its words. */
  private static String verdictLatex(RayLimit l) {
    return switch (l.verdict()) {
      case ADMISSIBLE -> "the ray is admissible: every order stays bounded and "
          + (l.survivingOrders().size() == 1 ? "order $" + l.survivingOrders().get(0) + "$ survives."
              : "orders " + Exponents.orders(l.survivingOrders()) + " survive.");
      case DIVERGENT -> {
        List<Integer> ds = l.divergingOrders();
        int s = ds.get(0);
        RayLimit.Diverging d = (RayLimit.Diverging) l.orderLimit(s);
        String more = ds.size() == 1 ? "" : " Diverging orders: " + Exponents.orders(ds) + ".";
        yield "order $" + s + "$ diverges: $" + normalized(s) + "$ grows like $" + Latex.powerOfP(d.growth())
            + "$." + more;
      }
      case TRIVIAL -> l.timeExponent().isEmpty()
          ? "nothing moves: $c_{1}, \\dots, c_{" + l.maxOrder() + "}$ vanish on this ray."
          : "nothing moves: every order $s \\ge 1$ vanishes on the time scale $t = "
              + Latex.powerOfP(l.timeExponent().get()) + "\\,\\tau$.";
    };
  }

  /** {@code 1 diagram}, {@code 3 diagrams}. */
  private static String diagrams(DiagramFamily f) {
    int n = f.diagrams().size();
    return n + (n == 1 ? " diagram" : " diagrams");
  }

  /** {@code p^{2c - e} c_{2}}: order {@code s} normalized. */
  private static String normalized(int s) {
    String cs = s == 0 ? "" : s == 1 ? "c " : s + "c ";
    return "p^{" + cs + (s == 0 ? "-e" : "- e") + "} c_{" + s + "}";
  }

  /**
   * One line of the {@code align*}: {@code \hat c_{1} &= -2 h v}, or for a diverging order
   * {@code p^{c - e} c_{1} &\sim (-2 h v)\, p^{\frac{1}{4}} \quad \text{(diverges as ...)}}.
   */
  private static String orderLatex(RayLimit l, int s) {
    if (l.orderLimit(s) instanceof RayLimit.Diverging d) {
      Polynomial part = d.leadingPart();
      String factor;
      if (part.equals(Polynomial.constant(Rational.ONE))) {
        factor = "";
      } else if (Latex.isSingleTerm(part)) {
        factor = Latex.polynomial(part) + "\\, ";
      } else {
        factor = "(" + Latex.polynomial(part) + ")\\, ";
      }
      String growth = Latex.powerOfP(d.growth());
      return normalized(s) + " &\\sim " + factor + growth + " \\quad \\text{(diverges as $" + growth + "$)}";
    }
    return "\\hat c_{" + s + "} &= " + Latex.polynomial(l.limitCoefficient(s));
  }

  /**
   * The exponents measured by simulation against the predicted ones: one line each, then the
   * per-size initial loss and half-way time, then the outcome.
   */
  public static String measured(List<Integer> sizes, ExponentMeasurement.Result m, RayLimit limit, int seeds,
      boolean agrees, double tolerance) {
    StringBuilder sb = new StringBuilder();
    sb.append("# simulated at p = ").append(sizes).append(", ").append(seeds)
        .append(" seeds each; slopes of log L(0) and of log t_half (the loss halfway down) against log p, 95% bootstrap intervals\n");
    sb.append("measured e = ").append(slope(m.norm())).append(" (predicted ").append(limit.normExponent()).append(")\n");
    sb.append("measured c = ").append(m.time().map(VerifyWriter::slope).orElse("not measurable (the loss did not fall halfway at every size)"))
        .append(" (predicted ").append(limit.timeExponent().map(Object::toString).orElse("none")).append(")\n");
    for (int k = 0; k < sizes.size(); k++) {
      sb.append(String.format(Locale.ROOT, "# p = %d: L(0) = %.6g, t_half = %.6g%n", sizes.get(k), m.initial()[k], m.halfTimes()[k]));
    }
    sb.append(agrees ? "PASS" : "FAIL").append(": the measured exponents ").append(agrees ? "are" : "are not")
        .append(" within ").append(tolerance).append(" of the predicted ones\n");
    return sb.toString();
  }

  private static String slope(ExponentMeasurement.Slope s) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", s.value(), s.low(), s.high());
  }

  /**
   * The faces around the ray's point: the polytope's shape, then per facet its outer normal (a
   * direction in the ray's exponents), a ray inside it with {@code e}, {@code c} and the surviving
   * orders there, and its part of each limit coefficient at the point.
   */
  public static String faces(Model model, Faces.Result r, List<Variable> variables) {
    StringBuilder sb = new StringBuilder();
    sb.append("# faces of the Newton polytope of hat c_").append(r.order()).append(" in the constants (")
        .append(String.join(", ", variables.stream().map(v -> Ray.constantOf(v).name()).toList())).append("): ")
        .append(r.shape()).append('\n');
    sb.append("# normal = direction of the exponents (").append(String.join(", ", Exponents.letters(variables)))
        .append(") from the point; each face is the regime reached that way\n");
    sb.append("# face | normal | ray inside | e | c | surviving orders\n");
    for (Faces.Face f : r.faces()) {
      sb.append(RegimeWriter.faceRow(model, variables, f, false)).append('\n');
    }
    sb.append(RegimeWriter.wallTable(model, variables, r));
    for (Faces.Face f : r.faces()) {
      sb.append("face ").append(model.faceName(variables, f.normal()).map(n -> "\"" + n + "\" ").orElse(""))
          .append("normal ").append(RegimeWriter.normal(f.normal())).append(", ").append(f.corners()).append(" corners\n");
      for (int s = 0; s < f.parts().size(); s++) {
        sb.append("  face part of hat c_").append(s).append(" = ").append(f.parts().get(s)).append('\n');
      }
    }
    return sb.toString();
  }
}
