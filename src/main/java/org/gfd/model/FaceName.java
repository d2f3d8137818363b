package org.gfd.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gfd.algebra.Variable;

/**
 * A name for the regime reached when the sizes' exponents move in a given direction from a point
 * of the regime map, as a model file gives it: {@code face "large data" (n = 1)} names the face of
 * a Newton polytope whose outer normal is the direction of {@code n}'s exponent. Sizes left out
 * do not move.
 *
 * @param name the regime's name
 * @param direction the direction, by size (nonzero integers; at least one)
 */
public record FaceName(String name, Map<Variable, Integer> direction) {
  public FaceName {
    Objects.requireNonNull(name);
    direction = Map.copyOf(direction);
    if (direction.isEmpty() || direction.containsValue(0)) {
      throw new IllegalArgumentException("a face direction needs a nonzero step of some size");
    }
  }

  /** Whether {@code normal} (exponents of {@code axes}, in order) points the same way as this direction. */
  public boolean points(List<Variable> axes, long[] normal) {
    if (!axes.containsAll(direction.keySet()) || normal.length != axes.size()) {
      return false;
    }
    long[] mine = new long[axes.size()];
    for (int i = 0; i < axes.size(); i++) {
      mine[i] = direction.getOrDefault(axes.get(i), 0);
    }
    return java.util.Arrays.equals(primitive(mine), primitive(normal));
  }

  /** The vector divided by the gcd of its entries. */
  private static long[] primitive(long[] v) {
    BigInteger g = BigInteger.ZERO;
    for (long x : v) {
      g = g.gcd(BigInteger.valueOf(x));
    }
    long[] out = v.clone();
    if (g.signum() > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= g.longValueExact();
      }
    }
    return out;
  }
}
