package org.gfd.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.gfd.algebra.Rational;

/**
 * Oracle for the mean-field limit of the weight-tied linear autoencoder, derived from the
 * mathematics alone (it does not call the engine; only {@link Rational} is borrowed, for exact
 * arithmetic through its public methods).
 *
 * <h2>Model</h2>
 * W in R^{H x p}, data X in R^{p x n} with iid N(0, 1) entries, Sigma = X X^T / n, M = W^T W.
 * Train loss L = 1/(2n) |W^T W X - X|_F^2 = 1/2 tr((M - I) Sigma (M - I)); population loss
 * P = 1/2 |M - I|_F^2. Gradient flow dW/dt = -grad_W L.
 *
 * <h2>Derivation</h2>
 * dL = 1/2 tr(dM Sigma (M - I)) + 1/2 tr((M - I) Sigma dM) = tr(G dM) with the symmetric
 * G = 1/2 ((M - I) Sigma + Sigma (M - I)). With dM = dW^T W + W^T dW this gives
 * dL = 2 tr(G W^T dW), so grad_W L = 2 W G and
 * <pre>
 *   dM/dt = dW^T W + W^T dW = -2 (G M + M G).
 * </pre>
 * In the limit p -> infinity with H = h p^(3/2), sigma2 = v p^(-3/2), n = m p, W^T W concentrates:
 * M(0) -> x I with x = h v. If M commutes with Sigma then so does G = (M - I) Sigma, and
 * dM/dt = -4 Sigma M (M - I) is again a function of Sigma, so M stays a function of Sigma for all
 * t. In the eigendirection of Sigma with eigenvalue s the eigenvalue lambda_s of M obeys
 * <pre>
 *   d lambda_s / dt = -4 s lambda_s (lambda_s - 1),   lambda_s(0) = x,
 * </pre>
 * a logistic equation: u = 1/lambda satisfies du/dt = 4 s (1 - u), hence
 * <pre>
 *   lambda_s(t) = x / (x + (1 - x) e^{-4 s t}).
 * </pre>
 * Note lambda_s(t) depends on s and t only through s t. Averaging over the spectrum of Sigma, which
 * tends to the Marchenko-Pastur law MP_r of ratio r = p/n = 1/m,
 * <pre>
 *   E[L]/p -> F_train(t) = 1/2 Integral s (lambda_s(t) - 1)^2 dMP_r(s),
 *   E[P]/p -> F_pop(t)   = 1/2 Integral   (lambda_s(t) - 1)^2 dMP_r(s).
 * </pre>
 * MP_r has density sqrt((b - s)(s - a)) / (2 pi r s) on [a, b] = [(1 - sqrt r)^2, (1 + sqrt r)^2]
 * and, for r > 1, an atom of mass 1 - 1/r at s = 0. Its moments are m_0 = 1 and (Narayana)
 * m_j = sum_{k=0}^{j-1} r^k C(j, k) C(j - 1, k) / (k + 1); equivalently, from the Stieltjes
 * transform equation r z G^2 - (z - 1 + r) G + 1 = 0 with G(z) = sum_j m_j z^{-j-1},
 * m_j = (1 - r) m_{j-1} + r sum_{a+b=j-1} m_a m_b. E.g. m_1 = 1, m_2 = 1 + r, m_3 = 1 + 3r + r^2.
 *
 * <h2>Taylor data</h2>
 * F(t) = sum_k c_k t^k / k! (c_k is the k-th derivative at 0). The ODE is solved as a power series
 * lambda_s(t) = sum_k a_k(s) t^k with a_k a polynomial in the formal variable s:
 * a_0 = x, (k + 1) a_{k+1} = -4 s (sum_{i+j=k} a_i a_j - a_k). Then (lambda_s - 1)^2 = sum_k e_k(s) t^k
 * and c_k = k!/2 sum_j e_k[j] m_j (population) or k!/2 sum_j e_k[j] m_{j+1} (train). By hand:
 * <pre>
 *   c_0 = (1 - x)^2 / 2                                   (both)
 *   c_1 = -4 x (1 - x)^2 (1 + r)   (train),   -4 x (1 - x)^2   (population)
 *   c_2 = 16 x (1 - x)^2 (3x - 1) (1 + 3r + r^2) (train),  16 x (1 - x)^2 (3x - 1) (1 + r) (pop.)
 * </pre>
 * (from d/dt 1/2 s (lambda - 1)^2 = -4 s^2 lambda (lambda - 1)^2 and the same without the factor s).
 *
 * <h2>Numerical values</h2>
 * With s = 1 + r + 2 sqrt(r) cos(theta), theta in [0, pi], the continuous part of MP_r becomes
 * (2/pi) sin^2(theta) / s d theta. The train integrand s (lambda - 1)^2 cancels the 1/s, and the atom
 * does not contribute (factor s = 0): F_train = 1/2 Integral_0^pi (2/pi) sin^2(theta) (lambda_s - 1)^2
 * d theta. For the population loss write f(s) = (lambda_s - 1)^2 = f(0) + s q(s); the atom plus the
 * continuous mass is 1, so F_pop = 1/2 [ (1 - x)^2 + Integral_0^pi (2/pi) sin^2(theta) q(s) d theta ],
 * with q(s) = x (1 - x)^2 (E - 1)(E + D) / (s D^2), E = e^{-4 s t}, D = x + (1 - x) E, evaluated with
 * (E - 1)/s = -4 t expm1(-4 s t)/(-4 s t). Both integrands are smooth, even and 2 pi-periodic in
 * theta, so the trapezoidal rule converges geometrically; the panel count is doubled until two
 * successive values agree to 1e-14 (the last doubling squares the error, roughly).
 */
