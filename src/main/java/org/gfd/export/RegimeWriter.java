package org.gfd.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.Model;
import org.gfd.scaling.Faces;
import org.gfd.scaling.LimitShape;
import org.gfd.scaling.Polyhedron;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RayLimit;
import org.gfd.scaling.RegimeCell;
import org.gfd.scaling.RegimeMap;
import org.gfd.scaling.RegimeName;
import org.gfd.scaling.RegimeStudy;
import org.gfd.scaling.RegimeVertex;

/** Writes regime maps as a text table, JSON or LaTeX. */
public final class RegimeWriter {
  private RegimeWriter() {}

  /** The regime study in {@code format}. */
  public static String write(Model model, RegimeStudy study, Format format) {
    return switch (format) {
      case TEXT -> text(model, study);
      case JSON -> json(model, study);
      case LATEX -> latex(model, study);
    };
  }

  static String rayLine(List<Variable> axes) {
    StringBuilder sb = new StringBuilder("ray: ");
    for (Variable v : axes) {
      sb.append(v.name()).append(" = ").append(Ray.constantOf(v).name()).append(" p^")
          .append(Exponents.letter(v)).append(", ");
    }
    return sb.append("t = p^c tau, loss normalized by p^e").toString();
  }

  /** The shape of a limit: {@code exponential}, {@code power law (1 + k tau)^(-2)}, {@code other}. */
  static String shape(List<Polynomial> limit, boolean latex) {
    LimitShape shape = LimitShape.of(limit);
    return switch (shape) {
      case GEOMETRIC -> "exponential";
      case BINOMIAL -> latex
          ? "power law $(1 + k\\tau)^{" + Latex.rational(LimitShape.binomialExponent(limit)) + "}$"
          : "power law (1 + k tau)^(" + LimitShape.binomialExponent(limit) + ")";
      case OTHER -> "other";
    };
  }

  /**
   * The inequalities of a cell: {@code a - 1 >= 0; b >= 0} as text; in LaTeX each one its own
   * inline formula, so that a long region breaks between them.
   */
  static String region(RegimeCell c, List<String> letters, boolean latex) {
    StringBuilder sb = new StringBuilder();
    for (Polyhedron.Inequality q : c.facets()) {
      if (sb.length() > 0) {
        sb.append(latex ? ", " : "; ");
      }
      sb.append(latex ? "$" : "").append(Exponents.affine(q.row(), letters, latex))
          .append(latex ? " \\ge 0$" : " >= 0");
    }
    return sb.length() == 0 ? (latex ? "the whole plane" : "everywhere") : sb.toString();
  }

  static String vertices(RegimeCell c, boolean latex) {
    String vs = String.join(", ", c.vertices().stream()
        .map(v -> latex ? "$" + Exponents.point(v, true) + "$" : Exponents.point(v, false)).toList());
    if (vs.isEmpty()) {
      vs = "none";
    }
    return c.bounded() ? vs : vs + ", unbounded";
  }

  /** A regime's name in a text table: its label, or {@code -} when unnamed. */
  private static String name(RegimeName n) {
    return n.label().orElse("-");
  }

