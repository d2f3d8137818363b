package org.gfd.scaling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * A ray of one large parameter {@code p} (docs/specification.md &sect;4): every other size or variance
 * {@code x} is put on {@code x = k_x p^(a_x)} with a ray constant {@code k_x} ({@code H = h p^a},
 * {@code sigma2 = v p^b}, {@code n = m p^d}); optionally the time {@code t = p^c tau} and the
 * normalization {@code p^e} are fixed too (else they are derived, see {@link RayLimit}).
 *
 * @param exponents the exponent {@code a_x} of each variable on the ray
 * @param constantValues numeric values given for some ray constants (the others stay symbolic)
 * @param timeExponent {@code c}, if fixed by the user
 * @param normExponent {@code e}, if fixed by the user
 */
public record Ray(Map<Variable, Rational> exponents, Map<Variable, Rational> constantValues,
    Optional<Rational> timeExponent, Optional<Rational> normExponent) {
  /** The ray constants of the standard variables (docs/specification.md &sect;4). */
  private static final Map<Variable, Variable> CONSTANTS = Map.of(
      Variable.H, Variable.of("h"), Variable.SIGMA2, Variable.of("v"), Variable.N, Variable.of("m"));

  public Ray {
    exponents = Collections.unmodifiableMap(new LinkedHashMap<>(exponents));
    constantValues = Collections.unmodifiableMap(new LinkedHashMap<>(constantValues));
    Objects.requireNonNull(timeExponent);
    Objects.requireNonNull(normExponent);
    if (exponents.containsKey(Variable.P)) {
      throw new IllegalArgumentException("p is the large parameter; it has no exponent on the ray");
    }
  }

  /** The ray {@code x = k_x p^(a_x)} with symbolic constants and derived {@code c}, {@code e}. */
  public static Ray of(Map<Variable, Rational> exponents) {
    return new Ray(exponents, Map.of(), Optional.empty(), Optional.empty());
  }

  /** The ray constant of a size or variance: {@code h} for {@code H}, {@code v} for {@code sigma2}, ... */
  public static Variable constantOf(Variable x) {
    Variable k = CONSTANTS.get(x);
    return k != null ? k : Variable.of(x.name() + "_0");
  }

  /** The variables on the ray, in order. */
  public List<Variable> variables() {
    return List.copyOf(exponents.keySet());
  }

  /** The exponent of {@code p} that monomial {@code m} grows with on this ray. */
  public Rational exponentOf(Monomial m) {
    Rational e = Rational.of(m.exponent(Variable.P));
    for (Map.Entry<Variable, Integer> pw : m.powers().entrySet()) {
      if (pw.getKey().equals(Variable.P)) {
        continue;
      }
      Rational a = exponents.get(pw.getKey());
      if (a == null) {
        throw new IllegalArgumentException("the ray does not say how " + pw.getKey() + " scales");
      }
      e = e.add(a.multiply(Rational.of(pw.getValue())));
    }
    return e;
  }

  /** The ray constants of monomial {@code m}, all symbolic: {@code p^i H^j sigma2^k -> h^j v^k}. */
  public static Monomial symbolicConstantsOf(Monomial m) {
    Map<Variable, Integer> powers = new LinkedHashMap<>();
    m.powers().forEach((v, k) -> {
      if (!v.equals(Variable.P)) {
        powers.put(constantOf(v), k);
      }
    });
    return Monomial.of(powers);
  }

  /**
   * The constant part of monomial {@code m} on the ray: {@code prod k_x^(e_x)}, with the given
   * numeric values substituted.
   */
  public Polynomial constantPart(Monomial m) {
    Rational coef = Rational.ONE;
    Map<Variable, Integer> powers = new LinkedHashMap<>();
    for (Map.Entry<Variable, Integer> pw : m.powers().entrySet()) {
      if (pw.getKey().equals(Variable.P)) {
        continue;
      }
      Rational value = constantValues.get(pw.getKey());
      if (value != null) {
        coef = coef.multiply(value.pow(pw.getValue()));
      } else {
        powers.put(constantOf(pw.getKey()), pw.getValue());
      }
    }
    return Polynomial.term(coef, Monomial.of(powers));
  }
}
