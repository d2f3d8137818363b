package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Facets of small Newton polytopes whose faces are known by construction. */
class NewtonPolytopeTest {
  private static Set<String> normals(List<NewtonPolytope.Facet> facets) {
    Set<String> out = new TreeSet<>();
    facets.forEach(f -> out.add(f.normal()[0] + "," + f.normal()[1] + "," + f.normal()[2] + ":" + f.corners()));
    return out;
  }

  @Test
  void aTriangleTimesASegmentIsATriangularPrism() {
    // the exponents of the autoencoder's hat c_1 at (a, b, d) = (1, -1, 1): (h, v) in the triangle
    // (1,1), (1,3), (3,3) with its lattice points, times m^0 and m^-1
    List<long[]> points = new ArrayList<>();
    long[][] triangle = {{1, 1}, {1, 2}, {1, 3}, {2, 2}, {2, 3}, {3, 3}};
    for (long[] t : triangle) {
      for (long m : new long[] {-1, 0}) {
        points.add(new long[] {t[0], t[1], m});
      }
    }
    List<NewtonPolytope.Facet> facets = NewtonPolytope.facets(points);
    assertEquals("triangular prism", NewtonPolytope.shape(facets));
    assertEquals(Set.of("0,0,1:3", "0,0,-1:3", "-1,0,0:4", "0,1,0:4", "1,-1,0:4"), normals(facets));
  }

  @Test
  void aCubeWithInteriorAndEdgePointsHasSixSquareFacets() {
    List<long[]> points = new ArrayList<>();
    for (long x = 0; x <= 2; x++) {
      for (long y = 0; y <= 2; y++) {
        for (long z = 0; z <= 2; z++) {
          points.add(new long[] {x, y, z});
        }
      }
    }
    List<NewtonPolytope.Facet> facets = NewtonPolytope.facets(points);
    assertEquals("hexahedron", NewtonPolytope.shape(facets));
    assertEquals(9, facets.get(0).points().size());
  }

  @Test
  void aFlatSetHasNoFacets() {
    List<long[]> points = List.of(new long[] {0, 0, 0}, new long[] {1, 0, 0}, new long[] {0, 1, 0}, new long[] {1, 1, 0});
    assertEquals("flat (dimension below 3)", NewtonPolytope.shape(NewtonPolytope.facets(points)));
  }
}
