package org.gfd.bruteforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Checks the brute-force oracle against known closed forms and independent hand derivations. */
class BruteForceLossSeriesTest {

  // ---------------------------------------------------------------- helpers

  private static BigInteger big(long x) {
    return BigInteger.valueOf(x);
  }

  /** Reduced fraction string "a" or "a/b" (b > 0). */
  private static String frac(BigInteger num, BigInteger den) {
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    num = num.divide(g);
    den = den.divide(g);
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }

  /** Builds an expected map from alternating (exponent, "coefficient") pairs. */
  private static SortedMap<Integer, String> poly(Object... kv) {
    SortedMap<Integer, String> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((Integer) kv[i], (String) kv[i + 1]);
    return m;
  }

  /** Adds num/den to the coefficient of sigma2^k in an accumulator of (num, den) pairs. */
  private static void addTo(SortedMap<Integer, BigInteger[]> acc, int k, BigInteger num, BigInteger den) {
    BigInteger[] cur = acc.getOrDefault(k, new BigInteger[] {BigInteger.ZERO, BigInteger.ONE});
    acc.put(k, new BigInteger[] {cur[0].multiply(den).add(num.multiply(cur[1])), cur[1].multiply(den)});
  }

  private static SortedMap<Integer, String> toStrings(SortedMap<Integer, BigInteger[]> acc) {
    SortedMap<Integer, String> m = new TreeMap<>();
    acc.forEach((k, v) -> {
      if (v[0].signum() != 0) m.put(k, frac(v[0], v[1]));
    });
    return m;
  }

  private static BigInteger doubleFact(int m) {
    BigInteger r = BigInteger.ONE;
    for (int i = m; i > 1; i -= 2) r = r.multiply(big(i));
    return r;
  }

  // ---------------------------------------------------------------- asymmetric, known values

  @Test
  void scalarAsymmetricNu2ThroughOrder3() {
    List<SortedMap<Integer, String>> c = BruteForceLossSeries.coefficients(false, 2, true, 1, 1, 3);
    assertEquals(4, c.size());
    assertEquals(poly(0, "1/2", 2, "1/2"), c.get(0));
    assertEquals(poly(1, "-2", 3, "-6"), c.get(1));
    assertEquals(poly(2, "28", 4, "132"), c.get(2));
    assertEquals(poly(1, "-8", 3, "-840", 5, "-4800"), c.get(3));
  }

  /** c_0 = 1/2 (H p^nu sigma2^nu + p). */
  private static SortedMap<Integer, String> expectedC0(int nu, int p, int h) {
    SortedMap<Integer, BigInteger[]> acc = new TreeMap<>();
    addTo(acc, nu, big(h).multiply(big(p).pow(nu)), big(2));
    addTo(acc, 0, big(p), big(2));
    return toStrings(acc);
  }

  /**
   * c_1 = -nu [ H p sigma2^(2nu-1) ((p(p+2))^(nu-1) + (H-1) p^(nu-1)) + H p sigma2^(nu-1) ].
   */
  private static SortedMap<Integer, String> expectedC1(int nu, int p, int h) {
    SortedMap<Integer, BigInteger[]> acc = new TreeMap<>();
    BigInteger hp = big((long) h * p);
    BigInteger bracket = big((long) p * (p + 2)).pow(nu - 1).add(big(h - 1).multiply(big(p).pow(nu - 1)));
    addTo(acc, 2 * nu - 1, hp.multiply(bracket).multiply(big(-nu)), BigInteger.ONE);
    addTo(acc, nu - 1, hp.multiply(big(-nu)), BigInteger.ONE);
    return toStrings(acc);
  }

