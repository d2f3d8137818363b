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

  /**
   * Feasibility (closed and strict) against a plain Fourier-Motzkin written here without any
   * reduction of the intermediate systems: the engine keeps only the tightest bounds once one
   * unknown is left, which must not change a single answer.
   */
  @Test
  void feasibilityAgreesWithUnreducedElimination() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 3000; trial++) {
      int rows = 1 + rnd.nextInt(10);
      List<Polyhedron.Inequality> system = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        List<Rational> row = List.of(Rational.of(rnd.nextInt(9) - 4), Rational.of(rnd.nextInt(5) - 2),
            Rational.of(rnd.nextInt(5) - 2));
        system.add(new Polyhedron.Inequality(row, rnd.nextInt(3) == 0));
      }
      Polyhedron p = Polyhedron.space(2).and(system);
      assertEquals(plainFeasible(system), p.isFeasible(), "system " + system);
      List<Polyhedron.Inequality> strict = system.stream().map(i -> i.withStrict(true)).toList();
      assertEquals(plainFeasible(strict), p.hasInterior(), "interior of " + system);
    }
  }

  /** Eliminates the last unknown again and again, keeping every combination; true when no constant row fails. */
  private static boolean plainFeasible(List<Polyhedron.Inequality> system) {
    List<Polyhedron.Inequality> current = system;
    for (int j = current.get(0).row().size() - 1; j >= 1; j--) {
      List<Polyhedron.Inequality> next = new ArrayList<>();
      for (Polyhedron.Inequality a : current) {
        int sa = a.row().get(j).signum();
        if (sa == 0) {
          next.add(new Polyhedron.Inequality(a.row().subList(0, j), a.strict()));
          continue;
        }
        if (sa < 0) {
          continue;
        }
        for (Polyhedron.Inequality b : current) {
          if (b.row().get(j).signum() < 0) {
            List<Rational> row = new ArrayList<>();
            for (int i = 0; i < j; i++) {
              row.add(a.row().get(i).multiply(b.row().get(j).negate()).add(b.row().get(i).multiply(a.row().get(j))));
            }
            next.add(new Polyhedron.Inequality(row, a.strict() || b.strict()));
          }
        }
      }
      current = next;
    }
    for (Polyhedron.Inequality c : current) {
      int sign = c.row().get(0).signum();
      if (c.strict() ? sign <= 0 : sign < 0) {
        return false;
      }
    }
    return true;
  }
}