  /** A table of cells, then each cell's limit, the vertices, and the stability from S-1 to S. */
  public static String text(Model model, RegimeStudy study) {
    RegimeMap map = study.map();
    List<String> letters = Exponents.letters(map.axes());
    StringBuilder sb = new StringBuilder();
    sb.append("# regime map of ").append(model.describe()).append(" from orders 0..").append(map.maxOrder()).append('\n');
    sb.append("# ").append(rayLine(map.axes())).append('\n');
    sb.append("# cell | name | region | vertices | e | c | surviving orders | limit\n");
    for (RegimeCell c : map.cells()) {
      sb.append(c.id()).append(" | ").append(name(c.name())).append(" | ").append(region(c, letters, false))
          .append(" | ").append(vertices(c, false)).append(" | ")
          .append(Exponents.affine(c.normExponent(), letters, false)).append(" | ")
          .append(c.timeExponent().isEmpty() ? "none" : Exponents.affine(c.timeExponent(), letters, false))
          .append(" | ").append(Exponents.orders(c.survivingOrders())).append(" | ").append(shape(c.limit(), false))
          .append('\n');
    }
    for (RegimeCell c : map.cells()) {
      sb.append("# cell ").append(c.id()).append(" leading monomials:");
      c.leading().forEach((s, m) -> sb.append(" c_").append(s).append(": ").append(m).append(';'));
      sb.append('\n');
      sb.append("# cell ").append(c.id()).append(" limit:");
      for (int s = 0; s < c.limit().size(); s++) {
        sb.append(" hat c_").append(s).append(" = ").append(c.limit().get(s)).append(';');
      }
      sb.append('\n');
    }
    for (RegimeVertex v : map.vertices()) {
      RayLimit l = v.limit();
      sb.append("# vertex ").append(Exponents.point(v.point(), false)).append(": cells ")
          .append(String.join(", ", v.cells().stream().map(String::valueOf).toList()))
          .append(v.name().label().map(n -> " (" + n + ")").orElse(""))
          .append("; e = ").append(l.normExponent())
          .append(", c = ").append(l.timeExponent().map(Rational::toString).orElse("none"))
          .append(", surviving orders ").append(Exponents.orders(l.survivingOrders())).append('\n');
    }
    for (RegimeStudy.VertexFaces vf : study.faces()) {
      sb.append("# faces at ").append(Exponents.point(vf.point(), false)).append(": ").append(vf.faces().shape())
          .append(" (facets of the Newton polytope of hat c_").append(vf.faces().order()).append(" in the constants); normal = ")
          .append("the direction the exponents ").append(letters(map.axes()))
          .append(" move in, each face the regime reached that way\n");
      sb.append("# face | normal | ray inside | e | c | surviving orders\n");
      for (Faces.Face f : vf.faces().faces()) {
        sb.append(faceRow(model, map.axes(), f, false)).append('\n');
      }
      sb.append(wallTable(model, map.axes(), vf.faces()));
    }
    sb.append(stability(study)).append('\n');
    return sb.toString();
  }

  /** The exponents' letters as a point: {@code (a, d, b)}. */
  private static String letters(List<Variable> axes) {
    return "(" + String.join(", ", Exponents.letters(axes)) + ")";
  }

  /**
   * One face as a row: the model's name for it ({@code -} when it gives none), its outer normal, a
   * ray inside it, {@code e}, {@code c} and the surviving orders there; with {@code |} between the
   * fields as text, {@code &} in LaTeX.
   */
  public static String faceRow(Model model, List<Variable> axes, Faces.Face f, boolean latex) {
    String sep = latex ? " & " : " | ";
    String name = model.faceName(axes, f.normal()).orElse("-");
    return (latex ? Latex.text(name) : name) + sep + normal(f.normal()) + sep + rayInside(f.exponents(), latex) + sep
        + limitFields(f.limit(), latex, sep);
  }

  /**
   * The walls between the faces (edges of the polytope), as text: a header and one row each, the two
   * faces it lies between, its direction, a ray inside it, {@code e}, {@code c} and the surviving
   * orders there.
   */
  public static String wallTable(Model model, List<Variable> axes, Faces.Result r) {
    StringBuilder sb = new StringBuilder("# walls between two faces (edges of the polytope; both ratios degenerate at once)\n");
    sb.append("# wall between | direction | ray inside | e | c | surviving orders\n");
    for (Faces.Wall w : r.walls()) {
      sb.append(wallRow(model, axes, r, w, false)).append('\n');
    }
    return sb.toString();
  }

