package org.gfd.summation;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * The Marchenko-Pastur law {@code MP(r, mu)} of ratio {@code r} and mean {@code mu}, both
 * monomials in the ray constants, as the two spectral strategies ({@link DataSpectrumAverage},
 * {@link InitialSpectrumAverage}) use it: its moments as polynomials, and the proposal they make.
 */
final class MarchenkoPastur {
  /** The variable of the spectrum in kernels, {@code s}. */
  static final Variable S = Variable.of("s");

  private MarchenkoPastur() {}

  /** The moment {@code mu^i sum_(j=1..i) N(i, j) r^(j-1)}, Narayana numbers {@code N(i, j)}; 1 for {@code i = 0}. */
  static Polynomial moment(int i, Monomial r, Monomial mu) {
    if (i == 0) {
      return Polynomial.ONE;
    }
    Polynomial.Builder b = new Polynomial.Builder();
    Monomial rPower = Monomial.ONE;
    for (int j = 1; j <= i; j++) {
      BigInteger narayana = binomial(i, j).multiply(binomial(i, j - 1)).divide(BigInteger.valueOf(i));
      b.add(Rational.of(narayana), rPower);
      rPower = rPower.multiply(r);
    }
    Monomial muPower = Monomial.ONE;
    for (int k = 0; k < i; k++) {
      muPower = muPower.multiply(mu);
    }
    return b.build().multiply(Rational.ONE, muPower);
  }

  /** The constants that occur in {@code c}. */
  static TreeSet<Variable> constants(List<Polynomial> c) {
    TreeSet<Variable> out = new TreeSet<>();
    c.forEach(p -> p.terms().keySet().forEach(m -> out.addAll(m.powers().keySet())));
    return out;
  }

  /** A monomial's value when all its constants have values. */
  static Optional<Rational> value(Monomial m, Map<Variable, Rational> values) {
    Polynomial v = Polynomial.term(Rational.ONE, m).substitute(values);
    return v.terms().keySet().stream().allMatch(Monomial::isOne) ? Optional.of(v.coefficient(Monomial.ONE)) : Optional.empty();
  }

  /** A monomial in Symja input form, as people write it: {@code h*v}, {@code 1/m}, {@code h/v^2}. */
  static String inputForm(Monomial m) {
    StringBuilder up = new StringBuilder();
    StringBuilder down = new StringBuilder();
    m.powers().forEach((x, e) -> {
      StringBuilder to = e > 0 ? up : down;
      to.append(to.length() == 0 ? "" : "*").append(Summation.symbol(x)).append(Math.abs(e) == 1 ? "" : "^" + Math.abs(e));
    });
    String num = up.length() == 0 ? "1" : up.toString();
    return down.length() == 0 ? num : num + "/" + (down.indexOf("*") < 0 ? down : "(" + down + ")");
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger r = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }
}