  @Test
  void asymmetricC0AndC1MatchClosedForms() {
    int[][] cases = { // {nu, p, H}
      {2, 1, 1}, {2, 2, 1}, {2, 1, 2}, {2, 2, 2}, {2, 3, 1}, {2, 1, 3}, {2, 4, 1}, {2, 1, 4},
      {2, 3, 2}, {2, 2, 3}, {2, 3, 3},
      {3, 1, 1}, {3, 2, 1}, {3, 1, 2}, {3, 2, 2}, {3, 3, 1}, {3, 1, 3},
      {4, 1, 1}, {4, 2, 1}, {4, 1, 2}
    };
    for (int[] cs : cases) {
      int nu = cs[0], p = cs[1], h = cs[2];
      List<SortedMap<Integer, String>> c = BruteForceLossSeries.coefficients(false, nu, true, p, h, 1);
      String label = "nu=" + nu + " p=" + p + " H=" + h;
      assertEquals(expectedC0(nu, p, h), c.get(0), "c_0 " + label);
      assertEquals(expectedC1(nu, p, h), c.get(1), "c_1 " + label);
    }
  }

  // ---------------------------------------------------------------- symmetric, by hand

  /**
   * Symmetric nu=2, p=H=1: L = 1/2 (u^2-1)^2 = 1/2 u^4 - u^2 + 1/2, L' = 2u^3 - 2u.
   * D L = -(L')^2 = -4(u^6 - 2u^4 + u^2);
   * D^2 L = -(DL)' L' = 8(6u^8 - 14u^6 + 10u^4 - 2u^2);
   * D^3 L = -(D^2L)' L' = -16(48u^10 - 132u^8 + 124u^6 - 44u^4 + 4u^2).
   * With E u^(2k) = (2k-1)!! s^k:
   * c_0 = 1/2 - s + 3/2 s^2; c_1 = -4s + 24s^2 - 60s^3;
   * c_2 = -16s + 240s^2 - 1680s^3 + 5040s^4;
   * c_3 = -64s + 2112s^2 - 29760s^3 + 221760s^4 - 725760s^5.
   */
  @Test
  void scalarSymmetricNu2ByHand() {
    List<SortedMap<Integer, String>> c = BruteForceLossSeries.coefficients(true, 2, true, 1, 1, 3);
    assertEquals(poly(0, "1/2", 1, "-1", 2, "3/2"), c.get(0));
    assertEquals(poly(1, "-4", 2, "24", 3, "-60"), c.get(1));
    assertEquals(poly(1, "-16", 2, "240", 3, "-1680", 4, "5040"), c.get(2));
    assertEquals(poly(1, "-64", 2, "2112", 3, "-29760", 4, "221760", 5, "-725760"), c.get(3));
  }

  /**
   * Symmetric nu=2 with H=1 (any p) or p=1 (any H): in both cases L = f(r) with r = |all entries|^2
   * (H=1: T = u u^T, L = 1/2||u u^T - I||^2 = r^2/2 - r + p/2; p=1: T = sum_h u_h^2 = r,
   * L = 1/2 (r-1)^2). For F = F(r): dF/du = 2 u F'(r), hence D F = -4 r F'(r) f'(r), again radial.
   * With d = number of entries, E[r^k] = sigma2^k d (d+2) ... (d+2k-2) (chi-square moments).
   * Independent of the multivariate machinery; checks orders 0..3.
   * (Hand value for H=1: c_1 = -4 [p(p+2)(p+4) s^3 - 2 p(p+2) s^2 + p s].)
   */
  @Test
  void symmetricNu2RadialReduction() {
    for (int d = 1; d <= 8; d++) {
      for (boolean rankOne : new boolean[] {true, false}) {
        int p = rankOne ? d : 1;
        int h = rankOne ? 1 : d;
        // G(r) = 2 f(r) = r^2 - 2r + p as coefficient array; E_s = 2^(s+1) D^s f.
        BigInteger[] g = {big(p), big(-2), big(1)};
        BigInteger[] gPrime = derivative(g);
        BigInteger[] e = g;
        List<SortedMap<Integer, String>> c = BruteForceLossSeries.coefficients(true, 2, true, p, h, 3);
        for (int s = 0; s <= 3; s++) {
          SortedMap<Integer, BigInteger[]> acc = new TreeMap<>();
          for (int k = 0; k < e.length; k++) {
            BigInteger moment = BigInteger.ONE;
            for (int j = 0; j < k; j++) moment = moment.multiply(big(d + 2L * j));
            addTo(acc, k, e[k].multiply(moment), BigInteger.TWO.pow(s + 1));
          }
          assertEquals(toStrings(acc), c.get(s), "p=" + p + " H=" + h + " s=" + s);
          // E_{s+1}(r) = -4 r E_s'(r) G'(r)   [since sum_u (2u)(2u) = 4r]
          BigInteger[] prod = times(derivative(e), gPrime);
          BigInteger[] next = new BigInteger[prod.length + 1];
          next[0] = BigInteger.ZERO;
          for (int k = 0; k < prod.length; k++) next[k + 1] = prod[k].multiply(big(-4));
          e = next;
        }
        if (rankOne) {
          SortedMap<Integer, BigInteger[]> acc = new TreeMap<>();
          addTo(acc, 3, big(-4L * p * (p + 2) * (p + 4)), BigInteger.ONE);
          addTo(acc, 2, big(8L * p * (p + 2)), BigInteger.ONE);
          addTo(acc, 1, big(-4L * p), BigInteger.ONE);
          assertEquals(toStrings(acc), c.get(1), "hand c_1, p=" + p);
        }
      }
    }
  }

