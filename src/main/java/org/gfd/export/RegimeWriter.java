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
import org.gfd.scaling.LimitShape;
import org.gfd.scaling.Polyhedron;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RayLimit;
import org.gfd.scaling.RegimeCell;
import org.gfd.scaling.RegimeMap;
import org.gfd.scaling.RegimeStudy;
import org.gfd.scaling.RegimeVertex;

/** Writes regime maps as a text table, JSON or LaTeX. */
public final class RegimeWriter {
  private RegimeWriter() {}

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

  static String shape(List<Polynomial> limit) {
    LimitShape shape = LimitShape.of(limit);
    return switch (shape) {
      case GEOMETRIC -> "exponential";
      case BINOMIAL -> "power law (1 + k tau)^(" + LimitShape.binomialExponent(limit) + ")";
      case OTHER -> "other";
    };
  }

  static String region(RegimeCell c, List<String> letters, boolean latex) {
    StringBuilder sb = new StringBuilder();
    for (Polyhedron.Inequality q : c.facets()) {
      if (sb.length() > 0) {
        sb.append(latex ? ",\\ " : "; ");
      }
      sb.append(Exponents.affine(q.row(), letters, latex)).append(latex ? " \\ge 0" : " >= 0");
    }
    return sb.toString();
  }

  static String vertices(RegimeCell c, boolean latex) {
    String vs = String.join(", ", c.vertices().stream().map(v -> Exponents.point(v, latex)).toList());
    if (vs.isEmpty()) {
      vs = "none";
    }
    return c.bounded() ? vs : vs + (latex ? ", unbounded" : ", unbounded");
  }

