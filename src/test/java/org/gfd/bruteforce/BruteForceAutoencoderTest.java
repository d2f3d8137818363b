package org.gfd.bruteforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gfd.bruteforce.BruteForceLossSeries.Mono;
import org.gfd.bruteforce.BruteForceLossSeries.Poly;
import org.junit.jupiter.api.Test;

/**
 * Checks the {@link BruteForceAutoencoder} oracle against closed forms derived by hand (derivations
 * in the comments) and, for p = H = 1, against the separately written {@link BruteForceLossSeries}.
 *
 * <p>Notation: s = sigma2; M = W^T W (p x p, symmetric); A = M - I; C = X X^T / n. Then L = 1/(2n)
 * |A X|_F^2 = 1/2 tr(A^2 C) and Lpop = 1/2 tr(A^2). N = H p is the number of W entries, and r = tr M
 * = |W|_F^2 = s chi^2_N.
 *
 * <p>Moments of W used below (W iid N(0, s)):
 *
 * <ul>
 *   <li>m1 = E tr M = N s.
 *   <li>m2 = E tr M^2 = sum_{i,j,g,g'} E[W_gi W_gj W_g'i W_g'j]: (g = g', i = j) 3 s^2 times N;
 *       (g = g', i != j) s^2 times H p (p-1); (g != g', i = j) s^2 times H (H-1) p; (g != g', i !=
 *       j) 0. Total N (H + p + 1) s^2.
 *   <li>m3 = E tr M^3 = N (H^2 + p^2 + 3 H p + 3 H + 3 p + 4) s^3 (third Wishart moment; checks: H =
 *       p = 1 gives 15 = E w^6; H = 1 gives p (p+2) (p+4) = E |w|^6 for w in R^p).
 *   <li>r2 = E (tr M)^2 = E r^2 = N (N + 2) s^2.
 *   <li>r12 = E[tr M tr M^2]: tr M^2 is homogeneous of degree 4 in W, so tr M^2 = r^2 phi(W/|W|) with
 *       the direction independent of r (Gaussian); hence E[r tr M^2] = E[r^3] E[phi] = E[tr M^2]
 *       E[r^3] / E[r^2] = N (H + p + 1) (N + 4) s^3.
 * </ul>
 */
class BruteForceAutoencoderTest {

  // ---------------------------------------------------------------- helpers

  private static BigInteger big(long x) {
    return BruteForceModelsTest.big(x);
  }

  private static SortedMap<Integer, String> poly(Object... kv) {
    return BruteForceModelsTest.poly(kv);
  }

  /** Integer polynomial in s (index = power of s) divided by den, as the oracle's output map. */
  private static SortedMap<Integer, String> toMap(BigInteger[] coeffs, BigInteger den) {
    SortedMap<Integer, String> m = new TreeMap<>();
    for (int k = 0; k < coeffs.length; k++) {
      if (coeffs[k] != null && coeffs[k].signum() != 0) {
        m.put(k, BruteForceLossSeries.formatFraction(coeffs[k], den));
      }
    }
    return m;
  }

  private static final int DEG = 8;

  /** a*x + b*y for polynomials in s (arrays of length DEG). */
  private static BigInteger[] lin(long a, BigInteger[] x, long b, BigInteger[] y) {
    BigInteger[] out = new BigInteger[DEG];
    for (int k = 0; k < DEG; k++) out[k] = big(a).multiply(x[k]).add(big(b).multiply(y[k]));
    return out;
  }

  /** c * s^k. */
  private static BigInteger[] mono(long c, int k) {
    BigInteger[] out = new BigInteger[DEG];
    for (int i = 0; i < DEG; i++) out[i] = BigInteger.ZERO;
    out[k] = big(c);
    return out;
  }

  private static BigInteger[] zero() {
    return mono(0, 0);
  }

  private static BigInteger[] m1(long p, long h) {
    return mono(h * p, 1);
  }

