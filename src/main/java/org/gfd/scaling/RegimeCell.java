package org.gfd.scaling;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;

/**
 * One full-dimensional cell of a regime map: the open set of ray exponents on which the
 * normalizing monomial, the set of surviving orders and their leading monomials are constant.
 *
 * @param id 1-based number in the map
 * @param name the regime's name, {@link RegimeName#UNNAMED} when no known regime applies
 * @param facets the non-strict inequalities {@code r_0 + r . x >= 0} bounding its closure
 * @param vertices the vertices of its closure (exponent points)
 * @param bounded whether the closure is bounded
 * @param interiorPoint a point inside it
 * @param normExponent {@code e} as an affine function: {@code [e_0, e_1, ..., e_k]} meaning
 *     {@code e_0 + sum_j e_j x_j}
 * @param timeExponent {@code c} as an affine function, the same way
 * @param survivingOrders the orders {@code s >= 1} that survive in the limit
 * @param leading for order 0 and each surviving order, its leading monomial in the cell
 * @param limit the limit coefficients {@code hat c_0..hat c_S} in the cell, polynomials in the
 *     ray constants ({@code h}, {@code v}); zero for orders that vanish (inside a cell no order
 *     diverges: {@code e = E_0} and {@code c} is the fastest time scale)
 */
public record RegimeCell(int id, RegimeName name, List<Polyhedron.Inequality> facets,
    List<List<Rational>> vertices, boolean bounded, List<Rational> interiorPoint, List<Rational> normExponent,
    List<Rational> timeExponent, List<Integer> survivingOrders, SortedMap<Integer, Monomial> leading,
    List<Polynomial> limit) {
  public RegimeCell {
    Objects.requireNonNull(name);
    facets = List.copyOf(facets);
    vertices = vertices.stream().map(List::copyOf).toList();
    interiorPoint = List.copyOf(interiorPoint);
    normExponent = List.copyOf(normExponent);
    timeExponent = List.copyOf(timeExponent);
    survivingOrders = List.copyOf(survivingOrders);
    leading = Collections.unmodifiableSortedMap(new TreeMap<>(leading));
    limit = List.copyOf(limit);
  }

  /** The shape of the limit series (exponential, power law, other). */
  public LimitShape shape() {
    return LimitShape.of(limit);
  }
}
