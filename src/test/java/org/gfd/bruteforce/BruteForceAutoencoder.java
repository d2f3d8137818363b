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
 * Independent brute-force oracle for the gradient-flow series of the weight-tied linear autoencoder,
 * written without looking at the engine.
 *
 * <p>Model: trainable W in R^{H x p}, entries iid N(0, sigma2); data X in R^{p x n}, entries iid
 * N(0, 1), never trained but averaged over; output Y = W^T W X.
 *
 * <ul>
 *   <li>training loss L = 1/(2n) sum_{i,a} ((W^T W X)[i,a] - X[i,a])^2;
 *   <li>population loss Lpop = 1/2 sum_{i,j} ((W^T W)[i,j] - delta_ij)^2.
 * </ul>
 *
 * The flow is always driven by the training loss: D F = - sum_{u in W} (dF/du)(dL/du), and c_s(O) =
 * E[D^s O] for O = L ({@link #trainLoss}) or O = Lpop ({@link #populationLoss}).
 *
 * <p>Everything is done literally with the exact sparse integer polynomials of {@link
 * BruteForceModels} (java.math only, no floating point): both losses are expanded as explicit
 * polynomials in all entries of W and X, differentiated with respect to the W entries only, D is
 * applied s times, and the expectation is taken monomial by monomial (E[x^(2k)] = (2k-1)!! var^k,
 * odd moments 0; var = sigma2 for W entries, 1 for X entries).
 *
 * <p>Bookkeeping of the rational factors. All polynomials carry integer coefficients:
 *
 * <pre>
 *   G = sum_{i,a} ((W^T W X)[i,a] - X[i,a])^2      so L    = G / (2n),
 *   P = sum_{i,j} ((W^T W)[i,j] - delta_ij)^2        so Lpop = P / 2.
 * </pre>
 *
 * Since dL/du = (dG/du) / (2n), D F = -(1/(2n)) sum_u (dF/du)(dG/du). Define the integer operator
 * Dhat F = - sum_{u in W} (dF/du)(dG/du), so D = Dhat / (2n), and D^s = Dhat^s / (2n)^s. Hence
 *
 * <pre>
 *   c_s(L)    = E[Dhat^s G] / (2n)^(s+1),
 *   c_s(Lpop) = E[Dhat^s P] / (2 (2n)^s).
 * </pre>
 *
 * The integer polynomials E_s = Dhat^s G (resp. Dhat^s P) are materialized for every s; their
 * expectations are integer polynomials in sigma2; the single final division is done by {@link
 * BruteForceLossSeries#formatFraction}.
 *
 * <p>Variable numbering (trainable first, as {@link BruteForceModels#gaussianExpectation} expects):
 * W[g,i] is g*p + i (0 &lt;= g &lt; H, 0 &lt;= i &lt; p); X[i,a] is H*p + i*n + a.
 */
public final class BruteForceAutoencoder {

  private BruteForceAutoencoder() {}

  // ------------------------------------------------------------------ public API

  /**
   * c_0..c_maxOrder of the training loss L under gradient flow on L; element s maps the exponent k
   * of sigma2 to the exact rational coefficient of sigma2^k in c_s, written "a" or "a/b" (lowest
   * terms, b > 0, sign on a); zero coefficients omitted.
   */
  public static List<SortedMap<Integer, String>> trainLoss(int p, int h, int n, int maxOrder) {
    checkSizes(p, h, n, maxOrder);
    List<SortedMap<Integer, BigInteger>> num = integerSeries(twiceNTrainLoss(p, h, n), p, h, n, maxOrder);
    BigInteger twoN = BigInteger.valueOf(2L * n);
    List<BigInteger> dens = new ArrayList<>();
    for (int s = 0; s <= maxOrder; s++) dens.add(twoN.pow(s + 1)); // (2n)^(s+1)
    return format(num, dens);
  }

  /**
   * c_0..c_maxOrder of the population loss Lpop while training by gradient flow on the training
   * loss L (so the result depends on n and on the data, which is averaged over); same format as
   * {@link #trainLoss}.
   */
  public static List<SortedMap<Integer, String>> populationLoss(int p, int h, int n, int maxOrder) {
    checkSizes(p, h, n, maxOrder);
    List<SortedMap<Integer, BigInteger>> num =
        integerSeries(twicePopulationLoss(p, h, n), p, h, n, maxOrder);
    BigInteger twoN = BigInteger.valueOf(2L * n);
    List<BigInteger> dens = new ArrayList<>();
    for (int s = 0; s <= maxOrder; s++) dens.add(BigInteger.TWO.multiply(twoN.pow(s))); // 2 (2n)^s
    return format(num, dens);
  }

  // ------------------------------------------------------------------ construction

  private static void checkSizes(int p, int h, int n, int maxOrder) {
    if (p < 1 || h < 1 || n < 1) throw new IllegalArgumentException("p, h and n must be >= 1");
    if (maxOrder < 0) throw new IllegalArgumentException("maxOrder must be >= 0");
  }

  static int nTrainable(int p, int h) {
    return h * p;
  }

  static int nVars(int p, int h, int n) {
    return h * p + p * n;
  }

  static int varW(int p, int h, int g, int i) {
    return g * p + i;
  }

  static int varX(int p, int h, int n, int i, int a) {
    return h * p + i * n + a;
  }

  /** (W^T W)[i,j] = sum_g W[g,i] W[g,j] as a polynomial in nv variables. */
  static Poly gram(int p, int h, int nv, int i, int j) {
    Poly m = new Poly(nv);
    for (int g = 0; g < h; g++) m.add(Mono.of(nv, varW(p, h, g, i), varW(p, h, g, j)), BigInteger.ONE);
    return m;
  }

  /** G = 2n L = sum_{i,a} ((W^T W X)[i,a] - X[i,a])^2, every residual expanded literally. */
  static Poly twiceNTrainLoss(int p, int h, int n) {
    int nv = nVars(p, h, n);
    Poly out = new Poly(nv);
    for (int i = 0; i < p; i++) {
      for (int a = 0; a < n; a++) {
        Poly r = new Poly(nv); // (W^T W X)[i,a] - X[i,a]
        for (int j = 0; j < p; j++) {
          for (int g = 0; g < h; g++) {
            r.add(
                Mono.of(nv, varW(p, h, g, i), varW(p, h, g, j), varX(p, h, n, j, a)),
                BigInteger.ONE);
          }
        }
        r.add(Mono.of(nv, varX(p, h, n, i, a)), BigInteger.ONE.negate());
        out.addAll(r.times(r));
      }
    }
    return out;
  }

  /**
   * P = 2 Lpop = sum_{i,j} ((W^T W)[i,j] - delta_ij)^2, in the same variable space as G (the X
   * variables are present but do not occur).
   */
  static Poly twicePopulationLoss(int p, int h, int n) {
    int nv = nVars(p, h, n);
    Poly out = new Poly(nv);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        Poly r = gram(p, h, nv, i, j);
        if (i == j) r.add(Mono.of(nv), BigInteger.ONE.negate());
        out.addAll(r.times(r));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ the series

  /**
   * Element s: E[Dhat^s start] as sigma2 exponent -> integer coefficient, where Dhat F = - sum_{u in
   * W} (dF/du)(dG/du) and G = 2n L. The gradient of G is taken w.r.t. the W entries only.
   */
  static List<SortedMap<Integer, BigInteger>> integerSeries(
      Poly start, int p, int h, int n, int maxOrder) {
    Poly g = twiceNTrainLoss(p, h, n);
    int nt = nTrainable(p, h);
    Poly[] grad = new Poly[nt];
    for (int j = 0; j < nt; j++) grad[j] = g.derivative(j);
    List<SortedMap<Integer, BigInteger>> result = new ArrayList<>();
    Poly e = start;
    for (int s = 0; s <= maxOrder; s++) {
      result.add(BruteForceLossSeries.gaussianExpectation(e, nt));
      if (s < maxOrder) e = BruteForceLossSeries.applyScaledD(e, grad); // E_(s+1) = Dhat E_s
    }
    return result;
  }

  /** Divides element s by dens.get(s) and formats as reduced fractions, zeros omitted. */
  static List<SortedMap<Integer, String>> format(
      List<SortedMap<Integer, BigInteger>> numerators, List<BigInteger> dens) {
    List<SortedMap<Integer, String>> out = new ArrayList<>();
    for (int s = 0; s < numerators.size(); s++) {
      SortedMap<Integer, String> cs = new TreeMap<>();
      for (Map.Entry<Integer, BigInteger> e : numerators.get(s).entrySet()) {
        if (e.getValue().signum() != 0) {
          cs.put(e.getKey(), BruteForceLossSeries.formatFraction(e.getValue(), dens.get(s)));
        }
      }
      out.add(Collections.unmodifiableSortedMap(cs));
    }
    return Collections.unmodifiableList(out);
  }
}