  private static BigInteger[] m2(long p, long h) {
    return mono(h * p * (h + p + 1), 2);
  }

  private static BigInteger[] m3(long p, long h) {
    return mono(h * p * (h * h + p * p + 3 * h * p + 3 * h + 3 * p + 4), 3);
  }

  private static BigInteger[] r2(long p, long h) {
    long nn = h * p;
    return mono(nn * (nn + 2), 2);
  }

  private static BigInteger[] r12(long p, long h) {
    long nn = h * p;
    return mono(nn * (h + p + 1) * (nn + 4), 3);
  }

  private static final int[][] SIZES = {
    {1, 1, 1}, {2, 1, 1}, {1, 2, 1}, {1, 1, 2}, {2, 1, 2}, {2, 2, 1}, {3, 1, 1}, {1, 3, 2}, {1, 1, 3},
    {2, 2, 2}, {3, 2, 1}
  };

  private static String at(int[] phn) {
    return " at (p,h,n)=(" + phn[0] + "," + phn[1] + "," + phn[2] + ")";
  }

  // ---------------------------------------------------------------- order 0

  /**
   * c_0 = E[L] = 1/(2n) E |A X|_F^2 = 1/(2n) E tr(A^2 X X^T); E[X X^T] = n I and X is independent of
   * W, so c_0 = 1/2 E tr(A^2) = 1/2 (E tr M^2 - 2 E tr M + p) = 1/2 (H p (H+p+1) s^2 - 2 H p s + p),
   * independent of n. E[Lpop] = 1/2 E tr(A^2) is the same expression.
   */
  private static SortedMap<Integer, String> c0(int p, int h) {
    return poly(
        0, BruteForceLossSeries.formatFraction(big(p), big(2)),
        1, Long.toString(-(long) h * p),
        2, BruteForceLossSeries.formatFraction(big((long) h * p * (h + p + 1)), big(2)));
  }

  @Test
  void trainAndPopulationC0MatchHandFormula() {
    for (int[] phn : SIZES) {
      List<SortedMap<Integer, String>> train = BruteForceAutoencoder.trainLoss(phn[0], phn[1], phn[2], 0);
      List<SortedMap<Integer, String>> pop =
          BruteForceAutoencoder.populationLoss(phn[0], phn[1], phn[2], 0);
      assertEquals(1, train.size());
      assertEquals(1, pop.size());
      assertEquals(c0(phn[0], phn[1]), train.get(0), "train c_0" + at(phn));
      assertEquals(train.get(0), pop.get(0), "pop c_0 = train c_0" + at(phn));
    }
  }

  // ---------------------------------------------------------------- order 1

  /** T1 = E tr(M A^2) = E[tr M^3 - 2 tr M^2 + tr M] = m3 - 2 m2 + m1. */
  private static BigInteger[] t1(int p, int h) {
    return lin(1, lin(1, m3(p, h), -2, m2(p, h)), 1, m1(p, h));
  }

  /**
   * Population loss, c_1 = E[D Lpop] = -E <grad Lpop, grad L>.
   *
   * <p>Gradients: dA = dW^T W + W^T dW, so for symmetric K, d(1/2 tr(A^2 K)) = 1/2 tr(dA (A K + K A))
   * = <dW, W (A K + K A)> (both halves of dA give the same). Thus grad L = W (A C + C A) and grad Lpop
   * = 2 W A.
   *
   * <p>c_1 = -E <2 W A, W (A C + C A)>, which is linear in C; X is independent of W and E[C] = I, so
   * c_1 = -E <2 W A, 2 W A> = -4 E tr(A W^T W A) = -4 E tr(M A^2) = -4 T1, for every n.
   */
  private static SortedMap<Integer, String> popC1(int p, int h) {
    return toMap(lin(-4, t1(p, h), 0, zero()), BigInteger.ONE);
  }

