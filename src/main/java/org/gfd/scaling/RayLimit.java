package org.gfd.scaling;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;

/**
 * The scaling limit of a loss series along a ray (DESIGN &sect;4). With {@code c_s ~ p^(E_s)},
 * normalization {@code p^e} and time {@code t = p^c tau}, the limit series is
 * {@code hat c_s = lim p^(c s - e) c_s}.
 *
 * @param ray the ray
 * @param orderExponents {@code E_s} per order; empty when {@code c_s} vanishes on the ray
 * @param leadingMonomials per order, the monomials of {@code c_s} that attain {@code E_s}, in
 *     monomial order
 * @param normExponent {@code e} (given, or {@code E_0})
 * @param timeExponent {@code c} (given, or {@code min_{s>=1} (e - E_s)/s}); empty when no order
 *     {@code s >= 1} is nonzero, so that no time scale exists
 * @param limit {@code hat c_0..hat c_S}, polynomials in the ray constants (zero where the order
 *     vanishes in the limit; meaningless for orders that diverge)
 * @param verdict admissible, divergent or trivial
 * @param reason why the verdict is not {@code ADMISSIBLE}, or a one-line summary when it is
 */
public record RayLimit(Ray ray, List<Optional<Rational>> orderExponents,
    List<Set<Monomial>> leadingMonomials, Rational normExponent, Optional<Rational> timeExponent,
    List<Polynomial> limit, Verdict verdict, String reason) {
  /** Whether a ray gives a finite, moving limit. */
  public enum Verdict {
    /** Every order stays bounded and some order {@code s >= 1} survives. */
    ADMISSIBLE,
    /** Some order grows without bound. */
    DIVERGENT,
    /** Nothing moves: every order {@code s >= 1} vanishes in the limit. */
    TRIVIAL
  }

  public RayLimit {
    Objects.requireNonNull(ray);
    orderExponents = List.copyOf(orderExponents);
    leadingMonomials = leadingMonomials.stream()
        .map(s -> (Set<Monomial>) Collections.unmodifiableSortedSet(new TreeSet<>(s))).toList();
    Objects.requireNonNull(normExponent);
    Objects.requireNonNull(timeExponent);
    limit = List.copyOf(limit);
    Objects.requireNonNull(verdict);
    Objects.requireNonNull(reason);
  }

  public boolean isAdmissible() {
    return verdict == Verdict.ADMISSIBLE;
  }

  /** {@code hat c_s}. */
  public Polynomial limitCoefficient(int s) {
    return limit.get(s);
  }

  /** The orders {@code s >= 1} whose limit coefficient is nonzero. */
  public List<Integer> survivingOrders() {
    return IntStream.range(1, limit.size())
        .filter(s -> !limit.get(s).isZero()).boxed().toList();
  }
}
