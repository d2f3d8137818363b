package org.gfd.algebra;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A power product {@code x_1^{k_1} ... x_m^{k_m}} of variables with integer exponents (negative
 * exponents make Laurent monomials, as {@code 1/n} does). Immutable. Exponents are stored by
 * {@link Variable#index()} with trailing zeros trimmed, so equal monomials have equal arrays.
 */
public final class Monomial implements Comparable<Monomial> {
  public static final Monomial ONE = new Monomial(new int[0]);

  private final int[] exponents;
  private final int hash;

  private Monomial(int[] trimmed) {
    this.exponents = trimmed;
    this.hash = Arrays.hashCode(trimmed);
  }

  private static Monomial ofTrimmed(int[] e) {
    int len = e.length;
    while (len > 0 && e[len - 1] == 0) {
      len--;
    }
    if (len == 0) {
      return ONE;
    }
    return new Monomial(len == e.length ? e : Arrays.copyOf(e, len));
  }

  /** {@code v^k}. */
  public static Monomial of(Variable v, int k) {
    int[] e = new int[v.index() + 1];
    e[v.index()] = k;
    return ofTrimmed(e);
  }

  /** The monomial with these exponents (variables absent from the map have exponent 0). */
  public static Monomial of(Map<Variable, Integer> powers) {
    int max = -1;
    for (Variable v : powers.keySet()) {
      max = Math.max(max, v.index());
    }
    int[] e = new int[max + 1];
    powers.forEach((v, k) -> e[v.index()] = k);
    return ofTrimmed(e);
  }

  /** The exponent of {@code v}. */
  public int exponent(Variable v) {
    return v.index() < exponents.length ? exponents[v.index()] : 0;
  }

  public boolean isOne() {
    return exponents.length == 0;
  }

  /** Total degree (sum of exponents). */
  public int degree() {
    int d = 0;
    for (int k : exponents) {
      d += k;
    }
    return d;
  }

  public Monomial multiply(Monomial o) {
    if (o.isOne()) {
      return this;
    }
    if (isOne()) {
      return o;
    }
    int[] e = Arrays.copyOf(exponents, Math.max(exponents.length, o.exponents.length));
    for (int i = 0; i < o.exponents.length; i++) {
      e[i] += o.exponents[i];
    }
    return ofTrimmed(e);
  }

  /** {@code this^k}. */
  public Monomial pow(int k) {
    int[] e = exponents.clone();
    for (int i = 0; i < e.length; i++) {
      e[i] *= k;
    }
    return ofTrimmed(e);
  }

  /** The variables with nonzero exponent and their exponents, in display order. */
  public Map<Variable, Integer> powers() {
    Map<Variable, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < exponents.length; i++) {
      if (exponents[i] != 0) {
        m.put(Variable.byIndex(i), exponents[i]);
      }
    }
    return m;
  }

  /** Lexicographic order on the exponents in variable order ({@code p} first), smaller first. */
  @Override
  public int compareTo(Monomial o) {
    int n = Math.max(exponents.length, o.exponents.length);
    for (int i = 0; i < n; i++) {
      int a = i < exponents.length ? exponents[i] : 0;
      int b = i < o.exponents.length ? o.exponents[i] : 0;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Monomial m && hash == m.hash && Arrays.equals(exponents, m.exponents);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** For example {@code p^3*H*sigma2^3}, or {@code 1}. */
  @Override
  public String toString() {
    if (isOne()) {
      return "1";
    }
    StringBuilder sb = new StringBuilder();
    powers().forEach((v, k) -> {
      if (sb.length() > 0) {
        sb.append('*');
      }
      sb.append(v.name());
      if (k != 1) {
        sb.append('^').append(k < 0 ? "(" + k + ")" : String.valueOf(k));
      }
    });
    return sb.toString();
  }
}