  /** One wall as a row, as {@link #faceRow} writes a face. */
  public static String wallRow(Model model, List<Variable> axes, Faces.Result r, Faces.Wall w, boolean latex) {
    String sep = latex ? " & " : " | ";
    String between = faceName(model, axes, r.faces().get(w.first())) + " / " + faceName(model, axes, r.faces().get(w.second()));
    return (latex ? Latex.text(between) : between) + sep + normal(w.direction()) + sep + rayInside(w.exponents(), latex) + sep
        + limitFields(w.limit(), latex, sep);
  }

  /** A face's name from the model, else its normal. */
  private static String faceName(Model model, List<Variable> axes, Faces.Face f) {
    return model.faceName(axes, f.normal()).orElse(normal(f.normal()));
  }

  private static String rayInside(Map<Variable, Rational> exponents, boolean latex) {
    StringBuilder ray = new StringBuilder();
    exponents.forEach((v, a) -> ray.append(ray.length() == 0 ? "" : ", ").append(latex ? "$" + Latex.power(v, 1) : v.name())
        .append(latex ? " = p^{" + Latex.rational(a) + "}$" : " = p^(" + a + ")"));
    return ray.toString();
  }

  /** {@code e}, {@code c} (with a note when it drifts with S) and the surviving orders of a limit. */
  private static String limitFields(RayLimit l, boolean latex, String sep) {
    List<Integer> surviving = l.survivingOrders();
    // one order s >= 2 alone: the time scale is the highest order's and drifts with S (the leading
    // part of the loss does not move there; verify --evolving normalizes the part that does)
    String drifting = surviving.size() == 1 && surviving.get(0) >= 2 ? " (set by the highest order; see verify --evolving)" : "";
    return (latex ? "$" + Latex.rational(l.normExponent()) + "$" : l.normExponent().toString()) + sep
        + l.timeExponent().map(t -> latex ? "$" + Latex.rational(t) + "$" : t.toString()).orElse("none")
        + (latex ? Latex.text(drifting) : drifting) + sep + Exponents.orders(surviving);
  }