  /**
   * Training loss, c_1 = -E |grad L|^2 = -E Q(C, C), Q(C1, C2) = tr((A C1 + C1 A) M (A C2 + C2 A)).
   *
   * <p>Second moments of C = X X^T / n (X_ia iid N(0,1)): E[C_ij C_kl] = d_ij d_kl + (d_ik d_jl + d_il
   * d_jk) / n (from sum_{a,b} E[X_ia X_ja X_kb X_lb] / n^2, the a = b terms giving the Wick pairings).
   * For a bilinear term tr(C1 Xm C2 Ym) = sum C1_ij Xm_jk C2_kl Ym_li, the fluctuation part is (1/n)
   * (sum_ij Xm_ji Ym_ji + sum_ij Xm_jj Ym_ii) = (1/n) (tr(Xm Ym^T) + tr Xm tr Ym). The four terms of
   * Q:
   *
   * <ul>
   *   <li>tr(A C1 M A C2) = tr(C1 (MA) C2 A): tr(M A^2) + tr(MA) tr A;
   *   <li>tr(A C1 M C2 A) = tr(C1 M C2 A^2): tr(M A^2) + tr M tr A^2;
   *   <li>tr(C1 AMA C2 I): tr(M A^2) + p tr(M A^2);
   *   <li>tr(C1 (AM) C2 A): tr(M A^2) + tr(AM) tr A.
   * </ul>
   *
   * With C = I, Q = 4 tr(M A^2). Hence
   *
   * <pre>
   *   c_1 = -[ 4 T1 + (1/n) ((p + 4) T1 + 2 T2 + T3) ],
   *   T1 = E tr(M A^2)      = m3 - 2 m2 + m1,
   *   T2 = E tr(MA) tr A    = E (tr M^2 - tr M)(tr M - p)     = r12 - p m2 - r2 + p m1,
   *   T3 = E tr M tr A^2    = E tr M (tr M^2 - 2 tr M + p)     = r12 - 2 r2 + p m1.
   * </pre>
   *
   * (Scalar check p = H = n = 1: T1 = T2 = T3 = 15 s^3 - 6 s^2 + s and c_1 = -12 T1.)
   */
  private static SortedMap<Integer, String> trainC1(int p, int h, int n) {
    BigInteger[] t1 = t1(p, h);
    BigInteger[] t2 = lin(1, lin(1, r12(p, h), -p, m2(p, h)), 1, lin(-1, r2(p, h), p, m1(p, h)));
    BigInteger[] t3 = lin(1, lin(1, r12(p, h), -2, r2(p, h)), p, m1(p, h));
    // n c_1 = -[(4n + p + 4) T1 + 2 T2 + T3]
    BigInteger[] nc1 = lin(-(4L * n + p + 4), t1, -1, lin(2, t2, 1, t3));
    return toMap(nc1, big(n));
  }

  @Test
  void c1MatchesHandFormulas() {
    for (int[] phn : SIZES) {
      List<SortedMap<Integer, String>> train = BruteForceAutoencoder.trainLoss(phn[0], phn[1], phn[2], 1);
      List<SortedMap<Integer, String>> pop =
          BruteForceAutoencoder.populationLoss(phn[0], phn[1], phn[2], 1);
      assertEquals(2, train.size());
      assertEquals(2, pop.size());
      assertEquals(trainC1(phn[0], phn[1], phn[2]), train.get(1), "train c_1" + at(phn));
      assertEquals(popC1(phn[0], phn[1]), pop.get(1), "pop c_1" + at(phn));
    }
  }

  // ---------------------------------------------------------------- scalar case

