package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * The cell structure of the CP regime maps from orders 0..4. The NTK/lazy and free-evolution
 * cells and the mean-field vertex are checked against the boundaries derived by hand from the
 * heuristics of DESIGN section 4 (kernel concentration, small weight motion, negligible output;
 * output dominance, non-interacting components); the rest is pinned.
 */
class RegimeMapTest {
  private static final List<Variable> AXES = List.of(Variable.H, Variable.SIGMA2);
  private static final Map<String, LossSeries> SERIES = new ConcurrentHashMap<>();

  private static LossSeries series(int nu, boolean symmetric, int order) {
    return SERIES.computeIfAbsent(nu + "/" + symmetric + "/" + order, k -> LossSeriesEngine.compute(
        CpModels.cp(nu, symmetric, Target.IDENTITY), order, WorkBudget.unlimited(), s -> {}));
  }

  private static RegimeMap map(int nu, boolean symmetric, int order) {
    return RegimeMap.of(series(nu, symmetric, order).coefficients(), AXES, CpModels.ROLES);
  }

  private static Polyhedron.Inequality ineq(long c, long a, long b) {
    return Polyhedron.normalized(new Polyhedron.Inequality(
        List.of(Rational.of(c), Rational.of(a), Rational.of(b)), false));
  }

  private static RegimeCell named(RegimeMap map, RegimeName name) {
    List<RegimeCell> cs = map.cells().stream().filter(c -> c.name() == name).toList();
    assertEquals(1, cs.size(), "one cell named " + name + " in " + map.cells());
    return cs.get(0);
  }

  private static List<Rational> pt(String a, String b) {
    return List.of(Rational.parse(a), Rational.parse(b));
  }

  @ParameterizedTest(name = "nu={0}")
  @CsvSource({"2", "3"})
  void asymmetricMapHasTheNtkAndFreeCellsOfTheHeuristics(int nu) {
    RegimeMap map = map(nu, false, 4);
    assertEquals(6, map.cells().size());
    // NTK: weights move little, a + nu b / 2 > 0; output negligible, a + nu - 1 + nu b < 0
    RegimeCell ntk = named(map, RegimeName.NTK);
    assertEquals(java.util.Set.of(ineq(0, 2, nu), ineq(1 - nu, -1, -nu)), java.util.Set.copyOf(ntk.facets()));
    assertEquals(List.of(Rational.ONE, Rational.ZERO, Rational.ZERO), ntk.normExponent());
    assertEquals(List.of(Rational.ZERO, Rational.MINUS_ONE, Rational.of(1 - nu)), ntk.timeExponent());
    // free evolution: output dominates, a + nu - 1 + nu b > 0; components do not interact, a < nu - 1
    RegimeCell free = named(map, RegimeName.FREE);
    assertEquals(java.util.Set.of(ineq(nu - 1, 1, nu), ineq(nu - 1, -1, 0)), java.util.Set.copyOf(free.facets()));
    named(map, RegimeName.LAZY_OUTPUT);
    assertEquals(3, map.cells().stream().filter(c -> c.name() == RegimeName.DRIFTING).count());
    // every cell meets at the mean-field point a = nu - 1, b = -2 (nu - 1) / nu
    assertEquals(1, map.vertices().size());
    RegimeVertex mf = map.vertices().get(0);
    assertEquals(pt(String.valueOf(nu - 1), (-2 * (nu - 1)) + "/" + nu), mf.point());
    assertEquals(RegimeName.MEAN_FIELD, mf.name());
    assertEquals(6, mf.cells().size());
    assertEquals(Rational.ONE, mf.limit().normExponent());
  }