  private static String name(String n) {
    return n.isEmpty() ? "-" : n;
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
          .append(" | ").append(Exponents.orders(c.survivingOrders())).append(" | ").append(shape(c.limit()))
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
          .append(v.name().isEmpty() ? "" : " (" + v.name() + ")")
          .append("; e = ").append(l.normExponent())
          .append(", c = ").append(l.timeExponent().map(Rational::toString).orElse("none"))
          .append(", surviving orders ").append(Exponents.orders(l.survivingOrders())).append('\n');
    }
    sb.append(stability(study)).append('\n');
    return sb.toString();
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
    List<String> out = new ArrayList<>();
    for (RegimeStudy.Change ch : study.changes()) {
      RegimeCell c = ch.current().orElse(null);
      RegimeCell o = ch.previous().orElse(null);
      String who = c != null ? "cell " + c.id() + " (" + name(c.name()) + ")"
          : "cell " + o.id() + " of orders 0.." + study.previous().orElseThrow().maxOrder() + " (" + name(o.name()) + ")";
      String what = switch (ch.kind()) {
        case TIME_SCALE -> "c " + time(o, letters) + " -> " + time(c, letters);
        case REGION -> "region " + region(o, letters, false) + " -> " + region(c, letters, false);
        case REGION_AND_TIME_SCALE -> "region " + region(o, letters, false) + " -> " + region(c, letters, false)
            + ", c " + time(o, letters) + " -> " + time(c, letters);
        case NEW -> "new";
        case GONE -> "gone";
      };
      out.add(who + ": " + what + (ch.explanation().isEmpty() ? "" : " (" + ch.explanation() + ")"));
    }
    return out;
  }

  private static String time(RegimeCell c, List<String> letters) {
    return c.timeExponent().isEmpty() ? "none" : Exponents.affine(c.timeExponent(), letters, false);
  }

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
      o.put("name", c.name());
      ArrayNode ineq = o.putArray("inequalities");
      for (Polyhedron.Inequality q : c.facets()) {
        ObjectNode qn = ineq.addObject();
        qn.set("affine", affine(q.row(), letters));
        qn.put("text", Exponents.affine(q.row(), letters, false) + " >= 0");
      }
      ArrayNode verts = o.putArray("vertices");
      c.vertices().forEach(v -> verts.add(point(v)));
      o.put("bounded", c.bounded());
      o.set("interior_point", point(c.interiorPoint()));
      o.set("norm_exponent", affine(c.normExponent(), letters));
      if (!c.timeExponent().isEmpty()) {
        o.set("time_exponent", affine(c.timeExponent(), letters));
      }
      ArrayNode surv = o.putArray("surviving_orders");
      c.survivingOrders().forEach(surv::add);
      o.put("limit_shape", shape(c.limit()));
      ArrayNode lead = o.putArray("leading");
      for (Map.Entry<Integer, Monomial> e : c.leading().entrySet()) {
        lead.addObject().put("s", e.getKey()).set("powers", Json.powers(e.getValue()));
      }
      o.set("limit", limitJson(c.limit()));
    }
    ArrayNode vertices = root.putArray("vertices");
    for (RegimeVertex v : map.vertices()) {
      ObjectNode o = vertices.addObject();
      o.set("point", point(v.point()));
      ArrayNode ids = o.putArray("cells");
      v.cells().forEach(ids::add);
      o.put("name", v.name());
      o.put("norm_exponent", v.limit().normExponent().toString());
      v.limit().timeExponent().ifPresent(t -> o.put("time_exponent", t.toString()));
      ArrayNode surv = o.putArray("surviving_orders");
      v.limit().survivingOrders().forEach(surv::add);
      o.set("limit", limitJson(v.limit().limit()));
    }
    root.put("stable", study.isStable());
    ArrayNode changes = root.putArray("changes");
    changes(study, letters).forEach(changes::add);
    return Json.write(root);
  }

  /** {@code [{"s": 0, "coef": "1/2 - h*v"}, ...]}: each limit coefficient as exact text. */
  static ArrayNode limitJson(List<Polynomial> limit) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (int s = 0; s < limit.size(); s++) {
      a.addObject().put("s", s).put("coef", limit.get(s).toString());
    }
    return a;
  }

  private static ObjectNode affine(List<Rational> row, List<String> letters) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("constant", row.get(0).toString());
    for (int i = 1; i < row.size(); i++) {
      o.put(letters.get(i - 1), row.get(i).toString());
    }
    return o;
  }

  private static ArrayNode point(List<Rational> x) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    x.forEach(r -> a.add(r.toString()));
    return a;
  }

  /** A {@code tabular} of the cells, then the limit series of each cell as an {@code align*}. */
  public static String latex(Model model, RegimeStudy study) {
    RegimeMap map = study.map();
    List<String> letters = Exponents.letters(map.axes());
    StringBuilder sb = new StringBuilder();
    sb.append("% gfd: regime map of ").append(model.describe()).append(" from orders 0..")
        .append(map.maxOrder()).append("; ").append(rayLine(map.axes())).append('\n');
    sb.append(stability(study).replace("# ", "% ")).append('\n');
    sb.append("\\begin{tabular}{rllllll}\n");
    sb.append("  cell & regime & region & $e$ & $c$ & surviving orders & limit \\\\ \\hline\n");
    for (RegimeCell c : map.cells()) {
      sb.append("  ").append(c.id()).append(" & ").append(name(c.name())).append(" & $")
          .append(region(c, letters, true)).append("$ & $")
          .append(Exponents.affine(c.normExponent(), letters, true)).append("$ & $")
          .append(c.timeExponent().isEmpty() ? "-" : Exponents.affine(c.timeExponent(), letters, true))
          .append("$ & ").append(Exponents.orders(c.survivingOrders())).append(" & ")
          .append(shape(c.limit()).replace("tau", "$\\tau$")).append(" \\\\\n");
    }
    sb.append("\\end{tabular}\n");
    for (RegimeCell c : map.cells()) {
      sb.append(limitLatex("cell " + c.id() + (c.name().isEmpty() ? "" : " (" + c.name() + ")"), c.limit()));
    }
    return sb.toString();
  }

  /** The limit series {@code E[L]/p^e -> sum_s hat c_s tau^s/s!} as an {@code align*}. */
  public static String limitLatex(String title, List<Polynomial> limit) {
    StringBuilder sb = new StringBuilder();
    sb.append("% limit series in ").append(title).append(": E[L]/p^e -> sum_s hat c_s tau^s/s!\n");
    sb.append("\\begin{align*}\n");
    for (int s = 0; s < limit.size(); s++) {
      sb.append("  \\hat c_{").append(s).append("} &= ").append(Latex.polynomial(limit.get(s)))
          .append(s + 1 < limit.size() ? ", \\\\\n" : ".\n");
    }
    sb.append("\\end{align*}\n");
    return sb.toString();
  }
}
