package org.gfd.bruteforce;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gfd.bruteforce.BruteForceLossSeries.Mono;
import org.gfd.bruteforce.BruteForceLossSeries.Poly;

/**
 * Independent brute-force oracle for the gradient-flow loss series of two further models, written
 * without looking at the engine:
 *
 * <ul>
 *   <li>{@link #twoLayerTeacher}: two-layer linear network with a Gaussian teacher. Trainable A in
 *       R^{p x h}, B in R^{h x p}, entries iid N(0, sigma2); teacher M in R^{p x p}, entries iid
 *       N(0, 1), not trained but averaged over; L = 1/2 sum_{i,j} ((A B)[i,j] - M[i,j])^2.
 *   <li>{@link #cpModularAddition}: asymmetric order-3 CP decomposition, trainable U1, U2, U3 in
 *       R^{h x p}, entries iid N(0, sigma2); T[a,b,c] = sum_g U1[g,a] U2[g,b] U3[g,c]; constant
 *       target Tstar[a,b,c] = 1 iff (a + b - c) mod p == 0; L = 1/2 sum_{a,b,c} (T - Tstar)^2.
 * </ul>
 *
 * <p>Everything is done literally with exact sparse multivariate polynomials (java.math only, no
 * floating point):
 *
 * <ol>
 *   <li>build L as an explicit polynomial in all entries (trainable and data), by expanding every
 *       squared residual;
 *   <li>differentiate it once with respect to every <em>trainable</em> entry (the data entries M are
 *       never differentiated: they are constants of the flow);
 *   <li>apply D F = - sum_{u trainable} (dF/du)(dL/du) s times;
 *   <li>take the expectation monomial by monomial, every entry an independent centred Gaussian with
 *       its own variance: E[x^(2k)] = (2k-1)!! var^k, odd moments 0. Trainable entries have var =
 *       sigma2 (so they contribute sigma2^k), data entries var = 1 (they contribute only the number
 *       (2k-1)!!).
 * </ol>
 *
 * <p>Bookkeeping of the factor 1/2 (identical to {@link BruteForceLossSeries}): all polynomials carry
 * integer coefficients. Let G = 2L (integer coefficients) and E_s = 2^(s+1) D^s L. Then E_0 = G and,
 * since dL/du = (dG/du)/2,
 *
 * <pre>
 *   D^(s+1) L = - sum_u d(D^s L)/du * dL/du = - sum_u (dE_s/du / 2^(s+1)) (dG/du / 2),
 *   hence E_(s+1) = - sum_u (dE_s/du)(dG/du).
 * </pre>
 *
 * Finally c_s = E[E_s] / 2^(s+1), reduced to lowest terms. The gradients dG/du are computed once;
 * every E_s is materialized as a polynomial before its expectation is taken (no shortcuts: even
 * the largest cases the tests use take well under a second).
 *
 * <p>Variable numbering (variables 0..nTrainable-1 are trainable, the rest are data):
 *
 * <ul>
 *   <li>two-layer: A[i,g] is i*h + g; B[g,j] is p*h + g*p + j; M[i,j] (data) is 2*p*h + i*p + j;
 *   <li>CP: U_m[g,i] (m = 0, 1, 2 for U1, U2, U3) is m*h*p + g*p + i; no data variables.
 * </ul>
 */
public final class BruteForceModels {

  private BruteForceModels() {}

  // ------------------------------------------------------------------ public API

  /**
   * c_0..c_maxOrder of the two-layer linear network with Gaussian teacher; element s maps the
   * exponent k of sigma2 to the exact rational coefficient of sigma2^k in c_s, written "a" or "a/b"
   * (lowest terms, b > 0, sign on a); zero coefficients omitted.
   */
  public static List<SortedMap<Integer, String>> twoLayerTeacher(int p, int h, int maxOrder) {
    checkSizes(p, h, maxOrder);
    return format(scaledSeries(twoLayerModel(p, h), maxOrder));
  }

  /**
   * c_0..c_maxOrder of the asymmetric order-3 CP decomposition with the modular-addition target;
   * same output format as {@link #twoLayerTeacher}.
   */
  public static List<SortedMap<Integer, String>> cpModularAddition(int p, int h, int maxOrder) {
    checkSizes(p, h, maxOrder);
    return format(scaledSeries(cpModularModel(p, h), maxOrder));
  }

  // ------------------------------------------------------------------ models

  /** G = 2L as an explicit polynomial, with the number of leading variables that are trainable. */
  static final class Model {
    final Poly twiceLoss;
    final int nTrainable;

