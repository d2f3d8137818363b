package org.gfd.bruteforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gfd.bruteforce.BruteForceModels.Model;
import org.gfd.bruteforce.BruteForceLossSeries.Mono;
import org.gfd.bruteforce.BruteForceLossSeries.Poly;
import org.junit.jupiter.api.Test;

/**
 * Checks the {@link BruteForceModels} oracle against closed forms derived by hand (derivations in
 * the comments, s = sigma2 throughout), against an independent construction of the gradient, and
 * against the separately written {@link BruteForceLossSeries} through exact symmetries.
 */
class BruteForceModelsTest {

  // ---------------------------------------------------------------- helpers

  static BigInteger big(long x) {
    return BigInteger.valueOf(x);
  }

  /** Builds an expected map from alternating (exponent, "coefficient") pairs. */
  static SortedMap<Integer, String> poly(Object... kv) {
    SortedMap<Integer, String> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((Integer) kv[i], (String) kv[i + 1]);
    return m;
  }

  /** "a" or "a/b" -> {a, b}. */
  private static BigInteger[] parse(String f) {
    int slash = f.indexOf('/');
    return slash < 0
        ? new BigInteger[] {new BigInteger(f), BigInteger.ONE}
        : new BigInteger[] {new BigInteger(f.substring(0, slash)), new BigInteger(f.substring(slash + 1))};
  }

  private static String times2Pow(String f, int e) {
    BigInteger[] q = parse(f);
    BigInteger num = e >= 0 ? q[0].shiftLeft(e) : q[0];
    BigInteger den = e >= 0 ? q[1] : q[1].shiftLeft(-e);
    return BruteForceLossSeries.formatFraction(num, den);
  }

  // ---------------------------------------------------------------- two-layer, hand derivations

  /**
   * c_0 = E[L] = 1/2 sum_{i,j} E[((AB)_ij - M_ij)^2]. The cross term is odd in M, so it vanishes;
   * E[M_ij^2] = 1 and E[(AB)_ij^2] = sum_{g,g'} E[A_ig A_ig'] E[B_gj B_g'j] = h s^2. Hence c_0 = 1/2
   * p^2 (h s^2 + 1).
   */
  private static SortedMap<Integer, String> twoLayerC0(int p, int h) {
    return poly(
        0, BruteForceLossSeries.formatFraction(big(p * p), big(2)),
        2, BruteForceLossSeries.formatFraction(big((long) p * p * h), big(2)));
  }

  /**
   * c_1 = -E[|grad L|^2]. With R = AB - M: dL/dA_ig = sum_j R_ij B_gj, dL/dB_gj = sum_i A_ig R_ij.
   *
   * <p>E[(dL/dA_ig)^2] = sum_{j,j'} E[R_ij R_ij' B_gj B_gj'].
   *
   * <ul>
   *   <li>j = j': E[R_ij^2 B_gj^2] = E[(AB)_ij^2 B_gj^2] + E[M_ij^2] E[B_gj^2] (cross term odd in M)
   *       = sum_k E[A_ik^2] E[B_kj^2 B_gj^2] + s = s ((h-1) s^2 + 3 s^2) + s = (h+2) s^3 + s.
   *   <li>j != j': the M's would appear singly (M_ij, M_ij' distinct), so only the model part is
   *       left: sum_{k,l} E[A_ik A_il] E[B_kj B_gj] E[B_lj' B_gj'] forces k = l = g: s^3.
   * </ul>
   *
   * Summing over j, j': p((h+2) s^3 + s) + p(p-1) s^3 = p(p+h+1) s^3 + p s; over i, g (p h of them):
   * p^2 h ((p+h+1) s^3 + s). The B-gradient gives the same (transpose: R^T = B^T A^T - M^T with B^T,
   * A^T, M^T distributed like A, B, M). Hence
   *
   * <pre>
   *   c_1 = -2 p^2 h ((p + h + 1) s^3 + s).
   * </pre>
   */
  private static SortedMap<Integer, String> twoLayerC1(int p, int h) {
    long p2h = (long) p * p * h;
    return poly(1, Long.toString(-2 * p2h), 3, Long.toString(-2 * p2h * (p + h + 1)));
  }

