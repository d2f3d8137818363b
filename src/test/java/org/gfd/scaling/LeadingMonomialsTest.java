package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfd.algebra.Monomial;
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
}