  @Test
  void symmetricOrderTwoMapMeetsAtTheMeanFieldPoint() {
    RegimeMap map = map(2, true, 4);
    assertEquals(4, map.cells().size());
    RegimeCell free = named(map, RegimeName.FREE);
    assertEquals(java.util.Set.of(ineq(1, 1, 2), ineq(1, -1, 0)), java.util.Set.copyOf(free.facets()));
    assertEquals(2, map.cells().stream().filter(c -> c.name() == RegimeName.DRIFTING).count());
    // a > 1: the mean eigenvalue H sigma2 dominates; unnamed, with a power-law limit
    RegimeCell collective = map.cells().stream().filter(c -> c.name() == RegimeName.UNNAMED).findFirst().orElseThrow();
    assertEquals(LimitShape.BINOMIAL, collective.shape());
    assertEquals(1, map.vertices().size());
    assertEquals(pt("1", "-1"), map.vertices().get(0).point());
    assertEquals(RegimeName.MEAN_FIELD, map.vertices().get(0).name());
  }

  @Test
  void symmetricOrderThreeMapIsPinned() {
    RegimeMap map = map(3, true, 4);
    assertEquals(7, map.cells().size());
    named(map, RegimeName.FREE);
    assertEquals(6, map.cells().stream().filter(c -> c.name() == RegimeName.DRIFTING).count());
    List<List<Rational>> vertices = new ArrayList<>();
    map.vertices().forEach(v -> vertices.add(v.point()));
    assertEquals(List.of(pt("1", "-5/3"), pt("1", "-4/3"), pt("5/4", "-13/12")), vertices);
  }

  @ParameterizedTest(name = "nu={0} symmetric={1}")
  @CsvSource({"2, false", "3, false", "2, true"})
  void onlyCellsWhoseTimeScaleIsSetByTheHighestOrderChangeFromThreeToFour(int nu, boolean symmetric) {
    RegimeStudy study = RegimeStudy.compare(map(nu, symmetric, 4), java.util.Optional.of(map(nu, symmetric, 3)));
    assertTrue(!study.changes().isEmpty());
    for (RegimeStudy.Change change : study.changes()) {
      RegimeCell cell = change.current().or(change::previous).orElseThrow();
      assertEquals(RegimeName.DRIFTING, cell.name(), "only drifting cells may change: " + change);
    }
  }

  /**
   * Symmetric nu = 3: the free-evolution cell ends at a = (S+1)/S, where its neighbour's time
   * scale, set by order S, takes over; the boundary moves towards a = 1 as S grows.
   */
  @Test
  void symmetricOrderThreeFreeCellBoundaryMovesWithTheHighestOrder() {
    for (int order : new int[] {3, 4}) {
      RegimeCell free = named(map(3, true, order), RegimeName.FREE);
      assertEquals(java.util.Set.of(ineq(2, 1, 3),
          Polyhedron.normalized(new Polyhedron.Inequality(List.of(Rational.of(order + 1, order),
              Rational.MINUS_ONE, Rational.ZERO), false))), java.util.Set.copyOf(free.facets()), "S=" + order);
    }
    RegimeStudy study = RegimeStudy.compare(map(3, true, 4), java.util.Optional.of(map(3, true, 3)));
    for (RegimeStudy.Change change : study.changes()) {
      assertTrue(!change.explanation().isEmpty(), "every change explained: " + change);
    }
  }

  @Test
  void everyInteriorPointLiesInExactlyOneCell() {
    RegimeMap map = map(2, false, 4);
    for (RegimeCell c : map.cells()) {
      assertEquals(List.of(c), map.locate(c.interiorPoint()));
    }
    // a grid of points off the boundary lines: each in one cell, whose signature the ray confirms
    LossSeries series = series(2, false, 4);
    for (int i = -6; i <= 10; i++) {
      for (int j = -12; j <= 4; j++) {
        List<Rational> x = List.of(Rational.of(2 * i + 1, 7), Rational.of(2 * j + 1, 11));
        List<RegimeCell> cells = map.locate(x);
        if (cells.size() != 1) {
          continue; // on a boundary
        }
        RayLimit limit = RayLimits.analyze(series.coefficients(),
            Ray.of(Map.of(Variable.H, x.get(0), Variable.SIGMA2, x.get(1))));
        RegimeCell cell = cells.get(0);
        assertEquals(cell.survivingOrders(), limit.survivingOrders(), "at " + x);
        assertEquals(cell.limit(), limit.limitCoefficients(), "at " + x);
      }
    }
  }
}
