package org.gfd.scaling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;

/**
 * Which monomials can lead along a ray. Put every variable other than the base {@code p} on a ray
 * {@code x_j = p^(a_j)} (docs/specification.md &sect;4); a monomial {@code m} then grows like
 * {@code p^(e_p(m) + sum_j a_j e_j(m))}. A monomial is <em>leading on some ray</em> when some real
 * exponents {@code a} make its growth at least that of every other monomial of the set: the
 * monomials on the upper boundary of the Newton polytope, seen from the {@code p} direction.
 *
 * <p>Decided exactly as the feasibility of the {@link Polyhedron}
 * {@code (e(m) - e(m')) . (1, a) >= 0}, one inequality per other monomial {@code m'}; monomials
 * dominated by one with the same exponents outside {@code p} and a higher power of {@code p} are
 * dropped first, and the polyhedron is built by constraint generation (only the rows a witness
 * violates are added), so that it stays small. Cost: per monomial, a few small eliminations and
 * {@code O(N)} row evaluations per added row, {@code N} the number of monomials.
 */
public final class LeadingMonomials {
  private LeadingMonomials() {}

  /** The monomials of {@code monomials} that lead on some ray, in their given order. */
  public static Set<Monomial> onSomeRay(Collection<Monomial> monomials, Variable base) {
    return onSomeRay(monomials, base, WorkBudget.unlimited());
  }

  /**
   * {@link #onSomeRay(Collection, Variable)}, polling {@code budget}.
   *
   * @throws org.gfd.error.StoppedException when the budget runs out first
   */
  public static Set<Monomial> onSomeRay(Collection<Monomial> monomials, Variable base, WorkBudget budget) {
    Set<Variable> others = new TreeSet<>();
    for (Monomial m : monomials) {
      for (Variable v : m.powers().keySet()) {
        if (!v.equals(base)) {
          others.add(v);
        }
      }
    }
    List<Variable> vars = new ArrayList<>(others);
    // a monomial with the same exponents outside p as another but a lower power of p never leads
    Map<List<Integer>, Integer> topPower = new HashMap<>();
    for (Monomial m : monomials) {
      topPower.merge(outside(m, vars), m.exponent(base), Math::max);
    }
    List<Monomial> candidates = new ArrayList<>();
    for (Monomial m : new LinkedHashSet<>(monomials)) {
      if (m.exponent(base) == topPower.get(outside(m, vars))) {
        candidates.add(m);
      }
    }
    Set<Monomial> leading = new LinkedHashSet<>();
    for (Monomial m : candidates) {
      if (leadsSomewhere(m, candidates, vars, base, budget)) {
        leading.add(m);
      }
    }
    return leading;
  }

  /**
   * The monomials that alone lead on rays arbitrarily close to the exponent point {@code x}
   * ({@code point}, one exponent per variable of {@code axes}; every variable of the monomials
   * other than {@code p} must be an axis): among the monomials tied for the largest growth
   * {@code lin_m(x)}, those whose exponent vectors {@code L_m} on the axes are vertices of
   * {@code Q = conv{L_m}}. Near {@code x} the growth of a tied monomial is
   * {@code lin_m(x) + L_m . y} with {@code y} the displacement, so exactly these lead alone on
   * an open cone of directions; the others lead only where vertices of {@code Q} tie with them.
   *
   * <p>Method (output-sensitive, as in Clarkson's algorithm): the vertices found so far form
   * {@code V}; each tied monomial {@code q} in turn is tested for a direction {@code y} with
   * {@code (L_q - L_v) . y > 0} for every {@code v} of {@code V}, a {@link Polyhedron} of
   * {@code |V|} strict rows. When there is none, {@code L_q} lies in {@code conv V} (Gordan's
   * alternative) and is no vertex. When there is one, the tied monomials maximizing
   * {@code L . y} form a face of {@code Q} that misses {@code V}; the lexicographically largest
   * {@code L} on it is a vertex of {@code Q}, which joins {@code V}, and {@code q} is tested
   * again. Exact. Cost: {@code O(N)} growth evaluations to find the tied monomials, then per
   * tied monomial and per vertex found one elimination with {@code |V|} rows and {@code O(T)}
   * evaluations, {@code T} the number of tied monomials.
   *
   * @return the vertex monomials, in the order given
   * @throws org.gfd.error.StoppedException when the budget runs out first
   * @throws IllegalArgumentException when a monomial has a variable other than {@code p} off the axes
   */
  public static List<Monomial> near(Collection<Monomial> monomials, List<Variable> axes, List<Rational> point,
      WorkBudget budget) {
    List<Monomial> tied = new ArrayList<>();
    Rational best = null;
    for (Monomial m : new LinkedHashSet<>(monomials)) {
      for (Variable v : m.powers().keySet()) {
        if (!v.equals(Variable.P) && !axes.contains(v)) {
          throw new IllegalArgumentException(v + " is not an axis of " + axes);
        }
      }
      Rational g = growth(m, axes, point);
      int cmp = best == null ? 1 : g.compareTo(best);
      if (cmp > 0) {
        best = g;
        tied.clear();
      }
      if (cmp >= 0) {
        tied.add(m);
      }
    }
    Set<Monomial> vertices = new LinkedHashSet<>();
    for (Monomial q : tied) {
      while (!vertices.contains(q)) {
        budget.check();
        List<Polyhedron.Inequality> rows = new ArrayList<>();
        for (Monomial v : vertices) {
          List<Rational> row = new ArrayList<>();
          row.add(Rational.ZERO);
          for (Variable x : axes) {
            row.add(Rational.of(q.exponent(x) - v.exponent(x)));
          }
          rows.add(new Polyhedron.Inequality(row, true));
        }
        Optional<List<Rational>> y = Polyhedron.space(axes.size()).and(rows).point(budget);
        if (y.isEmpty()) {
          break;
        }
        vertices.add(lexicographicArgmax(tied, axes, y.get()));
      }
    }
    return tied.stream().filter(vertices::contains).toList();
  }

