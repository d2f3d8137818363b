package org.gfd.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.gfd.network.WorkBudget;

/**
 * The regime map of a loss series (docs/specification.md &sect;5): the subdivision of the space of ray exponents
 * {@code x = (a_1..a_k)} (for CP: {@code H = h p^a, sigma2 = v p^b}) into cells on which the
 * normalizing monomial of {@code c_0}, the set of surviving orders and their leading monomials
 * are constant, computed exactly from {@code c_0..c_S} with {@code e = E_0} and
 * {@code c = min_{s>=1} (e - E_s)/s}.
 *
 * <p>Method. On a ray every monomial {@code m} grows like {@code p^(lin_m(x))} with
 * {@code lin_m} affine; only the monomials leading on some ray ({@link LeadingMonomials}) can
 * matter. (1) The space is cut, order by order, into the regions where one monomial of each
 * {@code c_s} leads (the common refinement of the linearity regions of the {@code E_s}); each
 * piece is a {@link Polyhedron} kept only when full-dimensional. (2) In each piece the rates
 * {@code g_s = (E_0 - E_s)/s} are affine; orders with identical {@code g_s} are grouped and the
 * piece is cut where each group is the minimum. (3) Pieces with equal signatures are merged: the
 * cell of a signature is the polyhedron of its defining inequalities, convex by construction.
 * Lower-dimensional cells (edges and vertices, where monomials or rates tie) are not listed as
 * cells; {@link #locate} reports a point on them as lying on the boundary of the cells around it.
 *
 * @param axes the variables whose exponents span the map, in order
 * @param maxOrder {@code S}
 * @param cells the full-dimensional cells, numbered from 1
 * @param vertices the vertices of the cells, each with the cells meeting there and its limit
 */
