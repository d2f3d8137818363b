package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gfd.algebra.Rational;
import org.junit.jupiter.api.Test;

/** Polyhedra against hand-made shapes and a brute-force grid. */
class PolyhedronTest {
  private static Polyhedron.Inequality q(long c, long x, long y) {
    return new Polyhedron.Inequality(List.of(Rational.of(c), Rational.of(x), Rational.of(y)), false);
  }

  private static List<Rational> pt(long x, long y) {
    return List.of(Rational.of(x), Rational.of(y));
  }

  @Test
  void triangleWithARedundantSide() {
    // x >= 0, y >= 0, x + y <= 2, and the redundant x <= 5
    Polyhedron t = Polyhedron.space(2).and(List.of(q(0, 1, 0), q(0, 0, 1), q(2, -1, -1), q(5, -1, 0)));
    assertEquals(3, t.facets().size());
    assertEquals(Set.of(pt(0, 0), pt(2, 0), pt(0, 2)), Set.copyOf(t.vertices()));
    assertTrue(t.isBounded());
    assertTrue(t.hasInterior());
    List<Rational> inside = t.interiorPoint().orElseThrow();
    for (Polyhedron.Inequality i : t.inequalities()) {
      assertTrue(i.valueAt(inside).signum() > 0);
    }
  }

  @Test
  void wedgeIsUnboundedAndASegmentHasNoInterior() {
    Polyhedron wedge = Polyhedron.space(2).and(List.of(q(0, 1, 0), q(0, 0, 1)));
    assertFalse(wedge.isBounded());
    assertEquals(List.of(pt(0, 0)), wedge.vertices());
    Polyhedron segment = Polyhedron.space(2).and(List.of(q(0, 1, 0), q(0, -1, 0), q(0, 0, 1), q(1, 0, -1)));
    assertTrue(segment.isFeasible());
    assertFalse(segment.hasInterior());
    Polyhedron empty = Polyhedron.space(2).and(List.of(q(-1, 1, 0), q(0, -1, 0)));
    assertFalse(empty.isFeasible());
  }

  /**
   * Independent test of interiors on random systems inside the box |x|, |y| <= 3: the closed
   * polygon is the hull of the feasible pairwise intersections of its lines, and it has interior
   * points exactly when the centroid of those points satisfies every inequality strictly.
   */
  @Test
  void interiorAgreesWithTheCentroidOfFeasibleIntersections() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 500; trial++) {
      List<Polyhedron.Inequality> rows = new ArrayList<>(List.of(q(3, 1, 0), q(3, -1, 0), q(3, 0, 1), q(3, 0, -1)));
      int n = 1 + rnd.nextInt(4);
      for (int i = 0; i < n; i++) {
        rows.add(q(rnd.nextInt(9) - 4, rnd.nextInt(5) - 2, rnd.nextInt(5) - 2));
      }
      List<List<Rational>> feasible = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        for (int j = i + 1; j < rows.size(); j++) {
          List<Rational> a = rows.get(i).row();
          List<Rational> b = rows.get(j).row();
          Rational det = a.get(1).multiply(b.get(2)).subtract(a.get(2).multiply(b.get(1)));
          if (det.isZero()) {
            continue;
          }
          // a0 + a1 x + a2 y = 0 and b0 + b1 x + b2 y = 0, by Cramer's rule
          Rational x = a.get(2).multiply(b.get(0)).subtract(a.get(0).multiply(b.get(2))).divide(det);
          Rational y = a.get(0).multiply(b.get(1)).subtract(a.get(1).multiply(b.get(0))).divide(det);
          List<Rational> point = List.of(x, y);
          if (rows.stream().allMatch(r -> r.valueAt(point).signum() >= 0)) {
            feasible.add(point);
          }
        }
      }
      boolean expected = false;
      if (!feasible.isEmpty()) {
        Rational cx = Rational.ZERO;
        Rational cy = Rational.ZERO;
        for (List<Rational> f : feasible) {
          cx = cx.add(f.get(0));
          cy = cy.add(f.get(1));
        }
        List<Rational> centroid = List.of(cx.divide(Rational.of(feasible.size())), cy.divide(Rational.of(feasible.size())));
        expected = rows.stream().allMatch(r -> r.valueAt(centroid).signum() > 0);
      }
      Polyhedron p = Polyhedron.space(2).and(rows);
      assertEquals(expected, p.hasInterior(), rows.toString());
      assertEquals(!feasible.isEmpty(), p.isFeasible(), rows.toString());
      if (expected) {
        assertEquals(Set.copyOf(feasible), Set.copyOf(p.vertices()), rows.toString());
      }
    }
  }
}