  /**
   * p = H = n = 1, scalar w ~ N(0, s), x ~ N(0, 1): L = 1/2 (w^2 x - x)^2 = 1/2 x^2 (w^2 - 1)^2,
   * Lpop = 1/2 (w^2 - 1)^2.
   *
   * <ul>
   *   <li>c_0 = 1/2 E[x^2] E[(w^2-1)^2] = 1/2 (3 s^2 - 2 s + 1).
   *   <li>dL/dw = 2 x^2 w (w^2 - 1), so D L = -(dL/dw)^2 = -4 x^4 w^2 (w^2-1)^2 = -4 x^4 (w^6 - 2 w^4 +
   *       w^2); c_1 = -4 * 3 * (15 s^3 - 6 s^2 + s) = -180 s^3 + 72 s^2 - 12 s.
   *   <li>dLpop/dw = 2 w (w^2 - 1), D Lpop = -(dLpop/dw)(dL/dw) = -4 x^2 w^2 (w^2-1)^2; c_1 = -4 (15
   *       s^3 - 6 s^2 + s) = -60 s^3 + 24 s^2 - 4 s.
   * </ul>
   */
  @Test
  void scalarCaseByHand() {
    List<SortedMap<Integer, String>> train = BruteForceAutoencoder.trainLoss(1, 1, 1, 1);
    List<SortedMap<Integer, String>> pop = BruteForceAutoencoder.populationLoss(1, 1, 1, 1);
    assertEquals(poly(0, "1/2", 1, "-1", 2, "3/2"), train.get(0));
    assertEquals(poly(1, "-12", 2, "72", 3, "-180"), train.get(1));
    assertEquals(poly(0, "1/2", 1, "-1", 2, "3/2"), pop.get(0));
    assertEquals(poly(1, "-4", 2, "24", 3, "-60"), pop.get(1));
  }

