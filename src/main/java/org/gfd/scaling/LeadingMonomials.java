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
import org.gfd.network.WorkBudget;

/**
 * Which monomials can lead along a ray. Put every variable other than the base {@code p} on a ray
 * {@code x_j = p^(a_j)} (docs/specification.md &sect;4); a monomial {@code m} then grows like
 * {@code p^(e_p(m) + sum_j a_j e_j(m))}. A monomial is <em>leading on some ray</em> when some real
 * exponents {@code a} make its growth at least that of every other monomial of the set: the
 * monomials on the upper boundary of the Newton polytope, seen from the {@code p} direction.
 *
 * <p>Decided exactly as the feasibility of the {@link Polyhedron}
 * {@code (e(m) - e(m')) . (1, a) >= 0}, one inequality per other monomial {@code m'}.
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
    Set<Monomial> distinct = new LinkedHashSet<>(monomials);
    Set<Monomial> leading = new LinkedHashSet<>();
    for (Monomial m : distinct) {
      List<Polyhedron.Inequality> system = new ArrayList<>();
      for (Monomial o : distinct) {
        if (o.equals(m)) {
          continue;
        }
        // growth of m minus growth of o, as an affine function of the exponents a, must be >= 0
        List<Rational> row = new ArrayList<>();
        row.add(Rational.of(m.exponent(base) - o.exponent(base)));
        for (Variable v : vars) {
          row.add(Rational.of(m.exponent(v) - o.exponent(v)));
        }
        system.add(new Polyhedron.Inequality(row, false));
      }
      if (Polyhedron.space(vars.size()).and(system).isFeasible(budget)) {
        leading.add(m);
      }
    }
    return leading;
  }
}
