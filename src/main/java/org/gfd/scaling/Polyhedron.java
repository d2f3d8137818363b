package org.gfd.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gfd.algebra.Rational;
import org.gfd.network.WorkBudget;

/**
 * A convex polyhedron in {@code Q^k} given by linear inequalities
 * {@code r_0 + r_1 x_1 + ... + r_k x_k >= 0} (or {@code > 0}), with exact rational arithmetic.
 * Immutable.
 *
 * <p>Points are found by Fourier&ndash;Motzkin elimination with strictness tracked (a combination
 * is strict when either part is), and back-substitution for a witness point; the point found
 * depends only on the set, not on how it is written. Feasibility, interiors and redundancy (is a
 * row implied by the others, hence {@link #facets()}) are decided by constraint generation on top
 * of it: the system of the rows gathered so far is solved, its point is checked against every
 * row, and the most violated row joins, until the point satisfies all (feasible) or the rows
 * gathered have no point (then neither has the whole system). Exact, and the systems eliminated
 * stay near the few rows that matter, where eliminating all rows at once costs up to
 * {@code (n/2)^(2^(k-1))} combinations for {@code n} rows in {@code k} unknowns (two unknowns
 * are cheap: the last elimination keeps only the tightest bounds).
 * Cost of a decision: per row gathered one elimination of the gathered rows and {@code O(n)}
 * row evaluations.
 */
public final class Polyhedron {
  /**
   * {@code row[0] + sum_j row[j] x_j >= 0}, or {@code > 0} when strict.
   *
   * @param row the constant, then one coefficient per unknown
   * @param strict whether equality is excluded
   */
  public record Inequality(List<Rational> row, boolean strict) {
    public Inequality {
      row = List.copyOf(row);
    }

    /** The value of the left-hand side at {@code x}. */
    public Rational valueAt(List<Rational> x) {
      Rational v = row.get(0);
      for (int j = 0; j < x.size(); j++) {
        v = v.add(row.get(j + 1).multiply(x.get(j)));
      }
      return v;
    }

    /** Whether {@code x} satisfies it. */
    public boolean holdsAt(List<Rational> x) {
      int sign = valueAt(x).signum();
      return strict ? sign > 0 : sign >= 0;
    }

    /** The opposite: {@code -row < 0} becomes {@code -row > 0} strict, and so on. */
    public Inequality negated() {
      return new Inequality(row.stream().map(Rational::negate).toList(), !strict);
    }

    /** The same inequality, strict or not. */
    public Inequality withStrict(boolean s) {
      return new Inequality(row, s);
    }

    boolean isTrivial() {
      for (int j = 1; j < row.size(); j++) {
        if (!row.get(j).isZero()) {
          return false;
        }
      }
      return true;
    }
  }

  private final int dimension;
  private final List<Inequality> inequalities;

  private Polyhedron(int dimension, List<Inequality> inequalities) {
    this.dimension = dimension;
    this.inequalities = List.copyOf(inequalities);
  }

  /** All of {@code Q^k}. */
  public static Polyhedron space(int dimension) {
    return new Polyhedron(dimension, List.of());
  }

  public int dimension() {
    return dimension;
  }

  public List<Inequality> inequalities() {
    return inequalities;
  }

  /** This polyhedron cut by more inequalities. */
  public Polyhedron and(List<Inequality> more) {
    List<Inequality> all = new ArrayList<>(inequalities);
    for (Inequality q : more) {
      if (q.row().size() != dimension + 1) {
        throw new IllegalArgumentException("inequality of the wrong dimension");
      }
      all.add(q);
    }
    return new Polyhedron(dimension, all);
  }

  /** Whether some point satisfies every inequality (strict ones strictly). */
  public boolean isFeasible() {
    return isFeasible(WorkBudget.unlimited());
  }

  /** {@link #isFeasible()}, polling {@code budget} during the elimination. */
  public boolean isFeasible(WorkBudget budget) {
    return generated(List.of(), inequalities, budget).isPresent();
  }

  /** A point satisfying every inequality (strict ones strictly), if there is one. */
  public Optional<List<Rational>> point(WorkBudget budget) {
    return witness(inequalities, budget);
  }

  /**
   * A point satisfying every inequality strictly: a point of the interior of the closure, which
   * exists exactly when the polyhedron is full-dimensional.
   */
  public Optional<List<Rational>> interiorPoint() {
    return interiorPoint(WorkBudget.unlimited());
  }

  /** {@link #interiorPoint()}, polling {@code budget} during the elimination. */
  public Optional<List<Rational>> interiorPoint(WorkBudget budget) {
    return witness(inequalities.stream().map(q -> q.withStrict(true)).toList(), budget);
  }

