package org.gfd.export;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A mean curve with a shaded band of one standard error on either side, as every plot of simulated
 * or sampled curves draws them: the band is a closed polygon (the upper edge forward in {@code x},
 * the lower edge back) in a translucent shade of the mean's colour, left out of the legend, and
 * the mean is drawn over it in that colour. An error that is not finite (one seed) draws no band
 * there.
 */
final class ErrorBand {
  /** Opacity of the band's fill, of 255. */
  private static final int ALPHA = 56;

  private ErrorBand() {}

  /**
   * Adds series number {@code index} (its colour the chart's {@code index}-th series colour): the
   * band, then the mean with {@code marker}. Returns the mean's series.
   */
  static XYSeries add(XYChart chart, String name, double[] x, double[] mean, double[] error, int index, Marker marker) {
    Color[] palette = chart.getStyler().getSeriesColors();
    Color color = palette[index % palette.length];
    int n = x.length;
    double[] bandX = new double[2 * n];
    double[] bandY = new double[2 * n];
    for (int k = 0; k < n; k++) {
      double e = Double.isFinite(error[k]) ? error[k] : 0;
      bandX[k] = x[k];
      bandY[k] = mean[k] + e;
      bandX[2 * n - 1 - k] = x[k];
      bandY[2 * n - 1 - k] = mean[k] - e;
    }
    XYSeries band = chart.addSeries(name + ", one standard error", bandX, bandY);
    Color shade = new Color(color.getRed(), color.getGreen(), color.getBlue(), ALPHA);
    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    band.setFillColor(shade);
    band.setLineColor(shade);
    band.setMarker(SeriesMarkers.NONE);
    band.setShowInLegend(false);
    XYSeries line = chart.addSeries(name, x, mean);
    line.setLineColor(color);
    line.setMarkerColor(color);
    line.setMarker(marker);
    return line;
  }
}
