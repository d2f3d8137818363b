package org.gfd.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.model.Model;
import org.gfd.scaling.RayLimit;
import org.gfd.scaling.Verification;
import org.gfd.summation.Attempt;
import org.gfd.summation.ClosedForm;
import org.gfd.summation.SummationResult;

/**
 * Writes what {@code gfd solve} found: the certified closed form of the limit series with its
 * strategy and the orders its certificate covers, or "no closed form found" with the series and
 * each strategy's account.
 */
public final class SolveWriter {
  private SolveWriter() {}

  public static String write(Model model, Verification v, Map<String, Rational> set, List<Polynomial> c,
      SummationResult r, Format format) {
    return switch (format) {
      case TEXT -> text(model, v, set, c, r);
      case JSON -> json(model, v, set, c, r);
      case LATEX -> latex(model, v, set, c, r);
    };
  }

  static String header(Model model, RayLimit l, Map<String, Rational> set) {
    StringBuilder sb = new StringBuilder("model: ").append(model.describe()).append("; orders 0..").append(l.maxOrder())
        .append("; ray: ").append(VerifyWriter.describe(l.ray()));
    set.forEach((k, x) -> sb.append("; ").append(k).append(" = ").append(x));
    sb.append("; F(tau) = sum_s hat c_s tau^s / s!");
    return sb.toString();
  }

  static String text(Model model, Verification v, Map<String, Rational> set, List<Polynomial> c, SummationResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(header(model, v.limit(), set)).append('\n');
    if (r.closedForm().isPresent()) {
      ClosedForm f = r.closedForm().get();
      sb.append("F(tau) = ").append(f.inputForm()).append('\n');
      sb.append("strategy: ").append(f.strategy()).append('\n');
      f.pde().ifPresent(x -> sb.append("pde: ").append(x).append('\n'));
      f.characteristics().ifPresent(x -> sb.append("characteristics: ").append(x).append('\n'));
      f.relation().ifPresent(x -> sb.append("relation: ").append(x).append('\n'));
      f.units().ifPresent(x -> sb.append("units: potential phi = ").append(x.potential()).append(", observed psi = ")
          .append(x.observed()).append(", ").append(x.multiplicity().isOne() ? "one unit" : "units " + x.multiplicity())
          .append(", weight ").append(x.scale()).append(", Marchenko-Pastur ratio ").append(x.ratio()).append('\n'));
      f.spectral().ifPresent(x -> sb.append("average: ").append(x.description()).append(" (kernel by the ")
          .append(x.kernelStrategy()).append(" strategy)\n"));
      sb.append("certified orders: ").append(Exponents.orders(f.certifiedOrders()))
          .append("; held-out orders (seen by no strategy, certified too): ").append(Exponents.orders(f.heldOutOrders())).append('\n');
    } else {
      sb.append("no closed form found\n");
      for (int s = 0; s < c.size(); s++) {
        sb.append("hat c_").append(s).append(" = ").append(c.get(s)).append('\n');
      }
    }
    for (Attempt a : r.tried()) {
      sb.append("tried ").append(a.strategy()).append(a.certified() ? " (certified): " : ": ").append(a.account()).append('\n');
    }
    return sb.toString();
  }

