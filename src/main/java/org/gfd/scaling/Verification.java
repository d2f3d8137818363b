package org.gfd.scaling;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;

/**
 * The answer to "is this ray a regime, and which": the limit along it, where it lies on the
 * regime map, and a warning when the limit rests on the highest order alone.
 *
 * @param limit the limit along the ray
 * @param map the regime map from the same orders
 * @param cells the cells whose closure holds the ray's exponent point (one inside a cell; more
 *     on an edge or vertex)
 * @param vertex the map vertex at that point, if it is one
 * @param warning a caution about the result, if any
 */
public record Verification(RayLimit limit, RegimeMap map, List<RegimeCell> cells,
    Optional<RegimeVertex> vertex, Optional<String> warning) {
  public Verification {
    Objects.requireNonNull(limit);
    Objects.requireNonNull(map);
    cells = List.copyOf(cells);
    Objects.requireNonNull(vertex);
    Objects.requireNonNull(warning);
  }

  /** Where the point lies, in words: {@code cell 3 (NTK/lazy)}, {@code boundary of cells 2, 3}, ... */
  public String location() {
    if (cells.isEmpty()) {
      return "outside every cell";
    }
    if (vertex.isPresent()) {
      RegimeVertex v = vertex.get();
      return "vertex of cells " + join(cells) + v.name().label().map(n -> " (" + n + ")").orElse("");
    }
    if (cells.size() == 1) {
      RegimeCell c = cells.get(0);
      return "cell " + c.id() + c.name().label().map(n -> " (" + n + ")").orElse("");
    }
    return "boundary of cells " + join(cells);
  }

  private static String join(List<RegimeCell> cs) {
    return String.join(", ", cs.stream().map(c -> Integer.toString(c.id())).toList());
  }

  /** The exponent point of the ray on the map's axes. */
  public static List<Rational> point(Ray ray, RegimeMap map) {
    return map.axes().stream().map(v -> ray.exponents().get(v)).toList();
  }

  /** Verifies {@code ray} against the limit and the map from the same coefficients. */
  public static Verification of(List<Polynomial> coefficients, Ray ray, RegimeMap map) {
    RayLimit limit = RayLimits.analyze(coefficients, ray);
    List<Rational> point = point(ray, map);
    List<RegimeCell> cells = map.locate(point);
    Optional<RegimeVertex> vertex = map.vertices().stream().filter(v -> v.point().equals(point)).findFirst();
    Optional<String> warning = Optional.empty();
    List<Integer> surviving = limit.survivingOrders();
    if (limit.isAdmissible() && ray.timeExponent().isEmpty() && surviving.size() == 1 && surviving.get(0) >= 2) {
      warning = Optional.of("only order " + surviving.get(0) + " survives: the time scale is set by the "
          + "highest orders computed and drifts as --max-order grows (no stable power-law time scale)");
    }
    return new Verification(limit, map, cells, vertex, warning);
  }
}