  /** {@code (0, 0, 1)}. */
  static String normal(long[] n) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < n.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(n[i]);
    }
    return sb.append(')').toString();
  }

  static String stability(RegimeStudy study) {
    if (study.previous().isEmpty()) {
      return "# stability: not checked (needs orders 0..S with S >= 2)";
    }
    String range = "orders 0.." + study.previous().get().maxOrder() + " -> 0.." + study.map().maxOrder();
    if (study.isStable()) {
      return "# stability: " + range + ": unchanged";
    }
    List<String> letters = Exponents.letters(study.map().axes());
    StringBuilder sb = new StringBuilder("# stability: " + range + ": changed");
    for (String line : changes(study, letters)) {
      sb.append("\n#   ").append(line);
    }
    return sb.toString();
  }

  /** Each change in words, e.g. {@code cell 3 (free evolution): region a - 1 >= 0; ... -> ...}. */
  static List<String> changes(RegimeStudy study, List<String> letters) {
    return changes(study, letters, false);
  }

  /** Each change in words, as plain text or as LaTeX text (with inline formulas). */
  static List<String> changes(RegimeStudy study, List<String> letters, boolean latex) {
    List<String> out = new ArrayList<>();
    String arrow = latex ? " $\\to$ " : " -> ";
    for (RegimeStudy.Change ch : study.changes()) {
      RegimeCell c = ch.current().orElse(null);
      RegimeCell o = ch.previous().orElse(null);
      String who = c != null ? "cell " + c.id() + " (" + name(c.name(), latex) + ")"
          : "cell " + o.id() + " of orders " + range(study.previous().orElseThrow().maxOrder(), latex)
              + " (" + name(o.name(), latex) + ")";
      String what = switch (ch.kind()) {
        case TIME_SCALE -> time(o, letters, latex) + arrow + time(c, letters, latex);
        case REGION -> "region " + region(o, letters, latex) + arrow + region(c, letters, latex);
        case REGION_AND_TIME_SCALE -> "region " + region(o, letters, latex) + arrow + region(c, letters, latex)
            + ", " + time(o, letters, latex) + arrow + time(c, letters, latex);
        case NEW -> "new";
        case GONE -> "gone";
      };
      String why = ch.explanation().isEmpty() ? "" : " (" + (latex ? Latex.text(ch.explanation()) : ch.explanation()) + ")";
      out.add(who + ": " + what + why);
    }
    return out;
  }

  private static String name(RegimeName n, boolean latex) {
    return latex ? latexName(n) : name(n);
  }

  private static String range(int maxOrder, boolean latex) {
    return latex ? "$0$ to $" + maxOrder + "$" : "0.." + maxOrder;
  }

  /** {@code c -(1/2)a - b}, or {@code c none}; in LaTeX {@code $c = ...$}. */
  private static String time(RegimeCell c, List<String> letters, boolean latex) {
    if (c.timeExponent().isEmpty()) {
      return latex ? "no time scale" : "c none";
    }
    String t = Exponents.affine(c.timeExponent(), letters, latex);
    return latex ? "$c = " + t + "$" : "c " + t;
  }

  /**
   * The map as JSON: axes, cells (with {@code "name": null} when unnamed), vertices with their
   * limits, and the changes from {@code S-1}.
   */
  public static String json(Model model, RegimeStudy study) {
    RegimeMap map = study.map();
    List<String> letters = Exponents.letters(map.axes());
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("model", Json.model(model));
    root.put("observable", "loss");
    root.put("max_order", map.maxOrder());
    ArrayNode axes = root.putArray("axes");
    for (Variable v : map.axes()) {
      axes.addObject().put("variable", v.name()).put("exponent", Exponents.letter(v))
          .put("constant", Ray.constantOf(v).name());
    }
    ArrayNode cells = root.putArray("cells");
    for (RegimeCell c : map.cells()) {
      ObjectNode o = cells.addObject();
      o.put("id", c.id());
      name(o, c.name());
      ArrayNode ineq = o.putArray("inequalities");
      for (Polyhedron.Inequality q : c.facets()) {
        ObjectNode qn = ineq.addObject();
        qn.set("affine", Json.affine(q.row(), letters));
        qn.put("text", Exponents.affine(q.row(), letters, false) + " >= 0");
      }
      ArrayNode verts = o.putArray("vertices");
      c.vertices().forEach(v -> verts.add(point(v)));
      o.put("bounded", c.bounded());
      o.set("interior_point", point(c.interiorPoint()));
      o.set("norm_exponent", Json.affine(c.normExponent(), letters));
      if (!c.timeExponent().isEmpty()) {
        o.set("time_exponent", Json.affine(c.timeExponent(), letters));
      }
      ArrayNode surv = o.putArray("surviving_orders");
      c.survivingOrders().forEach(surv::add);
      o.put("limit_shape", shape(c.limit(), false));
      ArrayNode lead = o.putArray("leading");
      for (Map.Entry<Integer, Monomial> e : c.leading().entrySet()) {
        lead.addObject().put("s", e.getKey()).set("powers", Json.powers(e.getValue()));
      }
      o.set("limit", polynomialsJson(c.limit()));
    }
    ArrayNode vertices = root.putArray("vertices");
    for (RegimeVertex v : map.vertices()) {
      ObjectNode o = vertices.addObject();
      o.set("point", point(v.point()));
      ArrayNode ids = o.putArray("cells");
      v.cells().forEach(ids::add);
      name(o, v.name());
      o.put("norm_exponent", v.limit().normExponent().toString());
      v.limit().timeExponent().ifPresent(t -> o.put("time_exponent", t.toString()));
      ArrayNode surv = o.putArray("surviving_orders");
      v.limit().survivingOrders().forEach(surv::add);
      o.set("limit", limitJson(v.limit().orderLimits()));
    }
    ArrayNode facesNode = root.putArray("faces");
    for (RegimeStudy.VertexFaces vf : study.faces()) {
      ObjectNode o = facesNode.addObject();
      o.set("point", point(vf.point()));
      o.put("shape", vf.faces().shape());
      o.put("order", vf.faces().order());
      ArrayNode list = o.putArray("faces");
      for (Faces.Face f : vf.faces().faces()) {
        ObjectNode fo = list.addObject();
        model.faceName(map.axes(), f.normal()).ifPresentOrElse(n -> fo.put("name", n), () -> fo.putNull("name"));
        ArrayNode normal = fo.putArray("normal");
        for (long x : f.normal()) {
          normal.add(x);
        }
        ObjectNode ray = fo.putObject("ray");
        f.exponents().forEach((v, a) -> ray.put(v.name(), a.toString()));
        fo.put("norm_exponent", f.limit().normExponent().toString());
        f.limit().timeExponent().ifPresent(t -> fo.put("time_exponent", t.toString()));
        ArrayNode surv = fo.putArray("surviving_orders");
        f.limit().survivingOrders().forEach(surv::add);
        fo.set("limit", polynomialsJson(f.parts()));
      }
      ArrayNode walls = o.putArray("walls");
      for (Faces.Wall w : vf.faces().walls()) {
        ObjectNode wo = walls.addObject();
        ArrayNode between = wo.putArray("between");
        between.add(faceName(model, map.axes(), vf.faces().faces().get(w.first())));
        between.add(faceName(model, map.axes(), vf.faces().faces().get(w.second())));
        ArrayNode direction = wo.putArray("direction");
        for (long x : w.direction()) {
          direction.add(x);
        }
        ObjectNode ray = wo.putObject("ray");
        w.exponents().forEach((v, a) -> ray.put(v.name(), a.toString()));
        wo.put("norm_exponent", w.limit().normExponent().toString());
        w.limit().timeExponent().ifPresent(t -> wo.put("time_exponent", t.toString()));
        ArrayNode surv = wo.putArray("surviving_orders");
        w.limit().survivingOrders().forEach(surv::add);
        wo.set("limit", polynomialsJson(w.parts()));
      }
    }
    root.put("stable", study.isStable());
    ArrayNode changes = root.putArray("changes");
    changes(study, letters).forEach(changes::add);
    return Json.write(root);
  }

  /** {@code "name": "NTK/lazy"}, or {@code "name": null} for an unnamed regime. */
  private static void name(ObjectNode o, RegimeName n) {
    n.label().ifPresentOrElse(l -> o.put("name", l), () -> o.putNull("name"));
  }

  /** {@code [{"s": 0, "coef": "1/2 - h*v"}, ...]}: each limit coefficient as exact text. */
  static ArrayNode polynomialsJson(List<Polynomial> limit) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (int s = 0; s < limit.size(); s++) {
      a.addObject().put("s", s).put("coef", limit.get(s).toString());
    }
    return a;
  }

  /**
   * Each order's limit: {@code {"s": 0, "coef": "1/2 - h*v"}} when bounded;
   * {@code {"s": 1, "coef": null, "diverges": true, "growth": "1/4", "leading_part": "-2*h*v"}}
   * when {@code p^(c s - e) c_s ~ leading_part p^growth} diverges.
   */
  static ArrayNode limitJson(List<RayLimit.OrderLimit> limit) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (int s = 0; s < limit.size(); s++) {
      ObjectNode o = a.addObject().put("s", s);
      if (limit.get(s) instanceof RayLimit.Diverging d) {
        o.putNull("coef");
        o.put("diverges", true);
        o.put("growth", d.growth().toString());
        o.put("leading_part", d.leadingPart().toString());
      } else {
        o.put("coef", ((RayLimit.Bounded) limit.get(s)).value().toString());
      }
    }
    return a;
  }

  private static ArrayNode point(List<Rational> x) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    x.forEach(r -> a.add(r.toString()));
    return a;
  }

  /** Column widths of the LaTeX summary table: the regime's name and the limit's shape wrap. */
  private static final String TABLE_COLUMNS = "@{}r p{0.42\\linewidth} l p{0.28\\linewidth}@{}";

  /**
   * The map for a paper: a summary table of the cells (number, regime, surviving orders, shape of
   * the limit) that fits the text width, then one paragraph per cell headed by its number and
   * regime, with its region, vertices, {@code e}, {@code c}, leading monomials and limit series,
   * then the vertices and the stability from {@code S-1} to {@code S}.
   */
  public static String latex(Model model, RegimeStudy study) {
    RegimeMap map = study.map();
    List<String> letters = Exponents.letters(map.axes());
    StringBuilder sb = new StringBuilder(Latex.requires());
    sb.append("% gfd: regime map of ").append(model.describe()).append(" from orders 0..")
        .append(map.maxOrder()).append("; ").append(rayLine(map.axes())).append('\n');
    sb.append(Latex.comment(stability(study).replace("# ", "")));
    sb.append("\\paragraph{Regime map} of ").append(Latex.text(model.describe())).append(" from orders $0$ to $")
        .append(map.maxOrder()).append("$, on rays ");
    for (Variable v : map.axes()) {
      sb.append('$').append(Latex.power(v, 1)).append(" = ").append(Ray.constantOf(v).name()).append("\\,p^{")
          .append(Exponents.letter(v)).append("}$, ");
    }
    sb.append("time $t = p^{c}\\tau$, loss normalized by $p^{e}$.\n\n");
    sb.append("\\noindent\\begin{tabular}{").append(TABLE_COLUMNS).append("}\n");
    sb.append("  cell & regime & orders & limit \\\\ \\hline\n");
    for (RegimeCell c : map.cells()) {
      sb.append("  ").append(c.id()).append(" & ").append(latexName(c.name())).append(" & ")
          .append(Exponents.orders(c.survivingOrders())).append(" & ").append(shape(c.limit(), true))
          .append(" \\\\\n");
    }
    sb.append("\\end{tabular}\n");
    for (RegimeCell c : map.cells()) {
      String title = "cell " + c.id() + " (" + c.name() + ")";
      sb.append("\n% ").append(title).append('\n');
      sb.append("\\paragraph{Cell ").append(c.id()).append(": ").append(latexName(c.name())).append(".}\n");
      sb.append("Region ").append(region(c, letters, true)).append("; vertices ").append(vertices(c, true))
          .append(".\n");
      sb.append("Normalization $e = ").append(Exponents.affine(c.normExponent(), letters, true))
          .append("$, time exponent ")
          .append(c.timeExponent().isEmpty() ? "none" : "$c = " + Exponents.affine(c.timeExponent(), letters, true) + "$")
          .append("; surviving orders ").append(Exponents.orders(c.survivingOrders())).append("; limit ")
          .append(shape(c.limit(), true)).append(".\n");
      sb.append("Leading monomials:");
      String sep = " ";
      for (Map.Entry<Integer, Monomial> e : c.leading().entrySet()) {
        sb.append(sep).append("$c_{").append(e.getKey()).append("}$: $").append(Latex.monomialOrOne(e.getValue()))
            .append('$');
        sep = "; ";
      }
      sb.append(".\n");
      sb.append(limitLatex("cell " + c.id() + " (" + c.name() + ")", c.limit()));
    }
    if (!map.vertices().isEmpty()) {
      sb.append("\n\\paragraph{Vertices of the map.}\n\\begin{itemize}\n");
      for (RegimeVertex v : map.vertices()) {
        RayLimit l = v.limit();
        sb.append("  \\item $").append(Exponents.point(v.point(), true)).append("$, cells ")
            .append(String.join(", ", v.cells().stream().map(String::valueOf).toList()))
            .append(v.name().label().map(n -> " (" + Latex.text(n) + ")").orElse(""))
            .append(": $e = ").append(Latex.rational(l.normExponent())).append("$, ")
            .append(l.timeExponent().map(t -> "$c = " + Latex.rational(t) + "$").orElse("no time scale"))
            .append(", surviving orders ").append(Exponents.orders(l.survivingOrders())).append(".\n");
      }
      sb.append("\\end{itemize}\n");
    }
    for (RegimeStudy.VertexFaces vf : study.faces()) {
      sb.append("\n\\paragraph{Faces at $").append(Exponents.point(vf.point(), true)).append("$.} ")
          .append(Latex.text("A " + vf.faces().shape() + ": the facets of the Newton polytope of")).append(" $\\hat c_{")
          .append(vf.faces().order()).append("}$ ").append(Latex.text("in the constants; each normal is the direction the exponents "))
          .append("$").append(letters(map.axes())).append("$ ")
          .append(Latex.text("move in, and the face is the regime reached that way.")).append("\n\n");
      sb.append("\\begin{tabular}{@{}lllll l@{}}\nface & normal & ray inside & $e$ & $c$ & surviving orders \\\\\n\\hline\n");
      for (Faces.Face f : vf.faces().faces()) {
        sb.append(faceRow(model, map.axes(), f, true)).append(" \\\\\n");
      }
      sb.append("\\end{tabular}\n\n").append(Latex.text("The walls between two faces (edges of the polytope, where both ratios "
          + "degenerate at once):")).append("\n\n");
      sb.append("\\begin{tabular}{@{}lllll l@{}}\nwall between & direction & ray inside & $e$ & $c$ & surviving orders \\\\\n\\hline\n");
      for (Faces.Wall w : vf.faces().walls()) {
        sb.append(wallRow(model, map.axes(), vf.faces(), w, true)).append(" \\\\\n");
      }
      sb.append("\\end{tabular}\n");
    }
    sb.append(stabilityLatex(study, letters));
    return sb.toString();
  }

  /** A regime's name in LaTeX text: its label, or {@code unnamed}. */
  private static String latexName(RegimeName n) {
    return Latex.text(n.label().orElse("unnamed"));
  }

  /** The stability from {@code S-1} to {@code S} as a visible paragraph with one item per change. */
  private static String stabilityLatex(RegimeStudy study, List<String> letters) {
    StringBuilder sb = new StringBuilder("\n\\paragraph{Stability.}\n");
    if (study.previous().isEmpty()) {
      return sb.append("Not checked (it needs orders $0$ to $S$ with $S \\ge 2$).\n").toString();
    }
    sb.append("From orders $0$ to $").append(study.previous().get().maxOrder()).append("$ to orders $0$ to $")
        .append(study.map().maxOrder()).append("$ the map ");
    if (study.isStable()) {
      return sb.append("is unchanged.\n").toString();
    }
    sb.append("changed:\n\\begin{itemize}\n");
    for (String line : changes(study, letters, true)) {
      sb.append("  \\item ").append(line).append('\n');
    }
    return sb.append("\\end{itemize}\n").toString();
  }

  /**
   * The limit series {@code E[L]/p^e -> sum_s hat c_s tau^s/s!} of a cell as an {@code align*},
   * after a comment naming it ({@code title}).
   */
  static String limitLatex(String title, List<Polynomial> limit) {
    StringBuilder sb = new StringBuilder();
    sb.append("% limit series in ").append(title).append(": E[L]/p^e -> sum_s hat c_s tau^s/s!\n");
    sb.append("Limit series $\\mathbb{E}\\,L/p^{e} \\to \\sum_{s} \\hat c_s \\tau^s/s!$:\n");
    sb.append("\\begin{align*}\n");
    for (int s = 0; s < limit.size(); s++) {
      sb.append("  \\hat c_{").append(s).append("} &= ").append(Latex.polynomial(limit.get(s)))
          .append(s + 1 < limit.size() ? "," + Latex.LINE_END : ".\n");
    }
    sb.append("\\end{align*}\n");
    return sb.toString();
  }
}
