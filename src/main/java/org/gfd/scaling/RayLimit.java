package org.gfd.scaling;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;

/**
 * The scaling limit of a loss series along a ray (docs/specification.md &sect;4). With {@code c_s ~ p^(E_s)},
 * normalization {@code p^e} and time {@code t = p^c tau}, the limit series is
 * {@code hat c_s = lim p^(c s - e) c_s}, when that limit is finite: each order is either
 * {@link Bounded} (with its limit, zero when the order vanishes) or {@link Diverging} (with the
 * exponent it grows with), never a number standing in for a divergence.
 *
 * @param ray the ray
 * @param orderExponents {@code E_s} per order; empty when {@code c_s} vanishes on the ray
 * @param leadingMonomials per order, the monomials of {@code c_s} that attain {@code E_s}, in
 *     monomial order
 * @param normExponent {@code e} (given, or {@code E_0})
 * @param timeExponent {@code c} (given, or {@code min_{s>=1} (e - E_s)/s}); empty when no order
 *     {@code s >= 1} is nonzero, so that no time scale exists
 * @param orderLimits per order {@code s = 0..S}, the fate of {@code p^(c s - e) c_s}
 * @param verdict admissible, divergent or trivial; agrees with {@code orderLimits}
 * @param reason why the verdict is not {@code ADMISSIBLE}, or a one-line summary when it is
 */