  /**
   * Symmetric nu=2, general p, H: T = W := U^T U (p x p Wishart with H degrees of freedom, scale
   * sigma2), L = 1/2 ||W - I||_F^2, grad_U L = 2 U (W - I).
   * c_0 = 1/2 E tr W^2 - E tr W + p/2, c_1 = -4 E tr(W (W-I)^2) = -4 (E tr W^3 - 2 E tr W^2 + E tr W),
   * with E tr W = pH s, E tr W^2 = pH(p+H+1) s^2, E tr W^3 = pH(H^2+p^2+3pH+3p+3H+4) s^3.
   */
  @Test
  void symmetricNu2WishartC0C1() {
    for (int p = 1; p <= 4; p++) {
      for (int h = 1; h <= 4; h++) {
        if (h * p > 9) continue;
        long ph = (long) p * h;
        List<SortedMap<Integer, String>> c = BruteForceLossSeries.coefficients(true, 2, true, p, h, 1);
        SortedMap<Integer, BigInteger[]> c0 = new TreeMap<>();
        addTo(c0, 2, big(ph * (p + h + 1)), big(2));
        addTo(c0, 1, big(-ph), BigInteger.ONE);
        addTo(c0, 0, big(p), big(2));
        assertEquals(toStrings(c0), c.get(0), "c_0 p=" + p + " H=" + h);
        SortedMap<Integer, BigInteger[]> c1 = new TreeMap<>();
        addTo(c1, 3, big(-4 * ph * ((long) h * h + (long) p * p + 3L * p * h + 3L * p + 3L * h + 4)), BigInteger.ONE);
        addTo(c1, 2, big(8 * ph * (p + h + 1)), BigInteger.ONE);
        addTo(c1, 1, big(-4 * ph), BigInteger.ONE);
        assertEquals(toStrings(c1), c.get(1), "c_1 p=" + p + " H=" + h);
      }
    }
  }

  /**
   * Symmetric nu=3, general p, H: L = 1/2 sum_{h,h'} (u_h . u_h')^3 - sum_{h,i} u_hi^3 + p/2.
   * Cross terms h != h' and the cubes are odd in some entry, so
   * c_0 = H p (p+2)(p+4) sigma2^3 / 2 + p/2 (E r^3 for a chi-square with p degrees of freedom).
   */
  @Test
  void symmetricNu3C0() {
    for (int p = 1; p <= 4; p++) {
      for (int h = 1; h <= 4; h++) {
        SortedMap<Integer, BigInteger[]> c0 = new TreeMap<>();
        addTo(c0, 3, big((long) h * p * (p + 2) * (p + 4)), big(2));
        addTo(c0, 0, big(p), big(2));
        assertEquals(toStrings(c0), BruteForceLossSeries.coefficients(true, 3, true, p, h, 0).get(0),
            "p=" + p + " H=" + h);
      }
    }
  }