  @Test
  void twoLayerC0AndC1MatchHandFormulas() {
    int[][] sizes = {{1, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}, {3, 2}};
    for (int[] ph : sizes) {
      List<SortedMap<Integer, String>> c = BruteForceModels.twoLayerTeacher(ph[0], ph[1], 1);
      assertEquals(2, c.size());
      assertEquals(twoLayerC0(ph[0], ph[1]), c.get(0), "c_0 at (p,h)=" + ph[0] + "," + ph[1]);
      assertEquals(twoLayerC1(ph[0], ph[1]), c.get(1), "c_1 at (p,h)=" + ph[0] + "," + ph[1]);
    }
  }

  /**
   * Scalar case p = h = 1: L = r^2 / 2 with r = ab - m, a, b ~ N(0, s), m ~ N(0, 1). Write q = a^2 +
   * b^2, X = ab. Gradient: L_a = r b, L_b = r a.
   *
   * <ul>
   *   <li>D L = -(L_a^2 + L_b^2) = -r^2 q.
   *   <li>F = r^2 q: F_a = 2rbq + 2a r^2, F_b = 2raq + 2b r^2; F_a L_a + F_b L_b = 2 r^2 q^2 + 4X
   *       r^3, so D^2 L = -D F = 2 r^2 q^2 + 4 X r^3.
   *   <li>F2 = D^2 L: F2_a = 4rbq^2 + 8a r^2 q + 4b r^3 + 12 a b^2 r^2 (and a <-> b); F2_a L_a + F2_b
   *       L_b = 4 r^2 q^3 + 16 X q r^3 + 4 q r^4 + 12 X q r^3, so D^3 L = -(4 r^2 q^3 + 28 X q r^3 + 4
   *       q r^4).
   * </ul>
   *
   * Moments: E[a^(2i) b^(2j)] = (2i-1)!! (2j-1)!! s^(i+j); E[m^2] = 1, E[m^4] = 3; odd powers of m
   * vanish. r^2 = X^2 - 2Xm + m^2, r^3 = X^3 - 3X^2 m + 3X m^2 - m^3, r^4 = X^4 - 4X^3 m + 6X^2 m^2 -
   * 4X m^3 + m^4. Needed: E[q] = 2s, E[q^2] = 8s^2, E[q^3] = 48 s^3, E[X^2] = s^2, E[X^2 q] = 6s^3,
   * E[X^2 q^2] = 15+18+15 = 48 s^4, E[X^4] = 9 s^4, E[X^4 q] = 90 s^5, E[X^2 q^3] = 105+135+135+105 =
   * 480 s^5.
   *
   * <ul>
   *   <li>c_0 = 1/2 (E[X^2] + 1) = 1/2 s^2 + 1/2.
   *   <li>c_1 = -E[r^2 q] = -(E[X^2 q] + E[q]) = -6 s^3 - 2 s.
   *   <li>c_2 = 2 E[r^2 q^2] + 4 E[X r^3] = 2 (48 s^4 + 8 s^2) + 4 (9 s^4 + 3 s^2) = 132 s^4 + 28 s^2.
   *   <li>c_3 = -(4 E[r^2 q^3] + 28 E[X q r^3] + 4 E[q r^4]) with E[r^2 q^3] = 480 s^5 + 48 s^3,
   *       E[X q r^3] = E[X^4 q] + 3 E[X^2 q] = 90 s^5 + 18 s^3, E[q r^4] = E[X^4 q] + 6 E[X^2 q] + 3
   *       E[q] = 90 s^5 + 36 s^3 + 6 s; so c_3 = -4800 s^5 - 840 s^3 - 24 s.
   * </ul>
   *
   * (With the constant target m = 1 instead, E[m^4] = 1 turns the last 6 s into 2 s and gives the
   * DESIGN.md scalar CP value -8 s - 840 s^3 - 4800 s^5; orders 0..2 coincide.)
   */
  @Test
  void scalarTwoLayerThroughOrder3ByHand() {
    List<SortedMap<Integer, String>> c = BruteForceModels.twoLayerTeacher(1, 1, 3);
    assertEquals(4, c.size());
    assertEquals(poly(0, "1/2", 2, "1/2"), c.get(0));
    assertEquals(poly(1, "-2", 3, "-6"), c.get(1));
    assertEquals(poly(2, "28", 4, "132"), c.get(2));
    assertEquals(poly(1, "-24", 3, "-840", 5, "-4800"), c.get(3));
    // the constant-target scalar series differs from this one exactly in that sigma2^1 term of c_3
    List<SortedMap<Integer, String>> cp = BruteForceLossSeries.coefficients(false, 2, true, 1, 1, 3);
    assertEquals(cp.subList(0, 3), c.subList(0, 3));
    assertEquals(poly(1, "-8", 3, "-840", 5, "-4800"), cp.get(3));
  }

