package org.gfd.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gfd.model.Model;
import org.gfd.series.LossSeries;

/** Writes a loss series as text, JSON or LaTeX. */
public final class SeriesWriter {
  private SeriesWriter() {}

  /** The series in {@code format}. */
  public static String write(LossSeries series, Format format) {
    return switch (format) {
      case TEXT -> text(series);
      case JSON -> json(series);
      case LATEX -> latex(series);
    };
  }

  /** One line per coefficient: {@code c_1 = -2*p*H*sigma2 - ...}. */
  public static String text(LossSeries series) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(series.model().describe())
        .append("; observable: ").append(series.observable()).append("; E[")
        .append(series.observable().equals(Model.LOSS) ? "L" : series.observable()).append("(t)] = sum_s c_s t^s/s!\n");
    for (int s = 0; s <= series.maxOrder(); s++) {
      sb.append("c_").append(s).append(" = ").append(series.coefficient(s)).append('\n');
    }
    primesNote(series).forEach(line -> sb.append("# ").append(line).append('\n'));
    series.stopReason().ifPresent(r -> sb.append("# stopped: ").append(r).append('\n'));
    return sb.toString();
  }

  /**
   * {@code {"model": {...}, "observable": "loss", "coefficients": [{"s": 0, "terms": [...]}, ...]}};
   * a series stopped early also has {@code "stopped": reason}.
   */
  public static String json(LossSeries series) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("model", Json.model(series.model()));
    root.put("observable", series.observable());
    ArrayNode coefs = root.putArray("coefficients");
    for (int s = 0; s <= series.maxOrder(); s++) {
      ObjectNode c = coefs.addObject();
      c.put("s", s);
      c.set("terms", Json.terms(series.coefficient(s)));
      if (!constrainedKinds(series.model()).isEmpty()) {
        ArrayNode primes = c.putArray("exceptionalPrimes");
        series.exceptionalPrimes(s).forEach(primes::add);
      }
    }
    series.stopReason().ifPresent(r -> root.put("stopped", r.toString()));
    return Json.write(root);
  }

  /**
   * An {@code align*} block: the series and each {@code c_s}, ready to paste into a paper (with
   * {@link Latex#REQUIRED_PACKAGES}); the page may break between lines, so long series run over
   * pages. A series stopped early says so visibly after the block.
   */
  public static String latex(LossSeries series) {
    StringBuilder sb = new StringBuilder(Latex.requires());
    sb.append("% gfd: exact loss series of ").append(series.model().describe()).append('\n');
    boolean loss = series.observable().equals(Model.LOSS);
    if (!loss) {
      sb.append("% observable: ").append(series.observable()).append(", the flow following the loss\n");
    }
    sb.append("% E[").append(loss ? "L" : series.observable()).append("(t)] = sum_s c_s t^s / s!, initialization N(0, sigma^2)\n");
    series.stopReason().ifPresent(r -> sb.append(Latex.comment("stopped: " + r)));
    sb.append("\\begin{align*}\n");
    sb.append("  \\mathbb{E}\\,").append(loss ? "L" : "\\text{" + Latex.text(series.observable()) + "}")
        .append("(t) &= \\sum_{s \\ge 0} c_s \\frac{t^s}{s!},");
    for (int s = 0; s <= series.maxOrder(); s++) {
      sb.append(Latex.LINE_END).append("  c_{").append(s).append("} &= ").append(Latex.polynomial(series.coefficient(s)));
      sb.append(s == series.maxOrder() ? "." : ",");
    }
    sb.append("\n\\end{align*}\n");
    primesNote(series).forEach(line -> sb.append(Latex.comment(line)));
    series.stopReason().ifPresent(r -> sb.append("\\noindent\\emph{Orders $0$ to $").append(series.maxOrder())
        .append("$ only: the computation stopped (").append(Latex.text(r.toString())).append(").}\n"));
    return sb.toString();
  }

  /**
   * For a model with constant tensors: which sizes the coefficients are for (primes) and, per
   * order, the primes at which they may not hold; nothing for other models.
   */
  static List<String> primesNote(LossSeries series) {
    List<String> kinds = constrainedKinds(series.model());
    if (kinds.isEmpty()) {
      return List.of();
    }
    String sizes = String.join(", ", kinds);
    List<String> lines = new ArrayList<>();
    lines.add("constant tensors count solutions of linear equations modulo " + sizes
        + ": the coefficients are for prime " + sizes);
    for (int s = 0; s <= series.maxOrder(); s++) {
      List<BigInteger> primes = series.exceptionalPrimes(s);
      if (!primes.isEmpty()) {
        lines.add("c_" + s + " may not hold at " + sizes + " = " + primes.stream().map(BigInteger::toString)
            .collect(Collectors.joining(", ")) + ", where some of those equations lose rank");
      }
    }
    return lines;
  }

  /** The names of the sizes of the kinds of the model's constant tensors' legs. */
  private static List<String> constrainedKinds(Model model) {
    return model.species().stream().filter(sp -> !sp.gaussian())
        .map(sp -> sp.legKinds().get(0).size().toString()).distinct().toList();
  }
}