public record RayLimit(Ray ray, List<Optional<Rational>> orderExponents,
    List<Set<Monomial>> leadingMonomials, Rational normExponent, Optional<Rational> timeExponent,
    List<OrderLimit> orderLimits, Verdict verdict, String reason) {
  /**
   * Whether a ray gives a finite, moving limit. {@code ADMISSIBLE} is docs/specification.md &sect;4's
   * admissible: every order bounded ({@link RayLimit#isBounded()}) and some order {@code s >= 1}
   * surviving ({@link RayLimit#isNontrivial()}); {@code gfd verify} passes exactly then.
   */
  public enum Verdict {
    /** Every order stays bounded and some order {@code s >= 1} survives. */
    ADMISSIBLE,
    /** Some order grows without bound. */
    DIVERGENT,
    /** Every order stays bounded but nothing moves: every order {@code s >= 1} vanishes. */
    TRIVIAL
  }

  /** What {@code p^(c s - e) c_s} does as {@code p -> infinity} along the ray. */
  public sealed interface OrderLimit permits Bounded, Diverging {
    /** Whether the order tends to zero (a bounded order with limit 0). */
    boolean vanishes();
  }

  /**
   * A bounded order: {@code p^(c s - e) c_s -> value}.
   *
   * @param value {@code hat c_s}, a polynomial in the ray constants; zero when the order vanishes
   */
  public record Bounded(Polynomial value) implements OrderLimit {
    public Bounded {
      Objects.requireNonNull(value);
    }

    @Override
    public boolean vanishes() {
      return value.isZero();
    }

    /** The limit, as a polynomial: {@code -2*h*v}. */
    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * A diverging order: {@code p^(c s - e) c_s ~ leadingPart p^(growth)} with {@code growth > 0}.
   *
   * @param growth the exponent of {@code p} that the normalized order grows with,
   *     {@code E_s + c s - e > 0}
   * @param leadingPart the constant in front, a nonzero polynomial in the ray constants
   */
  public record Diverging(Rational growth, Polynomial leadingPart) implements OrderLimit {
    public Diverging {
      Objects.requireNonNull(growth);
      Objects.requireNonNull(leadingPart);
      if (growth.signum() <= 0) {
        throw new IllegalArgumentException("a diverging order grows with a positive exponent, not " + growth);
      }
      if (leadingPart.isZero()) {
        throw new IllegalArgumentException("a diverging order has a nonzero leading part");
      }
    }

    @Override
    public boolean vanishes() {
      return false;
    }

    /** {@code diverges as p^(1/4)}. */
    @Override
    public String toString() {
      return "diverges as p^(" + growth + ")";
    }
  }

  public RayLimit {
    Objects.requireNonNull(ray);
    orderExponents = List.copyOf(orderExponents);
    leadingMonomials = leadingMonomials.stream()
        .map(s -> (Set<Monomial>) Collections.unmodifiableSortedSet(new TreeSet<>(s))).toList();
    Objects.requireNonNull(normExponent);
    Objects.requireNonNull(timeExponent);
    orderLimits = List.copyOf(orderLimits);
    Objects.requireNonNull(verdict);
    Objects.requireNonNull(reason);
    if (orderLimits.size() != orderExponents.size() || leadingMonomials.size() != orderExponents.size()) {
      throw new IllegalArgumentException("one exponent, leading set and limit per order");
    }
    boolean bounded = orderLimits.stream().allMatch(o -> o instanceof Bounded);
    boolean moves = orderLimits.stream().skip(1).anyMatch(o -> !o.vanishes());
    Verdict implied = !bounded ? Verdict.DIVERGENT : moves ? Verdict.ADMISSIBLE : Verdict.TRIVIAL;
    if (verdict != implied) {
      throw new IllegalArgumentException("verdict " + verdict + " contradicts the orders' limits (" + implied + ")");
    }
  }

  /** docs/specification.md &sect;4's admissible: every order bounded and some order {@code s >= 1} survives. */
  public boolean isAdmissible() {
    return verdict == Verdict.ADMISSIBLE;
  }

  /** Whether every order stays bounded (none {@link Diverging}). */
  public boolean isBounded() {
    return verdict != Verdict.DIVERGENT;
  }

  /** Whether some order {@code s >= 1} does not vanish (it survives or diverges). */
  public boolean isNontrivial() {
    return verdict != Verdict.TRIVIAL;
  }

  /** {@code S}, the highest order. */
  public int maxOrder() {
    return orderLimits.size() - 1;
  }

  /** The fate of order {@code s}. */
  public OrderLimit orderLimit(int s) {
    return orderLimits.get(s);
  }

  /**
   * {@code hat c_s}.
   *
   * @throws IllegalStateException when order {@code s} diverges (it has no limit coefficient)
   */
  public Polynomial limitCoefficient(int s) {
    if (orderLimits.get(s) instanceof Bounded b) {
      return b.value();
    }
    throw new IllegalStateException("order " + s + " " + orderLimits.get(s) + ": it has no limit coefficient");
  }

  /**
   * {@code hat c_0..hat c_S}.
   *
   * @throws IllegalStateException when some order diverges
   */
  public List<Polynomial> limitCoefficients() {
    return IntStream.range(0, orderLimits.size()).mapToObj(this::limitCoefficient).toList();
  }

  /** The orders {@code s >= 1} whose limit coefficient is finite and nonzero. */
  public List<Integer> survivingOrders() {
    return IntStream.range(1, orderLimits.size())
        .filter(s -> orderLimits.get(s) instanceof Bounded b && !b.value().isZero()).boxed().toList();
  }

  /** The orders that diverge, in increasing order. */
  public List<Integer> divergingOrders() {
    return IntStream.range(0, orderLimits.size())
        .filter(s -> orderLimits.get(s) instanceof Diverging).boxed().toList();
  }

  /**
   * The leading monomials of every order that does not vanish in the limit (it survives, is order
   * 0, or diverges), by order: the weights whose diagrams make up what the limit shows.
   */
  public SortedMap<Integer, Set<Monomial>> nonvanishingLeadingMonomials() {
    SortedMap<Integer, Set<Monomial>> out = new TreeMap<>();
    for (int s = 0; s < orderLimits.size(); s++) {
      if (!orderLimits.get(s).vanishes()) {
        out.put(s, Collections.unmodifiableSet(new LinkedHashSet<>(leadingMonomials.get(s))));
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }
}