  /** Whether the polyhedron has interior points (is full-dimensional). */
  public boolean hasInterior() {
    return hasInterior(WorkBudget.unlimited());
  }

  /** {@link #hasInterior()}, polling {@code budget} during the elimination. */
  public boolean hasInterior(WorkBudget budget) {
    return generated(List.of(), inequalities.stream().map(q -> q.withStrict(true)).toList(), budget).isPresent();
  }

  /**
   * Whether every point satisfying the inequalities of this polyhedron non-strictly satisfies
   * {@code q} non-strictly: the closure lies in {@code q}'s closed half-space.
   */
  public boolean implies(Inequality q) {
    return implies(q, WorkBudget.unlimited());
  }

  /** {@link #implies(Inequality)}, polling {@code budget} during the elimination. */
  public boolean implies(Inequality q, WorkBudget budget) {
    List<Inequality> closure = inequalities.stream().map(r -> r.withStrict(false)).toList();
    return generated(List.of(q.withStrict(false).negated()), closure, budget).isEmpty();
  }

  /**
   * A point satisfying {@code seed} and {@code rows} (strict ones strictly), if there is one,
   * by constraint generation: the system of {@code seed} and the rows gathered so far is solved
   * by {@link #witness}; when its point violates some row, the most violated one (least value,
   * rows scaled as in {@link #normalized}) joins and the system is solved again. Every round adds
   * a row the previous point violated, so it ends within {@code |rows|} rounds; a gathered system
   * without a point proves that the whole has none, and a point of it satisfying every row is a
   * point of the whole.
   */
  private Optional<List<Rational>> generated(List<Inequality> seed, List<Inequality> rows, WorkBudget budget) {
    List<Inequality> all = dedupe(rows);
    List<Inequality> active = new ArrayList<>(seed);
    while (true) {
      budget.check();
      Optional<List<Rational>> x = witness(active, budget);
      if (x.isEmpty()) {
        return x;
      }
      Inequality worst = null;
      Rational worstValue = null;
      for (Inequality q : all) {
        if (!q.holdsAt(x.get())) {
          Rational v = q.valueAt(x.get());
          if (worst == null || v.compareTo(worstValue) < 0) {
            worst = q;
            worstValue = v;
          }
        }
      }
      if (worst == null) {
        return x;
      }
      active.add(worst);
    }
  }

  /**
   * The closure's non-redundant inequalities (its facets): non-strict, without duplicates, each
   * scaled by a positive number so that its last nonzero coefficient is {@code +-1}.
   */
  public List<Inequality> facets() {
    List<Inequality> kept = new ArrayList<>();
    Set<List<Rational>> seen = new LinkedHashSet<>();
    for (Inequality q : inequalities) {
      Inequality n = normalized(q.withStrict(false));
      if (n.isTrivial() || !seen.add(n.row())) {
        continue;
      }
      kept.add(n);
    }
    // one pass suffices (and drops what dropping the first implied row until none is left
    // would): dropping an implied row keeps the set, and a row the others do not imply is not
    // implied by any subset of them either
    int i = 0;
    while (i < kept.size()) {
      List<Inequality> others = new ArrayList<>(kept);
      Inequality q = others.remove(i);
      if (new Polyhedron(dimension, others).implies(q)) {
        kept = others;
      } else {
        i++;
      }
    }
    return kept;
  }

  /**
   * Whether the closure is bounded: along every axis both a lower and an upper bound follow from
   * the inequalities (each found by eliminating the other unknowns).
   */
  public boolean isBounded() {
    for (int axis = 1; axis <= dimension; axis++) {
      List<Inequality> system = new ArrayList<>();
      for (Inequality q : inequalities) {
        // move the axis to the first unknown, so that it is eliminated last
        List<Rational> row = new ArrayList<>(q.row());
        Rational t = row.get(1);
        row.set(1, row.get(axis));
        row.set(axis, t);
        system.add(new Inequality(row, false));
      }
      List<Inequality> current = dedupe(system);
      for (int j = dimension; j >= 2; j--) {
        current = eliminate(current, j, WorkBudget.unlimited());
      }
      boolean lower = false;
      boolean upper = false;
      for (Inequality q : current) {
        lower |= q.row().get(1).signum() > 0;
        upper |= q.row().get(1).signum() < 0;
      }
      if (!lower || !upper) {
        return false;
      }
    }
    return true;
  }

