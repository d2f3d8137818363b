package org.gfd.export;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.gfd.algebra.Rational;
import org.gfd.scaling.Polyhedron;
import org.gfd.scaling.RegimeCell;
import org.gfd.scaling.RegimeMap;
import org.gfd.scaling.RegimeVertex;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A picture of a two-dimensional regime map (XChart): the cell boundaries clipped to a window
 * around the map's vertices, each cell labelled by number and name at a point inside it, each
 * vertex marked. PNG or SVG, as bytes.
 */
public final class RegimePlot {
  /** Margin around the vertices, in exponent units, so that unbounded cells show. */
  private static final double MARGIN = 1.5;
  private static final int WIDTH = 900;
  private static final int HEIGHT = 700;

  private RegimePlot() {}

  /** The image formats a map can be drawn in. */
  public enum ImageFormat {
    PNG, SVG
  }

  /**
   * The map drawn as an image file's bytes (the caller writes them where the user asked).
   *
   * @throws IllegalArgumentException when the map is not two-dimensional
   */
  public static byte[] render(RegimeMap map, String title, ImageFormat format) {
    if (map.axes().size() != 2) {
      throw new IllegalArgumentException("only two-dimensional regime maps can be plotted");
    }
    double[] box = window(map);
    List<String> letters = Exponents.letters(map.axes());
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(letters.get(0) + "  (" + map.axes().get(0).name() + " = p^" + letters.get(0) + ")")
        .yAxisTitle(letters.get(1) + "  (" + map.axes().get(1).name() + " = p^" + letters.get(1) + ")").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(box[0]).setXAxisMax(box[1]).setYAxisMin(box[2]).setYAxisMax(box[3]);
    int series = 0;
    for (RegimeCell c : map.cells()) {
      for (Polyhedron.Inequality q : c.facets()) {
        double[][] seg = clip(q, c, box);
        if (seg != null) {
          XYSeries s = chart.addSeries("edge" + series++, seg[0], seg[1]);
          s.setMarker(SeriesMarkers.NONE);
          s.setLineColor(Color.DARK_GRAY);
        }
      }
      double[] label = labelPoint(c, box);
      chart.addAnnotation(new AnnotationText(c.id() + c.name().label().map(n -> ": " + n).orElse(""),
          label[0], label[1], false));
    }
    for (RegimeVertex v : map.vertices()) {
      XYSeries s = chart.addSeries("vertex" + series++, new double[] {d(v.point().get(0))},
          new double[] {d(v.point().get(1))});
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(v.name().isNamed() ? Color.RED : Color.BLACK);
      if (v.name().isNamed()) {
        chart.addAnnotation(new AnnotationText(v.name().label().orElseThrow(), d(v.point().get(0)),
            d(v.point().get(1)) - 0.12 * (box[3] - box[2]) / 4, false));
      }
    }
    return encode(chart, format);
  }

  /** {@code chart} drawn in {@code format}, in memory (written to a file by the caller, atomically). */
  static byte[] encode(XYChart chart, ImageFormat format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (format == ImageFormat.SVG) {
        VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      } else {
        BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("drawing into memory failed", e);
    }
    return bytes.toByteArray();
  }

  /** {@code [xmin, xmax, ymin, ymax]}: the vertices' bounding box plus a margin. */
  private static double[] window(RegimeMap map) {
    double xmin = Double.MAX_VALUE;
    double xmax = -Double.MAX_VALUE;
    double ymin = Double.MAX_VALUE;
    double ymax = -Double.MAX_VALUE;
    for (RegimeVertex v : map.vertices()) {
      double x = d(v.point().get(0));
      double y = d(v.point().get(1));
      xmin = Math.min(xmin, x);
      xmax = Math.max(xmax, x);
      ymin = Math.min(ymin, y);
      ymax = Math.max(ymax, y);
    }
    if (map.vertices().isEmpty()) {
      xmin = ymin = -1;
      xmax = ymax = 1;
    }
    return new double[] {xmin - MARGIN, xmax + MARGIN, ymin - MARGIN, ymax + MARGIN};
  }

  /** The part of facet {@code q}'s line that bounds cell {@code c}, clipped to the window. */
  private static double[][] clip(Polyhedron.Inequality q, RegimeCell c, double[] box) {
    double r0 = d(q.row().get(0));
    double r1 = d(q.row().get(1));
    double r2 = d(q.row().get(2));
    List<double[]> pts = new ArrayList<>();
    // intersections of r0 + r1 x + r2 y = 0 with the window's sides
    if (r2 != 0) {
      for (double x : new double[] {box[0], box[1]}) {
        pts.add(new double[] {x, -(r0 + r1 * x) / r2});
      }
    }
    if (r1 != 0) {
      for (double y : new double[] {box[2], box[3]}) {
        pts.add(new double[] {-(r0 + r2 * y) / r1, y});
      }
    }
    for (List<Rational> v : c.vertices()) {
      if (q.valueAt(v).isZero()) {
        pts.add(new double[] {d(v.get(0)), d(v.get(1))});
      }
    }
    List<double[]> inside = new ArrayList<>();
    for (double[] p : pts) {
      if (p[0] >= box[0] - 1e-9 && p[0] <= box[1] + 1e-9 && p[1] >= box[2] - 1e-9 && p[1] <= box[3] + 1e-9
          && holds(c, p)) {
        inside.add(p);
      }
    }
    if (inside.size() < 2) {
      return null;
    }
    double[] a = inside.get(0);
    double[] b = inside.get(0);
    double best = -1;
    for (double[] p : inside) {
      for (double[] o : inside) {
        double d = Math.hypot(p[0] - o[0], p[1] - o[1]);
        if (d > best) {
          best = d;
          a = p;
          b = o;
        }
      }
    }
    return new double[][] {{a[0], b[0]}, {a[1], b[1]}};
  }

  /** Whether the point satisfies the cell's facets, up to rounding. */
  private static boolean holds(RegimeCell c, double[] p) {
    for (Polyhedron.Inequality q : c.facets()) {
      double v = d(q.row().get(0)) + d(q.row().get(1)) * p[0] + d(q.row().get(2)) * p[1];
      if (v < -1e-9) {
        return false;
      }
    }
    return true;
  }

  /** A point inside the cell and the window for its label: the average of the cell's window corners. */
  private static double[] labelPoint(RegimeCell c, double[] box) {
    List<double[]> corners = new ArrayList<>();
    for (List<Rational> v : c.vertices()) {
      corners.add(new double[] {d(v.get(0)), d(v.get(1))});
    }
    for (Polyhedron.Inequality q : c.facets()) {
      double[][] seg = clip(q, c, box);
      if (seg != null) {
        corners.add(new double[] {seg[0][0], seg[1][0]});
        corners.add(new double[] {seg[0][1], seg[1][1]});
      }
    }
    for (double x : new double[] {box[0], box[1]}) {
      for (double y : new double[] {box[2], box[3]}) {
        if (holds(c, new double[] {x, y})) {
          corners.add(new double[] {x, y});
        }
      }
    }
    if (corners.isEmpty()) {
      return new double[] {d(c.interiorPoint().get(0)), d(c.interiorPoint().get(1))};
    }
    double x = 0;
    double y = 0;
    for (double[] p : corners) {
      x += p[0];
      y += p[1];
    }
    return new double[] {x / corners.size(), y / corners.size()};
  }

  /** A rational as the nearest double, for drawing only. */
  private static double d(Rational r) {
    return new java.math.BigDecimal(r.numerator())
        .divide(new java.math.BigDecimal(r.denominator()), java.math.MathContext.DECIMAL64).doubleValue();
  }
}
