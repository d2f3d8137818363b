package org.gfd.scaling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The facets of the Newton polytope of a polynomial in three variables: the convex hull of its
 * exponent vectors, as outer normals (primitive integer vectors) with the exponent vectors on each
 * facet.
 *
 * <p>Near a point where every ratio of the model is of order one, a limit coefficient is a
 * polynomial in the ray's constants; moving the exponents of the ray by {@code delta} multiplies
 * its monomial {@code x^k} by {@code p^(k . delta)}, so the monomials that survive are those of the
 * face of the Newton polytope whose outer normal is {@code delta}: each facet is a regime, its
 * polynomial that regime's limit.
 *
 * <p>Method: every plane through three affinely independent exponent vectors with all the others
 * on one side is a facet's plane; its normal is made primitive and outward. Exact integer
 * arithmetic. Cost {@code O(N^4)} for {@code N} exponent vectors, meant for the few dozen monomials
 * of a limit coefficient. A polytope of dimension below 3 has no facets in this sense (the list
 * is empty).
 */
public final class NewtonPolytope {
  private NewtonPolytope() {}

  /**
   * A facet.
   *
   * @param normal the outer normal, primitive
   * @param points the exponent vectors on it
   * @param corners the number of its vertices (3 for a triangle, 4 for a quadrilateral, ...)
   */
  public record Facet(long[] normal, List<long[]> points, int corners) {}

  /** The facets of the convex hull of {@code points} (each of length 3), outer normals distinct. */
  public static List<Facet> facets(List<long[]> points) {
    List<long[]> pts = distinct(points);
    List<Facet> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int n = pts.size();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        for (int k = j + 1; k < n; k++) {
          long[] normal = cross(sub(pts.get(j), pts.get(i)), sub(pts.get(k), pts.get(i)));
          if (normal[0] == 0 && normal[1] == 0 && normal[2] == 0) {
            continue;
          }
          long level = dot(normal, pts.get(i));
          int above = 0;
          int below = 0;
          for (long[] q : pts) {
            long d = dot(normal, q) - level;
            above += d > 0 ? 1 : 0;
            below += d < 0 ? 1 : 0;
          }
          if (above > 0 && below > 0 || above == 0 && below == 0) {
            continue;
          }
          if (above > 0) {
            normal = new long[] {-normal[0], -normal[1], -normal[2]};
            level = -level;
          }
          long g = Math.abs(gcd(gcd(normal[0], normal[1]), normal[2]));
          long[] primitive = {normal[0] / g, normal[1] / g, normal[2] / g};
          String key = primitive[0] + "," + primitive[1] + "," + primitive[2];
          if (!seen.add(key)) {
            continue;
          }
          List<long[]> on = new ArrayList<>();
          for (long[] q : pts) {
            if (dot(primitive, q) * g == level) {
              on.add(q);
            }
          }
          out.add(new Facet(primitive, on, corners(on, primitive)));
        }
      }
    }
    return out;
  }

  /** The combinatorial name of a polytope from its facets' corner counts, e.g. {@code triangular prism}. */
  public static String shape(List<Facet> facets) {
    long triangles = facets.stream().filter(f -> f.corners() == 3).count();
    long quads = facets.stream().filter(f -> f.corners() == 4).count();
    if (facets.size() == 5 && triangles == 2 && quads == 3) {
      return "triangular prism";
    }
    if (facets.size() == 4 && triangles == 4) {
      return "tetrahedron";
    }
    if (facets.size() == 6 && quads == 6) {
      return "hexahedron";
    }
    if (facets.size() == 5 && triangles == 4 && quads == 1) {
      return "square pyramid";
    }
    return facets.isEmpty() ? "flat (dimension below 3)" : facets.size() + " facets";
  }

  /** The number of vertices of the convex polygon formed by {@code on}, which lie in a plane of normal {@code normal}. */
  private static int corners(List<long[]> on, long[] normal) {
    int count = 0;
    for (long[] v : on) {
      // v is a vertex unless it lies on a segment between two other points of the face or inside it:
      // test whether some line through v in the plane has all other points strictly on one side
      if (isVertex(v, on, normal)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether {@code v} is a vertex of the planar convex hull of {@code on}: some line through
   * {@code v} (along the direction to another point) has every other point on one side, the ones
   * on the line only on one ray from {@code v}.
   */
  private static boolean isVertex(long[] v, List<long[]> on, long[] normal) {
    // v is a vertex exactly when it is not a convex combination of the others; in the plane this
    // is the case when all vectors (q - v) lie in an open half-plane (an angle below pi).
    List<long[]> dirs = new ArrayList<>();
    for (long[] q : on) {
      long[] d = sub(q, v);
      if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
        dirs.add(d);
      }
    }
    if (dirs.isEmpty()) {
      return true;
    }
    // candidate separating directions: in-plane perpendiculars to each direction, both signs
    for (long[] d : dirs) {
      long[] perp = cross(normal, d);
      for (int sign : new int[] {1, -1}) {
        boolean strictlyAllOrOnRay = true;
        for (long[] e : dirs) {
          long s = sign * dot(perp, e);
          if (s < 0) {
            strictlyAllOrOnRay = false;
            break;
          }
          if (s == 0 && dot(d, e) < 0) {
            strictlyAllOrOnRay = false; // e points opposite to d: v lies between them
            break;
          }
        }
        if (strictlyAllOrOnRay) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<long[]> distinct(List<long[]> points) {
    Set<String> seen = new LinkedHashSet<>();
    List<long[]> out = new ArrayList<>();
    for (long[] q : points) {
      if (seen.add(q[0] + "," + q[1] + "," + q[2])) {
        out.add(q);
      }
    }
    return out;
  }

  private static long[] sub(long[] a, long[] b) {
    return new long[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  private static long[] cross(long[] a, long[] b) {
    return new long[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  private static long dot(long[] a, long[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static long gcd(long a, long b) {
    return b == 0 ? Math.abs(a) : gcd(b, a % b);
  }
}
