package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The map near a point ({@link RegimeMap#near}) against the whole map ({@link RegimeMap#of}) as
 * the oracle: at every point tried, the same cells meet (same number, and per cell the same
 * name, normalization, time exponent, surviving orders, leading monomials and limit), the local
 * cone of each is the whole cell's facets through the point, and the point is a vertex of both
 * or of neither, with the same name and limit there. Points: every cell's interior point, every
 * vertex, a point inside every facet of every cell (edges of the plane maps), and a grid of
 * points with small denominators, which hits boundary lines and vertices as well as interiors.
 */
class RegimeMapNearTest {
  private static final List<Variable> AXES = List.of(Variable.H, Variable.SIGMA2);
  private static final List<Variable> AXES3 = List.of(Variable.H, Variable.N, Variable.SIGMA2);
  private static final WorkBudget NONE = WorkBudget.unlimited();

  private static List<Polynomial> series(int nu, boolean symmetric, int order) {
    LossSeries s = LossSeriesEngine.compute(CpModels.cp(nu, symmetric, Target.IDENTITY), order, NONE, x -> {});
    return s.coefficients();
  }

  /** What a cell is apart from its number and the extent of its region. */
  private record Signature(RegimeName name, List<Rational> e, List<Rational> c, List<Integer> surviving,
      Map<Integer, Monomial> leading, List<Polynomial> limit) {
    static Signature of(RegimeCell cell) {
      return new Signature(cell.name(), cell.normExponent(), cell.timeExponent(), cell.survivingOrders(),
          cell.leading(), cell.limit());
    }
  }

  /** Asserts that the map near {@code x} is the whole map there; returns how many cells meet. */
  private static int assertSameNear(List<Polynomial> coefficients, List<Variable> axes, RegimeMap whole,
      List<Rational> x) {
    RegimeMap near = RegimeMap.near(coefficients, axes, x, CpModels.ROLES, NONE);
    List<RegimeCell> global = whole.locate(x);
    assertEquals(global.size(), near.cells().size(), "cells meeting at " + x);
    for (RegimeCell g : global) {
      Signature sig = Signature.of(g);
      List<RegimeCell> same = near.cells().stream().filter(c -> Signature.of(c).equals(sig)).toList();
      assertEquals(1, same.size(), "cell " + g.id() + " (" + g.name() + ") seen near " + x);
      Set<Polyhedron.Inequality> through = new HashSet<>();
      g.facets().stream().filter(q -> q.valueAt(x).isZero()).forEach(through::add);
      assertEquals(through, Set.copyOf(same.get(0).facets()), "cone of cell " + g.id() + " at " + x);
    }
    Optional<RegimeVertex> vertex = whole.vertices().stream().filter(v -> v.point().equals(x)).findFirst();
    assertEquals(vertex.isPresent(), !near.vertices().isEmpty(), "vertex at " + x);
    if (vertex.isPresent()) {
      RegimeVertex v = near.vertices().get(0);
      assertEquals(x, v.point());
      assertEquals(vertex.get().name(), v.name(), "vertex name at " + x);
      assertEquals(vertex.get().limit(), v.limit(), "limit at the vertex " + x);
      assertEquals(vertex.get().cells().size(), v.cells().size(), "cells at the vertex " + x);
    }
    return global.size();
  }

  /**
   * The points to try: interiors, vertices, a point inside each facet of each cell and inside
   * each intersection of two of its facets (an edge in three dimensions, a vertex in two), and
   * a grid.
   */
  private static List<List<Rational>> points(RegimeMap whole, List<List<Rational>> grid) {
    Set<List<Rational>> out = new LinkedHashSet<>();
    for (RegimeCell c : whole.cells()) {
      out.add(c.interiorPoint());
      List<Polyhedron.Inequality> f = c.facets();
      for (int i = 0; i < f.size(); i++) {
        for (int j = i; j < f.size(); j++) {
          List<Polyhedron.Inequality> rows = new ArrayList<>();
          for (int l = 0; l < f.size(); l++) {
            Polyhedron.Inequality q = f.get(l);
            if (l == i || l == j) {
              rows.add(q);
              rows.add(new Polyhedron.Inequality(q.row().stream().map(Rational::negate).toList(), false));
            } else {
              rows.add(q.withStrict(true));
            }
          }
          Optional<List<Rational>> x = Polyhedron.space(whole.axes().size()).and(rows).point(NONE);
          assertTrue(x.isPresent() || j > i, "a facet of a cell has a relative interior");
          x.ifPresent(out::add);
        }
      }
    }
    whole.vertices().forEach(v -> out.add(v.point()));
    out.addAll(grid);
    return List.copyOf(out);
  }

  /**
   * Checks every point; returns how many were inside a cell, on a boundary of 2 cells, on a
   * boundary of 3 or more cells (not a vertex), and at a vertex.
   */
  private static int[] assertSameNearEverywhere(List<Polynomial> coefficients, List<Variable> axes, RegimeMap whole,
      List<List<Rational>> grid) {
    int[] seen = new int[4];
    for (List<Rational> x : points(whole, grid)) {
      int n = assertSameNear(coefficients, axes, whole, x);
      boolean vertex = whole.vertices().stream().anyMatch(v -> v.point().equals(x));
      seen[vertex ? 3 : Math.min(n, 3) - 1]++;
    }
    return seen;
  }

  /** {@code a} from -1 to 4 and {@code b} from -4 to 1 in steps of 1/4: lines and vertices are hit. */
  private static List<List<Rational>> planeGrid() {
    List<List<Rational>> out = new ArrayList<>();
    for (int i = -4; i <= 16; i++) {
      for (int j = -16; j <= 4; j++) {
        out.add(List.of(Rational.of(i, 4), Rational.of(j, 4)));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "nu={0} symmetric={1} S={2}")
  @CsvSource({"2, false, 6", "2, true, 8", "3, false, 4", "3, true, 4"})
  void theMapNearEveryPointIsTheWholeMapThere(int nu, boolean symmetric, int order) {
    List<Polynomial> coefficients = series(nu, symmetric, order);
    RegimeMap whole = RegimeMap.of(coefficients, AXES, CpModels.ROLES);
    int[] seen = assertSameNearEverywhere(coefficients, AXES, whole, planeGrid());
    assertTrue(seen[0] > 0 && seen[1] > 0 && seen[3] == whole.vertices().size(),
        "interiors, edges and every vertex tried: " + java.util.Arrays.toString(seen));
  }

  @Test
  void verificationReadsThePlaceFromTheMapNearThePoint() {
    List<Polynomial> coefficients = series(2, false, 4);
    Verification inside = Verification.of(coefficients, ray("2", "-7/4"), AXES, CpModels.ROLES);
    assertEquals(Verification.Place.INSIDE_CELL, inside.place());
    assertEquals("inside a cell (NTK/lazy)", inside.location());
    Verification edge = Verification.of(coefficients, ray("2", "-2"), AXES, CpModels.ROLES);
    assertEquals(Verification.Place.ON_BOUNDARY, edge.place());
    assertEquals("on the boundary between 2 cells (no stable time scale (set by the highest order); NTK/lazy)",
        edge.location());
    Verification vertex = Verification.of(coefficients, ray("1", "-1"), AXES, CpModels.ROLES);
    assertEquals(Verification.Place.AT_VERTEX, vertex.place());
    assertEquals("at a vertex where 6 cells meet (mean-field)", vertex.location());
    assertEquals(RegimeName.MEAN_FIELD, vertex.vertex().orElseThrow().name());
  }

  /**
   * The place depends on the exponents only: a fixed time scale or normalization (which may make
   * the ray fail), numeric constants (which may cancel tied monomials) and variables of the ray
   * that are not axes leave it where it is; a ray without an axis is refused.
   */
  @Test
  void fixedTimeNormConstantsAndOtherVariablesDoNotMoveThePoint() {
    List<Polynomial> coefficients = series(2, false, 4);
    for (String[] ab : new String[][] {{"2", "-7/4"}, {"2", "-2"}, {"1", "-1"}}) {
      Verification plain = Verification.of(coefficients, ray(ab[0], ab[1]), AXES, CpModels.ROLES);
      Map<Variable, Rational> e = new LinkedHashMap<>();
      e.put(Variable.H, Rational.parse(ab[0]));
      e.put(Variable.SIGMA2, Rational.parse(ab[1]));
      e.put(Variable.N, Rational.of(5));
      Ray fixed = new Ray(e, Map.of(Variable.H, Rational.of(2), Variable.SIGMA2, Rational.HALF),
          Optional.of(Rational.ZERO), Optional.of(Rational.of(3)));
      Verification other = Verification.of(coefficients, fixed, AXES, CpModels.ROLES);
      assertEquals(plain.point(), other.point());
      assertEquals(plain.location(), other.location());
      assertEquals(plain.cells(), other.cells());
      assertEquals(plain.vertex(), other.vertex());
    }
    Ray noSigma = Ray.of(Map.of(Variable.H, Rational.ONE));
    assertThrows(IllegalArgumentException.class, () -> Verification.of(coefficients, noSigma, AXES, CpModels.ROLES));
  }

  /**
   * Orders that vanish have no rate in either map; when every order {@code s >= 1} vanishes
   * nothing moves, and the cells are those of {@code c_0} alone.
   */
  @Test
  void vanishingOrdersAndAPointWhereNothingMoves() {
    Polynomial c0 = poly("1/2", 1, 0, 0).add(poly("1/2", 2, 1, 2)).add(poly("-1", 1, 1, 1));
    Polynomial c2 = poly("3", 1, 1, 1).add(poly("-4", 2, 2, 3)).add(poly("1", 0, 1, 0));
    Polynomial c4 = poly("5", 3, 1, 2).add(poly("7", 1, 3, 1));
    List<List<Polynomial>> lists = List.of(
        List.of(c0, Polynomial.ZERO, c2, Polynomial.ZERO, c4),
        List.of(c0, Polynomial.ZERO, Polynomial.ZERO),
        List.of(c0, c2));
    for (List<Polynomial> coefficients : lists) {
      assertSameNearEverywhere(coefficients, AXES, RegimeMap.of(coefficients, AXES, CpModels.ROLES), planeGrid());
    }
    Verification still = Verification.of(lists.get(1), ray("0", "-1"), AXES, CpModels.ROLES);
    assertEquals(RayLimit.Verdict.TRIVIAL, still.limit().verdict());
    assertTrue(still.cells().stream().allMatch(c -> c.survivingOrders().isEmpty() && c.timeExponent().isEmpty()));
  }

  /** Three axes: the same agreement on a hand-made list in {@code H, n, sigma2}. */
  @Test
  void threeAxes() {
    List<Polynomial> coefficients = RegimeMapThreeAxesTest.coefficients();
    RegimeMap whole = RegimeMap.of(coefficients, AXES3, CpModels.ROLES);
    List<List<Rational>> grid = new ArrayList<>();
    for (int i = -2; i <= 2; i++) {
      for (int j = -2; j <= 2; j++) {
        for (int k = -2; k <= 2; k++) {
          grid.add(List.of(Rational.of(i, 2), Rational.of(j, 2), Rational.of(k, 2)));
        }
      }
    }
    int[] seen = assertSameNearEverywhere(coefficients, AXES3, whole, grid);
    assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0 && seen[3] == whole.vertices().size(),
        "interiors, faces, edges and every vertex tried: " + java.util.Arrays.toString(seen));
  }

  private static Ray ray(String a, String b) {
    Map<Variable, Rational> e = new LinkedHashMap<>();
    e.put(Variable.H, Rational.parse(a));
    e.put(Variable.SIGMA2, Rational.parse(b));
    return Ray.of(e);
  }

  /** {@code coef p^i H^j sigma2^k}. */
  private static Polynomial poly(String coef, int i, int j, int k) {
    return Polynomial.term(Rational.parse(coef), Monomial.of(Map.of(Variable.P, i, Variable.H, j, Variable.SIGMA2, k)));
  }
}
