package org.gfd.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.diagram.DiagramFamily;
import org.gfd.model.Model;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RayLimit;
import org.gfd.scaling.Verification;

/** Writes the verification of a ray as text, JSON or LaTeX. */
public final class VerifyWriter {
  private VerifyWriter() {}

  public static String write(Model model, Verification v, List<DiagramFamily> families, Format format) {
    return switch (format) {
      case TEXT -> text(model, v, families);
      case JSON -> json(model, v, families);
      case LATEX -> RegimeWriter.limitLatex(describe(v.limit().ray()) + " of " + model.describe()
          + " (" + v.location() + ")", v.limit().limit());
    };
  }

  /** {@code H = h p^(2), sigma2 = 1/2 p^(-1)}. */
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
    return sb.toString();
  }

  private static String verdictLine(RayLimit l) {
    return (l.isAdmissible() ? "PASS: the ray is admissible and nontrivial" : "FAIL: " + l.reason());
  }

  public static String text(Model model, Verification v, List<DiagramFamily> families) {
    RayLimit l = v.limit();
    StringBuilder sb = new StringBuilder();
    sb.append(verdictLine(l)).append('\n');
    sb.append("# model: ").append(model.describe()).append("; orders 0..").append(l.limit().size() - 1).append('\n');
    sb.append("# ray: ").append(describe(l.ray())).append('\n');
    sb.append("cell: ").append(v.location()).append('\n');
    sb.append("norm exponent e = ").append(l.normExponent())
        .append(l.ray().normExponent().isPresent() ? " (given)" : " (E_0)").append('\n');
    sb.append("time exponent c = ").append(l.timeExponent().map(Rational::toString).orElse("none"))
        .append(l.ray().timeExponent().isPresent() ? " (given)" : l.timeExponent().isPresent() ? " (min_s (e - E_s)/s)" : "")
        .append('\n');
    sb.append("# E_s:");
    for (int s = 0; s < l.orderExponents().size(); s++) {
      sb.append(" E_").append(s).append(" = ").append(l.orderExponents().get(s).map(Rational::toString).orElse("-inf")).append(';');
    }
    sb.append('\n');
    for (int s = 0; s < l.limit().size(); s++) {
      sb.append("hat c_").append(s).append(" = ").append(l.limitCoefficient(s)).append('\n');
    }
    for (int s = 0; s < l.limit().size(); s++) {
      if (l.limitCoefficient(s).isZero()) {
        continue;
      }
      sb.append("leading c_").append(s).append(":");
      for (var m : l.leadingMonomials().get(s)) {
        sb.append(' ').append(m);
        for (DiagramFamily f : families) {
          if (f.order() == s && f.weight().equals(m)) {
            sb.append(" [").append(f.diagrams().size()).append(" diagrams, multiplicity ")
                .append(f.multiplicity()).append(']');
          }
        }
      }
      sb.append('\n');
    }
    v.warning().ifPresent(w -> sb.append("# warning: ").append(w).append('\n'));
    return sb.toString();
  }

  public static String json(Model model, Verification v, List<DiagramFamily> families) {
    RayLimit l = v.limit();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("model", Json.model(model));
    root.put("ray", describe(l.ray()));
    root.put("admissible", l.isAdmissible());
    root.put("verdict", l.verdict().name().toLowerCase(Locale.ROOT));
    root.put("reason", l.reason());
    root.put("cell", v.location());
    ArrayNode ids = root.putArray("cell_ids");
    v.cells().forEach(c -> ids.add(c.id()));
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
    root.set("limit", RegimeWriter.limitJson(l.limit()));
    ArrayNode leading = root.putArray("leading");
    for (int s = 0; s < l.limit().size(); s++) {
      if (l.limitCoefficient(s).isZero()) {
        continue;
      }
      for (var m : l.leadingMonomials().get(s)) {
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
    v.warning().ifPresent(w -> root.put("warning", w));
    return Json.write(root);
  }
}