public record RegimeMap(List<Variable> axes, int maxOrder, List<RegimeCell> cells,
    List<RegimeVertex> vertices) {
  public RegimeMap {
    axes = List.copyOf(axes);
    cells = List.copyOf(cells);
    vertices = List.copyOf(vertices);
  }

  /** The signature of a cell: normalizing monomial, surviving orders and their leading monomials. */
  private record Signature(Monomial norm, List<Integer> surviving, List<Monomial> leading) {}

  /** The map of {@code c_0..c_S} ({@code coefficients}) over the exponents of {@code axes}. */
  public static RegimeMap of(List<Polynomial> coefficients, List<Variable> axes) {
    return of(coefficients, axes, WorkBudget.unlimited());
  }

  /**
   * Like {@link #of(List, List)}, polling {@code budget} in every loop over pieces, cells and vertices.
   *
   * @throws org.gfd.error.StoppedException when the budget runs out first
   */
  public static RegimeMap of(List<Polynomial> coefficients, List<Variable> axes, WorkBudget budget) {
    int k = axes.size();
    List<List<Monomial>> hulls = new ArrayList<>();
    for (Polynomial c : coefficients) {
      hulls.add(List.copyOf(LeadingMonomials.onSomeRay(c.terms().keySet(), Variable.P, budget)));
    }
    // (1) pieces with one leading monomial per nonzero order
    record Piece(Polyhedron region, List<Monomial> argmax) {}
    List<Piece> pieces = List.of(new Piece(Polyhedron.space(k), List.of()));
    for (int s = 0; s < coefficients.size(); s++) {
      List<Monomial> hull = hulls.get(s);
      if (hull.isEmpty()) {
        List<Piece> same = new ArrayList<>();
        for (Piece piece : pieces) {
          List<Monomial> arg = new ArrayList<>(piece.argmax());
          arg.add(null);
          same.add(new Piece(piece.region(), arg));
        }
        pieces = same;
        continue;
      }
      List<Piece> next = new ArrayList<>();
      for (Piece piece : pieces) {
        for (Monomial m : hull) {
          budget.check();
          Polyhedron r = piece.region().and(dominance(m, hull, axes));
          if (r.hasInterior(budget)) {
            List<Monomial> arg = new ArrayList<>(piece.argmax());
            arg.add(m);
            next.add(new Piece(Polyhedron.space(k).and(r.facets()), arg));
          }
        }
      }
      pieces = next;
    }
    // (2) cut each piece where each group of equal rates is the minimum; collect signatures
    Set<Signature> signatures = new LinkedHashSet<>();
    for (Piece piece : pieces) {
      Monomial norm = piece.argmax().get(0);
      Map<List<Rational>, List<Integer>> groups = new LinkedHashMap<>();
      for (int s = 1; s < coefficients.size(); s++) {
        Monomial ms = piece.argmax().get(s);
        if (ms != null) {
          groups.computeIfAbsent(rate(norm, ms, s, axes), g -> new ArrayList<>()).add(s);
        }
      }
      for (Map.Entry<List<Rational>, List<Integer>> g : groups.entrySet()) {
        budget.check();
        List<Polyhedron.Inequality> minimal = new ArrayList<>();
        for (List<Rational> other : groups.keySet()) {
          if (!other.equals(g.getKey())) {
            minimal.add(new Polyhedron.Inequality(subtract(other, g.getKey()), false));
          }
        }
        if (piece.region().and(minimal).hasInterior(budget)) {
          List<Monomial> leading = g.getValue().stream().map(s -> piece.argmax().get(s)).toList();
          signatures.add(new Signature(norm, g.getValue(), leading));
        }
      }
      if (groups.isEmpty()) {
        signatures.add(new Signature(norm, List.of(), List.of()));
      }
    }
    // (3) one cell per signature
    List<RegimeCell> cells = new ArrayList<>();
    for (Signature sig : signatures) {
      budget.check();
      Polyhedron region = cellRegion(sig, hulls, axes);
      List<Rational> interior = region.interiorPoint(budget).orElseThrow(
          () -> new IllegalStateException("a regime cell lost its interior"));
      List<Rational> e = linear(sig.norm(), axes);
      List<Rational> c = sig.surviving().isEmpty() ? List.of()
          : rate(sig.norm(), sig.leading().get(0), sig.surviving().get(0), axes);
      SortedMap<Integer, Monomial> leading = new TreeMap<>();
      leading.put(0, sig.norm());
      for (int i = 0; i < sig.surviving().size(); i++) {
        leading.put(sig.surviving().get(i), sig.leading().get(i));
      }
      List<Polynomial> limit = new ArrayList<>();
      for (int s = 0; s < coefficients.size(); s++) {
        Monomial m = leading.get(s);
        limit.add(m == null ? Polynomial.ZERO
            : Polynomial.term(coefficients.get(s).coefficient(m), Ray.symbolicConstantsOf(m)));
      }
      cells.add(new RegimeCell(0, RegimeName.UNNAMED, region.facets(), region.vertices(), region.isBounded(),
          interior, e, c, sig.surviving(), leading, limit));
    }
    cells.sort(Comparator.comparing((RegimeCell cell) -> cell.interiorPoint().get(0))
        .thenComparing(cell -> cell.interiorPoint().size() > 1 ? cell.interiorPoint().get(1) : Rational.ZERO));
    List<RegimeCell> numbered = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      RegimeCell cell = cells.get(i);
      numbered.add(new RegimeCell(i + 1, RegimeNames.name(cell), cell.facets(),
          cell.vertices(), cell.bounded(), cell.interiorPoint(), cell.normExponent(),
          cell.timeExponent(), cell.survivingOrders(), cell.leading(), cell.limit()));
    }
    return new RegimeMap(axes, coefficients.size() - 1, numbered, vertices(numbered, coefficients, axes, budget));
  }

  private static List<RegimeVertex> vertices(List<RegimeCell> cells, List<Polynomial> coefficients,
      List<Variable> axes, WorkBudget budget) {
    Set<List<Rational>> points = new LinkedHashSet<>();
    cells.forEach(c -> points.addAll(c.vertices()));
    List<List<Rational>> sorted = new ArrayList<>(points);
    sorted.sort((x, y) -> {
      for (int i = 0; i < x.size(); i++) {
        int r = x.get(i).compareTo(y.get(i));
        if (r != 0) {
          return r;
        }
      }
      return 0;
    });
    List<RegimeVertex> out = new ArrayList<>();
    for (List<Rational> point : sorted) {
      budget.check();
      List<Integer> ids = new ArrayList<>();
      for (RegimeCell c : cells) {
        if (c.facets().stream().allMatch(q -> q.holdsAt(point))) {
          ids.add(c.id());
        }
      }
      Map<Variable, Rational> exponents = new LinkedHashMap<>();
      for (int i = 0; i < axes.size(); i++) {
        exponents.put(axes.get(i), point.get(i));
      }
      RayLimit limit = RayLimits.analyze(coefficients, Ray.of(exponents));
      out.add(new RegimeVertex(point, ids, RegimeNames.vertexName(limit, coefficients.size() - 1), limit));
    }
    return out;
  }

  /** The cells whose closure contains {@code point}: one when it is inside a cell, more on a boundary. */
  public List<RegimeCell> locate(List<Rational> point) {
    List<RegimeCell> out = new ArrayList<>();
    for (RegimeCell cell : cells) {
      if (cell.facets().stream().allMatch(q -> q.holdsAt(point))) {
        out.add(cell);
      }
    }
    return out;
  }

  /** The exponent growth {@code lin_m(x) = e_p(m) + sum_j e_j(m) x_j} as {@code [e_p, e_1..e_k]}. */
  static List<Rational> linear(Monomial m, List<Variable> axes) {
    List<Rational> row = new ArrayList<>();
    row.add(Rational.of(m.exponent(Variable.P)));
    for (Variable v : axes) {
      row.add(Rational.of(m.exponent(v)));
    }
    return row;
  }

  /** {@code g = (lin_norm - lin_ms) / s}, the time exponent order {@code s} asks for. */
  private static List<Rational> rate(Monomial norm, Monomial ms, int s, List<Variable> axes) {
    List<Rational> d = subtract(linear(norm, axes), linear(ms, axes));
    Rational inv = Rational.of(1, s);
    return d.stream().map(r -> r.multiply(inv)).toList();
  }

  private static List<Rational> subtract(List<Rational> a, List<Rational> b) {
    List<Rational> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(a.get(i).subtract(b.get(i)));
    }
    return out;
  }

  /** {@code lin_m - lin_o >= 0} for every other monomial {@code o} of the hull. */
  private static List<Polyhedron.Inequality> dominance(Monomial m, List<Monomial> hull, List<Variable> axes) {
    List<Polyhedron.Inequality> out = new ArrayList<>();
    for (Monomial o : hull) {
      if (!o.equals(m)) {
        out.add(new Polyhedron.Inequality(subtract(linear(m, axes), linear(o, axes)), false));
      }
    }
    return out;
  }

  /**
   * The closure of the cell of a signature: its monomials lead their orders, and the other
   * nonzero orders need no faster time scale: {@code (lin_norm - lin_o)/s' >= c} for every
   * monomial {@code o} of every non-surviving order {@code s'}.
   */
  private static Polyhedron cellRegion(Signature sig, List<List<Monomial>> hulls, List<Variable> axes) {
    List<Polyhedron.Inequality> rows = new ArrayList<>(dominance(sig.norm(), hulls.get(0), axes));
    for (int i = 0; i < sig.surviving().size(); i++) {
      rows.addAll(dominance(sig.leading().get(i), hulls.get(sig.surviving().get(i)), axes));
    }
    if (!sig.surviving().isEmpty()) {
      List<Rational> c = rate(sig.norm(), sig.leading().get(0), sig.surviving().get(0), axes);
      for (int s = 1; s < hulls.size(); s++) {
        if (sig.surviving().contains(s)) {
          continue;
        }
        for (Monomial o : hulls.get(s)) {
          rows.add(new Polyhedron.Inequality(subtract(rate(sig.norm(), o, s, axes), c), false));
        }
      }
    }
    return Polyhedron.space(axes.size()).and(rows);
  }

  /** The cell with this id. */
  public Optional<RegimeCell> cell(int id) {
    return cells.stream().filter(c -> c.id() == id).findFirst();
  }
}
