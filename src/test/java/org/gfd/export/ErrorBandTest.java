package org.gfd.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The band of one standard error: its edges, its place in the legend, its colour, and one seed's missing error. */
class ErrorBandTest {
  @Test
  void theBandRunsAlongMeanPlusErrorAndBackAlongMeanMinusError() {
    XYChart chart = new XYChartBuilder().build();
    XYSeries line = ErrorBand.add(chart, "p = 4", new double[] {0, 1, 2}, new double[] {3, 2, 1},
        new double[] {0.5, Double.NaN, 0.25}, 1, SeriesMarkers.CIRCLE);
    XYSeries band = chart.getSeriesMap().get("p = 4, one standard error");
    assertArrayEquals(new double[] {0, 1, 2, 2, 1, 0}, band.getXData());
    assertArrayEquals(new double[] {3.5, 2, 1.25, 0.75, 2, 2.5}, band.getYData(), "a NaN error draws no width");
    assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
    assertFalse(band.isShowInLegend());
    assertTrue(line.isShowInLegend());
    assertArrayEquals(new double[] {3, 2, 1}, line.getYData());
    assertEquals(chart.getStyler().getSeriesColors()[1], line.getLineColor());
    assertEquals(line.getLineColor().getRGB() & 0xFFFFFF, band.getFillColor().getRGB() & 0xFFFFFF, "the band is a shade of the mean's colour");
    assertTrue(band.getFillColor().getAlpha() < 255, "and translucent");
  }
}