  // ---------------------------------------------------------------- modular addition, hand derivations

  /**
   * c_0 = 1/2 sum_{abc} E[(T_abc - Tstar_abc)^2]: the cross term is odd in U1, E[T_abc^2] = sum_g
   * E[U1^2] E[U2^2] E[U3^2] = h s^3 (distinct g don't pair), and Tstar has p^2 ones (c determined by
   * a, b). Hence c_0 = 1/2 (h p^3 s^3 + p^2).
   */
  private static SortedMap<Integer, String> modularC0(int p, int h) {
    long p2 = (long) p * p;
    return poly(
        0, BruteForceLossSeries.formatFraction(big(p2), big(2)),
        3, BruteForceLossSeries.formatFraction(big(h * p2 * p), big(2)));
  }

  /**
   * c_1 = -E[|grad L|^2]. With R = T - Tstar: dL/dU1[g,a] = sum_{b,c} R_abc U2[g,b] U3[g,c], and
   * E[(dL/dU1[g,a])^2] = sum_{b,c,b',c'} E[R_abc R_ab'c' U2_gb U2_gb' U3_gc U3_gc'].
   *
   * <ul>
   *   <li>target x target: Tstar_abc Tstar_ab'c' E[U2_gb U2_gb'] E[U3_gc U3_gc'] forces b = b', c =
   *       c': s^2 per (b, c) with Tstar_abc = 1, and for fixed a there are p such pairs: p s^2.
   *   <li>model x target: odd in U1, zero.
   *   <li>model x model: sum_{k,l} E[U1_ka U1_la] E[U2_kb U2_lb' U2_gb U2_gb'] E[U3_kc U3_lc' U3_gc
   *       U3_gc'], so k = l (factor s). If k != g the U2 factor is delta_bb' s^2 and the U3 factor
   *       delta_cc' s^2: p^2 s^4 after summing, times (h-1) values of k. If k = g, E[U2_gb^2
   *       U2_gb'^2] = 3s^2 (b = b') or s^2 (b != b'), summing to p(p+2) s^2; same for U3: p^2 (p+2)^2
   *       s^4.
   * </ul>
   *
   * So per (g, a): s^5 p^2 ((p+2)^2 + h - 1) + p s^2; times h p pairs (g, a). U2 and U3 give the same
   * (for fixed b, resp. c, there are again p solutions of a + b = c mod p). Hence
   *
   * <pre>
   *   c_1 = -3 [ h p^3 ((p+2)^2 + h - 1) s^5 + h p^2 s^2 ].
   * </pre>
   *
   * E.g. p = 2, h = 1: c_1 = -3 (8 * 16 s^5 + 4 s^2) = -384 s^5 - 12 s^2. (Compare DESIGN.md's
   * identity-target formula: same s^5 term, and the s^2 term has the target's squared norm p^2 in
   * place of p.)
   */
  private static SortedMap<Integer, String> modularC1(int p, int h) {
    long p2 = (long) p * p;
    long s5 = -3L * h * p2 * p * ((long) (p + 2) * (p + 2) + h - 1);
    long s2 = -3L * h * p2;
    return poly(2, Long.toString(s2), 5, Long.toString(s5));
  }

