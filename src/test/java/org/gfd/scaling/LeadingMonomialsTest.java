package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.junit.jupiter.api.Test;

class LeadingMonomialsTest {
  private static Monomial m(int p, int h, int s) {
    return Monomial.of(Map.of(Variable.P, p, Variable.H, h, Variable.SIGMA2, s));
  }

  @Test
  void dominatedMonomialsAreNotLeading() {
    // p^2 beats p on every ray, so p never leads; p^2 and p^3 H sigma2^3 each lead on some ray
    Monomial a = m(1, 0, 0);
    Monomial b = m(3, 1, 3);
    Monomial inside = m(2, 0, 0);
    assertEquals(Set.of(inside, b), LeadingMonomials.onSomeRay(List.of(a, b, inside), Variable.P));
  }

  @Test
  void interiorPointOfTheNewtonPolygonIsNotLeading() {
    // (e_H, e_s) = (0,0), (2,0), (0,2) with equal p exponent; (1,0) lies on an edge (leading, with ties)
    Monomial o = m(0, 0, 0);
    Monomial h2 = m(0, 2, 0);
    Monomial s2 = m(0, 0, 2);
    Monomial edge = m(0, 1, 0);
    Monomial inner = m(-1, 1, 1); // strictly below the plane through o, h2, s2 at (1,1)
    Set<Monomial> leading = LeadingMonomials.onSomeRay(List.of(o, h2, s2, edge, inner), Variable.P);
    assertEquals(Set.of(o, h2, s2, edge), leading);
  }

  /**
   * Random sets of monomials in p, H, sigma2: the fast decision (dominated monomials dropped,
   * constraint generation) against the definition, one polyhedron with every other monomial's row.
   */
  @Test
  void agreesWithTheDefinitionOnRandomSets() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      List<Monomial> ms = new ArrayList<>();
      int n = 1 + rnd.nextInt(25);
      for (int i = 0; i < n; i++) {
        ms.add(Monomial.of(Variable.P, rnd.nextInt(6)).multiply(Monomial.of(Variable.H, rnd.nextInt(5)))
            .multiply(Monomial.of(Variable.SIGMA2, rnd.nextInt(7))));
      }
      Set<Monomial> expected = new LinkedHashSet<>();
      for (Monomial m : new LinkedHashSet<>(ms)) {
        List<Polyhedron.Inequality> rows = new ArrayList<>();
        for (Monomial o : ms) {
          rows.add(new Polyhedron.Inequality(List.of(
              Rational.of(m.exponent(Variable.P) - o.exponent(Variable.P)),
              Rational.of(m.exponent(Variable.H) - o.exponent(Variable.H)),
              Rational.of(m.exponent(Variable.SIGMA2) - o.exponent(Variable.SIGMA2))), false));
        }
        if (Polyhedron.space(2).and(rows).isFeasible()) {
          expected.add(m);
        }
      }
      boolean twoAxes = ms.stream().anyMatch(m -> m.exponent(Variable.H) > 0)
          && ms.stream().anyMatch(m -> m.exponent(Variable.SIGMA2) > 0);
      if (twoAxes) {
        assertEquals(List.copyOf(expected), List.copyOf(LeadingMonomials.onSomeRay(ms, Variable.P)), "set " + ms);
      }
    }
  }

  /**
   * Near a point only the tied monomials whose exponents on the axes are vertices of their hull
   * lead alone: the symmetric {@code nu = 2} order 1 at the mean-field point {@code (1, -1)} ties
   * six monomials whose exponents {@code (e_H, e_sigma2)} form a triangle with the midpoints of
   * its sides (and {@code sigma2}, which falls behind there); only the corners are kept.
   */
  @Test
  void nearAPointOnlyTheCornersOfTheTiedExponentsLead() {
    List<Monomial> c1 = List.of(m(1, 1, 1), m(1, 2, 2), m(1, 3, 3), m(2, 1, 2), m(2, 2, 3), m(3, 1, 3), m(0, 0, 1));
    List<Monomial> near = LeadingMonomials.near(c1, List.of(Variable.H, Variable.SIGMA2),
        List.of(Rational.ONE, Rational.MINUS_ONE), org.gfd.network.WorkBudget.unlimited());
    assertEquals(List.of(m(1, 1, 1), m(1, 3, 3), m(3, 1, 3)), near);
  }

  /**
   * Random sets in two and three axes, many monomials tied at the point: the output-sensitive
   * search against the definition, a monomial being kept when some direction makes it grow
   * strictly faster than every other tied one (one strict system, solved by elimination).
   */
  @Test
  void nearAgreesWithTheDefinitionOnRandomSets() {
    Random rnd = new Random(17);
    List<Variable> all = List.of(Variable.H, Variable.N, Variable.SIGMA2);
    for (int trial = 0; trial < 400; trial++) {
      List<Variable> axes = all.subList(0, 2 + rnd.nextInt(2));
      List<Rational> x = new ArrayList<>();
      axes.forEach(v -> x.add(Rational.of(rnd.nextInt(5) - 2)));
      List<Monomial> ms = new ArrayList<>();
      int n = 1 + rnd.nextInt(30);
      for (int i = 0; i < n; i++) {
        Monomial outside = Monomial.ONE;
        int growth = 0;
        for (int j = 0; j < axes.size(); j++) {
          int e = rnd.nextInt(5);
          outside = outside.multiply(Monomial.of(axes.get(j), e));
          growth += e * x.get(j).numerator().intValueExact();
        }
        // p^(20 - growth) ties every such monomial at x; a lower power of p falls behind
        ms.add(outside.multiply(Monomial.of(Variable.P, 20 - growth - (rnd.nextInt(3) == 0 ? 1 : 0))));
      }
      List<Monomial> tied = new ArrayList<>();
      int top = Integer.MIN_VALUE;
      for (Monomial m : new LinkedHashSet<>(ms)) {
        int g = m.exponent(Variable.P);
        for (int j = 0; j < axes.size(); j++) {
          g += m.exponent(axes.get(j)) * x.get(j).numerator().intValueExact();
        }
        if (g > top) {
          top = g;
          tied.clear();
        }
        if (g == top) {
          tied.add(m);
        }
      }
      List<Monomial> expected = new ArrayList<>();
      for (Monomial m : tied) {
        List<Polyhedron.Inequality> rows = new ArrayList<>();
        for (Monomial o : tied) {
          if (!o.equals(m)) {
            List<Rational> row = new ArrayList<>();
            row.add(Rational.ZERO);
            axes.forEach(v -> row.add(Rational.of(m.exponent(v) - o.exponent(v))));
            rows.add(new Polyhedron.Inequality(row, true));
          }
        }
        if (Polyhedron.space(axes.size()).and(rows).point(org.gfd.network.WorkBudget.unlimited()).isPresent()) {
          expected.add(m);
        }
      }
      assertEquals(expected, LeadingMonomials.near(ms, axes, x, org.gfd.network.WorkBudget.unlimited()),
          "set " + ms + " at " + x);
    }
  }
}