  /** The vertices of the closure (points where {@code k} independent facets meet). */
  public List<List<Rational>> vertices() {
    List<Inequality> f = facets();
    List<List<Rational>> out = new ArrayList<>();
    Set<List<Rational>> seen = new LinkedHashSet<>();
    int[] choice = new int[dimension];
    chooseVertices(f, 0, 0, choice, out, seen);
    return out;
  }

  private void chooseVertices(List<Inequality> f, int from, int depth, int[] choice,
      List<List<Rational>> out, Set<List<Rational>> seen) {
    if (depth == dimension) {
      Optional<List<Rational>> x = solve(f, choice);
      if (x.isPresent() && seen.add(x.get())) {
        boolean inside = true;
        for (Inequality q : f) {
          if (!q.holdsAt(x.get())) {
            inside = false;
            break;
          }
        }
        if (inside) {
          out.add(x.get());
        }
      }
      return;
    }
    for (int i = from; i < f.size(); i++) {
      choice[depth] = i;
      chooseVertices(f, i + 1, depth + 1, choice, out, seen);
    }
  }

  /** The unique solution of {@code row = 0} for the chosen rows, if they are independent. */
  private Optional<List<Rational>> solve(List<Inequality> f, int[] choice) {
    int k = dimension;
    Rational[][] m = new Rational[k][k + 1];
    for (int i = 0; i < k; i++) {
      List<Rational> row = f.get(choice[i]).row();
      for (int j = 0; j < k; j++) {
        m[i][j] = row.get(j + 1);
      }
      m[i][k] = row.get(0).negate();
    }
    for (int col = 0; col < k; col++) {
      int pivot = -1;
      for (int r = col; r < k; r++) {
        if (!m[r][col].isZero()) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        return Optional.empty();
      }
      Rational[] tmp = m[pivot];
      m[pivot] = m[col];
      m[col] = tmp;
      for (int r = 0; r < k; r++) {
        if (r != col && !m[r][col].isZero()) {
          Rational factor = m[r][col].divide(m[col][col]);
          for (int j = col; j <= k; j++) {
            m[r][j] = m[r][j].subtract(factor.multiply(m[col][j]));
          }
        }
      }
    }
    List<Rational> x = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      x.add(m[i][k].divide(m[i][i]));
    }
    return Optional.of(x);
  }

  /** The inequality scaled by a positive number so that its last nonzero coefficient is +-1. */
  static Inequality normalized(Inequality q) {
    Rational scale = null;
    for (int i = q.row().size() - 1; i >= 0 && scale == null; i--) {
      if (!q.row().get(i).isZero()) {
        scale = q.row().get(i).abs();
      }
    }
    if (scale == null) {
      return q;
    }
    Rational s = scale;
    return new Inequality(q.row().stream().map(r -> r.divide(s)).toList(), q.strict());
  }

  /**
   * A point satisfying the system, by Fourier&ndash;Motzkin elimination of the unknowns from the
   * last to the first and back-substitution (each unknown chosen strictly inside its interval).
   */
  private Optional<List<Rational>> witness(List<Inequality> system, WorkBudget budget) {
    List<List<Inequality>> levels = new ArrayList<>();
    List<Inequality> current = dedupe(system);
    for (int j = dimension; j >= 1; j--) {
      levels.add(0, current);
      current = eliminate(current, j, budget);
    }
    for (Inequality q : current) {
      int sign = q.row().get(0).signum();
      if (q.strict() ? sign <= 0 : sign < 0) {
        return Optional.empty();
      }
    }
    // back-substitution: levels.get(j-1) involves x_1..x_j
    List<Rational> x = new ArrayList<>();
    for (int j = 1; j <= dimension; j++) {
      Rational lower = null;
      boolean lowerStrict = false;
      Rational upper = null;
      boolean upperStrict = false;
      for (Inequality q : levels.get(j - 1)) {
        Rational coef = q.row().get(j);
        if (coef.isZero()) {
          continue;
        }
        Rational rest = q.row().get(0);
        for (int i = 1; i < j; i++) {
          rest = rest.add(q.row().get(i).multiply(x.get(i - 1)));
        }
        Rational bound = rest.negate().divide(coef); // x_j >= bound (coef > 0) or <= bound (coef < 0)
        if (coef.signum() > 0) {
          if (lower == null || bound.compareTo(lower) > 0 || (bound.equals(lower) && q.strict())) {
            lower = bound;
            lowerStrict = q.strict();
          }
        } else if (upper == null || bound.compareTo(upper) < 0 || (bound.equals(upper) && q.strict())) {
          upper = bound;
          upperStrict = q.strict();
        }
      }
      Rational value;
      if (lower == null && upper == null) {
        value = Rational.ZERO;
      } else if (lower == null) {
        value = upperStrict ? upper.subtract(Rational.ONE) : upper;
      } else if (upper == null) {
        value = lowerStrict ? lower.add(Rational.ONE) : lower;
      } else if (lower.equals(upper)) {
        value = lower;
      } else {
        value = lower.add(upper).multiply(Rational.HALF);
      }
      x.add(value);
    }
    for (Inequality q : system) {
      if (!q.holdsAt(x)) {
        throw new IllegalStateException("Fourier-Motzkin witness fails " + q.row() + " at " + x);
      }
    }
    return Optional.of(x);
  }

  /**
   * Fourier&ndash;Motzkin: the system on {@code x_1..x_{j-1}} implied by one on {@code x_1..x_j}.
   * When that leaves {@code x_1} alone, only the tightest lower and upper bound (and one violated
   * constant row, if any) are kept: the same set, so the result stays small however many rows
   * were combined.
   */
  private static List<Inequality> eliminate(List<Inequality> current, int j, WorkBudget budget) {
    List<Inequality> pos = new ArrayList<>();
    List<Inequality> neg = new ArrayList<>();
    List<Inequality> next = new ArrayList<>();
    for (Inequality q : current) {
      int sign = q.row().get(j).signum();
      (sign > 0 ? pos : sign < 0 ? neg : next).add(q);
    }
    Bounds bounds = j == 2 ? new Bounds() : null;
    List<Inequality> trimmed = new ArrayList<>();
    for (Inequality q : next) {
      List<Rational> row = q.row().subList(0, j);
      if (bounds != null) {
        bounds.add(row.get(0), row.get(1), q.strict());
      } else {
        trimmed.add(new Inequality(row, q.strict()));
      }
    }
    for (Inequality p : pos) {
      for (Inequality n : neg) {
        budget.check();
        Rational a = n.row().get(j).negate();
        Rational b = p.row().get(j);
        List<Rational> combo = new ArrayList<>(j);
        for (int i = 0; i < j; i++) {
          combo.add(p.row().get(i).multiply(a).add(n.row().get(i).multiply(b)));
        }
        if (bounds != null) {
          bounds.add(combo.get(0), combo.get(1), p.strict() || n.strict());
        } else {
          trimmed.add(new Inequality(combo, p.strict() || n.strict()));
        }
      }
    }
    return bounds != null ? bounds.rows() : dedupe(trimmed);
  }

  /**
   * Rows {@code c0 + c1 x (>= | >) 0} in one unknown, kept as the tightest lower bound, the
   * tightest upper bound (each strict when a strict row attains it) and one violated constant row.
   */
  private static final class Bounds {
    private Rational lower;
    private boolean lowerStrict;
    private Rational upper;
    private boolean upperStrict;
    private Inequality violated;

    void add(Rational c0, Rational c1, boolean strict) {
      if (c1.isZero()) {
        if (strict ? c0.signum() <= 0 : c0.signum() < 0) {
          violated = new Inequality(List.of(c0, Rational.ZERO), strict);
        }
        return;
      }
      Rational bound = c0.negate().divide(c1);
      if (c1.signum() > 0) {
        int cmp = lower == null ? 1 : bound.compareTo(lower);
        if (cmp > 0) {
          lower = bound;
          lowerStrict = strict;
        } else if (cmp == 0) {
          lowerStrict |= strict;
        }
      } else {
        int cmp = upper == null ? -1 : bound.compareTo(upper);
        if (cmp < 0) {
          upper = bound;
          upperStrict = strict;
        } else if (cmp == 0) {
          upperStrict |= strict;
        }
      }
    }

    /** {@code x - lower >= 0}, {@code upper - x >= 0}, and the violated row. */
    List<Inequality> rows() {
      List<Inequality> out = new ArrayList<>(3);
      if (lower != null) {
        out.add(new Inequality(List.of(lower.negate(), Rational.ONE), lowerStrict));
      }
      if (upper != null) {
        out.add(new Inequality(List.of(upper, Rational.MINUS_ONE), upperStrict));
      }
      if (violated != null) {
        out.add(violated);
      }
      return out;
    }
  }

  private static List<Inequality> dedupe(List<Inequality> rows) {
    Set<List<Object>> seen = new LinkedHashSet<>();
    List<Inequality> out = new ArrayList<>();
    for (Inequality q : rows) {
      Inequality n = normalized(q);
      if (n.isTrivial() && (n.strict() ? n.row().get(0).signum() > 0 : n.row().get(0).signum() >= 0)) {
        continue; // always true
      }
      if (seen.add(Arrays.asList(n.row(), n.strict()))) {
        out.add(n);
      }
    }
    return out;
  }
}
