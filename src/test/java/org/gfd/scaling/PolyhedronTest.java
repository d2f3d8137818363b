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

  private static Polyhedron.Inequality randomRow(Random rnd, int k, boolean strict) {
    List<Rational> row = new ArrayList<>();
    row.add(Rational.of(rnd.nextInt(9) - 4));
    for (int j = 0; j < k; j++) {
      row.add(Rational.of(rnd.nextInt(5) - 2));
    }
    return new Polyhedron.Inequality(row, strict);
  }

  /**
   * Constraint generation (feasibility, interiors, implication) against plain elimination of the
   * whole system, in two and three unknowns, with strict and non-strict rows.
   */
  @Test
  void constraintGenerationAgreesWithUnreducedElimination() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 3000; trial++) {
      int k = 2 + rnd.nextInt(2);
      List<Polyhedron.Inequality> system = new ArrayList<>();
      int rows = 1 + rnd.nextInt(k == 2 ? 12 : 8);
      for (int r = 0; r < rows; r++) {
        system.add(randomRow(rnd, k, rnd.nextInt(3) == 0));
      }
      Polyhedron p = Polyhedron.space(k).and(system);
      assertEquals(plainFeasible(system), p.isFeasible(), "system " + system);
      assertEquals(plainFeasible(system.stream().map(i -> i.withStrict(true)).toList()), p.hasInterior(),
          "interior of " + system);
      Polyhedron.Inequality q = randomRow(rnd, k, false);
      List<Polyhedron.Inequality> counter = new ArrayList<>(system.stream().map(i -> i.withStrict(false)).toList());
      counter.add(q.negated());
      assertEquals(!plainFeasible(counter), p.implies(q), system + " implies " + q);
    }
  }

  /**
   * Facets, each redundant row dropped when constraint generation finds the others imply it,
   * against the unreduced polyhedron, in two and three unknowns: the same closed set on a grid,
   * the same interior point (the witness depends on the set only, which lets regime cells be
   * solved from their facets), every facet needed (plain elimination finds a point satisfying the
   * others and violating it), and the same facets as dropping rows by plain elimination.
   */
  @Test
  void facetsDescribeTheUnreducedPolyhedron() {
    Random rnd = new Random(13);
    int full = 0;
    for (int trial = 0; trial < 1000; trial++) {
      int k = 2 + rnd.nextInt(2);
      List<Polyhedron.Inequality> system = new ArrayList<>();
      if (rnd.nextBoolean()) {
        for (int j = 1; j <= k; j++) {
          for (int sign : new int[] {1, -1}) {
            List<Rational> row = new ArrayList<>(java.util.Collections.nCopies(k + 1, Rational.ZERO));
            row.set(0, Rational.of(3));
            row.set(j, Rational.of(sign));
            system.add(new Polyhedron.Inequality(row, false));
          }
        }
      }
      int rows = 3 + rnd.nextInt(k == 2 ? 10 : 7);
      for (int r = 0; r < rows; r++) {
        system.add(randomRow(rnd, k, false));
      }
      Polyhedron p = Polyhedron.space(k).and(system);
      if (!p.hasInterior()) {
        continue;
      }
      full++;
      List<Polyhedron.Inequality> facets = p.facets();
      Polyhedron reduced = Polyhedron.space(k).and(facets);
      for (List<Rational> x : grid(k, k == 2 ? 2 : 1)) {
        assertEquals(system.stream().allMatch(q -> q.withStrict(false).holdsAt(x)),
            facets.stream().allMatch(q -> q.holdsAt(x)), "closure of " + system + " at " + x);
      }
      assertEquals(p.interiorPoint(), reduced.interiorPoint(), "interior point of " + system);
      for (int i = 0; i < facets.size(); i++) {
        List<Polyhedron.Inequality> counter = new ArrayList<>(facets);
        Polyhedron.Inequality q = counter.remove(i);
        counter.add(q.negated());
        assertTrue(plainFeasible(counter), q + " is needed in " + facets);
      }
      assertEquals(facetsByPlainElimination(system), facets, "facets of " + system);
    }
    assertTrue(full > 300, "full-dimensional systems tried: " + full);
  }

  /** The points of {@code [-4, 4]^k} with coordinates in steps of {@code 1/den}. */
  private static List<List<Rational>> grid(int k, int den) {
    List<List<Rational>> out = new ArrayList<>();
    out.add(List.of());
    for (int j = 0; j < k; j++) {
      List<List<Rational>> next = new ArrayList<>();
      for (List<Rational> x : out) {
        for (int i = -4 * den; i <= 4 * den; i++) {
          List<Rational> y = new ArrayList<>(x);
          y.add(Rational.of(i, den));
          next.add(y);
        }
      }
      out = next;
    }
    return out;
  }

  /** The facets as defined: normalized distinct rows, then the first row the others imply dropped until none is. */
  private static List<Polyhedron.Inequality> facetsByPlainElimination(List<Polyhedron.Inequality> system) {
    List<Polyhedron.Inequality> kept = new ArrayList<>();
    Set<List<Rational>> seen = new java.util.HashSet<>();
    for (Polyhedron.Inequality q : system) {
      Polyhedron.Inequality n = Polyhedron.normalized(q.withStrict(false));
      if (n.row().subList(1, n.row().size()).stream().allMatch(Rational::isZero) || !seen.add(n.row())) {
        continue;
      }
      kept.add(n);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < kept.size() && !changed; i++) {
        List<Polyhedron.Inequality> others = new ArrayList<>(kept);
        Polyhedron.Inequality q = others.remove(i);
        List<Polyhedron.Inequality> counter = new ArrayList<>(others);
        counter.add(q.negated());
        if (!plainFeasible(counter)) {
          kept = others;
          changed = true;
        }
      }
    }
    return kept;
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