public final class AutoencoderMeanFieldOracle {
  private AutoencoderMeanFieldOracle() {}

  private static final Rational ZERO = Rational.of(0);
  private static final Rational ONE = Rational.of(1);

  // ---------------------------------------------------------------- exact Taylor data

  /** c_0..c_order of F_train(t) = 1/2 Integral s (lambda_s(t) - 1)^2 dMP_r(s), c_k = F^(k)(0). */
  public static List<Rational> train(Rational x, Rational r, int order) {
    return coefficients(x, r, order, 1);
  }

  /** c_0..c_order of F_pop(t) = 1/2 Integral (lambda_s(t) - 1)^2 dMP_r(s), c_k = F^(k)(0). */
  public static List<Rational> population(Rational x, Rational r, int order) {
    return coefficients(x, r, order, 0);
  }

  /** shift = 1 multiplies the integrand by s (train), shift = 0 does not (population). */
  private static List<Rational> coefficients(Rational x, Rational r, int order, int shift) {
    if (order < 0) {
      throw new IllegalArgumentException("order < 0");
    }
    if (r.compareTo(ZERO) < 0) {
      throw new IllegalArgumentException("r < 0");
    }
    // a.get(k)[j] = coefficient of s^j t^k in lambda_s(t); deg a_k <= k
    int width = order + 1;
    List<Rational[]> a = new ArrayList<>();
    Rational[] a0 = zeros(width);
    a0[0] = x;
    a.add(a0);
    for (int k = 0; k < order; k++) {
      Rational[] sq = zeros(width);
      for (int i = 0; i <= k; i++) {
        addInto(sq, times(a.get(i), a.get(k - i), width));
      }
      Rational[] next = zeros(width);
      Rational factor = Rational.of(-4, k + 1);
      for (int j = 0; j + 1 < width; j++) {
        // multiply (sq - a_k) by s: shifts degree by one
        next[j + 1] = sq[j].subtract(a.get(k)[j]).multiply(factor);
      }
      a.add(next);
    }
    // d_k = a_k - [k == 0]; e_k = sum_i d_i d_{k-i}
    List<Rational[]> d = new ArrayList<>();
    for (int k = 0; k <= order; k++) {
      Rational[] c = a.get(k).clone();
      if (k == 0) {
        c[0] = c[0].subtract(ONE);
      }
      d.add(c);
    }
    List<Rational> moments = mpMomentsNarayana(r, order + 1);
    List<Rational> out = new ArrayList<>();
    Rational factorial = ONE;
    Rational half = Rational.of(1, 2);
    for (int k = 0; k <= order; k++) {
      if (k > 0) {
        factorial = factorial.multiply(Rational.of(k));
      }
      Rational[] e = zeros(width);
      for (int i = 0; i <= k; i++) {
        addInto(e, times(d.get(i), d.get(k - i), width));
      }
      Rational value = ZERO;
      for (int j = 0; j < width; j++) {
        if (!e[j].isZero()) {
          value = value.add(e[j].multiply(moments.get(j + shift)));
        }
      }
      out.add(value.multiply(half).multiply(factorial));
    }
    return out;
  }