    Model(Poly twiceLoss, int nTrainable) {
      this.twiceLoss = twiceLoss;
      this.nTrainable = nTrainable;
    }

    int nVars() {
      return twiceLoss.nVars;
    }
  }

  private static void checkSizes(int p, int h, int maxOrder) {
    if (p < 1 || h < 1) throw new IllegalArgumentException("p and h must be >= 1");
    if (maxOrder < 0) throw new IllegalArgumentException("maxOrder must be >= 0");
  }

  static int varA(int p, int h, int i, int g) {
    return i * h + g;
  }

  static int varB(int p, int h, int g, int j) {
    return p * h + g * p + j;
  }

  static int varM(int p, int h, int i, int j) {
    return 2 * p * h + i * p + j;
  }

  static int varU(int p, int h, int m, int g, int i) {
    return m * h * p + g * p + i;
  }

  /** G = 2L = sum_{i,j} (sum_g A[i,g] B[g,j] - M[i,j])^2, each residual expanded literally. */
  static Model twoLayerModel(int p, int h) {
    int nTrainable = 2 * p * h;
    int n = nTrainable + p * p;
    Poly g = new Poly(n);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        Poly r = new Poly(n); // residual (A B)[i,j] - M[i,j]
        for (int k = 0; k < h; k++) {
          r.add(Mono.of(n, varA(p, h, i, k), varB(p, h, k, j)), BigInteger.ONE);
        }
        r.add(Mono.of(n, varM(p, h, i, j)), BigInteger.ONE.negate());
        g.addAll(r.times(r));
      }
    }
    return new Model(g, nTrainable);
  }

  /** Tstar[a,b,c] = 1 iff a + b - c = 0 mod p. */
  static boolean modularTarget(int p, int a, int b, int c) {
    return Math.floorMod(a + b - c, p) == 0;
  }

  /** G = 2L = sum_{a,b,c} (sum_g U1[g,a] U2[g,b] U3[g,c] - Tstar[a,b,c])^2, expanded literally. */
  static Model cpModularModel(int p, int h) {
    int n = 3 * h * p;
    Poly g = new Poly(n);
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        for (int c = 0; c < p; c++) {
          Poly r = new Poly(n); // residual T[a,b,c] - Tstar[a,b,c]
          for (int k = 0; k < h; k++) {
            r.add(
                Mono.of(n, varU(p, h, 0, k, a), varU(p, h, 1, k, b), varU(p, h, 2, k, c)),
                BigInteger.ONE);
          }
          if (modularTarget(p, a, b, c)) r.add(Mono.of(n), BigInteger.ONE.negate());
          g.addAll(r.times(r));
        }
      }
    }
    return new Model(g, n);
  }

  // ------------------------------------------------------------------ the series

  /** dG/du for every trainable u (data variables are never differentiated). */
  static Poly[] trainableGradient(Model model) {
    Poly[] grad = new Poly[model.nTrainable];
    for (int j = 0; j < model.nTrainable; j++) grad[j] = model.twiceLoss.derivative(j);
    return grad;
  }

  /** Element s: sigma2 exponent -> E[E_s] coefficient (= 2^(s+1) times the coefficient in c_s). */
  static List<SortedMap<Integer, BigInteger>> scaledSeries(Model model, int maxOrder) {
    Poly[] grad = trainableGradient(model);
    List<SortedMap<Integer, BigInteger>> result = new ArrayList<>();
    Poly e = model.twiceLoss; // E_0 = 2 L
    for (int s = 0; s <= maxOrder; s++) {
      result.add(BruteForceLossSeries.gaussianExpectation(e, model.nTrainable));
      if (s < maxOrder) e = BruteForceLossSeries.applyScaledD(e, grad); // E_(s+1)
    }
    return result;
  }

  /** m!! for m >= -1, with (-1)!! = 1. */
  /** Divides element s by 2^(s+1) and formats as reduced fractions. */
  static List<SortedMap<Integer, String>> format(List<SortedMap<Integer, BigInteger>> numerators) {
    List<SortedMap<Integer, String>> out = new ArrayList<>();
    for (int s = 0; s < numerators.size(); s++) {
      BigInteger den = BigInteger.TWO.pow(s + 1);
      SortedMap<Integer, String> cs = new TreeMap<>();
      for (Map.Entry<Integer, BigInteger> e : numerators.get(s).entrySet()) {
        if (e.getValue().signum() != 0) cs.put(e.getKey(), BruteForceLossSeries.formatFraction(e.getValue(), den));
      }
      out.add(Collections.unmodifiableSortedMap(cs));
    }
    return Collections.unmodifiableList(out);
  }

}
