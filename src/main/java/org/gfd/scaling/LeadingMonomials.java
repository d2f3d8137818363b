package org.gfd.scaling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * Which monomials can lead along a ray. Put every variable other than the base {@code p} on a ray
 * {@code x_j = p^(a_j)} (DESIGN &sect;4); a monomial {@code m} then grows like
 * {@code p^(e_p(m) + sum_j a_j e_j(m))}. A monomial is <em>leading on some ray</em> when some real
 * exponents {@code a} make its growth at least that of every other monomial of the set: the
 * monomials on the upper boundary of the Newton polytope, seen from the {@code p} direction.
 *
 * <p>Decided exactly by Fourier&ndash;Motzkin elimination over the rationals on the system
 * {@code (e(m) - e(m')) . (1, a) >= 0}, one inequality per other monomial {@code m'}.
 */
public final class LeadingMonomials {
  private LeadingMonomials() {}

  /** The monomials of {@code monomials} that lead on some ray, in their given order. */
  public static Set<Monomial> onSomeRay(Collection<Monomial> monomials, Variable base) {
    Set<Variable> others = new TreeSet<>();
    for (Monomial m : monomials) {
      for (Variable v : m.powers().keySet()) {
        if (!v.equals(base)) {
          others.add(v);
        }
      }
    }
    List<Variable> vars = new ArrayList<>(others);
    Set<Monomial> distinct = new LinkedHashSet<>(monomials);
    Set<Monomial> leading = new LinkedHashSet<>();
    for (Monomial m : distinct) {
      List<Rational[]> system = new ArrayList<>();
      for (Monomial o : distinct) {
        if (o.equals(m)) {
          continue;
        }
        // row: constant + sum_j coef_j a_j >= 0
        Rational[] row = new Rational[vars.size() + 1];
        row[0] = Rational.of(m.exponent(base) - o.exponent(base));
        for (int j = 0; j < vars.size(); j++) {
          row[j + 1] = Rational.of(m.exponent(vars.get(j)) - o.exponent(vars.get(j)));
        }
        system.add(row);
      }
      if (feasible(system, vars.size())) {
        leading.add(m);
      }
    }
    return leading;
  }

  /**
   * Whether {@code row[0] + sum_j row[j] x_j >= 0} for all rows has a real solution
   * {@code x_1..x_k}: Fourier&ndash;Motzkin elimination of {@code x_k, ..., x_1}.
   */
  static boolean feasible(List<Rational[]> rows, int k) {
    List<Rational[]> current = dedupe(rows);
    for (int j = k; j >= 1; j--) {
      List<Rational[]> pos = new ArrayList<>();
      List<Rational[]> neg = new ArrayList<>();
      List<Rational[]> next = new ArrayList<>();
      for (Rational[] r : current) {
        int sign = r[j].signum();
        (sign > 0 ? pos : sign < 0 ? neg : next).add(r);
      }
      for (Rational[] p : pos) {
        for (Rational[] n : neg) {
          // p[j] > 0, n[j] < 0: (-n[j]) p + p[j] n eliminates x_j
          Rational a = n[j].negate();
          Rational b = p[j];
          Rational[] combo = new Rational[j];
          for (int i = 0; i < j; i++) {
            combo[i] = p[i].multiply(a).add(n[i].multiply(b));
          }
          next.add(combo);
        }
      }
      List<Rational[]> trimmed = new ArrayList<>();
      for (Rational[] r : next) {
        Rational[] t = new Rational[j];
        System.arraycopy(r, 0, t, 0, j);
        trimmed.add(t);
      }
      current = dedupe(trimmed);
    }
    for (Rational[] r : current) {
      if (r[0].signum() < 0) {
        return false;
      }
    }
    return true;
  }

  /** Drops duplicate rows after scaling each to a canonical multiple. */
  private static List<Rational[]> dedupe(List<Rational[]> rows) {
    Set<List<Rational>> seen = new LinkedHashSet<>();
    List<Rational[]> out = new ArrayList<>();
    for (Rational[] r : rows) {
      Rational scale = null;
      for (int i = r.length - 1; i >= 0 && scale == null; i--) {
        if (!r[i].isZero()) {
          scale = r[i].abs();
        }
      }
      if (scale == null) {
        continue; // 0 >= 0
      }
      Rational[] s = new Rational[r.length];
      for (int i = 0; i < r.length; i++) {
        s[i] = r[i].divide(scale);
      }
      if (seen.add(List.of(s))) {
        out.add(s);
      }
    }
    return out;
  }
}
