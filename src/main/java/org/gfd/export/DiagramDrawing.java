package org.gfd.export;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfd.diagram.Diagram;
import org.gfd.network.LegEdge;
import org.gfd.network.NetworkVertex;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Drawings of one diagram: tensor nodes as boxes, index classes as small circles labelled by their
 * kind, legs as lines, Wick pairs as dashed lines.
 */
public final class DiagramDrawing {
  /** Drawing formats. */
  public enum Style { DOT, TIKZ }

  /** Radius of the circle the TikZ drawing places vertices on, in cm. */
  private static final double TIKZ_RADIUS_CM = 3.0;

  private DiagramDrawing() {}

  public static String draw(Diagram d, Style style) {
    return style == Style.DOT ? dot(d) : tikz(d);
  }

  /** Graphviz DOT, written by JGraphT's exporter. */
  public static String dot(Diagram d) {
    Graph<NetworkVertex, LegEdge> g = d.toGraph();
    DOTExporter<NetworkVertex, LegEdge> exporter = new DOTExporter<>(DiagramDrawing::id);
    exporter.setVertexAttributeProvider(v -> {
      Map<String, Attribute> a = new LinkedHashMap<>();
      if (v instanceof NetworkVertex.NodeVertex n) {
        a.put("shape", DefaultAttribute.createAttribute("box"));
        a.put("label", DefaultAttribute.createAttribute(n.species()));
      } else if (v instanceof NetworkVertex.ClassVertex c) {
        a.put("shape", DefaultAttribute.createAttribute("circle"));
        a.put("label", DefaultAttribute.createAttribute(c.kind()));
      }
      return a;
    });
    exporter.setEdgeAttributeProvider(e -> {
      Map<String, Attribute> a = new LinkedHashMap<>();
      if (e.position() < 0) {
        a.put("style", DefaultAttribute.createAttribute("dashed"));
      } else {
        a.put("label", DefaultAttribute.createAttribute(Integer.toString(e.position() + 1)));
      }
      return a;
    });
    StringWriter w = new StringWriter();
    exporter.exportGraph(g, w);
    return w.toString();
  }

  private static String id(NetworkVertex v) {
    if (v instanceof NetworkVertex.NodeVertex n) {
      return "n" + n.index();
    }
    return "c" + ((NetworkVertex.ClassVertex) v).index();
  }

  /**
   * A TikZ picture (after {@link Latex#requires()}); vertices on a circle in breadth-first order so
   * that neighbours sit close.
   */
  public static String tikz(Diagram d) {
    Graph<NetworkVertex, LegEdge> g = d.toGraph();
    List<NetworkVertex> order = new ArrayList<>();
    for (NetworkVertex start : g.vertexSet()) {
      if (!order.contains(start)) {
        new BreadthFirstIterator<>(g, start).forEachRemaining(order::add);
      }
    }
    StringBuilder sb = new StringBuilder(Latex.requires()).append("\\begin{tikzpicture}\n");
    for (int i = 0; i < order.size(); i++) {
      NetworkVertex v = order.get(i);
      double angle = 360.0 * i / order.size();
      String style;
      String label;
      if (v instanceof NetworkVertex.NodeVertex n) {
        style = "draw, rectangle";
        label = "$" + speciesLatex(n.species()) + "$";
      } else {
        style = "draw, circle, inner sep=1pt";
        label = "$" + ((NetworkVertex.ClassVertex) v).kind() + "$";
      }
      sb.append(String.format(Locale.ROOT, "  \\node[%s] (%s) at (%.1f:%.1fcm) {%s};%n",
          style, id(v), angle, TIKZ_RADIUS_CM, label));
    }
    for (LegEdge e : g.edgeSet()) {
      String from = id(g.getEdgeSource(e));
      String to = id(g.getEdgeTarget(e));
      sb.append(e.position() < 0 ? "  \\draw[dashed] (" : "  \\draw (").append(from).append(") -- (")
          .append(to).append(");\n");
    }
    return sb.append("\\end{tikzpicture}\n").toString();
  }

  /** {@code U1} as {@code U_{1}}; other names as they are. */
  private static String speciesLatex(String name) {
    int i = name.length();
    while (i > 0 && Character.isDigit(name.charAt(i - 1))) {
      i--;
    }
    return i < name.length() && i > 0 ? name.substring(0, i) + "_{" + name.substring(i) + "}" : name;
  }
}