  /**
   * Symmetric, p = H = 1, any nu, either target: L = 1/2 (u^nu - t)^2, univariate.
   * E_{s+1} = -E_s' G' with G = (u^nu - t)^2, c_s = E[E_s] / 2^(s+1). Independent univariate code.
   */
  @Test
  void symmetricScalarUnivariateAnyNu() {
    for (int nu = 2; nu <= 5; nu++) {
      for (boolean identity : new boolean[] {true, false}) {
        BigInteger[] base = new BigInteger[nu + 1];
        java.util.Arrays.fill(base, BigInteger.ZERO);
        base[nu] = BigInteger.ONE;
        base[0] = identity ? big(-1) : BigInteger.ZERO;
        BigInteger[] g = times(base, base);
        BigInteger[] gPrime = derivative(g);
        BigInteger[] e = g;
        List<SortedMap<Integer, String>> c = BruteForceLossSeries.coefficients(true, nu, identity, 1, 1, 3);
        for (int s = 0; s <= 3; s++) {
          SortedMap<Integer, BigInteger[]> acc = new TreeMap<>();
          for (int k = 0; k < e.length; k += 2) {
            addTo(acc, k / 2, e[k].multiply(doubleFact(k - 1)), BigInteger.TWO.pow(s + 1));
          }
          assertEquals(toStrings(acc), c.get(s), "nu=" + nu + " identity=" + identity + " s=" + s);
          BigInteger[] prod = times(derivative(e), gPrime);
          for (int k = 0; k < prod.length; k++) prod[k] = prod[k].negate();
          e = prod;
        }
      }
    }
  }

  private static BigInteger[] derivative(BigInteger[] a) {
    if (a.length <= 1) return new BigInteger[] {BigInteger.ZERO};
    BigInteger[] d = new BigInteger[a.length - 1];
    for (int k = 1; k < a.length; k++) d[k - 1] = a[k].multiply(big(k));
    return d;
  }

  private static BigInteger[] times(BigInteger[] a, BigInteger[] b) {
    BigInteger[] r = new BigInteger[a.length + b.length - 1];
    java.util.Arrays.fill(r, BigInteger.ZERO);
    for (int i = 0; i < a.length; i++)
      for (int j = 0; j < b.length; j++) r[i + j] = r[i + j].add(a[i].multiply(b[j]));
    return r;
  }

  // ---------------------------------------------------------------- structural checks

  /**
   * Zero target: L is homogeneous of degree 2 nu and D raises the degree by 2 nu - 2, so c_s is a
   * single monomial in sigma2^(nu + s(nu-1)). With identity target, the top-degree part of D^s L is
   * the same as for the zero target, so the highest sigma2 coefficient must agree.
   */
  @Test
  void zeroTargetIsHomogeneousAndGivesTopCoefficient() {
    int[][] cases = { // {symmetric?1:0, nu, p, H}
      {0, 2, 1, 1}, {0, 2, 2, 1}, {0, 2, 1, 2}, {0, 2, 2, 2}, {0, 3, 1, 1}, {0, 3, 2, 1},
      {1, 2, 2, 1}, {1, 2, 2, 2}, {1, 3, 2, 1}, {1, 3, 1, 2}, {1, 3, 2, 2}
    };
    for (int[] cs : cases) {
      boolean sym = cs[0] == 1;
      int nu = cs[1], p = cs[2], h = cs[3];
      String label = "sym=" + sym + " nu=" + nu + " p=" + p + " H=" + h;
      List<SortedMap<Integer, String>> zero = BruteForceLossSeries.coefficients(sym, nu, false, p, h, 3);
      List<SortedMap<Integer, String>> id = BruteForceLossSeries.coefficients(sym, nu, true, p, h, 3);
      for (int s = 0; s <= 3; s++) {
        int k = nu + s * (nu - 1);
        assertEquals(1, zero.get(s).size(), label + " s=" + s + " " + zero.get(s));
        assertTrue(zero.get(s).containsKey(k), label + " s=" + s + " " + zero.get(s));
        assertEquals(id.get(s).lastKey(), k, label + " s=" + s);
        assertEquals(zero.get(s).get(k), id.get(s).get(k), label + " s=" + s);
        if (s == 1) { // zero target: c_1 = -E|grad L|^2 < 0
          assertTrue(zero.get(s).get(k).startsWith("-"), label);
        }
      }
    }
  }

