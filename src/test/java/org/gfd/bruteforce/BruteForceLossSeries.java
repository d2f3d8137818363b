package org.gfd.bruteforce;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Independent brute-force oracle for the loss series coefficients of gradient flow on CP tensor
 * decomposition losses.
 *
 * <p>Everything is done literally with exact sparse multivariate polynomials over the parameter
 * entries (java.math only):
 *
 * <ol>
 *   <li>build T[i_1..i_nu] = sum_h prod_m U_m[h, i_m] (or U[h, i_m] in the symmetric case) for every
 *       index tuple and form L = 1/2 sum (T - T*)^2;
 *   <li>differentiate L with respect to every entry;
 *   <li>apply D F = - sum_u (dF/du)(dL/du) s times;
 *   <li>take the expectation monomial by monomial with iid N(0, sigma2) entries: E[x^(2k)] = (2k-1)!!
 *       sigma2^k, odd moments 0.
 * </ol>
 *
 * <p>Bookkeeping of the factor 1/2 (kept obvious rather than clever): all polynomials carry integer
 * coefficients. Let G = 2L (integer coefficients) and E_s = 2^(s+1) D^s L. Then E_0 = G and, since
 * dL/du = (dG/du)/2,
 *
 * <pre>
 *   D^(s+1) L = - sum_u d(D^s L)/du * dL/du = - sum_u (dE_s/du / 2^(s+1)) (dG/du / 2),
 *   hence E_(s+1) = - sum_u (dE_s/du)(dG/du).
 * </pre>
 *
 * Finally c_s = E[E_s] / 2^(s+1), reduced to lowest terms.
 *
 * <p>Variable numbering: asymmetric entry U_m[h, i] is variable m*H*p + h*p + i (m = 0..nu-1);
 * symmetric entry U[h, i] is variable h*p + i.
 */
public final class BruteForceLossSeries {

  private BruteForceLossSeries() {}

  /**
   * c_0..c_maxOrder; element s maps the exponent k of sigma2 to the exact rational coefficient of
   * sigma2^k, written "a" or "a/b" (lowest terms, b > 0, sign on a); zero coefficients omitted.
   */
  public static List<SortedMap<Integer, String>> coefficients(
      boolean symmetric, int nu, boolean identityTarget, int p, int h, int maxOrder) {
    List<SortedMap<Integer, BigInteger>> numerators =
        scaledNumerators(symmetric, nu, identityTarget, p, h, maxOrder);
    List<SortedMap<Integer, String>> out = new ArrayList<>();
    for (int s = 0; s < numerators.size(); s++) {
      BigInteger den = BigInteger.TWO.pow(s + 1);
      SortedMap<Integer, String> cs = new TreeMap<>();
      for (Map.Entry<Integer, BigInteger> e : numerators.get(s).entrySet()) {
        if (e.getValue().signum() != 0) {
          cs.put(e.getKey(), formatFraction(e.getValue(), den));
        }
      }
      out.add(Collections.unmodifiableSortedMap(cs));
    }
    return Collections.unmodifiableList(out);
  }

  /** Element s: sigma2 exponent -> E[E_s] coefficient, i.e. 2^(s+1) times the coefficient of c_s. */
  static List<SortedMap<Integer, BigInteger>> scaledNumerators(
      boolean symmetric, int nu, boolean identityTarget, int p, int h, int maxOrder) {
    if (nu < 2) throw new IllegalArgumentException("nu must be >= 2, got " + nu);
    if (p < 1 || h < 1) throw new IllegalArgumentException("p and h must be >= 1");
    if (maxOrder < 0) throw new IllegalArgumentException("maxOrder must be >= 0");

    Poly g = twiceLoss(symmetric, nu, identityTarget, p, h);
    int n = g.nVars;
    Poly[] gradG = new Poly[n];
    for (int j = 0; j < n; j++) gradG[j] = g.derivative(j);

    List<SortedMap<Integer, BigInteger>> result = new ArrayList<>();
    Poly e = g; // E_0 = 2 L
    for (int s = 0; s <= maxOrder; s++) {
      result.add(gaussianExpectation(e));
      if (s < maxOrder) e = applyScaledD(e, gradG);
    }
    return result;
  }

  /** Number of parameter entries (polynomial variables). */
  static int numberOfVariables(boolean symmetric, int nu, int p, int h) {
    return symmetric ? h * p : nu * h * p;
  }

  /** G = 2 L = sum over all index tuples of (T - T*)^2, built literally. */
  static Poly twiceLoss(boolean symmetric, int nu, boolean identityTarget, int p, int h) {
    int n = numberOfVariables(symmetric, nu, p, h);
    Poly g = new Poly(n);
    int[] idx = new int[nu]; // current index tuple (i_1..i_nu), 0-based
    while (true) {
      // T[idx] as a polynomial
      Poly t = new Poly(n);
      for (int hh = 0; hh < h; hh++) {
        int[] exps = new int[n];
        for (int m = 0; m < nu; m++) {
          int var = symmetric ? hh * p + idx[m] : m * h * p + hh * p + idx[m];
          exps[var]++;
        }
        t.add(new Mono(exps), BigInteger.ONE);
      }
      if (identityTarget && allEqual(idx)) {
        t.add(new Mono(new int[n]), BigInteger.ONE.negate()); // T - T*, T* = 1 on the diagonal
      }
      g.addAll(t.times(t));
      // next tuple (odometer)
      int m = nu - 1;
      while (m >= 0 && idx[m] == p - 1) {
        idx[m] = 0;
        m--;
      }
      if (m < 0) break;
      idx[m]++;
    }
    return g;
  }

