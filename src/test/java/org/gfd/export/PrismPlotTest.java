package org.gfd.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gfd.api.Gfd;
import org.gfd.lang.ModelLoader;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.RegimeStudy;
import org.junit.jupiter.api.Test;

/** The drawing of a polytope of regimes: facet outlines in order, and a picture of the autoencoder's prism. */
class PrismPlotTest {
  @Test
  void aFacetsCornersGoAroundItAndLeaveOutPointsInside() {
    // the square x = 0, 0 <= y, z <= 2 with its edge midpoints and centre
    List<long[]> points = List.of(new long[] {0, 0, 0}, new long[] {0, 2, 2}, new long[] {0, 1, 1}, new long[] {0, 2, 0},
        new long[] {0, 0, 2}, new long[] {0, 1, 0}, new long[] {0, 0, 1});
    List<long[]> corners = PrismPlot.corners(points, new long[] {-1, 0, 0});
    assertEquals(4, corners.size());
    // consecutive corners differ in one coordinate: they go around the square, not across it
    for (int i = 0; i < 4; i++) {
      long[] a = corners.get(i);
      long[] b = corners.get((i + 1) % 4);
      assertEquals(2, Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]), java.util.Arrays.toString(a) + " " + java.util.Arrays.toString(b));
    }
  }

  @Test
  void theAutoencodersPrismIsDrawnWithItsFacesNamed() {
    var model = ModelLoader.builtIn("autoencoder", Map.of());
    RegimeStudy study = Gfd.regimes(model, 3, WorkBudget.unlimited(), s -> {});
    RegimeStudy.VertexFaces vf = study.faces().get(0);
    byte[] png = PrismPlot.render(vf.faces(), List.of("h", "m", "v"), n -> model.faceName(study.map().axes(), n), "prism",
        RegimePlot.ImageFormat.PNG);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    String svg = new String(PrismPlot.render(vf.faces(), List.of("h", "m", "v"), n -> model.faceName(study.map().axes(), n),
        "prism", RegimePlot.ImageFormat.SVG), StandardCharsets.UTF_8);
    assertTrue(svg.contains("<svg"));
    List<String> labels = vf.faces().faces().stream().map(f -> PrismPlot.label(f, n -> model.faceName(study.map().axes(), n)))
        .sorted().toList();
    assertEquals(List.of("initial output dominates (0, 0, 1)", "large data (0, 1, 0)", "mean-field (1, 0, -1)",
        "narrow latent (-1, 0, 0)", "small data (0, -1, 0)"), labels);
  }
}
