package org.gfd.scaling;

import java.util.ArrayList;
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
import org.gfd.model.RegimeRoles;
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
 * Nothing depends on the number of axes: CP maps have two ({@code a, b}), three work the same way.
 *
 * <p>Cost: step (1) decides, for every piece so far and every leading monomial of the next order,
 * whether they meet in a full-dimensional region, so the work is the number of pieces of the
 * refinement times the sizes of the hulls, each decision a small {@link Polyhedron} problem;
 * steps (2) and (3) cost as much per piece and per cell. With hundreds of leading monomials per
 * order (symmetric CP {@code nu = 2} beyond order 12) the whole map takes minutes. To place one
 * point, {@link #near} builds only the map of the few monomials and orders that matter there.
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

  /**
   * The map of {@code c_0..c_S} ({@code coefficients}) over the exponents of {@code axes}, its
   * cells and vertices named by the model's {@code roles} ({@link RegimeNames}).
   */
  public static RegimeMap of(List<Polynomial> coefficients, List<Variable> axes, Optional<RegimeRoles> roles) {
    return of(coefficients, axes, roles, WorkBudget.unlimited());
  }

  /**
   * Like {@link #of(List, List, Optional)}, polling {@code budget} in every loop over pieces, cells
   * and vertices.
   *
   * @throws org.gfd.error.StoppedException when the budget runs out first
   * @throws IllegalArgumentException when {@code c_0} is zero (nothing normalizes the loss)
   */
  public static RegimeMap of(List<Polynomial> coefficients, List<Variable> axes, Optional<RegimeRoles> roles,
      WorkBudget budget) {
    requireLoss(coefficients);
    List<RegimeCell> cells = cells(coefficients, axes, roles, budget);
    return new RegimeMap(axes, coefficients.size() - 1, cells, vertices(cells, coefficients, axes, roles, budget));
  }

  /**
   * The map of {@code coefficients} near the exponent point {@code x} ({@code point}, one exponent
   * per axis): the map that agrees with {@link #of(List, List, WorkBudget) the whole map} in some
   * neighbourhood of {@code x}, without computing the whole map. Its cells are the cells of the
   * whole map whose closures hold {@code x}, with the same signatures, {@code e}, {@code c},
   * limits and names, each cut down to its tangent cone at {@code x} (its facets are the facets of
   * the whole cell through {@code x}, its only possible vertex is {@code x}, and its interior
   * point is a point of that cone, not necessarily of the whole cell). Its ids number these cells
   * only. Its vertices are {@code x} alone when {@code x} is a vertex of the whole map (with the
   * same cells, name and limit there), else none.
   *
   * <p>Why this is the whole map near {@code x}. Write {@code lin_m(x) = e_p(m) + L_m . x}, and
   * let {@code T_s} be the monomials of {@code c_s} with the largest {@code lin_m(x)}, which is
   * {@code E_s(x)} (with symbolic ray constants distinct monomials never cancel; two monomials of
   * {@code T_s} differ in {@code L}, since equal {@code L} and equal growth means equal
   * monomials). Every other monomial is strictly below {@code E_s(x)} at {@code x}, hence on a
   * neighbourhood {@code U} of {@code x}: there {@code E_s = max_{T_s} lin_m}, and only
   * monomials of {@code T_s} lead. For {@code y = x' - x},
   * {@code max_{T_s} lin_m(x + y) = E_s(x) + max_{T_s} L_m . y}: a constant plus the support
   * function of {@code Q_s = conv{L_m : m in T_s}}, positively homogeneous in {@code y}, and
   * attained by a single monomial exactly for the {@code y} in the open normal cones of the
   * vertices of {@code Q_s}; so only the monomials at those vertices ({@code V_s},
   * {@link LeadingMonomials#near}) lead anywhere on {@code U} outside a finite union of
   * hyperplanes through {@code x}, and a cell of the map (full-dimensional, with one leading
   * monomial per order) needs no other. The rates {@code g_s = (E_0 - E_s)/s} are likewise a
   * constant {@code g_s(x)} plus a homogeneous function of {@code y}; an order whose
   * {@code g_s(x)} exceeds the minimum {@code g*} over the nonzero orders {@code s >= 1} keeps a
   * larger rate on {@code U} and never survives there. So on {@code U} the signature
   * (normalizing monomial, surviving orders, their monomials) of every point is that of the
   * reduced list: {@code c_0} and the orders with {@code g_s(x) = g*} kept on {@code V_s}, every
   * other order zero. In the reduced list every monomial of {@code c_0} has growth
   * {@code E_0(x) + L . y} and every rate is {@code g* +} a positively homogeneous function of
   * {@code y}, so its signature at {@code x + y} equals that at {@code x + t y} for every
   * {@code t > 0}: every boundary of its map is a hyperplane through {@code x}, and each of its
   * cells is an open convex cone with apex {@code x}, which meets every neighbourhood of
   * {@code x}. Hence a signature has a cell whose closure holds {@code x} in the whole map exactly
   * when it has a cell in the reduced map, and the whole cell's closure agrees with the cone on
   * {@code U}: the inequalities of the whole cell that do not come from {@code T_s} and the
   * minimal orders are strict at {@code x}, and those of monomials of {@code T_s} off the vertices
   * of {@code Q_s} follow from those of the vertices, as {@code L_m . y <= max_{V_s} L_v . y}.
   * Since cells are convex, {@code x} is a vertex of a whole cell exactly when its tangent cone
   * at {@code x}, the reduced cell, is pointed. The name of a vertex, which looks at every tied
   * monomial and every order, is computed from {@code coefficients} on the ray through
   * {@code x}, as the whole map does. Orders that are zero have no rate and are left out in both;
   * when every order {@code s >= 1} is zero, nothing moves and the cells are those of
   * {@code c_0} alone. Only the exponents matter: a time scale or normalization fixed on the ray,
   * or numeric ray constants, do not move {@code x} on the map.
   *
   * <p>Cost: {@code O(N)} growth evaluations for the {@code N} monomials, the vertices
   * {@code V_s} by {@link LeadingMonomials#near} (a few small eliminations per tied monomial),
   * then the construction of {@link #of} on the reduced list, whose size is that of the
   * {@code V_s} of the minimal orders: a handful of monomials per order.
   *
   * @throws org.gfd.error.StoppedException when the budget runs out first
   * @throws IllegalArgumentException when {@code point} has not one exponent per axis, or
   *     {@code c_0} is zero
   */
  public static RegimeMap near(List<Polynomial> coefficients, List<Variable> axes, List<Rational> point,
      Optional<RegimeRoles> roles, WorkBudget budget) {
    requireLoss(coefficients);
    if (point.size() != axes.size()) {
      throw new IllegalArgumentException("a point of the map has one exponent per axis " + axes + ", not " + point);
    }
    List<Optional<Rational>> top = new ArrayList<>();
    for (Polynomial c : coefficients) {
      Optional<Rational> best = Optional.empty();
      for (Monomial m : c.terms().keySet()) {
        Rational g = LeadingMonomials.growth(m, axes, point);
        if (best.isEmpty() || g.compareTo(best.get()) > 0) {
          best = Optional.of(g);
        }
      }
      top.add(best);
    }
    Rational e = top.get(0).orElseThrow();
    Optional<Rational> fastest = Optional.empty();
    for (int s = 1; s < coefficients.size(); s++) {
      Optional<Rational> g = rateAt(e, top.get(s), s);
      if (g.isPresent() && (fastest.isEmpty() || g.get().compareTo(fastest.get()) < 0)) {
        fastest = g;
      }
    }
    List<Polynomial> reduced = new ArrayList<>();
    for (int s = 0; s < coefficients.size(); s++) {
      budget.check();
      boolean minimal = s == 0 || (fastest.isPresent() && rateAt(e, top.get(s), s).equals(fastest));
      if (!minimal) {
        reduced.add(Polynomial.ZERO);
        continue;
      }
      Polynomial c = coefficients.get(s);
      Polynomial.Builder kept = new Polynomial.Builder();
      for (Monomial m : LeadingMonomials.near(c.terms().keySet(), axes, point, budget)) {
        kept.add(c.coefficient(m), m);
      }
      reduced.add(kept.build());
    }
    List<RegimeCell> cells = cells(reduced, axes, roles, budget);
    if (cells.isEmpty()) {
      throw new IllegalStateException("no cell of the map holds " + point);
    }
    return new RegimeMap(axes, coefficients.size() - 1, cells, vertices(cells, coefficients, axes, roles, budget));
  }

  private static void requireLoss(List<Polynomial> coefficients) {
    if (coefficients.isEmpty() || coefficients.get(0).isZero()) {
      throw new IllegalArgumentException("a regime map needs a nonzero c_0 to normalize the loss");
    }
  }

  /** {@code (e - E_s)/s}, empty when order {@code s} is zero. */
  private static Optional<Rational> rateAt(Rational e, Optional<Rational> top, int s) {
    return top.map(t -> e.subtract(t).divide(Rational.of(s)));
  }

  /** Steps (1)-(3) of the construction: the cells of the map, numbered in the order of their interior points. */
  private static List<RegimeCell> cells(List<Polynomial> coefficients, List<Variable> axes,
      Optional<RegimeRoles> roles, WorkBudget budget) {
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
      // the closure written by its facets alone: the same set, so the same interior point,
      // vertices and boundedness, at a fraction of the elimination
      Polyhedron region = Polyhedron.space(k).and(cellRegion(sig, hulls, axes).facets());
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
    cells.sort((x, y) -> lexicographic(x.interiorPoint(), y.interiorPoint()));
    List<RegimeCell> numbered = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      RegimeCell cell = cells.get(i);
      numbered.add(new RegimeCell(i + 1, RegimeNames.name(cell, roles), cell.facets(),
          cell.vertices(), cell.bounded(), cell.interiorPoint(), cell.normExponent(),
          cell.timeExponent(), cell.survivingOrders(), cell.leading(), cell.limit()));
    }
    return numbered;
  }

  private static List<RegimeVertex> vertices(List<RegimeCell> cells, List<Polynomial> coefficients,
      List<Variable> axes, Optional<RegimeRoles> roles, WorkBudget budget) {
    Set<List<Rational>> points = new LinkedHashSet<>();
    cells.forEach(c -> points.addAll(c.vertices()));
    List<List<Rational>> sorted = new ArrayList<>(points);
    sorted.sort(RegimeMap::lexicographic);
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
      out.add(new RegimeVertex(point, ids, RegimeNames.vertexName(limit, coefficients.size() - 1, roles), limit));
    }
    return out;
  }

  /** Points of exponent space in lexicographic order. */
  private static int lexicographic(List<Rational> x, List<Rational> y) {
    for (int i = 0; i < x.size(); i++) {
      int r = x.get(i).compareTo(y.get(i));
      if (r != 0) {
        return r;
      }
    }
    return 0;
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
