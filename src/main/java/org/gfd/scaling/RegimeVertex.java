package org.gfd.scaling;

import java.util.List;
import java.util.Objects;
import org.gfd.algebra.Rational;

/**
 * A vertex of a regime map: a point of exponent space where several cells meet and several
 * monomials or time scales tie, so that the limit there mixes those of the cells around it.
 *
 * @param point the exponents
 * @param cells the ids of the cells whose closures contain it
 * @param name the regime's name there, {@link RegimeName#UNNAMED} when no known regime applies
 * @param limit the scaling limit on the ray through it
 */
public record RegimeVertex(List<Rational> point, List<Integer> cells, RegimeName name,
    RayLimit limit) {
  public RegimeVertex {
    point = List.copyOf(point);
    cells = List.copyOf(cells);
    Objects.requireNonNull(name);
    Objects.requireNonNull(limit);
  }
}
