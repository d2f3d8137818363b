package org.gfd.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * The regimes around a point of the map where every ratio is of order one, read off the Newton
 * polytope of the limit coefficients (docs/specification.md &sect;4): each facet, with outer
 * normal {@code delta} in the exponents of the ray's constants, is the regime reached by moving
 * the ray's exponents from the point in the direction {@code delta}; its part of each
 * {@code hat c_s} is that regime's limit. Three constants (three ray variables), as for the
 * autoencoder's {@code (h, v, m)}.
 *
 * <p>The map near the point is the polytope's normal fan, so its faces of every dimension come
 * from the polytope's: a facet is a ray of the map (a named regime, one ratio degenerating), an
 * edge where two facets meet is a wall of the map between those two regimes (two ratios
 * degenerating at once; its direction the sum of the two normals, its part of each coefficient the
 * terms that lead in that direction, on the edge for the polytope's own coefficient), and a vertex
 * is a full-dimensional cell, where one monomial leads.
 */
public final class Faces {
  private Faces() {}

  /**
   * One facet and its regime.
   *
   * @param normal the outer normal, primitive, in the order of the ray's variables
   * @param corners the facet's number of vertices
   * @param exponents a ray inside the regime: the point moved by half the normal
   * @param limit the limit along that ray
   * @param parts the facet's part of each {@code hat c_s} at the point ({@code s = 0..S})
   * @param points the exponent vectors of the polytope's monomials on the facet (in the constants
   *     of the ray's variables, in order)
   */
  public record Face(long[] normal, int corners, Map<Variable, Rational> exponents, RayLimit limit,
      List<Polynomial> parts, List<long[]> points) {}

  /**
   * The polytope's shape and its faces.
   *
   * @param shape its combinatorial type ({@code triangular prism}, ...)
   * @param order the order whose polytope was taken (the highest nonzero one)
   * @param faces one per facet
   */
  public record Result(String shape, int order, List<Face> faces, List<Wall> walls) {}

  /**
   * One edge of the polytope: the wall of the map between two facets' regimes.
   *
   * @param first the index of one facet in {@link Result#faces()}
   * @param second the index of the other, larger
   * @param direction the sum of their outer normals, a direction inside the wall
   * @param exponents a ray inside the wall: the point moved by half the direction
   * @param limit the limit along that ray
   * @param parts the part of each {@code hat c_s} at the point that leads in the wall's direction
   */
  public record Wall(int first, int second, long[] direction, Map<Variable, Rational> exponents, RayLimit limit,
      List<Polynomial> parts) {}

  /**
   * The faces at the point of {@code ray} (symbolic constants) from {@code coefficients}.
   *
   * @throws IllegalArgumentException when the ray has not three variables or no order {@code s >= 1} survives there
   */
  public static Result at(List<Polynomial> coefficients, Ray ray) {
    return at(coefficients, coefficients, ray);
  }

  /**
   * The faces of an observable's limit coefficients ({@code observed}), the time scale on every ray
   * being the loss's ({@code loss}: the flow follows the loss) and the normalization the
   * observable's.
   *
   * @throws IllegalArgumentException as {@link #at(List, Ray)}
   */
  public static Result at(List<Polynomial> loss, List<Polynomial> observed, Ray ray) {
    List<Variable> vars = new ArrayList<>(ray.exponents().keySet());
    if (vars.size() != 3) {
      throw new IllegalArgumentException("faces need a ray of three variables (such as H, sigma2, n), not " + vars);
    }
    RayLimit limit = limit(loss, observed, ray);
    int order = -1;
    for (int s = limit.maxOrder(); s >= 1 && order < 0; s--) {
      if (!limit.limitCoefficient(s).isZero()) {
        order = s;
      }
    }
    if (order < 0) {
      throw new IllegalArgumentException("no order s >= 1 survives at this point: there is no polytope to read");
    }
    List<Variable> constants = vars.stream().map(Ray::constantOf).toList();
    List<long[]> points = new ArrayList<>();
    for (Monomial m : limit.limitCoefficient(order).terms().keySet()) {
      points.add(exponents(m, constants));
    }
    List<NewtonPolytope.Facet> facets = NewtonPolytope.facets(points);
    List<Face> faces = new ArrayList<>();
    for (NewtonPolytope.Facet f : facets) {
      Map<Variable, Rational> moved = new LinkedHashMap<>();
      for (int i = 0; i < 3; i++) {
        moved.put(vars.get(i), ray.exponents().get(vars.get(i)).add(Rational.of(f.normal()[i], 2)));
      }
      Ray inside = new Ray(moved, ray.constantValues(), Optional.empty(), Optional.empty());
      List<Polynomial> parts = new ArrayList<>();
      for (Polynomial c : limit.limitCoefficients()) {
        parts.add(part(c, f.normal(), constants));
      }
      faces.add(new Face(f.normal(), f.corners(), moved, limit(loss, observed, inside), parts, f.points()));
    }
    List<Wall> walls = new ArrayList<>();
    for (int i = 0; i < facets.size(); i++) {
      for (int j = i + 1; j < facets.size(); j++) {
        // two facets of a 3-polytope with two points in common share the edge through them
        if (common(facets.get(i).points(), facets.get(j).points()) < 2) {
          continue;
        }
        long[] d = new long[3];
        Map<Variable, Rational> moved = new LinkedHashMap<>();
        for (int k = 0; k < 3; k++) {
          d[k] = facets.get(i).normal()[k] + facets.get(j).normal()[k];
          moved.put(vars.get(k), ray.exponents().get(vars.get(k)).add(Rational.of(d[k], 2)));
        }
        Ray inside = new Ray(moved, ray.constantValues(), Optional.empty(), Optional.empty());
        List<Polynomial> parts = new ArrayList<>();
        for (Polynomial c : limit.limitCoefficients()) {
          parts.add(part(c, d, constants));
        }
        walls.add(new Wall(i, j, d, moved, limit(loss, observed, inside), parts));
      }
    }
    return new Result(NewtonPolytope.shape(facets), order, faces, walls);
  }

  /** The observable's limit on {@code ray} with the loss's time scale there (unless the ray fixes one). */
  private static RayLimit limit(List<Polynomial> loss, List<Polynomial> observed, Ray ray) {
    if (loss == observed) {
      return RayLimits.analyze(loss, ray);
    }
    Optional<Rational> c = ray.timeExponent().or(() -> RayLimits.analyze(loss, ray).timeExponent());
    return RayLimits.analyze(observed, new Ray(ray.exponents(), ray.constantValues(), c, ray.normExponent()));
  }

  private static int common(List<long[]> a, List<long[]> b) {
    int n = 0;
    for (long[] x : a) {
      for (long[] y : b) {
        if (Arrays.equals(x, y)) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  private static long[] exponents(Monomial m, List<Variable> constants) {
    long[] e = new long[3];
    for (int i = 0; i < 3; i++) {
      e[i] = m.exponent(constants.get(i));
    }
    return e;
  }

  /** The terms of {@code c} on which {@code normal . exponents} is largest. */
  static Polynomial part(Polynomial c, long[] normal, List<Variable> constants) {
    if (c.isZero()) {
      return c;
    }
    long best = Long.MIN_VALUE;
    for (Monomial m : c.terms().keySet()) {
      best = Math.max(best, dot(normal, exponents(m, constants)));
    }
    Polynomial.Builder out = new Polynomial.Builder();
    for (Map.Entry<Monomial, Rational> t : c.terms().entrySet()) {
      if (dot(normal, exponents(t.getKey(), constants)) == best) {
        out.add(t.getValue(), t.getKey());
      }
    }
    return out.build();
  }

  private static long dot(long[] a, long[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
}
