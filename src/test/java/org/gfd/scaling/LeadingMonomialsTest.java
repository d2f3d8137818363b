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
}