  /** {@code lin_m(x) = e_p(m) + sum_j e_j(m) x_j}: the power of {@code p} that {@code m} grows like at the point {@code x}. */
  static Rational growth(Monomial m, List<Variable> axes, List<Rational> point) {
    Rational g = Rational.of(m.exponent(Variable.P));
    for (int j = 0; j < axes.size(); j++) {
      int k = m.exponent(axes.get(j));
      if (k != 0) {
        g = g.add(point.get(j).multiply(Rational.of(k)));
      }
    }
    return g;
  }

  /**
   * Among the monomials maximizing {@code L . y}, the one with the lexicographically largest
   * exponent vector {@code L} on the axes: a vertex of the face of {@code conv{L}} that {@code y}
   * exposes.
   */
  private static Monomial lexicographicArgmax(List<Monomial> monomials, List<Variable> axes, List<Rational> y) {
    Monomial best = null;
    Rational bestValue = null;
    for (Monomial m : monomials) {
      Rational value = Rational.ZERO;
      for (int j = 0; j < axes.size(); j++) {
        value = value.add(y.get(j).multiply(Rational.of(m.exponent(axes.get(j)))));
      }
      int cmp = best == null ? 1 : value.compareTo(bestValue);
      for (int j = 0; j < axes.size() && cmp == 0; j++) {
        cmp = Integer.compare(m.exponent(axes.get(j)), best.exponent(axes.get(j)));
      }
      if (cmp > 0) {
        best = m;
        bestValue = value;
      }
    }
    return best;
  }

  private static List<Integer> outside(Monomial m, List<Variable> vars) {
    return vars.stream().map(m::exponent).toList();
  }

  /**
   * Whether some exponents {@code a} make {@code m} grow at least as fast as every other
   * candidate. Decided by constraint generation: the polyhedron of the rows met so far is solved,
   * its point is checked against every row, and the most violated row is added until the point
   * satisfies all (then {@code m} leads) or the rows gathered have no point (then no {@code a}
   * satisfies all of them either). Exact, and the rows gathered stay few: those of the hull's
   * vertices near {@code m}.
   */
  private static boolean leadsSomewhere(Monomial m, List<Monomial> candidates, List<Variable> vars,
      Variable base, WorkBudget budget) {
    List<Polyhedron.Inequality> rows = new ArrayList<>();
    for (Monomial o : candidates) {
      if (o.equals(m)) {
        continue;
      }
      // growth of m minus growth of o, as an affine function of the exponents a, must be >= 0
      List<Rational> row = new ArrayList<>();
      row.add(Rational.of(m.exponent(base) - o.exponent(base)));
      for (Variable v : vars) {
        row.add(Rational.of(m.exponent(v) - o.exponent(v)));
      }
      rows.add(new Polyhedron.Inequality(row, false));
    }
    List<Polyhedron.Inequality> active = new ArrayList<>();
    while (true) {
      budget.check();
      Optional<List<Rational>> a = Polyhedron.space(vars.size()).and(active).point(budget);
      if (a.isEmpty()) {
        return false;
      }
      Polyhedron.Inequality worst = null;
      Rational worstValue = Rational.ZERO;
      for (Polyhedron.Inequality q : rows) {
        Rational value = q.valueAt(a.get());
        if (value.compareTo(worstValue) < 0) {
          worst = q;
          worstValue = value;
        }
      }
      if (worst == null) {
        return true;
      }
      active.add(worst);
    }
  }
}