  /**
   * p = H = 1, any n: W = w, X = row (x_1..x_n). L = (S / n) f(w) with S = sum_a x_a^2 and f(w) =
   * 1/2 (w^2 - 1)^2; Lpop = f(w). Write a = S / n (constant along the flow). For F = a^k g(w), D F =
   * -a^k g' * a f' = a^(k+1) (-g' f'). So with g_0 = f, g_(j+1) = -g_j' f':
   *
   * <pre>
   *   D^j L = a^(j+1) g_j(w),   D^j Lpop = a^j g_j(w),
   *   c_j(L) = E[a^(j+1)] gamma_j,   c_j(Lpop) = E[a^j] gamma_j,   gamma_j = E[g_j(w)],
   * </pre>
   *
   * and S ~ chi^2_n gives E[a^k] = n (n+2) ... (n + 2k - 2) / n^k.
   *
   * <p>By hand, with f' = 2 w^3 - 2 w and E w^(2k) = (2k-1)!! s^k:
   *
   * <ul>
   *   <li>g_0 = 1/2 (w^4 - 2 w^2 + 1): gamma_0 = 3/2 s^2 - s + 1/2.
   *   <li>g_1 = -f'^2 = -4 (w^6 - 2 w^4 + w^2): gamma_1 = -4 (15 s^3 - 6 s^2 + s).
   *   <li>g_1' = -4 (6 w^5 - 8 w^3 + 2 w); g_2 = 8 (6 w^5 - 8 w^3 + 2 w)(w^3 - w) = 16 (3 w^8 - 7 w^6 + 5
   *       w^4 - w^2): gamma_2 = 16 (315 s^4 - 105 s^3 + 15 s^2 - s).
   *   <li>g_2' = 16 (24 w^7 - 42 w^5 + 20 w^3 - 2 w); g_3 = -32 (24 w^7 - 42 w^5 + 20 w^3 - 2 w)(w^3 -
   *       w) = -32 (24 w^10 - 66 w^8 + 62 w^6 - 22 w^4 + 2 w^2): gamma_3 = -32 (22680 s^5 - 6930 s^4 +
   *       930 s^3 - 66 s^2 + 2 s).
   * </ul>
   *
   * gamma_j is also the series of symmetric CP with nu = 2, p = H = 1, identity target (L = 1/2 (u^2 -
   * 1)^2), which the separately written {@link BruteForceLossSeries} computes.
   */
  @Test
  void scalarWeightAnyNThroughOrder3() {
    // 2 gamma_j, coefficient of s^k at index k
    BigInteger[][] twoGamma = {
      lin(1, mono(1, 0), 1, lin(1, mono(-2, 1), 1, mono(3, 2))),
      lin(-8, lin(1, mono(15, 3), 1, lin(1, mono(-6, 2), 1, mono(1, 1))), 0, zero()),
      lin(32, lin(1, lin(1, mono(315, 4), 1, mono(-105, 3)), 1, lin(1, mono(15, 2), 1, mono(-1, 1))), 0, zero()),
      lin(
          -64,
          lin(1, lin(1, mono(22680, 5), 1, mono(-6930, 4)), 1,
              lin(1, mono(930, 3), 1, lin(1, mono(-66, 2), 1, mono(2, 1)))),
          0, zero())
    };
    List<SortedMap<Integer, String>> symCp = BruteForceLossSeries.coefficients(true, 2, true, 1, 1, 3);
    for (int j = 0; j <= 3; j++) {
      assertEquals(toMap(twoGamma[j], big(2)), symCp.get(j), "gamma_" + j + " vs BruteForceLossSeries");
    }
    for (int n = 1; n <= 3; n++) {
      List<SortedMap<Integer, String>> train = BruteForceAutoencoder.trainLoss(1, 1, n, 3);
      List<SortedMap<Integer, String>> pop = BruteForceAutoencoder.populationLoss(1, 1, n, 3);
      assertEquals(4, train.size());
      assertEquals(4, pop.size());
      for (int j = 0; j <= 3; j++) {
        // E[a^k] = prod_{i<k} (n + 2i) / n^k
        BigInteger popNum = BigInteger.ONE;
        for (int i = 0; i < j; i++) popNum = popNum.multiply(big(n + 2L * i));
        BigInteger trainNum = popNum.multiply(big(n + 2L * j));
        BigInteger[] tr = new BigInteger[DEG];
        BigInteger[] po = new BigInteger[DEG];
        for (int k = 0; k < DEG; k++) {
          tr[k] = twoGamma[j][k].multiply(trainNum);
          po[k] = twoGamma[j][k].multiply(popNum);
        }
        assertEquals(toMap(tr, big(2).multiply(big(n).pow(j + 1))), train.get(j), "train c_" + j + " n=" + n);
        assertEquals(toMap(po, big(2).multiply(big(n).pow(j))), pop.get(j), "pop c_" + j + " n=" + n);
      }
    }
  }

  // ---------------------------------------------------------------- construction and API

  /** p = H = n = 1: G = 2n L = (w^2 x - x)^2 = w^4 x^2 - 2 w^2 x^2 + x^2; P = w^4 - 2 w^2 + 1. */
  @Test
  void scalarPolynomialsAreExpandedLiterally() {
    Poly g = BruteForceAutoencoder.twiceNTrainLoss(1, 1, 1);
    assertEquals(2, g.nVars);
    assertEquals(3, g.size());
    assertEquals(big(1), g.terms.get(new Mono(new int[] {4, 2})));
    assertEquals(big(-2), g.terms.get(new Mono(new int[] {2, 2})));
    assertEquals(big(1), g.terms.get(new Mono(new int[] {0, 2})));
    Poly pp = BruteForceAutoencoder.twicePopulationLoss(1, 1, 1);
    assertEquals(3, pp.size());
    assertEquals(big(1), pp.terms.get(new Mono(new int[] {4, 0})));
    assertEquals(big(-2), pp.terms.get(new Mono(new int[] {2, 0})));
    assertEquals(big(1), pp.terms.get(new Mono(new int[] {0, 0})));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> BruteForceAutoencoder.trainLoss(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> BruteForceAutoencoder.trainLoss(1, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> BruteForceAutoencoder.populationLoss(1, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> BruteForceAutoencoder.populationLoss(1, 1, 1, -1));
  }
}
