package org.gfd.oracle;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Oracle for the proportional limit of the diagonal linear network (tests/models/diagonal-network.gfd),
 * derived by hand without the engine.
 *
 * <h2>Model</h2>
 * u, v in R^p with iid N(0, s) entries (s = sigma2, written {@code v} in the output polynomials),
 * X in R^{p x n} and b in R^p with iid N(0, 1) entries, all independent. e = u*v - b (entrywise),
 * W = X X^T / n, g = W e. Train loss L = 1/(2n) |X^T e|^2 = 1/2 e^T W e, test loss T = 1/2 |e|^2.
 * Gradient flow on the train loss: u' = -v*g, v' = -u*g (entrywise). For O in {L, T},
 * c_k = E[d^k O / dt^k at t = 0]; the limit is hat c_k = lim c_k / p with n = m p, s fixed.
 *
 * <h2>Derivation</h2>
 * Write a = u^2 + v^2 and q = u v (entrywise). Along the flow
 * <pre>
 *   e' = -a*g,   a' = -4 q*g,   q' = -a*g (so e' = q'),   g' = W e' = -W(a*g),
 *   e'' = 4 q*g^2 + a*W(a*g).
 * </pre>
 * Hence
 * <pre>
 *   L'  = g.e' = -sum_i a_i g_i^2,             L'' = 2 (a*g)^T W (a*g) + 4 sum_i q_i g_i^3,
 *   T'  = e.e' = -sum_i a_i e_i g_i,           T'' = sum_i a_i^2 g_i^2 + 4 sum_i q_i e_i g_i^2
 *                                                   + sum_{i,k} e_i a_i W_ik a_k g_k.
 * </pre>
 * (L'' = 2 grad L^T Hess L grad L; these closed forms were checked against finite differences of an
 * RK4 solve.) Gaussian moments per coordinate (u, v ~ N(0, s), b ~ N(0, 1)):
 * E e^2 = s^2 + 1, E a = 2s, E a e^2 = 6s^3 + 2s, E a^2 = 8s^2, E a^2 e^2 = 48s^4 + 8s^2,
 * E q e = s^2, E q e^3 = 9s^4 + 3s^2; every odd moment (E e, E a e, E a^2 e, ...) vanishes, and
 * different coordinates are independent. Split g_i = W_ii e_i + h_i, h_i = sum_{j != i} W_ij e_j:
 * as p -> infinity W_ii -> 1 and, given X, h_i is centred, independent of (u_i, v_i, b_i), with
 * variance sum_{j != i} W_ij^2 (s^2 + 1) -> (s^2 + 1)/m (non-Gaussian corrections are O(1/p)).
 * The X-sums needed are E sum_{k != i} W_ik^2 -> p/m and
 * E sum_{i,k,r distinct} W_ik W_kr W_ri = p(p-1)(p-2)/n^2 -> p/m^2 (the third free cumulant of
 * Marchenko-Pastur; equivalently M_3 - 3 M_2 + 2 with M_2 = 1 + 1/m, M_3 = 1 + 3/m + 1/m^2).
 * <ul>
 *   <li>c_0: E L = E T = p (s^2 + 1)/2 (E W = I).</li>
 *   <li>L': per i, E a e^2 + E a E e^2 / m.  T': per i, E a e^2 (only j = i survives).</li>
 *   <li>L'': 4 E q (e + h)^3 = 4 (E q e^3 + 3 E q e (s^2+1)/m); the diagonal i = k of
 *   2 (a g)^T W (a g) gives 2 (E a^2 e^2 + E a^2 (s^2+1)/m); for i != k the (u, v, b)-average of
 *   a_i g_i a_k g_k is E a^2 E e^2 sum_{r != i,k} W_ir W_rk + 2s (6s^3 + 2s)(W_ii W_ki + W_ik W_kk),
 *   and multiplying by W_ik and summing gives 2 [4s^2 (s^2+1)/m^2 + 2s (6s^3+2s) 2/m] per p.</li>
 *   <li>T'': E a^2 (e+h)^2 + 4 E q e (e+h)^2 + [E a^2 e^2 (i = k) + E a E a e^2 / m (i != k, only
 *   l = i survives)].</li>
 * </ul>
 * Results (v = sigma2):
 * <pre>
 *   train: hat c_0 = 1/2 + 1/2 v^2
 *          hat c_1 = -2v - 6v^3 - (2v + 2v^3)/m
 *          hat c_2 = 28v^2 + 132v^4 + (44v^2 + 76v^4)/m + (8v^2 + 8v^4)/m^2
 *   test:  hat c_0 = 1/2 + 1/2 v^2
 *          hat c_1 = -2v - 6v^3
 *          hat c_2 = 28v^2 + 132v^4 + (16v^2 + 24v^4)/m
 * </pre>
 * As m -> infinity (W -> I, L = T) train and test agree. The same method for linear regression
 * (a = 1, q' = 0) reproduces (1+v)/2 (-2)^k M_{k+1} and (1+v)/2 (-2)^k M_k. A Monte Carlo check
 * (p = 200 and 800, m in {2, 1/2}, v in {1, 1/2}) agreed within its statistical error.
 *
 * <p>Format of the strings: terms joined by " + " / " - ", each term a product (with '*') of an
 * optional rational coefficient (integer or a/b), {@code v} or {@code v^i}, and {@code m^(-j)}.
 */
public final class DiagonalNetworkOracle {
  private DiagonalNetworkOracle() {}

  /** hat c_0, hat c_1, hat c_2 of the train loss L = 1/(2n) |X^T e|^2. */
  public static String[] train() {
    return new String[] {
      "1/2 + 1/2*v^2",
      "-2*v - 6*v^3 - 2*v*m^(-1) - 2*v^3*m^(-1)",
      "28*v^2 + 132*v^4 + 44*v^2*m^(-1) + 76*v^4*m^(-1) + 8*v^2*m^(-2) + 8*v^4*m^(-2)"
    };
  }

  /** hat c_0, hat c_1, hat c_2 of the test loss T = 1/2 |e|^2. */
  public static String[] test() {
    return new String[] {
      "1/2 + 1/2*v^2",
      "-2*v - 6*v^3",
      "28*v^2 + 132*v^4 + 16*v^2*m^(-1) + 24*v^4*m^(-1)"
    };
  }

  /** Evaluates a polynomial in the format of {@link #train()} at sigma2 = v and ratio m = n/p. */
  public static double value(String polynomial, double v, double m) {
    double sum = 0;
    for (Map.Entry<List<Integer>, BigInteger[]> t : parse(polynomial).entrySet()) {
      BigInteger[] c = t.getValue();
      sum += c[0].doubleValue() / c[1].doubleValue()
          * Math.pow(v, t.getKey().get(0)) * Math.pow(m, -t.getKey().get(1));
    }
    return sum;
  }

  /**
   * The exact terms of a polynomial in the format of {@link #train()}: key [i, j] for v^i m^(-j),
   * value the reduced rational coefficient as "a" or "a/b" (zero terms omitted).
   */
  public static Map<List<Integer>, String> terms(String polynomial) {
    Map<List<Integer>, String> out = new TreeMap<>(DiagonalNetworkOracle::compareKeys);
    for (Map.Entry<List<Integer>, BigInteger[]> t : parse(polynomial).entrySet()) {
      BigInteger[] c = t.getValue();
      out.put(t.getKey(), c[1].equals(BigInteger.ONE) ? c[0].toString() : c[0] + "/" + c[1]);
    }
    return out;
  }

  private static int compareKeys(List<Integer> a, List<Integer> b) {
    int c = Integer.compare(a.get(0), b.get(0));
    return c != 0 ? c : Integer.compare(a.get(1), b.get(1));
  }

  /** Parses into [v power, 1/m power] -> reduced {numerator, denominator}, like terms merged. */
  private static Map<List<Integer>, BigInteger[]> parse(String polynomial) {
    String s = polynomial.replace(" ", "");
    List<String> termStrings = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if ((ch == '+' || ch == '-') && depth == 0 && i > start) {
        termStrings.add(s.substring(start, i));
        start = i;
      }
    }
    termStrings.add(s.substring(start));
    Map<List<Integer>, BigInteger[]> out = new TreeMap<>(DiagonalNetworkOracle::compareKeys);
    for (String term : termStrings) {
      if (term.isEmpty()) {
        throw new IllegalArgumentException("empty term in " + polynomial);
      }
      BigInteger num = BigInteger.ONE;
      BigInteger den = BigInteger.ONE;
      if (term.charAt(0) == '-' || term.charAt(0) == '+') {
        if (term.charAt(0) == '-') {
          num = num.negate();
        }
        term = term.substring(1);
      }
      int vPow = 0;
      int mInvPow = 0;
      for (String f : term.split("\\*")) {
        if (f.equals("v")) {
          vPow += 1;
        } else if (f.startsWith("v^")) {
          vPow += Integer.parseInt(stripParens(f.substring(2)));
        } else if (f.equals("m")) {
          mInvPow -= 1;
        } else if (f.startsWith("m^")) {
          mInvPow -= Integer.parseInt(stripParens(f.substring(2)));
        } else if (f.matches("\\d+(/\\d+)?")) {
          int slash = f.indexOf('/');
          num = num.multiply(new BigInteger(slash < 0 ? f : f.substring(0, slash)));
          if (slash >= 0) {
            den = den.multiply(new BigInteger(f.substring(slash + 1)));
          }
        } else {
          throw new IllegalArgumentException("bad factor '" + f + "' in " + polynomial);
        }
      }
      List<Integer> key = List.of(vPow, mInvPow);
      BigInteger[] old = out.get(key);
      if (old != null) {
        num = num.multiply(old[1]).add(old[0].multiply(den));
        den = den.multiply(old[1]);
      }
      BigInteger g = num.gcd(den);
      if (num.signum() == 0) {
        out.remove(key);
      } else {
        out.put(key, new BigInteger[] {num.divide(g), den.divide(g)});
      }
    }
    return out;
  }

  private static String stripParens(String x) {
    return x.startsWith("(") && x.endsWith(")") ? x.substring(1, x.length() - 1) : x;
  }
}