  private static boolean allEqual(int[] idx) {
    for (int i = 1; i < idx.length; i++) if (idx[i] != idx[0]) return false;
    return true;
  }

  /**
   * E_(s+1) = - sum_{u trainable} (dE_s/du)(dG/du), computed term by term; the trainable variables
   * are the first {@code grad.length} (the others, data, are never differentiated).
   */
  static Poly applyScaledD(Poly e, Poly[] grad) {
    int n = e.nVars;
    Poly out = new Poly(n);
    for (Map.Entry<Mono, BigInteger> term : e.terms.entrySet()) {
      int[] a = term.getKey().exps;
      BigInteger ca = term.getValue();
      for (int j = 0; j < grad.length; j++) {
        if (a[j] == 0) continue;
        // d/du_j (ca u^a) = ca a_j u^(a - e_j); the minus sign of D is included here
        BigInteger dc = ca.multiply(BigInteger.valueOf(a[j])).negate();
        for (Map.Entry<Mono, BigInteger> gt : grad[j].terms.entrySet()) {
          int[] b = gt.getKey().exps;
          int[] prod = new int[n];
          for (int k = 0; k < n; k++) prod[k] = a[k] + b[k];
          prod[j]--;
          out.add(new Mono(prod), dc.multiply(gt.getValue()));
        }
      }
    }
    return out;
  }

  /**
   * E[poly], all variables independent centred Gaussians: trainable ones (index < nTrainable) with
   * variance sigma2, data ones with variance 1. Returns sigma2 exponent -> integer coefficient.
   */
  static SortedMap<Integer, BigInteger> gaussianExpectation(Poly poly, int nTrainable) {
    SortedMap<Integer, BigInteger> out = new TreeMap<>();
    for (Map.Entry<Mono, BigInteger> term : poly.terms.entrySet()) {
      int[] a = term.getKey().exps;
      BigInteger c = term.getValue();
      int k = 0;
      boolean odd = false;
      for (int v = 0; v < a.length; v++) {
        int x = a[v];
        if (x % 2 != 0) {
          odd = true;
          break;
        }
        c = c.multiply(doubleFactorial(x - 1)); // E[u^x] = (x-1)!! var^(x/2)
        if (v < nTrainable) k += x / 2; // var = sigma2 for trainable entries, 1 for data
      }
      if (odd) continue;
      out.merge(k, c, BigInteger::add);
    }
    out.values().removeIf(v -> v.signum() == 0);
    return out;
  }

  /** E[poly] with iid N(0, sigma2) variables (all trainable), as sigma2 exponent -> integer coefficient. */
  static SortedMap<Integer, BigInteger> gaussianExpectation(Poly poly) {
    return gaussianExpectation(poly, poly.nVars);
  }

  /** m!! for m >= -1, with (-1)!! = 1. */
  static BigInteger doubleFactorial(int m) {
    BigInteger r = BigInteger.ONE;
    for (int i = m; i > 1; i -= 2) r = r.multiply(BigInteger.valueOf(i));
    return r;
  }

  static String formatFraction(BigInteger num, BigInteger den) {
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger gcd = num.gcd(den);
    if (gcd.signum() != 0) {
      num = num.divide(gcd);
      den = den.divide(gcd);
    }
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }

  /** Monomial: exponent vector. Immutable. */
  static final class Mono {
    final int[] exps;
    private final int hash;

    Mono(int[] exps) {
      this.exps = exps;
      this.hash = Arrays.hashCode(exps);
    }

    /** Product of the listed variables (repetitions allowed) in n variables. */
    static Mono of(int n, int... vars) {
      int[] e = new int[n];
      for (int v : vars) e[v]++;
      return new Mono(e);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mono && Arrays.equals(exps, ((Mono) o).exps);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return Arrays.toString(exps);
    }
  }

  /** Sparse polynomial with integer coefficients in nVars variables; no zero coefficients stored. */
  static final class Poly {
    final int nVars;
    final HashMap<Mono, BigInteger> terms = new HashMap<>();

    Poly(int nVars) {
      this.nVars = nVars;
    }

    void add(Mono m, BigInteger c) {
      if (c.signum() == 0) return;
      terms.merge(m, c, (x, y) -> {
        BigInteger z = x.add(y);
        return z.signum() == 0 ? null : z; // null removes the entry
      });
    }

    void addAll(Poly other) {
      for (Map.Entry<Mono, BigInteger> t : other.terms.entrySet()) add(t.getKey(), t.getValue());
    }

    Poly times(Poly other) {
      Poly out = new Poly(nVars);
      for (Map.Entry<Mono, BigInteger> x : terms.entrySet()) {
        for (Map.Entry<Mono, BigInteger> y : other.terms.entrySet()) {
          int[] prod = new int[nVars];
          for (int k = 0; k < nVars; k++) prod[k] = x.getKey().exps[k] + y.getKey().exps[k];
          out.add(new Mono(prod), x.getValue().multiply(y.getValue()));
        }
      }
      return out;
    }

    Poly derivative(int j) {
      Poly out = new Poly(nVars);
      for (Map.Entry<Mono, BigInteger> t : terms.entrySet()) {
        int[] a = t.getKey().exps;
        if (a[j] == 0) continue;
        int[] d = a.clone();
        d[j]--;
        out.add(new Mono(d), t.getValue().multiply(BigInteger.valueOf(a[j])));
      }
      return out;
    }

    int size() {
      return terms.size();
    }
  }
}
