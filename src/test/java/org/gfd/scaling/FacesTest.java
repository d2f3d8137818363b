package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;

/**
 * The autoencoder's regimes around {@code (a, b, d) = (1, -1, 1)}: the Newton polytope of its limit
 * coefficients is a triangular prism whose five facets are the five degenerations (n large, n
 * small, H small, H large with H sigma2 fixed, sigma2 large), and on the large-data face, where
 * the time scale does not change, the face's part of each coefficient is the limit along a ray
 * into that face, computed separately by {@link RayLimits}. The population loss, taken with the
 * train loss's time scale, has a prism with the same facets.
 */
class FacesTest {
  @Test
  void autoencoderPolytopeIsATriangularPrismWithTheFiveDegenerations() {
    LossSeries series = LossSeriesEngine.compute(ModelLoader.builtIn("autoencoder", Map.of()), 3, WorkBudget.unlimited(), s -> {});
    Map<Variable, Rational> exponents = new LinkedHashMap<>();
    exponents.put(Variable.H, Rational.ONE);
    exponents.put(Variable.SIGMA2, Rational.MINUS_ONE);
    exponents.put(Variable.N, Rational.ONE);
    Ray point = new Ray(exponents, Map.of(), Optional.empty(), Optional.empty());
    Faces.Result r = Faces.at(series.coefficients(), point);
    assertEquals("triangular prism", r.shape());
    Set<String> normals = new TreeSet<>();
    Faces.Face largeData = null;
    for (Faces.Face f : r.faces()) {
      // in the order of the ray's variables H, sigma2, n (the constants h, v, m)
      normals.add(f.normal()[0] + "," + f.normal()[1] + "," + f.normal()[2] + ":" + f.corners());
      if (f.normal()[0] == 0 && f.normal()[1] == 0 && f.normal()[2] == 1) {
        largeData = f;
      }
    }
    // H small; H large with H sigma2 fixed; n small; n large; sigma2 large (the initial output dominates)
    assertEquals(Set.of("-1,0,0:4", "1,-1,0:4", "0,0,-1:3", "0,0,1:3", "0,1,0:4"), normals);
    // the population loss, with the train loss's time scale: the same prism
    LossSeries population = LossSeriesEngine.of(ModelLoader.builtIn("autoencoder", Map.of()))
        .series("population", 3, List.of(), WorkBudget.unlimited(), x -> {});
    Faces.Result p = Faces.at(series.coefficients(), population.coefficients(), point);
    assertEquals("triangular prism", p.shape());
    Set<String> populationNormals = new TreeSet<>();
    p.faces().forEach(f -> populationNormals.add(f.normal()[0] + "," + f.normal()[1] + "," + f.normal()[2] + ":" + f.corners()));
    assertEquals(normals, populationNormals);
    // the model file names each face by the direction its sizes move in
    Model model = ModelLoader.builtIn("autoencoder", Map.of());
    List<Variable> axes = List.copyOf(exponents.keySet());
    Map<String, String> names = new TreeMap<>();
    for (Faces.Face f : r.faces()) {
      names.put(f.normal()[0] + "," + f.normal()[1] + "," + f.normal()[2], model.faceName(axes, f.normal()).orElse("?"));
    }
    assertEquals(Map.of("-1,0,0", "narrow latent", "1,-1,0", "mean-field", "0,0,-1", "small data", "0,0,1", "large data",
        "0,1,0", "initial output dominates"), names);
    RayLimit inside = largeData.limit();
    assertEquals(List.of(1, 2, 3), inside.survivingOrders());
    for (int s = 0; s <= 3; s++) {
      assertEquals(largeData.parts().get(s), inside.limitCoefficient(s), "order " + s);
    }
    // the walls: the nine edges of a triangular prism, each between two facets that share an edge
    // (all pairs but the two triangles, which meet nowhere); along a wall where the time scale does
    // not move, its part of each coefficient is the limit there
    assertEquals(9, r.walls().size());
    Set<String> pairs = new TreeSet<>();
    for (Faces.Wall w : r.walls()) {
      Faces.Face a = r.faces().get(w.first());
      Faces.Face b = r.faces().get(w.second());
      for (int k = 0; k < 3; k++) {
        assertEquals(a.normal()[k] + b.normal()[k], w.direction()[k]);
      }
      pairs.add(names.get(key(a)) + " / " + names.get(key(b)));
      if (w.limit().timeExponent().equals(Optional.of(Rational.ZERO)) && w.limit().survivingOrders().equals(List.of(1, 2, 3))) {
        for (int s = 0; s <= 3; s++) {
          assertEquals(w.parts().get(s), w.limit().limitCoefficient(s), "wall " + pairs + ", order " + s);
        }
      }
    }
    assertTrue(pairs.stream().noneMatch(x -> x.contains("small data") && x.contains("large data")), pairs.toString());
  }

  private static String key(Faces.Face f) {
    return f.normal()[0] + "," + f.normal()[1] + "," + f.normal()[2];
  }

  @Test
  void regimesPrintTheFacesAroundTheVertexOfAMapInThreeExponents() {
    RegimeStudy study = org.gfd.api.Gfd.regimes(ModelLoader.builtIn("autoencoder", Map.of()), 3, WorkBudget.unlimited(), s -> {});
    assertEquals(1, study.faces().size());
    RegimeStudy.VertexFaces vf = study.faces().get(0);
    // the map's axes are H, n, sigma2: the vertex (a, d, b) = (1, 1, -1)
    assertEquals(List.of(Rational.ONE, Rational.ONE, Rational.MINUS_ONE), vf.point());
    assertEquals("triangular prism", vf.faces().shape());
    assertEquals(5, vf.faces().faces().size());
  }

  @Test
  void aFaceNameMatchesItsDirectionUpToAPositiveMultiple() {
    org.gfd.model.FaceName meanField = new org.gfd.model.FaceName("mean-field", Map.of(Variable.H, 1, Variable.SIGMA2, -1));
    List<Variable> axes = List.of(Variable.H, Variable.SIGMA2, Variable.N);
    assertTrue(meanField.points(axes, new long[] {1, -1, 0}));
    assertTrue(meanField.points(axes, new long[] {2, -2, 0}));
    assertFalse(meanField.points(axes, new long[] {-1, 1, 0}));
    assertFalse(meanField.points(axes, new long[] {1, -1, 1}));
    assertFalse(meanField.points(List.of(Variable.H, Variable.N), new long[] {1, 0}));
  }
}
