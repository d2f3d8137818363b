package org.gfd.scaling;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.RegimeRoles;
import org.gfd.network.WorkBudget;

/**
 * The answer to "is this ray a regime, and which" (docs/specification.md &sect;5.4): the limit
 * along it, where its exponent point lies on the regime map from the same orders, and a warning
 * when the limit rests on the highest order alone.
 *
 * <p>Where the point lies is read from the map near the point ({@link RegimeMap#near}), never
 * from the whole map: the cells whose closures hold the point, each with its signature, limit
 * and name, and the vertex there if the point is one. Only the exponents of the ray's variables
 * on the map's axes place it (variables of the ray off the axes do not occur in the
 * coefficients); a fixed time scale or normalization and numeric ray constants change the limit
 * and the verdict, not the place. Cost: that of {@link RayLimits#analyze} and of
 * {@link RegimeMap#near}, both a few passes over the monomials plus small eliminations.
 *
 * @param limit the limit along the ray
 * @param point the ray's exponents on the map's axes
 * @param near the regime map near {@code point}: its cells are the cells of the whole map that
 *     meet there (ids number them in this local map only), its vertex {@code point} when the
 *     point is a vertex of the whole map
 * @param warning a caution about the result, if any
 * @param evolving whether the limit is that of the part that evolves, {@code E[O(t)] - E[O(0)]}
 *     ({@link RayLimits#analyzeEvolving}), not of {@code E[O(t)]}
 */
public record Verification(RayLimit limit, List<Rational> point, RegimeMap near, Optional<String> warning, boolean evolving) {
  /** The verification of {@code E[O(t)]} itself. */
  public Verification(RayLimit limit, List<Rational> point, RegimeMap near, Optional<String> warning) {
    this(limit, point, near, warning, false);
  }

  /**
   * The same place with the limit of the part that evolves, when {@code E[O]}'s leading part does
   * not move on the ray: the usual limit keeps a single order {@code S >= 2} (a time scale set by
   * the highest order computed), while the evolving part ({@link RayLimits#analyzeEvolving}) has
   * every order {@code 1..S}. Empty otherwise, and on rays that fix {@code c} or {@code e}.
   */
  public Optional<Verification> evolvingInstead(List<Polynomial> coefficients) {
    Ray ray = limit.ray();
    List<Integer> surviving = limit.survivingOrders();
    int top = coefficients.size() - 1;
    if (evolving || ray.timeExponent().isPresent() || ray.normExponent().isPresent() || top < 2
        || !surviving.equals(List.of(top))) {
      return Optional.empty();
    }
    RayLimit part;
    try {
      part = RayLimits.analyzeEvolving(coefficients, ray);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    List<Integer> all = new java.util.ArrayList<>();
    for (int s = 1; s <= top; s++) {
      all.add(s);
    }
    if (!part.isAdmissible() || !part.survivingOrders().equals(all)) {
      return Optional.empty();
    }
    return Optional.of(new Verification(part, point, near, Optional.of(EVOLVING_NOTE), true));
  }

  /** What an evolving limit says about itself. */
  public static final String EVOLVING_NOTE = "normalized: the part that evolves, E[O(t)] - E[O(0)], with c = min_{s >= 2} "
      + "(E_1 - E_s)/(s - 1) and e = E_1 + c (the leading part of E[O] does not move on this ray: with the usual "
      + "normalization only the highest order computed survives)";

  /** Where a point lies on the map. */
  public enum Place {
    /** Inside one cell. */
    INSIDE_CELL,
    /** On the boundary of two or more cells, not at a vertex. */
    ON_BOUNDARY,
    /** At a vertex of the map: some cell's closure has the point as a corner. */
    AT_VERTEX
  }

  public Verification {
    Objects.requireNonNull(limit);
    point = List.copyOf(point);
    Objects.requireNonNull(near);
    Objects.requireNonNull(warning);
    if (near.cells().isEmpty()) {
      throw new IllegalArgumentException("some cell holds every point of the map");
    }
  }

  /** The cells of the map whose closures hold the point (one inside a cell; more on an edge or vertex). */
  public List<RegimeCell> cells() {
    return near.cells();
  }

  /** The map vertex at the point, if it is one. */
  public Optional<RegimeVertex> vertex() {
    return near.vertices().stream().findFirst();
  }

  /** Inside a cell, on a boundary, or at a vertex. */
  public Place place() {
    if (vertex().isPresent()) {
      return Place.AT_VERTEX;
    }
    return cells().size() == 1 ? Place.INSIDE_CELL : Place.ON_BOUNDARY;
  }

  /**
   * Where the point lies, in words: {@code inside a cell (NTK/lazy)}, {@code on the boundary
   * between 2 cells (NTK/lazy; free evolution)} (names are separated by semicolons, as a name
   * may hold a comma), {@code at a vertex where 6 cells meet (mean-field)}; an unnamed cell is
   * called {@code unnamed}, an unnamed vertex is not named.
   */
  public String location() {
    List<RegimeCell> cs = cells();
    return switch (place()) {
      case INSIDE_CELL -> cs.get(0).name().label().map(n -> "inside a cell (" + n + ")").orElse("inside an unnamed cell");
      case ON_BOUNDARY -> "on the boundary between " + cs.size() + " cells ("
          + String.join("; ", cs.stream().map(c -> c.name().toString()).toList()) + ")";
      case AT_VERTEX -> "at a vertex where " + cs.size() + (cs.size() == 1 ? " cell meets" : " cells meet")
          + vertex().orElseThrow().name().label().map(n -> " (" + n + ")").orElse("");
    };
  }

  /**
   * The exponent point of the ray on {@code axes}.
   *
   * @throws IllegalArgumentException when the ray does not set some axis
   */
  public static List<Rational> point(Ray ray, List<Variable> axes) {
    return axes.stream().map(v -> {
      Rational a = ray.exponents().get(v);
      if (a == null) {
        throw new IllegalArgumentException("the ray does not say how " + v + " scales");
      }
      return a;
    }).toList();
  }

  /** {@link #of(List, Ray, List, Optional, WorkBudget)} without a budget. */
  public static Verification of(List<Polynomial> coefficients, Ray ray, List<Variable> axes, Optional<RegimeRoles> roles) {
    return of(coefficients, ray, axes, roles, WorkBudget.unlimited());
  }

  /**
   * Verifies {@code ray}: its limit from {@code coefficients}, and its place on their regime map
   * over {@code axes} (the variables other than {@code p} that the coefficients use), its cells
   * named by the model's {@code roles}.
   *
   * @throws org.gfd.error.StoppedException when the budget runs out first
   * @throws IllegalArgumentException when the ray does not set some axis
   */
  public static Verification of(List<Polynomial> coefficients, Ray ray, List<Variable> axes,
      Optional<RegimeRoles> roles, WorkBudget budget) {
    RayLimit limit = RayLimits.analyze(coefficients, ray);
    List<Rational> point = point(ray, axes);
    RegimeMap near = RegimeMap.near(coefficients, axes, point, roles, budget);
    Optional<String> warning = Optional.empty();
    List<Integer> surviving = limit.survivingOrders();
    if (limit.isAdmissible() && ray.timeExponent().isEmpty() && surviving.size() == 1 && surviving.get(0) >= 2) {
      warning = Optional.of("only order " + surviving.get(0) + " survives: the time scale is set by the "
          + "highest orders computed and drifts as --max-order grows (no stable power-law time scale)");
    }
    return new Verification(limit, point, near, warning);
  }
}
