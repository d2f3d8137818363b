package org.gfd.algebra;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A (Laurent) polynomial with exact rational coefficients: a finite sum of terms
 * {@code coefficient * monomial} with nonzero coefficients. Immutable; terms are kept in
 * {@link Monomial} order.
 */
public final class Polynomial {
  public static final Polynomial ZERO = new Polynomial(new TreeMap<>());
  public static final Polynomial ONE = constant(Rational.ONE);

  private final SortedMap<Monomial, Rational> terms;

  private Polynomial(TreeMap<Monomial, Rational> terms) {
    this.terms = Collections.unmodifiableSortedMap(terms);
  }

  public static Polynomial constant(Rational c) {
    return term(c, Monomial.ONE);
  }

  public static Polynomial term(Rational c, Monomial m) {
    TreeMap<Monomial, Rational> t = new TreeMap<>();
    if (!c.isZero()) {
      t.put(m, c);
    }
    return new Polynomial(t);
  }

  public static Polynomial variable(Variable v) {
    return term(Rational.ONE, Monomial.of(v, 1));
  }

  /** The terms, monomial to nonzero coefficient, in monomial order (unmodifiable view). */
  public SortedMap<Monomial, Rational> terms() {
    return terms;
  }

  /** The coefficient of {@code m} (zero when absent). */
  public Rational coefficient(Monomial m) {
    return terms.getOrDefault(m, Rational.ZERO);
  }

  public boolean isZero() {
    return terms.isEmpty();
  }

  public Polynomial add(Polynomial o) {
    return new Builder().add(this).add(o).build();
  }

  public Polynomial subtract(Polynomial o) {
    return new Builder().add(this).add(o, Rational.MINUS_ONE).build();
  }

  public Polynomial multiply(Rational c) {
    return new Builder().add(this, c).build();
  }

  public Polynomial multiply(Rational c, Monomial m) {
    return new Builder().add(this, c, m).build();
  }

  public Polynomial multiply(Polynomial o) {
    Builder b = new Builder();
    for (Map.Entry<Monomial, Rational> t : o.terms.entrySet()) {
      b.add(this, t.getValue(), t.getKey());
    }
    return b.build();
  }

  /** {@code this^k}, {@code k >= 0}. */
  public Polynomial pow(int k) {
    Polynomial r = ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(this);
    }
    return r;
  }

  /**
   * The value when each variable in {@code values} is replaced by its rational value; variables
   * not in the map stay symbolic.
   */
  public Polynomial substitute(Map<Variable, Rational> values) {
    Builder b = new Builder();
    for (Map.Entry<Monomial, Rational> t : terms.entrySet()) {
      Rational c = t.getValue();
      Map<Variable, Integer> rest = new HashMap<>();
      for (Map.Entry<Variable, Integer> pw : t.getKey().powers().entrySet()) {
        Rational v = values.get(pw.getKey());
        if (v == null) {
          rest.put(pw.getKey(), pw.getValue());
        } else {
          c = c.multiply(v.pow(pw.getValue()));
        }
      }
      b.add(c, Monomial.of(rest));
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Polynomial p && terms.equals(p.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /** For example {@code 1/2*p + 1/2*p^3*H*sigma2^3}, or {@code 0}. */
  @Override
  public String toString() {
    if (terms.isEmpty()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Monomial, Rational> t : terms.entrySet()) {
      Rational c = t.getValue();
      if (sb.length() > 0) {
        sb.append(c.signum() < 0 ? " - " : " + ");
        c = c.abs();
      }
      if (t.getKey().isOne()) {
        sb.append(c);
      } else if (c.equals(Rational.ONE)) {
        sb.append(t.getKey());
      } else if (c.equals(Rational.MINUS_ONE)) {
        sb.append('-').append(t.getKey());
      } else {
        sb.append(c).append('*').append(t.getKey());
      }
    }
    return sb.toString();
  }

  /** A mutable accumulator of terms; not thread-safe. */
  public static final class Builder {
    private final Map<Monomial, Rational> acc = new HashMap<>();

    public Builder add(Rational c, Monomial m) {
      if (!c.isZero()) {
        acc.merge(m, c, Rational::add);
      }
      return this;
    }

    public Builder add(Polynomial p) {
      return add(p, Rational.ONE, Monomial.ONE);
    }

    public Builder add(Polynomial p, Rational c) {
      return add(p, c, Monomial.ONE);
    }

    /** Adds {@code c * m * p}. */
    public Builder add(Polynomial p, Rational c, Monomial m) {
      if (c.isZero()) {
        return this;
      }
      for (Map.Entry<Monomial, Rational> t : p.terms.entrySet()) {
        add(t.getValue().multiply(c), t.getKey().multiply(m));
      }
      return this;
    }

    public Polynomial build() {
      TreeMap<Monomial, Rational> t = new TreeMap<>();
      acc.forEach((m, c) -> {
        if (!c.isZero()) {
          t.put(m, c);
        }
      });
      return new Polynomial(t);
    }
  }
}