  @Test
  void modularC0AndC1MatchHandFormulas() {
    int[][] sizes = {{1, 1}, {2, 1}, {3, 1}, {5, 1}, {2, 2}, {3, 2}, {1, 3}};
    for (int[] ph : sizes) {
      List<SortedMap<Integer, String>> c = BruteForceModels.cpModularAddition(ph[0], ph[1], 1);
      assertEquals(2, c.size());
      assertEquals(modularC0(ph[0], ph[1]), c.get(0), "c_0 at (p,h)=" + ph[0] + "," + ph[1]);
      assertEquals(modularC1(ph[0], ph[1]), c.get(1), "c_1 at (p,h)=" + ph[0] + "," + ph[1]);
    }
    // the explicit small values quoted in the derivations
    assertEquals(poly(0, "2", 3, "4"), BruteForceModels.cpModularAddition(2, 1, 0).get(0));
    assertEquals(poly(0, "9/2", 3, "27/2"), BruteForceModels.cpModularAddition(3, 1, 0).get(0));
    assertEquals(poly(2, "-12", 5, "-384"), BruteForceModels.cpModularAddition(2, 1, 1).get(1));
  }

  // ---------------------------------------------------------------- independent gradient construction

  /**
   * -sum_u E[g_u^2] for the given gradient polynomials (which must be dL/du, integer coefficients),
   * formatted like the oracle: this is c_1 = E[D L] = -E[|grad L|^2].
   */
  private static SortedMap<Integer, String> minusExpectedSquaredNorm(Poly[] grads, int nTrainable) {
    SortedMap<Integer, BigInteger> acc = new TreeMap<>();
    for (Poly g : grads) {
      BruteForceLossSeries.gaussianExpectation(g.times(g), nTrainable)
          .forEach((k, v) -> acc.merge(k, v.negate(), BigInteger::add));
    }
    SortedMap<Integer, String> out = new TreeMap<>();
    acc.forEach((k, v) -> {
      if (v.signum() != 0) out.put(k, v.toString());
    });
    return out;
  }