  static String json(Model model, Verification v, Map<String, Rational> set, List<Polynomial> c, SummationResult r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("model", Json.model(model));
    root.put("ray", VerifyWriter.describe(v.limit().ray()));
    ObjectNode setNode = root.putObject("set");
    set.forEach((k, x) -> setNode.put(k, x.toString()));
    ArrayNode coefs = root.putArray("coefficients");
    for (int s = 0; s < c.size(); s++) {
      coefs.addObject().put("s", s).put("coef", c.get(s).toString());
    }
    root.put("found", r.closedForm().isPresent());
    r.closedForm().ifPresent(f -> {
      root.put("closed_form", f.inputForm());
      root.put("latex", f.latex());
      root.put("strategy", f.strategy());
      f.pde().ifPresent(x -> root.put("pde", x));
      f.characteristics().ifPresent(x -> root.put("characteristics", x));
      f.relation().ifPresent(x -> root.put("relation", x));
      f.units().ifPresent(x -> {
        ObjectNode units = root.putObject("independent_units");
        units.put("units", x.multiplicity().toString());
        units.put("weight", x.scale().toString());
        units.put("ratio", x.ratio().toString());
        units.put("potential", x.potential().toString());
        units.put("observed", x.observed().toString());
      });
      f.spectral().ifPresent(x -> {
        ObjectNode average = root.putObject("marchenko_pastur_average");
        average.put("ratio", x.ratioValue().map(Object::toString).orElse(x.ratio()));
        average.put("mean", x.meanValue().map(Object::toString).orElse(x.mean()));
        average.put("kernel", x.kernel());
        average.put("kernel_strategy", x.kernelStrategy());
      });
      ArrayNode certified = root.putArray("certified_orders");
      f.certifiedOrders().forEach(certified::add);
      ArrayNode held = root.putArray("held_out_orders");
      f.heldOutOrders().forEach(held::add);
    });
    ArrayNode tried = root.putArray("tried");
    for (Attempt a : r.tried()) {
      tried.addObject().put("strategy", a.strategy()).put("certified", a.certified()).put("account", a.account());
    }
    return Json.write(root);
  }

  static String latex(Model model, Verification v, Map<String, Rational> set, List<Polynomial> c, SummationResult r) {
    StringBuilder sb = new StringBuilder(Latex.requires());
    sb.append(Latex.comment("gfd solve: " + header(model, v.limit(), set)));
    for (Attempt a : r.tried()) {
      sb.append(Latex.comment("tried " + a.strategy() + (a.certified() ? " (certified): " : ": ") + a.account()));
    }
    if (r.closedForm().isPresent()) {
      ClosedForm f = r.closedForm().get();
      sb.append("\\begin{equation*}\n  F(\\tau) = ").append(f.latex()).append("\n\\end{equation*}\n");
      sb.append("Found as a ").append(Latex.text(f.strategy())).append("; certified on orders $")
          .append(Exponents.orders(f.certifiedOrders())).append("$ and on the held-out orders $")
          .append(Exponents.orders(f.heldOutOrders())).append("$.\n");
      f.pde().ifPresent(x -> sb.append("The series satisfies ").append(Latex.text(x)).append(", solved by characteristics: ")
          .append(Latex.text(f.characteristics().orElse(""))).append(".\n"));
      f.relation().ifPresent(x -> sb.append("The series satisfies the algebraic relation ").append(Latex.text(x)).append(".\n"));
      f.units().ifPresent(x -> sb.append("Each of the units is a vector $w$ with $R = |w|^2$ and $A = w^\\top \\Sigma w$ "
          + "following $\\dot w = -\\nabla_w \\phi(R, A)$, so that in the eigendirection of $\\Sigma$ with eigenvalue $s$ its "
          + "squared component is $x(0)^2 e^{2 (s \\alpha + \\beta)}$; $\\mu_{\\mathrm{MP}}$ is the Marchenko--Pastur law of "
          + "$\\Sigma$.\n"));
      f.spectral().ifPresent(x -> sb.append("Here $\\mu_{\\mathrm{MP}}$ is the Marchenko--Pastur law of $X X^\\top / n$; the kernel $G$ was found by the ")
          .append(Latex.text(x.kernelStrategy())).append(" strategy and certified on its own series.\n"));
    } else {
      sb.append("No closed form found. The limit series, $F(\\tau) = \\sum_s \\hat c_s \\tau^s / s!$:\n\\begin{align*}\n");
      for (int s = 0; s < c.size(); s++) {
        sb.append("  \\hat c_{").append(s).append("} &= ").append(Latex.polynomial(c.get(s))).append(s + 1 < c.size() ? " \\\\\n" : "\n");
      }
      sb.append("\\end{align*}\n");
    }
    return sb.toString();
  }
}