  /** c_1 = -E|grad L|^2, so c_1(sigma2) < 0 for every sigma2 > 0 (grad L is not identically 0). */
  @Test
  void c1IsNegativeForPositiveSigma2() {
    int[][] cases = {{0, 2, 2, 2}, {0, 3, 2, 1}, {1, 2, 3, 2}, {1, 3, 2, 2}, {1, 3, 4, 1}};
    for (int[] cs : cases) {
      SortedMap<Integer, String> c1 =
          BruteForceLossSeries.coefficients(cs[0] == 1, cs[1], true, cs[2], cs[3], 1).get(1);
      for (double s2 : new double[] {1e-3, 0.1, 0.5, 1, 2, 10}) {
        double v = 0;
        for (var e : c1.entrySet()) {
          String[] parts = e.getValue().split("/");
          double coef = Double.parseDouble(parts[0]) / (parts.length > 1 ? Double.parseDouble(parts[1]) : 1);
          v += coef * Math.pow(s2, e.getKey());
        }
        assertTrue(v < 0, "c_1 not negative at sigma2=" + s2 + ": " + c1);
      }
    }
  }

  @Test
  void outputFormatAndShape() {
    List<SortedMap<Integer, String>> c = BruteForceLossSeries.coefficients(true, 3, true, 2, 2, 2);
    assertEquals(3, c.size());
    for (SortedMap<Integer, String> cs : c) {
      for (var e : cs.entrySet()) {
        String v = e.getValue();
        assertTrue(v.matches("-?[1-9][0-9]*(/[1-9][0-9]*)?"), v);
        if (v.contains("/")) {
          String[] parts = v.replace("-", "").split("/");
          assertEquals(BigInteger.ONE, new BigInteger(parts[0]).gcd(new BigInteger(parts[1])), v);
          assertTrue(!parts[1].equals("1"), v);
        }
      }
    }
    assertEquals(1, BruteForceLossSeries.coefficients(false, 2, true, 1, 1, 0).size());
    assertThrows(IllegalArgumentException.class, () -> BruteForceLossSeries.coefficients(false, 1, true, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> BruteForceLossSeries.coefficients(false, 2, true, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> BruteForceLossSeries.coefficients(false, 2, true, 1, 1, -1));
  }

  /** All cases with at most 8 parameter entries, nu = 2, 3, orders 0..3, must be quick. */
  @Test
  void allSmallCasesRunQuickly() {
    long start = System.nanoTime();
    long worst = 0;
    for (boolean sym : new boolean[] {false, true}) {
      for (int nu = 2; nu <= 3; nu++) {
        for (int h = 1; h <= 8; h++) {
          for (int p = 1; p <= 8; p++) {
            int n = sym ? h * p : nu * h * p;
            if (n > 8) continue;
            long t0 = System.nanoTime();
            List<SortedMap<Integer, String>> c = BruteForceLossSeries.coefficients(sym, nu, true, p, h, 3);
            worst = Math.max(worst, System.nanoTime() - t0);
            assertEquals(4, c.size());
            if (!sym) {
              assertEquals(expectedC0(nu, p, h), c.get(0));
              assertEquals(expectedC1(nu, p, h), c.get(1));
            }
          }
        }
      }
    }
    assertTrue(worst < 20_000_000_000L, "slowest case took " + worst / 1e9 + " s");
    assertTrue(System.nanoTime() - start < 60_000_000_000L);
  }
}
