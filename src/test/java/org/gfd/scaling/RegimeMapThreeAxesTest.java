package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.junit.jupiter.api.Test;

/**
 * A regime map in three exponents ({@code H = h p^a}, {@code n = m p^d}, {@code sigma2 = v p^b}),
 * as the autoencoder's will be, from a hand-made list of polynomials, against a brute-force
 * classification of a grid of rational points: at each point the signature is computed from the
 * definition in {@link RegimeMap} (the unique monomial of {@code c_0} with the largest growth,
 * the orders of least rate {@code (E_0 - E_s)/s}, their unique leading monomials), and a point
 * is generic when every such maximum is unique and the least rates are one affine function.
 * Every generic point must lie in exactly one cell, of its signature; every point in some cell;
 * every cell's interior point must be generic with that cell's signature; and every signature
 * the grid sees must be a cell.
 */
class RegimeMapThreeAxesTest {
  private static final List<Variable> AXES = List.of(Variable.H, Variable.N, Variable.SIGMA2);

  /** {@code coef p^i H^j n^l sigma2^k}. */
  private static Polynomial term(long coef, int i, int j, int l, int k) {
    return Polynomial.term(Rational.of(coef),
        Monomial.of(Map.of(Variable.P, i, Variable.H, j, Variable.N, l, Variable.SIGMA2, k)));
  }

  /**
   * {@code c_0..c_3}: a target term {@code p} against two output terms in {@code c_0}, and
   * orders whose monomials mix all three sizes, so that the map has bounded and unbounded cells
   * and vertices where several monomials tie.
   */
  static List<Polynomial> coefficients() {
    Polynomial c0 = term(1, 1, 0, 0, 0).add(term(1, 1, 1, 1, 2)).add(term(-2, 1, 1, 0, 1)).add(term(1, 0, 0, 1, 1));
    Polynomial c1 = term(-2, 1, 1, 0, 1).add(term(3, 1, 1, 1, 2)).add(term(-1, 2, 1, 1, 2)).add(term(4, 0, 1, 1, 1));
    Polynomial c2 = term(8, 1, 2, 0, 2).add(term(-5, 2, 1, 1, 3)).add(term(1, 0, 1, 2, 2)).add(term(6, 1, 1, 2, 3));
    Polynomial c3 = term(-32, 1, 3, 0, 3).add(term(7, 2, 2, 1, 4)).add(term(-1, 1, 0, 3, 3)).add(term(2, 3, 1, 0, 3));
    return List.of(c0, c1, c2, c3);
  }

  /** A cell's signature: normalizing monomial, surviving orders and their monomials. */
  private record Signature(List<Integer> surviving, SortedMap<Integer, Monomial> leading) {}

  private static Rational growth(Monomial m, List<Rational> x) {
    Rational g = Rational.of(m.exponent(Variable.P));
    for (int j = 0; j < AXES.size(); j++) {
      g = g.add(x.get(j).multiply(Rational.of(m.exponent(AXES.get(j)))));
    }
    return g;
  }

  /** The monomials of {@code c} with the largest growth at {@code x}. */
  private static List<Monomial> argmax(Polynomial c, List<Rational> x) {
    List<Monomial> best = new ArrayList<>();
    Rational top = null;
    for (Monomial m : c.terms().keySet()) {
      Rational g = growth(m, x);
      int cmp = top == null ? 1 : g.compareTo(top);
      if (cmp > 0) {
        top = g;
        best.clear();
      }
      if (cmp >= 0) {
        best.add(m);
      }
    }
    return best;
  }

  /** {@code (lin_norm - lin_m)/s} as the affine row {@code [constant, per axis]}. */
  private static List<Rational> rate(Monomial norm, Monomial m, int s) {
    List<Rational> row = new ArrayList<>();
    row.add(Rational.of(norm.exponent(Variable.P) - m.exponent(Variable.P), s));
    for (Variable v : AXES) {
      row.add(Rational.of(norm.exponent(v) - m.exponent(v), s));
    }
    return row;
  }

  /** The signature at {@code x} by the definition; empty when {@code x} is not generic. */
  private static Optional<Signature> bruteForce(List<Polynomial> coefficients, List<Rational> x) {
    List<Monomial> norms = argmax(coefficients.get(0), x);
    if (norms.size() != 1) {
      return Optional.empty();
    }
    Monomial norm = norms.get(0);
    Rational least = null;
    List<Integer> orders = new ArrayList<>();
    for (int s = 1; s < coefficients.size(); s++) {
      if (coefficients.get(s).isZero()) {
        continue;
      }
      Monomial m = argmax(coefficients.get(s), x).get(0);
      Rational g = growth(norm, x).subtract(growth(m, x)).divide(Rational.of(s));
      int cmp = least == null ? -1 : g.compareTo(least);
      if (cmp < 0) {
        least = g;
        orders.clear();
      }
      if (cmp <= 0) {
        orders.add(s);
      }
    }
    SortedMap<Integer, Monomial> leading = new TreeMap<>();
    leading.put(0, norm);
    Set<List<Rational>> rates = new LinkedHashSet<>();
    for (int s : orders) {
      List<Monomial> ms = argmax(coefficients.get(s), x);
      if (ms.size() != 1) {
        return Optional.empty();
      }
      leading.put(s, ms.get(0));
      rates.add(rate(norm, ms.get(0), s));
    }
    if (rates.size() > 1) {
      return Optional.empty();
    }
    return Optional.of(new Signature(orders, leading));
  }

  private static Signature signature(RegimeCell cell) {
    return new Signature(cell.survivingOrders(), new TreeMap<>(cell.leading()));
  }

  @Test
  void cellsAgreeWithTheDefinitionOnAGrid() {
    List<Polynomial> coefficients = coefficients();
    RegimeMap map = RegimeMap.of(coefficients, AXES, CpModels.ROLES);
    assertTrue(map.cells().size() >= 6, "a map worth testing: " + map.cells().size() + " cells");
    assertFalse(map.vertices().isEmpty(), "a map with vertices");
    for (RegimeCell c : map.cells()) {
      assertEquals(Optional.of(signature(c)), bruteForce(coefficients, c.interiorPoint()),
          "interior point of cell " + c.id());
    }
    Set<Signature> seen = new LinkedHashSet<>();
    int generic = 0;
    // halves hit the planes where monomials tie; odd fifths mostly miss them
    for (int den : new int[] {2, 5}) {
      for (int i = -6 * den; i <= 6 * den; i++) {
        for (int j = -6 * den; j <= 6 * den; j++) {
          for (int k = -6 * den; k <= 6 * den; k++) {
            if (den == 5 && (i % 2 == 0 || j % 2 == 0 || k % 2 == 0)) {
              continue;
            }
            List<Rational> x = List.of(Rational.of(i, den), Rational.of(j, den), Rational.of(k, den));
            List<RegimeCell> cells = map.locate(x);
            assertFalse(cells.isEmpty(), "some cell holds " + x);
            Optional<Signature> sig = bruteForce(coefficients, x);
            if (sig.isEmpty()) {
              continue;
            }
            generic++;
            seen.add(sig.get());
            assertEquals(1, cells.size(), "a generic point lies in one cell: " + x + " in " + cells);
            assertEquals(sig.get(), signature(cells.get(0)), "signature at " + x);
          }
        }
      }
    }
    assertTrue(generic > 1000, "generic points tried: " + generic);
    Set<Signature> cells = new LinkedHashSet<>();
    map.cells().forEach(c -> cells.add(signature(c)));
    assertEquals(cells, seen, "the grid sees every cell and no other signature");
  }
}
