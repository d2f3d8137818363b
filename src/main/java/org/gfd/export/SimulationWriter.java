package org.gfd.export;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;
import org.gfd.simulate.Simulation;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Simulated curves as CSV (a header, then one row per time: {@code t}, each observable's mean and
 * standard error of the mean, the loss first) and as a plot (means with error bars of one
 * standard error).
 */
public final class SimulationWriter {
  private SimulationWriter() {}

  /** The CSV: {@code t,loss_mean,loss_sem,NAME_mean,NAME_sem,...}, values with 17 significant digits. */
  public static String csv(Simulation.Result r) {
    StringBuilder sb = new StringBuilder("t");
    for (String name : r.mean().keySet()) {
      sb.append(',').append(name).append("_mean,").append(name).append("_sem");
    }
    sb.append('\n');
    for (int k = 0; k < r.times().length; k++) {
      sb.append(number(r.times()[k]));
      for (Map.Entry<String, double[]> e : r.mean().entrySet()) {
        sb.append(',').append(number(e.getValue()[k])).append(',').append(number(r.standardError().get(e.getKey())[k]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The CSV after comment lines ({@code # ...}) saying what was simulated. */
  public static String text(Simulation.Result r, String description) {
    return "# " + description + "; mean and standard error of the mean over " + r.seeds() + " seeds\n"
        + "# integrator: " + r.integrator() + "\n" + csv(r);
  }

  private static String number(double x) {
    return String.format(Locale.ROOT, "%.17g", x);
  }

  /**
   * A plot of the mean of every observable against {@code t}, with a band of one standard error,
   * in {@code format}.
   */
  public static byte[] plot(Simulation.Result r, String title, RegimePlot.ImageFormat format) {
    XYChart chart = new XYChartBuilder().width(800).height(600).title(title).xAxisTitle("t")
        .yAxisTitle("mean over " + r.seeds() + " seeds").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    int index = 0;
    for (Map.Entry<String, double[]> e : r.mean().entrySet()) {
      ErrorBand.add(chart, e.getKey(), r.times(), e.getValue(), r.standardError().get(e.getKey()), index++, SeriesMarkers.CIRCLE);
    }
    return RegimePlot.encode(chart, format);
  }
}
