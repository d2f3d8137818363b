package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * A series whose constants enter only through one monomial: every monomial of every coefficient
 * is a power {@code m^k} of one primitive monomial {@code m} of degree two or more (the balanced
 * line's coefficients are polynomials in {@code h v}). Then the series is one in a single new
 * variable {@code x = m}, with far fewer unknowns in any ansatz; a closed form {@code G(tau, x)}
 * for the reduced coefficients gives {@code G(tau, m)} for the original ones, order by order
 * (the reduction is exact: each monomial is written {@code m^k} only after checking that it equals
 * {@code m^k}, and the certificate checks the final form against the original coefficients).
 */
record MonomialReduction(Variable x, Monomial m, List<Polynomial> reduced) {

  /** The reduction of {@code c}, when its monomials are powers of one monomial of degree two or more. */
  static Optional<MonomialReduction> of(List<Polynomial> c) {
    TreeSet<Variable> constants = new TreeSet<>();
    Monomial first = null;
    for (Polynomial p : c) {
      for (Monomial mono : p.terms().keySet()) {
        constants.addAll(mono.powers().keySet());
        if (first == null && !mono.isOne()) {
          first = mono;
        }
      }
    }
    if (first == null) {
      return Optional.empty();
    }
    BigInteger g = BigInteger.ZERO;
    for (int e : first.powers().values()) {
      g = g.gcd(BigInteger.valueOf(e));
    }
    Map<Variable, Integer> primitive = new TreeMap<>();
    for (Map.Entry<Variable, Integer> e : first.powers().entrySet()) {
      primitive.put(e.getKey(), e.getValue() / g.intValue());
    }
    Monomial m = Monomial.of(primitive);
    if (m.degree() < 2) {
      return Optional.empty();
    }
    String name = "x";
    for (int i = 1; taken(constants, name); i++) {
      name = "x" + i;
    }
    Variable x = Variable.of(name);
    List<Polynomial> reduced = new ArrayList<>();
    for (Polynomial p : c) {
      Polynomial.Builder r = new Polynomial.Builder();
      for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
        Optional<Integer> k = power(t.getKey(), m);
        if (k.isEmpty()) {
          return Optional.empty();
        }
        r.add(t.getValue(), Monomial.of(x, k.get()));
      }
      reduced.add(r.build());
    }
    return Optional.of(new MonomialReduction(x, m, reduced));
  }

  private static boolean taken(TreeSet<Variable> constants, String name) {
    return constants.stream().anyMatch(v -> v.name().equalsIgnoreCase(name));
  }

  /** The k with {@code mono = m^k}, if there is one. */
  private static Optional<Integer> power(Monomial mono, Monomial m) {
    if (mono.isOne()) {
      return Optional.of(0);
    }
    Map.Entry<Variable, Integer> any = m.powers().entrySet().iterator().next();
    int e = mono.exponent(any.getKey());
    if (e % any.getValue() != 0) {
      return Optional.empty();
    }
    int k = e / any.getValue();
    return mono.equals(m.pow(k)) ? Optional.of(k) : Optional.empty();
  }

  /** A Symja replacement rule that puts the monomial back for {@code x}. */
  String back() {
    return Summation.inputForm(Polynomial.variable(x)) + " -> " + Summation.inputForm(Polynomial.term(Rational.ONE, m));
  }

  /** How the account says it. */
  String describe() {
    return "the constants enter only through " + x.name() + " = " + m;
  }
}