  /**
   * c_1 from gradients written down from the chain rule (not obtained by differentiating the
   * expanded loss): dL/dA_ig = sum_j R_ij B_gj, dL/dB_gj = sum_i A_ig R_ij, R = AB - M.
   */
  private static SortedMap<Integer, String> twoLayerC1FromChainRule(int p, int h) {
    int nT = 2 * p * h;
    int n = nT + p * p;
    Poly[][] r = new Poly[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        r[i][j] = new Poly(n);
        for (int k = 0; k < h; k++) {
          r[i][j].add(Mono.of(n, BruteForceModels.varA(p, h, i, k), BruteForceModels.varB(p, h, k, j)), BigInteger.ONE);
        }
        r[i][j].add(Mono.of(n, BruteForceModels.varM(p, h, i, j)), BigInteger.ONE.negate());
      }
    }
    Poly[] grads = new Poly[nT];
    for (int i = 0; i < p; i++) {
      for (int g = 0; g < h; g++) {
        Poly dA = new Poly(n);
        for (int j = 0; j < p; j++) {
          Poly b = new Poly(n);
          b.add(Mono.of(n, BruteForceModels.varB(p, h, g, j)), BigInteger.ONE);
          dA.addAll(r[i][j].times(b));
        }
        grads[BruteForceModels.varA(p, h, i, g)] = dA;
      }
    }
    for (int g = 0; g < h; g++) {
      for (int j = 0; j < p; j++) {
        Poly dB = new Poly(n);
        for (int i = 0; i < p; i++) {
          Poly a = new Poly(n);
          a.add(Mono.of(n, BruteForceModels.varA(p, h, i, g)), BigInteger.ONE);
          dB.addAll(r[i][j].times(a));
        }
        grads[BruteForceModels.varB(p, h, g, j)] = dB;
      }
    }
    return minusExpectedSquaredNorm(grads, nT);
  }

  /**
   * c_1 from chain-rule gradients: dL/dU_m[g,i] = sum over index tuples with position m equal to i of
   * R_abc times the other two factors of component g.
   */
  private static SortedMap<Integer, String> modularC1FromChainRule(int p, int h) {
    int n = 3 * h * p;
    Poly[] grads = new Poly[n];
    for (int v = 0; v < n; v++) grads[v] = new Poly(n);
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        for (int c = 0; c < p; c++) {
          Poly r = new Poly(n);
          for (int k = 0; k < h; k++) {
            r.add(Mono.of(n, BruteForceModels.varU(p, h, 0, k, a), BruteForceModels.varU(p, h, 1, k, b),
                BruteForceModels.varU(p, h, 2, k, c)), BigInteger.ONE);
          }
          if ((a + b) % p == c % p) r.add(Mono.of(n), BigInteger.ONE.negate());
          int[] idx = {a, b, c};
          for (int g = 0; g < h; g++) {
            for (int m = 0; m < 3; m++) {
              int o1 = (m + 1) % 3;
              int o2 = (m + 2) % 3;
              Poly others = new Poly(n);
              others.add(Mono.of(n, BruteForceModels.varU(p, h, o1, g, idx[o1]),
                  BruteForceModels.varU(p, h, o2, g, idx[o2])), BigInteger.ONE);
              grads[BruteForceModels.varU(p, h, m, g, idx[m])].addAll(r.times(others));
            }
          }
        }
      }
    }
    return minusExpectedSquaredNorm(grads, n);
  }

  @Test
  void c1AgreesWithChainRuleGradients() {
    int[][] sizes = {{1, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}};
    for (int[] ph : sizes) {
      assertEquals(twoLayerC1FromChainRule(ph[0], ph[1]), BruteForceModels.twoLayerTeacher(ph[0], ph[1], 1).get(1));
    }
    int[][] cpSizes = {{2, 1}, {3, 1}, {2, 2}};
    for (int[] ph : cpSizes) {
      assertEquals(modularC1FromChainRule(ph[0], ph[1]), BruteForceModels.cpModularAddition(ph[0], ph[1], 1).get(1));
    }
  }

  // ---------------------------------------------------------------- symmetries vs BruteForceLossSeries

  /** For p = 1 the modular target is Tstar[0,0,0] = 1, i.e. the identity target. */
  @Test
  void modularAtP1IsIdentityTarget() {
    for (int h = 1; h <= 2; h++) {
      assertEquals(
          BruteForceLossSeries.coefficients(false, 3, true, 1, h, 3),
          BruteForceModels.cpModularAddition(1, h, 3));
    }
  }

  /**
   * p = 2: with the orthogonal Hadamard matrix Q[k,a] = (-1)^(ka) / sqrt 2,
   *
   * <pre>
   *   Tstar[a,b,c] = [a + b + c even] = 1/2 sum_k (-1)^(k(a+b+c)) = sqrt 2 sum_k Q[k,a] Q[k,b] Q[k,c],
   * </pre>
   *
   * i.e. lambda = sqrt 2 times the identity (delta) target in a rotated basis. The change of variables
   * U_m -> U_m Q^T maps iid Gaussian entries to iid Gaussian entries and commutes with gradient flow
   * (orthogonal), so the series equals that of target lambda * delta. Rescale U = c V with c^3 =
   * lambda: L_lambda(U) = lambda^2 L_1(V), dF/dU = (1/c) dF/dV, hence D_U = (lambda^2 / c^2) D_V, and V
   * has variance sigma2 / c^2. Therefore, with a_k^(s) the identity-target coefficients,
   *
   * <pre>
   *   c_s^mod(sigma2) = lambda^2 (lambda^2/c^2)^s sum_k a_k^(s) (sigma2 / c^2)^k
   *                   = sum_k 2^(1 + (2s - k)/3) a_k^(s) sigma2^k,
   * </pre>
   *
   * and (2s - k) must be divisible by 3 for every occurring k (true for c_0: k in {0, 3}, c_1: k in
   * {2, 5}). This compares against the separately written identity-target oracle.
   */
  @Test
  void modularAtP2IsRescaledIdentityTarget() {
    int[][] cases = {{1, 3}, {2, 2}};
    for (int[] hs : cases) {
      int h = hs[0];
      int maxOrder = hs[1];
      List<SortedMap<Integer, String>> id = BruteForceLossSeries.coefficients(false, 3, true, 2, h, maxOrder);
      List<SortedMap<Integer, String>> mod = BruteForceModels.cpModularAddition(2, h, maxOrder);
      assertEquals(maxOrder + 1, mod.size());
      for (int s = 0; s <= maxOrder; s++) {
        SortedMap<Integer, String> expected = new TreeMap<>();
        for (Map.Entry<Integer, String> e : id.get(s).entrySet()) {
          int k = e.getKey();
          assertEquals(0, Math.floorMod(2 * s - k, 3), "exponent " + k + " at order " + s);
          expected.put(k, times2Pow(e.getValue(), 1 + (2 * s - k) / 3));
        }
        assertEquals(expected, mod.get(s), "order " + s + ", h = " + h);
      }
    }
  }

  // ---------------------------------------------------------------- structure

  @Test
  void modelsAreBuiltLiterally() {
    // two-layer p = h = 1: 2L = (ab - m)^2 = a^2 b^2 - 2abm + m^2, three terms in three variables
    Model tl = BruteForceModels.twoLayerModel(1, 1);
    assertEquals(3, tl.nVars());
    assertEquals(2, tl.nTrainable);
    assertEquals(3, tl.twiceLoss.size());
    assertEquals(big(-2), tl.twiceLoss.terms.get(Mono.of(3, 0, 1, 2)));
    // modular p = 2, h = 1: 2L = (sum_a u_a^2)(sum_b v_b^2)(sum_c w_c^2) - 2 sum_{a+b=c} u_a v_b w_c + 4
    Model cp = BruteForceModels.cpModularModel(2, 1);
    assertEquals(6, cp.nVars());
    assertEquals(6, cp.nTrainable);
    assertEquals(8 + 4 + 1, cp.twiceLoss.size());
    assertEquals(big(4), cp.twiceLoss.terms.get(Mono.of(6)));
    assertEquals(big(-2), cp.twiceLoss.terms.get(Mono.of(6, 1, 3, 4))); // u_1 v_1 w_0: 1 + 1 = 0 mod 2
    assertEquals(null, cp.twiceLoss.terms.get(Mono.of(6, 1, 3, 5))); // u_1 v_1 w_1: not a solution
    assertTrue(BruteForceModels.modularTarget(3, 2, 2, 1));
    assertTrue(!BruteForceModels.modularTarget(3, 2, 2, 2));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> BruteForceModels.twoLayerTeacher(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> BruteForceModels.twoLayerTeacher(1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> BruteForceModels.cpModularAddition(2, 1, -1));
  }

  /** The sizes the engine's tests use: the hand-derived c_0 and c_1 hold at each. */
  @Test
  void handValuesAtTheSizesTheEngineIsComparedAt() {
    int[][] tl = {{1, 1}, {2, 1}, {1, 2}, {2, 2}};
    for (int[] ph : tl) {
      List<SortedMap<Integer, String>> c = BruteForceModels.twoLayerTeacher(ph[0], ph[1], 3);
      assertEquals(4, c.size());
      assertEquals(twoLayerC0(ph[0], ph[1]), c.get(0));
      assertEquals(twoLayerC1(ph[0], ph[1]), c.get(1));
    }
    int[][] cp = {{2, 1}, {3, 1}, {5, 1}, {2, 2}, {3, 2}};
    for (int[] ph : cp) {
      List<SortedMap<Integer, String>> c = BruteForceModels.cpModularAddition(ph[0], ph[1], 2);
      assertEquals(3, c.size());
      assertEquals(modularC0(ph[0], ph[1]), c.get(0));
      assertEquals(modularC1(ph[0], ph[1]), c.get(1));
    }
  }
}
