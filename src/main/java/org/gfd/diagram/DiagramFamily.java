package org.gfd.diagram;

import java.util.List;
import java.util.Objects;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;

/**
 * The diagrams of one order that share a weight monomial: a leading family when that monomial
 * leads on a ray.
 *
 * @param order the order {@code s}
 * @param weight the shared weight monomial
 * @param diagrams the distinct diagrams of that weight
 * @param multiplicity the sum of their multiplicities: the coefficient of {@code weight} in {@code c_s}
 */
public record DiagramFamily(int order, Monomial weight, List<Diagram> diagrams, Rational multiplicity) {
  public DiagramFamily {
    Objects.requireNonNull(weight);
    diagrams = List.copyOf(diagrams);
    Objects.requireNonNull(multiplicity);
  }

  /** The family of {@code weight} among {@code all} diagrams of order {@code order}. */
  public static DiagramFamily of(int order, Monomial weight, List<Diagram> all) {
    List<Diagram> mine = all.stream().filter(d -> d.weight().equals(weight)).toList();
    Rational total = mine.stream().map(Diagram::coefficient).reduce(Rational.ZERO, Rational::add);
    return new DiagramFamily(order, weight, mine, total);
  }
}
