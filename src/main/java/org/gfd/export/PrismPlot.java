package org.gfd.export;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gfd.scaling.Faces;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The Newton polytope of a point's limit coefficients drawn in an oblique projection, each facet
 * outlined and labelled with the regime it is (its name from the model file, else its outer
 * normal) at its centre: for the autoencoder, the triangular prism of its five regimes. The axis
 * that recedes (up and to the right) is one along which the polytope is a prism, when it is (a
 * triangular facet normal to it), else the third; the other two are the picture's axes.
 */
public final class PrismPlot {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 700;
  /** How far one unit of the third exponent moves a point right and up. */
  private static final double DEPTH_X = 0.55;
  private static final double DEPTH_Y = 0.35;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
      new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

  private PrismPlot() {}

  /**
   * The polytope drawn as an image file's bytes.
   *
   * @param constants the names of the three constants, in the order of the faces' exponent vectors
   * @param name the model's name for a facet with a given outer normal
   */
  public static byte[] render(Faces.Result result, List<String> constants, Function<long[], Optional<String>> name,
      String title, RegimePlot.ImageFormat format) {
    int depth = 2;
    for (Faces.Face f : result.faces()) {
      for (int i = 0; i < 3; i++) {
        if (f.corners() == 3 && Math.abs(f.normal()[i]) == 1 && f.normal()[(i + 1) % 3] == 0 && f.normal()[(i + 2) % 3] == 0) {
          depth = i;
        }
      }
    }
    int across = depth == 0 ? 1 : 0;
    int up = depth == 2 ? 1 : 2;
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("exponent of " + constants.get(across) + "  (the exponent of " + constants.get(depth) + " recedes up and right)")
        .yAxisTitle("exponent of " + constants.get(up)).build();
    chart.getStyler().setLegendVisible(false);
    int k = 0;
    for (Faces.Face f : result.faces()) {
      List<long[]> corners = corners(f.points(), f.normal());
      double[] x = new double[corners.size() + 1];
      double[] y = new double[corners.size() + 1];
      double cx = 0;
      double cy = 0;
      for (int i = 0; i <= corners.size(); i++) {
        long[] q = corners.get(i % corners.size());
        x[i] = q[across] + DEPTH_X * q[depth];
        y[i] = q[up] + DEPTH_Y * q[depth];
        if (i < corners.size()) {
          cx += x[i] / corners.size();
          cy += y[i] / corners.size();
        }
      }
      XYSeries s = chart.addSeries("face" + k, x, y);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineColor(COLORS[k % COLORS.length]);
      s.setMarkerColor(COLORS[k % COLORS.length]);
      chart.addAnnotation(new AnnotationText(label(f, name), cx, cy, false));
      k++;
    }
    return RegimePlot.encode(chart, format);
  }

  /** A facet's label: the model's name for it and its outer normal, {@code large data (0, 1, 0)}. */
  static String label(Faces.Face f, Function<long[], Optional<String>> name) {
    return (name.apply(f.normal()).orElse("") + " " + RegimeWriter.normal(f.normal())).strip();
  }

  /**
   * The vertices of a planar facet in order around it: the convex hull of its points, projected on
   * the two coordinates the normal leaves free (the one with the largest normal component dropped).
   */
  static List<long[]> corners(List<long[]> points, long[] normal) {
    int drop = 0;
    for (int i = 1; i < 3; i++) {
      if (Math.abs(normal[i]) > Math.abs(normal[drop])) {
        drop = i;
      }
    }
    int u = drop == 0 ? 1 : 0;
    int v = drop == 2 ? 1 : 2;
    List<long[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.<long[]>comparingLong(p -> p[u]).thenComparingLong(p -> p[v]));
    // Andrew's monotone chain on (p[u], p[v])
    List<long[]> hull = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      int start = hull.size();
      for (long[] p : sorted) {
        while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p, u, v) <= 0) {
          hull.remove(hull.size() - 1);
        }
        hull.add(p);
      }
      hull.remove(hull.size() - 1);
      java.util.Collections.reverse(sorted);
    }
    return hull.isEmpty() ? points : hull;
  }

  private static long cross(long[] o, long[] a, long[] b, int u, int v) {
    return (a[u] - o[u]) * (b[v] - o[v]) - (a[v] - o[v]) * (b[u] - o[u]);
  }
}
