package org.gfd.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.gfd.diagram.DiagramList;
import org.gfd.diagram.Diagram;
import org.gfd.network.Network;

/** Writes a list of diagrams as text, JSON or LaTeX. */
public final class DiagramWriter {
  private DiagramWriter() {}

  /** The list in {@code format}. */
  public static String write(DiagramList list, Format format) {
    return switch (format) {
      case TEXT -> text(list);
      case JSON -> json(list);
      case LATEX -> latex(list);
    };
  }

  private static String heading(DiagramList list) {
    return list.model().describe() + "; order " + list.order() + ": " + list.diagrams().size()
        + (list.leadingOnly() ? " leading" : "") + " distinct diagrams";
  }

  /** A numbered table: coefficient (signed multiplicity), weight monomial, structure. */
  public static String text(DiagramList list) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(heading(list)).append('\n');
    sb.append("# c_").append(list.order()).append(" = sum of coefficient * weight over all diagrams = ")
        .append(list.total()).append('\n');
    sb.append("# index  coefficient  weight  diagram\n");
    List<Diagram> ds = list.diagrams();
    for (int i = 0; i < ds.size(); i++) {
      Diagram d = ds.get(i);
      sb.append(i + 1).append("  ").append(d.coefficient()).append("  ").append(d.weight())
          .append("  ").append(d.describe()).append('\n');
    }
    return sb.toString();
  }

  /**
   * {@code {"model", "observable", "order", "leading_only", "total": [terms], "diagrams": [{"index",
   * "coef", "powers", "nodes": [{"species", "classes": [...]}], "class_kinds", "pairs"}]}}.
   */
  public static String json(DiagramList list) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("model", Json.model(list.model()));
    root.put("observable", "loss");
    root.put("order", list.order());
    root.put("leading_only", list.leadingOnly());
    root.set("total", Json.terms(list.total()));
    ArrayNode arr = root.putArray("diagrams");
    List<Diagram> ds = list.diagrams();
    for (int i = 0; i < ds.size(); i++) {
      Diagram d = ds.get(i);
      Network f = d.form();
      ObjectNode o = arr.addObject();
      o.put("index", i + 1);
      o.put("coef", d.coefficient().toString());
      o.set("powers", Json.powers(d.weight()));
      ArrayNode nodes = o.putArray("nodes");
      for (int v = 0; v < f.nodeCount(); v++) {
        ObjectNode n = nodes.addObject();
        n.put("species", f.table().species(f.species(v)).name());
        ArrayNode legs = n.putArray("classes");
        for (int k = 0; k < d.legCount(v); k++) {
          legs.add(f.legClass(v, k));
        }
      }
      ArrayNode kinds = o.putArray("class_kinds");
      for (int c = 0; c < f.classCount(); c++) {
        kinds.add(f.table().kind(f.classKind(c)).name());
      }
      ArrayNode pairs = o.putArray("pairs");
      for (int[] p : d.pairs()) {
        pairs.addArray().add(p[0]).add(p[1]);
      }
    }
    return Json.write(root);
  }

  /**
   * Rows per {@code tabular}: a long list is set as several tables, one after the other, so that
   * the page can break between them (a {@code tabular} cannot break, and {@code longtable} would
   * be one more package to load); a page holds about this many rows of inline fractions.
   */
  static final int ROWS_PER_TABLE = 30;

  /**
   * The list for a paper: a heading, {@code c_S} as the sum over the diagrams, then tables of
   * index, multiplicity and weight, {@link #ROWS_PER_TABLE} rows each.
   */
  public static String latex(DiagramList list) {
    StringBuilder sb = new StringBuilder(Latex.requires());
    sb.append("% gfd: ").append(heading(list)).append('\n');
    int s = list.order();
    List<Diagram> ds = list.diagrams();
    sb.append("\\paragraph{Diagrams of order $").append(s).append("$} of ").append(Latex.text(list.model().describe()))
        .append(": ").append(ds.size()).append(list.leadingOnly() ? " leading" : "")
        .append(" distinct diagrams. Over all diagrams, $c_{").append(s)
        .append("}$ is the sum of multiplicity times weight:\n");
    sb.append("\\begin{align*}\n  c_{").append(s).append("} &= ").append(Latex.polynomial(list.total()))
        .append(".\n\\end{align*}\n");
    for (int start = 0; start < ds.size(); start += ROWS_PER_TABLE) {
      sb.append("\\par\\noindent\\begin{tabular}{rrl}\n");
      sb.append("  \\# & multiplicity & weight \\\\ \\hline\n");
      for (int i = start; i < Math.min(ds.size(), start + ROWS_PER_TABLE); i++) {
        Diagram d = ds.get(i);
        sb.append("  ").append(i + 1).append(" & $").append(Latex.rational(d.coefficient()))
            .append("$ & $").append(Latex.monomialOrOne(d.weight())).append("$ \\\\\n");
      }
      sb.append("\\end{tabular}\n");
    }
    return sb.toString();
  }
}
