package org.gfd.export;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfd.model.Model;
import org.gfd.numeric.Curve;
import org.gfd.numeric.CurvePoint;
import org.gfd.scaling.RayLimit;
import org.gfd.dmft.Dmft;
import org.gfd.simulate.Comparison;
import org.gfd.simulate.DmftComparison;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Theory against experiment: a table of the largest relative deviation per size, then the curves
 * (theory and each size's simulated mean and standard error) as CSV rows; and a plot of them.
 */
public final class CompareWriter {
  private CompareWriter() {}

  /**
   * The comparison as text: {@code #} lines, the deviation table, then the curves' CSV.
   *
   * @param curve the theory's values on the grid
   * @param limit the ray's limit (for {@code e} and {@code c})
   * @param runs the simulations, one per size
   */
  public static String text(Model model, String observable, Curve curve, RayLimit limit, List<Comparison.SizeRun> runs,
      String ray) {
    StringBuilder sb = new StringBuilder();
    sb.append("# gfd compare: ").append(model.describe()).append("; ray ").append(ray).append('\n');
    sb.append("# theory: ").append(curve.method().label()).append(curve.source().isEmpty() ? "" : " " + curve.source())
        .append("; e = ").append(limit.normExponent()).append(", c = ").append(limit.timeExponent().orElseThrow())
        .append(": ").append(observable).append(" / p^e against tau = t / p^c");
    long digits = curve.points().stream().mapToLong(q -> q.digits()).min().orElse(0);
    sb.append("; the theory's values are good to ").append(digits).append(" digits or more on the grid\n");
    sb.append("# p | sizes and values | seeds | max relative deviation | at tau | largest relative standard error\n");
    for (Comparison.SizeRun run : runs) {
      double worstError = 0;
      for (int k = 0; k < run.tau().length; k++) {
        // an evolving part starts at exactly 0, with no error: nothing relative to report there
        if (run.simulated()[k] != 0) {
          worstError = Math.max(worstError, run.error()[k] / Math.abs(run.simulated()[k]));
        }
      }
      sb.append(run.p()).append(" | ").append(describe(run)).append(" | ").append(run.seeds()).append(" | ")
          .append(number(run.maxDeviation(), 4)).append(" | ").append(number(run.tauOfMax(), 4)).append(" | ")
          .append(number(worstError, 3)).append('\n');
    }
    return sb.append(csv(curve, runs)).toString();
  }

  /**
   * The curves as CSV: {@code tau,theory,pP_mean,pP_sem,...}, one row per time of the simulations'
   * grid (the theory, on a finer grid, read at those times).
   */
  public static String csv(Curve curve, List<Comparison.SizeRun> runs) {
    StringBuilder sb = new StringBuilder();
    sb.append("tau,theory");
    for (Comparison.SizeRun run : runs) {
      sb.append(",p").append(run.p()).append("_mean,p").append(run.p()).append("_sem");
    }
    sb.append('\n');
    int points = runs.isEmpty() ? curve.points().size() : runs.get(0).tau().length;
    int stride = (curve.points().size() - 1) / Math.max(1, points - 1);
    for (int k = 0; k < points; k++) {
      CurvePoint q = curve.points().get(k * stride);
      sb.append(number(q.tau().doubleValue(), 17));
      sb.append(',').append(number(q.value().doubleValue(), 17));
      for (Comparison.SizeRun run : runs) {
        sb.append(',').append(number(run.simulated()[k], 17)).append(',').append(number(run.error()[k], 17));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * {@code compare --dmft} as text: {@code #} lines (the DMFT's method, the series' method and its
   * radius of convergence, the series against the DMFT where the series holds, then per size the
   * largest relative deviation of the simulation from the DMFT and the largest {@code |z|}), then the CSV.
   */
  public static String dmftText(Model model, String observable, DmftComparison c, String ray) {
    StringBuilder sb = new StringBuilder();
    Dmft.Result d = c.dmft();
    Curve series = c.series();
    sb.append("# gfd compare --dmft: ").append(model.describe()).append("; f = ").append(c.problem().site().f())
        .append("; ray ").append(ray).append("; ").append(observable).append(c.train() ? " (train loss)" : " (test loss)")
        .append(" per coordinate against t\n");
    sb.append("# DMFT: discrete time extrapolated to gradient flow, ")
        .append(d.exact() ? "exact closure (affine site)" : "Monte Carlo over single-site samples")
        .append("; largest error estimate ").append(number(max(c.errors()), 3)).append('\n');
    d.stopped().ifPresent(why -> sb.append("# DMFT stopped: ").append(why).append('\n'));
    sb.append("# series: ").append(series.method().label()).append(series.source().isEmpty() ? "" : " " + series.source());
    series.radius().ifPresent(r -> sb.append("; radius of convergence about ").append(number(r, 3))
        .append(": past it only the Padé approximant and the DMFT give values"));
    series.failure().ifPresent(f -> sb.append("; stops: ").append(f));
    sb.append('\n');
    double[] v = c.values();
    double[] e = c.errors();
    double worst = 0;
    double worstAt = 0;
    double reach = 0;
    for (int k = 0; k < series.points().size(); k++) {
      CurvePoint q = series.points().get(k);
      double rel = Math.abs(q.value().doubleValue() - v[k]) / Math.abs(v[k]);
      double relError = q.error().doubleValue() / Math.abs(q.value().doubleValue());
      if (relError > 0.01) {
        break; // the series' own error estimate is past 1%: it no longer tests the DMFT
      }
      reach = d.times()[k];
      if (rel > worst) {
        worst = rel;
        worstAt = d.times()[k];
      }
    }
    if (reach > 0) {
      sb.append("# series against DMFT, up to t = ").append(number(reach, 4))
          .append(" (where the series' error estimate is below 1%): largest relative deviation ").append(number(worst, 3))
          .append(" at t = ").append(number(worstAt, 4)).append('\n');
    } else {
      sb.append("# series against DMFT: at t = 0 only (relative deviation ").append(number(worst, 3))
          .append("); from the next time on the series' error estimate is above 1%\n");
    }
    sb.append("# p | sizes and values | seeds | max relative deviation from DMFT | at t | largest |z| "
        + "(deviation over the combined standard error and DMFT error estimate)\n");
    for (Comparison.SizeRun run : c.runs()) {
      double z = 0;
      for (int k = 0; k < v.length; k++) {
        double scale = Math.hypot(run.error()[k], e[k]);
        if (scale > 0) {
          z = Math.max(z, Math.abs(run.simulated()[k] - v[k]) / scale);
        }
      }
      sb.append(run.p()).append(" | ").append(describe(run)).append(" | ").append(run.seeds()).append(" | ")
          .append(number(run.maxDeviation(), 4)).append(" | ").append(number(run.tauOfMax(), 4)).append(" | ")
          .append(number(z, 3)).append('\n');
    }
    return sb.append(dmftCsv(c)).toString();
  }

  /** {@code t,dmft,dmft_error,series,series_error,pP_mean,pP_sem,...}; the series' cells are empty where it stopped. */
  public static String dmftCsv(DmftComparison c) {
    StringBuilder sb = new StringBuilder("t,dmft,dmft_error,series,series_error");
    for (Comparison.SizeRun run : c.runs()) {
      sb.append(",p").append(run.p()).append("_mean,p").append(run.p()).append("_sem");
    }
    sb.append('\n');
    List<CurvePoint> series = c.series().points();
    for (int k = 0; k < c.dmft().times().length; k++) {
      sb.append(number(c.dmft().times()[k], 17)).append(',').append(number(c.values()[k], 17)).append(',')
          .append(number(c.errors()[k], 17)).append(',');
      sb.append(k < series.size() ? number(series.get(k).value().doubleValue(), 17) + "," + number(series.get(k).error()
          .doubleValue(), 17) : ",");
      for (Comparison.SizeRun run : c.runs()) {
        sb.append(',').append(number(run.simulated()[k], 17)).append(',').append(number(run.error()[k], 17));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The DMFT curve with its band of one standard error, the series' curve where it has values, and each size's means. */
  public static byte[] dmftPlot(Model model, String observable, DmftComparison c, String ray, RegimePlot.ImageFormat format) {
    XYChart chart = new XYChartBuilder().width(900).height(600).title(model.describe() + ", " + ray)
        .xAxisTitle("t").yAxisTitle(observable + " / p").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    ErrorBand.add(chart, "DMFT", c.dmft().times(), c.values(), c.errors(), 0, SeriesMarkers.NONE);
    if (!c.series().points().isEmpty()) {
      addCurve(chart, "series", c.series()).setLineColor(Color.BLACK);
    }
    addRuns(chart, c.runs(), 1);
    return RegimePlot.encode(chart, format);
  }

  private static double max(double[] x) {
    double m = 0;
    for (double a : x) {
      m = Math.max(m, a);
    }
    return m;
  }

  private static String describe(Comparison.SizeRun run) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<?, Integer> e : run.sizes().entrySet()) {
      sb.append(sb.length() > 0 ? ", " : "").append(e.getKey()).append('=').append(e.getValue());
    }
    for (Map.Entry<?, Double> e : run.values().entrySet()) {
      sb.append(", ").append(e.getKey()).append('=').append(number(e.getValue(), 6));
    }
    return sb.toString();
  }

  private static String number(double x, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "g", x);
  }

  /** The theory curve and each size's means with a band of one standard error. */
  public static byte[] plot(Model model, String observable, Curve curve, List<Comparison.SizeRun> runs, String ray,
      RegimePlot.ImageFormat format) {
    XYChart chart = new XYChartBuilder().width(900).height(600).title(model.describe() + ", " + ray)
        .xAxisTitle("tau = t / p^c").yAxisTitle(observable + " / p^e").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    addCurve(chart, "theory", curve).setLineColor(Color.BLACK);
    addRuns(chart, runs, 0);
    return RegimePlot.encode(chart, format);
  }

  /** A limit curve as a line without markers, named with its method. */
  private static XYSeries addCurve(XYChart chart, String name, Curve curve) {
    double[] tau = new double[curve.points().size()];
    double[] values = new double[tau.length];
    for (int k = 0; k < tau.length; k++) {
      tau[k] = curve.points().get(k).tau().doubleValue();
      values[k] = curve.points().get(k).value().doubleValue();
    }
    XYSeries s = chart.addSeries(name + " (" + curve.method().label() + ")", tau, values);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  /** Each size's simulated means with a band of one standard error, in the chart's colours from number {@code first} on. */
  private static void addRuns(XYChart chart, List<Comparison.SizeRun> runs, int first) {
    for (int k = 0; k < runs.size(); k++) {
      Comparison.SizeRun run = runs.get(k);
      ErrorBand.add(chart, "p = " + run.p() + " (" + run.seeds() + " seeds)", run.tau(), run.simulated(), run.error(),
          first + k, SeriesMarkers.CIRCLE);
    }
  }
}
