package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
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
    RayLimit inside = largeData.limit();
    assertEquals(List.of(1, 2, 3), inside.survivingOrders());
    for (int s = 0; s <= 3; s++) {
      assertEquals(largeData.parts().get(s), inside.limitCoefficient(s), "order " + s);
    }
  }
}
