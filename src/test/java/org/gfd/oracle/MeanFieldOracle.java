package org.gfd.oracle;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Oracle for the mean-field limit of symmetric CP of order 2 (DESIGN section 4), written without
 * the engine: with W = U^T U, U in R^{H x p} with N(0, v/p) entries and H = alpha p, every
 * eigenvalue obeys lambda' = 4 lambda (1 - lambda), and E[L(t)]/p tends to
 * F(t) = 1/2 Integral (lambda(t) - 1)^2 dMP(lambda_0). The Taylor series of lambda(t) has
 * coefficients polynomial in lambda_0 (from the ODE); averaging lambda_0^k over the
 * Marchenko-Pastur law uses its moments m_k = v^k sum_{j=1}^k N(k, j) alpha^j with the Narayana
 * numbers N(k, j) = C(k, j) C(k, j-1) / k. Only java.math; exact rationals as BigInteger pairs.
 */
public final class MeanFieldOracle {
  private MeanFieldOracle() {}

  /** A rational n/d as two BigIntegers, d > 0, reduced. */
  private record Q(BigInteger n, BigInteger d) {
    static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
    static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

    static Q of(BigInteger n, BigInteger d) {
      if (d.signum() < 0) {
        n = n.negate();
        d = d.negate();
      }
      BigInteger g = n.gcd(d);
      return g.signum() == 0 ? ZERO : new Q(n.divide(g), d.divide(g));
    }

    static Q of(long n) {
      return new Q(BigInteger.valueOf(n), BigInteger.ONE);
    }

    static Q parse(String s) {
      int i = s.indexOf('/');
      return i < 0 ? of(new BigInteger(s.strip()), BigInteger.ONE)
          : of(new BigInteger(s.substring(0, i).strip()), new BigInteger(s.substring(i + 1).strip()));
    }

    Q add(Q o) {
      return of(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
    }

    Q mul(Q o) {
      return of(n.multiply(o.n), d.multiply(o.d));
    }

    Q pow(int k) {
      return of(n.pow(k), d.pow(k));
    }

    @Override
    public String toString() {
      return d.equals(BigInteger.ONE) ? n.toString() : n + "/" + d;
    }
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger r = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }

  private static Q momentQ(Q alpha, Q v, int k) {
    if (k == 0) {
      return Q.ONE;
    }
    Q sum = Q.ZERO;
    for (int j = 1; j <= k; j++) {
      BigInteger narayana = binomial(k, j).multiply(binomial(k, j - 1)).divide(BigInteger.valueOf(k));
      sum = sum.add(new Q(narayana, BigInteger.ONE).mul(alpha.pow(j)));
    }
    return sum.mul(v.pow(k));
  }

  /** The k-th moment of the Marchenko-Pastur law of W, as "a" or "a/b". */
  public static String moment(String alpha, String v, int k) {
    return momentQ(Q.parse(alpha), Q.parse(v), k).toString();
  }

  /**
   * hat c_0..hat c_maxOrder of F(t) = sum_s hat c_s t^s / s!, each as "a" or "a/b".
   */
  public static List<String> limitCoefficients(String alpha, String v, int maxOrder) {
    Q a = Q.parse(alpha);
    Q vv = Q.parse(v);
    // lambda(t) = sum_n l[n] t^n, l[n] a polynomial in x = lambda_0: l[n][k] = coefficient of x^k
    List<Q[]> l = new ArrayList<>();
    int deg = maxOrder + 2;
    Q[] l0 = zeros(deg);
    l0[1] = Q.ONE;
    l.add(l0);
    for (int n = 0; n < maxOrder; n++) {
      // (n+1) l[n+1] = 4 (l[n] - sum_{i=0}^n l[i] l[n-i])
      Q[] sq = zeros(deg);
      for (int i = 0; i <= n; i++) {
        Q[] prod = times(l.get(i), l.get(n - i), deg);
        for (int k = 0; k < deg; k++) {
          sq[k] = sq[k].add(prod[k]);
        }
      }
      Q[] next = zeros(deg);
      Q factor = Q.of(BigInteger.valueOf(4), BigInteger.valueOf(n + 1));
      for (int k = 0; k < deg; k++) {
        next[k] = l.get(n)[k].add(sq[k].mul(Q.of(-1))).mul(factor);
      }
      l.add(next);
    }
    // g = lambda - 1; (g^2)[s] = sum_i g[i] g[s-i]
    List<Q[]> g = new ArrayList<>();
    for (int n = 0; n <= maxOrder; n++) {
      Q[] c = l.get(n).clone();
      if (n == 0) {
        c[0] = c[0].add(Q.of(-1));
      }
      g.add(c);
    }
    int momentDegree = 2 * deg;
    Q[] moments = new Q[momentDegree];
    for (int k = 0; k < momentDegree; k++) {
      moments[k] = momentQ(a, vv, k);
    }
    List<String> out = new ArrayList<>();
    BigInteger factorial = BigInteger.ONE;
    for (int s = 0; s <= maxOrder; s++) {
      if (s > 0) {
        factorial = factorial.multiply(BigInteger.valueOf(s));
      }
      Q[] coef = zeros(momentDegree);
      for (int i = 0; i <= s; i++) {
        Q[] prod = times(g.get(i), g.get(s - i), momentDegree);
        for (int k = 0; k < momentDegree; k++) {
          coef[k] = coef[k].add(prod[k]);
        }
      }
      Q value = Q.ZERO;
      for (int k = 0; k < momentDegree; k++) {
        value = value.add(coef[k].mul(moments[k]));
      }
      out.add(value.mul(Q.of(BigInteger.ONE, BigInteger.TWO)).mul(new Q(factorial, BigInteger.ONE)).toString());
    }
    return out;
  }

  private static Q[] zeros(int n) {
    Q[] z = new Q[n];
    java.util.Arrays.fill(z, Q.ZERO);
    return z;
  }

  /** Product of two polynomials in x (coefficient arrays), truncated to {@code deg} coefficients. */
  private static Q[] times(Q[] p, Q[] q, int deg) {
    Q[] r = zeros(deg);
    for (int i = 0; i < p.length && i < deg; i++) {
      if (p[i].n().signum() == 0) {
        continue;
      }
      for (int j = 0; j < q.length && i + j < deg; j++) {
        if (q[j].n().signum() != 0) {
          r[i + j] = r[i + j].add(p[i].mul(q[j]));
        }
      }
    }
    return r;
  }
}