  private static Rational[] zeros(int n) {
    Rational[] z = new Rational[n];
    java.util.Arrays.fill(z, ZERO);
    return z;
  }

  private static void addInto(Rational[] acc, Rational[] p) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] = acc[i].add(p[i]);
    }
  }

  /** Product of two polynomials in s, truncated to {@code width} coefficients. */
  private static Rational[] times(Rational[] p, Rational[] q, int width) {
    Rational[] out = zeros(width);
    for (int i = 0; i < p.length && i < width; i++) {
      if (p[i].isZero()) {
        continue;
      }
      for (int j = 0; j < q.length && i + j < width; j++) {
        if (!q[j].isZero()) {
          out[i + j] = out[i + j].add(p[i].multiply(q[j]));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- Marchenko-Pastur moments

  /** m_0..m_maxJ of MP_r by the Narayana formula m_j = sum_k r^k C(j,k) C(j-1,k)/(k+1). */
  public static List<Rational> mpMomentsNarayana(Rational r, int maxJ) {
    List<Rational> out = new ArrayList<>();
    out.add(ONE);
    for (int j = 1; j <= maxJ; j++) {
      Rational sum = ZERO;
      Rational rk = ONE;
      for (int k = 0; k <= j - 1; k++) {
        Rational term = binomial(j, k).multiply(binomial(j - 1, k)).divide(Rational.of(k + 1));
        sum = sum.add(term.multiply(rk));
        rk = rk.multiply(r);
      }
      out.add(sum);
    }
    return out;
  }

  /**
   * m_0..m_maxJ of MP_r from r z G^2 - (z - 1 + r) G + 1 = 0, G = sum_j m_j z^{-j-1}: matching
   * z^{-j} gives m_j = (1 - r) m_{j-1} + r sum_{a+b=j-1} m_a m_b.
   */
  public static List<Rational> mpMomentsStieltjes(Rational r, int maxJ) {
    List<Rational> m = new ArrayList<>();
    m.add(ONE);
    for (int j = 1; j <= maxJ; j++) {
      Rational conv = ZERO;
      for (int i = 0; i <= j - 1; i++) {
        conv = conv.add(m.get(i).multiply(m.get(j - 1 - i)));
      }
      m.add(ONE.subtract(r).multiply(m.get(j - 1)).add(r.multiply(conv)));
    }
    return m;
  }

  private static Rational binomial(int n, int k) {
    Rational b = ONE;
    for (int i = 0; i < k; i++) {
      b = b.multiply(Rational.of(n - i, i + 1));
    }
    return b;
  }

  // ---------------------------------------------------------------- numerical values

  private static final int START_PANELS = 64;
  private static final int MAX_PANELS = 1 << 22;

  /** F_train(tau) in double precision (x >= 0, r > 0, tau >= 0). */
  public static double trainValue(double x, double r, double tau) {
    check(x, r, tau);
    return adaptive(trainIntegrand(x, r, tau)) / 2;
  }

  /** F_pop(tau) in double precision (x >= 0, r > 0, tau >= 0). */
  public static double populationValue(double x, double r, double tau) {
    check(x, r, tau);
    return popFromIntegral(x, r, adaptive(popIntegrand(x, r, tau)));
  }

  /** F_train(tau) by the trapezoidal rule with a fixed number of panels on [0, pi]. */
  public static double trainValue(double x, double r, double tau, int panels) {
    check(x, r, tau);
    return trapezoid(trainIntegrand(x, r, tau), panels) / 2;
  }

  /** F_pop(tau) by the trapezoidal rule with a fixed number of panels on [0, pi]. */
  public static double populationValue(double x, double r, double tau, int panels) {
    check(x, r, tau);
    return popFromIntegral(x, r, trapezoid(popIntegrand(x, r, tau), panels));
  }

  /**
   * A second, direct route: Integral f dMP_r = (1 - 1/r)^+ f(0) + Integral_0^pi (2/pi)
   * sin^2(theta) f(s) / s d theta (atom plus density). Converges slowly for r near 1 where the
   * density's 1/s nearly meets its square-root edge; used to cross-check in the test.
   */
  public static double mpExpectation(DoubleUnaryOperator f, double r) {
    if (!(r > 0)) {
      throw new IllegalArgumentException("r must be > 0");
    }
    double sr = Math.sqrt(r);
    double atom = r > 1 ? 1 - 1 / r : 0;
    double f0 = atom > 0 ? f.applyAsDouble(0) : 0;
    DoubleUnaryOperator g = theta -> {
      double c = Math.cos(theta / 2);
      double s = (1 - sr) * (1 - sr) + 4 * sr * c * c;
      double sin = Math.sin(theta);
      // sin^2(theta) / s; at r = 1, theta = pi it tends to sin^2(theta/2) = 1
      double w = s == 0 ? 1 : sin * sin / s;
      return (2 / Math.PI) * w * f.applyAsDouble(s);
    };
    return atom * f0 + adaptive(g);
  }

  /** lambda_s(tau) - 1 = -(1 - x) E / (x + (1 - x) E), E = e^{-4 s tau}. */
  public static double lambdaMinusOne(double x, double s, double tau) {
    if (x == 0) {
      return -1; // lambda = 0 is a fixed point
    }
    double e = Math.exp(-4 * s * tau);
    return -(1 - x) * e / (x + (1 - x) * e);
  }

  private static void check(double x, double r, double tau) {
    if (!(x >= 0) || !(r > 0) || !(tau >= 0) || Double.isInfinite(x) || Double.isInfinite(r)) {
      throw new IllegalArgumentException("need x >= 0, r > 0, tau >= 0");
    }
  }

  private static double popFromIntegral(double x, double r, double integral) {
    double atom = r > 1 ? 1 - 1 / r : 0;
    double continuousMass = r > 1 ? 1 / r : 1;
    double f0 = (1 - x) * (1 - x);
    return 0.5 * ((atom + continuousMass) * f0 + integral);
  }

  /** s(theta) = 1 + r + 2 sqrt(r) cos(theta), written to avoid cancellation near s = 0. */
  private static double sOf(double sr, double theta) {
    double c = Math.cos(theta / 2);
    return (1 - sr) * (1 - sr) + 4 * sr * c * c;
  }

  private static DoubleUnaryOperator trainIntegrand(double x, double r, double tau) {
    double sr = Math.sqrt(r);
    return theta -> {
      double s = sOf(sr, theta);
      double sin = Math.sin(theta);
      double dl = lambdaMinusOne(x, s, tau);
      return (2 / Math.PI) * sin * sin * dl * dl;
    };
  }

  private static DoubleUnaryOperator popIntegrand(double x, double r, double tau) {
    double sr = Math.sqrt(r);
    return theta -> {
      if (x == 0 || x == 1) {
        return 0; // f(s) is constant in s: q = 0
      }
      double s = sOf(sr, theta);
      double sin = Math.sin(theta);
      double y = -4 * s * tau;
      double e = Math.exp(y);
      double eMinusOneOverS = -4 * tau * expm1OverX(y);
      double dd = x + (1 - x) * e;
      double q = x * (1 - x) * (1 - x) * eMinusOneOverS * (e + dd) / (dd * dd);
      return (2 / Math.PI) * sin * sin * q;
    };
  }

  private static double expm1OverX(double y) {
    return y == 0 ? 1 : Math.expm1(y) / y;
  }

  /** Trapezoidal rule on [0, pi] with n panels. */
  private static double trapezoid(DoubleUnaryOperator g, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("panels < 1");
    }
    double h = Math.PI / n;
    double sum = 0.5 * (g.applyAsDouble(0) + g.applyAsDouble(Math.PI));
    for (int k = 1; k < n; k++) {
      sum += g.applyAsDouble(k * h);
    }
    return sum * h;
  }

  /** Trapezoidal rule with panel doubling (reusing points) until two successive values agree. */
  private static double adaptive(DoubleUnaryOperator g) {
    int n = START_PANELS;
    double h = Math.PI / n;
    double sum = 0.5 * (g.applyAsDouble(0) + g.applyAsDouble(Math.PI));
    for (int k = 1; k < n; k++) {
      sum += g.applyAsDouble(k * h);
    }
    double prev = sum * h;
    while (n < MAX_PANELS) {
      double mid = 0;
      for (int k = 0; k < n; k++) {
        mid += g.applyAsDouble((k + 0.5) * h);
      }
      sum += mid;
      n *= 2;
      h /= 2;
      double cur = sum * h;
      if (Math.abs(cur - prev) <= 1e-14 * Math.max(1, Math.abs(cur))) {
        return cur;
      }
      prev = cur;
    }
    throw new ArithmeticException("trapezoidal rule did not converge within " + MAX_PANELS + " panels");
  }
}
