package org.gfd.oracle;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Oracle for one unit of the weight-tied linear autoencoder in its narrow-latent limit, computed by
 * brute force from the mathematics alone (it does not call the engine; only Hipparchus' ODE
 * integrator is borrowed).
 *
 * <h2>Model</h2>
 * One unit w in R^p under the per-unit loss l = -w^T Sigma w + |w|^2 (w^T Sigma w) / 2 follows the
 * gradient flow w' = 2 Sigma w - |w|^2 Sigma w - (w^T Sigma w) w. In the eigenbasis of Sigma, with
 * p -> infinity and the spectrum of Sigma tending to the Marchenko-Pastur law MP_r (ratio r, mean
 * 1: density sqrt((b - s)(s - a)) / (2 pi r s) on [a, b] = [(1 - sqrt r)^2, (1 + sqrt r)^2] plus an
 * atom 1 - 1/r at s = 0 when r > 1), the unit becomes a weight function x(s, t) with
 * <pre>
 *   dx(s)/dt = x(s) [ (2 - R) s - A ],   R = Integral x^2 dMP_r,   A = Integral s x^2 dMP_r,
 * </pre>
 * and x(s, 0)^2 = v for every s. With y = x^2 this is dy(s)/dt = 2 y(s) [ (2 - R) s - A ]. Outputs:
 * <pre>
 *   train(tau)      = l(tau) - l(0),   l = -A + R A / 2,
 *   population(tau) = q(tau) - q(0),   q = R^2 / 2 - R.
 * </pre>
 * Two exact facts used only by the tests: R' = 2 [ (2 - R) A - R A ] = 4 A (1 - R) for every law,
 * so R -> 1 exponentially when v > 0; and for Sigma = I (r -> 0) A = R, so
 * R(t) = v e^{4t} / (1 - v + v e^{4t}). The initial slope is
 * train'(0) = -4v - 4vr + 8v^2 + 4v^2 r - 4v^3 - v^3 r (from R'(0) = 4v(1 - v),
 * A'(0) = 2 [ (2 - v) v (1 + r) - v^2 ] and m_2 = 1 + r).
 *
 * <h2>Method</h2>
 * The law is replaced by a K-node quadrature (s_j, w_j) and the K-dimensional system
 * <pre>
 *   du_j/dt = 2 u_j [ (2 - R) s_j - A ],   u_j(0) = v w_j,   R = sum_j u_j,   A = sum_j s_j u_j,
 * </pre>
 * is integrated directly (u_j = w_j y_j, i.e. the y_j scaled by constant weights so that every
 * component measures its own contribution to R; no exponential ansatz, no reduction to scalar
 * ODEs) with Hipparchus' DormandPrince853 at relative tolerance tol. Two quadratures are offered:
 * <ul>
 *   <li>{@link Quadrature#GAUSS_MP} (default): the Gauss rule of MP_r itself. MP_r is the free
 *   Poisson law; its Stieltjes transform G solves r z G^2 - (z - 1 + r) G + 1 = 0, which is the
 *   continued fraction G = 1/(z - 1 - r T), T = 1/(z - (1 + r) - r T). So its Jacobi matrix has
 *   diagonal (1, 1 + r, 1 + r, ...) and off-diagonal (sqrt r, sqrt r, ...), and Golub-Welsch (nodes
 *   = eigenvalues of the K x K truncation, weights = squared first eigenvector components, by an
 *   implicit QL iteration written here) gives a rule exact for polynomials of degree 2K - 1. The
 *   atom at 0 (r > 1) is included automatically, and since y(s, t) is entire in s the rule
 *   converges geometrically for every r, r = 1 included.</li>
 *   <li>{@link Quadrature#ANGLE} (an independent cross-check): s = 1 + r + 2 sqrt(r) cos(theta)
 *   turns the continuous part into (2/pi) sin^2(theta) / s d theta, integrated by Gauss-Chebyshev
 *   of the second kind, theta_j = j pi / (K + 1), weight (2 / (K + 1)) sin^2(theta_j) / s_j; the
 *   atom is a separate node s = 0 of weight 1 - 1/r. The 1/s pole limits the rate to about
 *   min(r, 1/r)^K, so this rule is poor near r = 1.</li>
 * </ul>
 * {@link #evaluate} doubles K (32, 64, 128, ...) while dividing tol by 10 (1e-11, 1e-12, ..., at
 * least 1e-14) and stops when two successive resolutions agree to the target (default 1e-12
 * relative to max(1, |value|)); it returns the finer value and, as its error estimate, the
 * difference from the coarser one (a conservative bound, since the finer value is much better).
 * l(0) and q(0) are taken from the same discrete system (they equal -v + v^2/2 and v^2/2 - v up to
 * rounding, since the rule integrates 1 and s exactly).
 */
public final class NarrowLatentOracle {
  private NarrowLatentOracle() {}

  /** Which discretization of MP_r. */
  public enum Quadrature {
    /** Gauss rule of MP_r (Golub-Welsch on its Jacobi matrix). */
    GAUSS_MP,
    /** Gauss-Chebyshev (second kind) in the angle theta, plus the atom as a node. */
    ANGLE
  }

  /**
   * One evaluation. train/population are l(tau) - l(0) and q(tau) - q(0); the errors are the
   * differences from the next coarser resolution; norm2 = R(tau), alignment = A(tau); nodes = K of
   * the returned (finer) resolution.
   */
  public record Value(double train, double population, double trainError,
      double populationError, double norm2, double alignment, int nodes) {}

  /** {train, population} at (v, r, tau), about 1e-12 accurate. */
  public static double[] trainAndPopulation(double v, double r, double tau) {
    Value value = evaluate(v, r, tau);
    return new double[] {value.train(), value.population()};
  }

  /** Adaptive evaluation with the Gauss rule of MP_r and target 1e-12. */
  public static Value evaluate(double v, double r, double tau) {
    return evaluate(v, r, tau, Quadrature.GAUSS_MP, 1e-12);
  }

  /** Adaptive evaluation: doubles K and tightens tol until two resolutions agree to target. */
  public static Value evaluate(double v, double r, double tau, Quadrature quadrature,
      double target) {
    check(v, r, tau);
    int nodes = 32;
    double tol = 1e-11;
    Value previous = solve(v, r, tau, quadrature, nodes, tol);
    while (true) {
      nodes *= 2;
      tol = Math.max(1e-14, tol / 10);
      Value next = solve(v, r, tau, quadrature, nodes, tol);
      double dTrain = Math.abs(next.train() - previous.train());
      double dPop = Math.abs(next.population() - previous.population());
      Value out = new Value(next.train(), next.population(), dTrain, dPop, next.norm2(),
          next.alignment(), nodes);
      boolean converged = dTrain <= target * Math.max(1, Math.abs(next.train()))
          && dPop <= target * Math.max(1, Math.abs(next.population()));
      if (converged || nodes >= 1024) {
        return out;
      }
      previous = next;
    }
  }

  /**
   * One resolution: K = nodes quadrature points, DormandPrince853 with relative tolerance tol
   * (absolute tolerance tol * 1e-3 per component). The error fields are NaN.
   */
  public static Value solve(double v, double r, double tau, Quadrature quadrature, int nodes,
      double tol) {
    check(v, r, tau);
    double[][] rule = quadrature == Quadrature.GAUSS_MP ? gaussRule(r, nodes) : angleRule(r, nodes);
    double[] s = rule[0];
    double[] w = rule[1];
    int n = s.length;
    double[] u0 = new double[n];
    for (int j = 0; j < n; j++) {
      u0[j] = v * w[j];
    }
    double r0 = sum(u0);
    double a0 = dot(s, u0);
    double[] u = u0;
    if (tau > 0) {
      OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
        @Override
        public int getDimension() {
          return n;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
          double norm2 = sum(y);
          double align = dot(s, y);
          double[] dy = new double[n];
          for (int j = 0; j < n; j++) {
            dy[j] = 2 * y[j] * ((2 - norm2) * s[j] - align);
          }
          return dy;
        }
      };
      DormandPrince853Integrator integrator =
          new DormandPrince853Integrator(1e-14 * tau, tau, tol * 1e-3, tol);
      ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0, u0), tau);
      u = end.getPrimaryState();
    }
    double rt = sum(u);
    double at = dot(s, u);
    double train = (-at + rt * at / 2) - (-a0 + r0 * a0 / 2);
    double population = (rt * rt / 2 - rt) - (r0 * r0 / 2 - r0);
    return new Value(train, population, Double.NaN, Double.NaN, rt, at, nodes);
  }

  // ---------------------------------------------------------------- quadratures

  /**
   * Gauss rule of MP_r: {nodes, weights}, K = nodes, by Golub-Welsch on the Jacobi matrix with
   * diagonal (1, 1 + r, ..., 1 + r) and off-diagonal sqrt r.
   */
  public static double[][] gaussRule(double r, int nodes) {
    double[] d = new double[nodes];
    double[] e = new double[nodes];
    double sr = Math.sqrt(r);
    for (int i = 0; i < nodes; i++) {
      d[i] = i == 0 ? 1 : 1 + r;
      e[i] = i + 1 < nodes ? sr : 0;
    }
    double[] z = new double[nodes];
    z[0] = 1;
    tridiagonalQl(d, e, z);
    double[] w = new double[nodes];
    for (int i = 0; i < nodes; i++) {
      w[i] = z[i] * z[i];
    }
    return new double[][] {d, w};
  }

  /**
   * Gauss-Chebyshev (second kind) rule in theta for the continuous part of MP_r, plus the atom
   * (node 0, weight 1 - 1/r) when r > 1: {nodes, weights}.
   */
  public static double[][] angleRule(double r, int nodes) {
    boolean atom = r > 1;
    int n = nodes + (atom ? 1 : 0);
    double[] s = new double[n];
    double[] w = new double[n];
    double sr = Math.sqrt(r);
    for (int j = 1; j <= nodes; j++) {
      double theta = j * Math.PI / (nodes + 1);
      double sin = Math.sin(theta);
      s[j - 1] = 1 + r + 2 * sr * Math.cos(theta);
      w[j - 1] = 2.0 / (nodes + 1) * sin * sin / s[j - 1];
    }
    if (atom) {
      s[nodes] = 0;
      w[nodes] = 1 - 1 / r;
    }
    return new double[][] {s, w};
  }

  /**
   * Eigenvalues of the symmetric tridiagonal matrix (diagonal d, off-diagonal e[i] between i and
   * i + 1, e[n - 1] = 0) by the implicit QL method, overwriting d; z holds one row of the
   * eigenvector matrix (start with e_0 to get the first components). Rotations as in tqli.
   */
  static void tridiagonalQl(double[] d, double[] e, double[] z) {
    int n = d.length;
    for (int l = 0; l < n; l++) {
      int iter = 0;
      int m;
      do {
        for (m = l; m < n - 1; m++) {
          double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
          if (Math.abs(e[m]) + dd == dd) {
            break;
          }
        }
        if (m != l) {
          if (iter++ == 100) {
            throw new ArithmeticException("QL iteration did not converge");
          }
          double g = (d[l + 1] - d[l]) / (2 * e[l]);
          double rr = Math.hypot(g, 1);
          g = d[m] - d[l] + e[l] / (g + Math.copySign(rr, g));
          double s = 1;
          double c = 1;
          double p = 0;
          boolean underflow = false;
          for (int i = m - 1; i >= l; i--) {
            double f = s * e[i];
            double b = c * e[i];
            rr = Math.hypot(f, g);
            e[i + 1] = rr;
            if (rr == 0) {
              d[i + 1] -= p;
              e[m] = 0;
              underflow = true;
              break;
            }
            s = f / rr;
            c = g / rr;
            g = d[i + 1] - p;
            rr = (d[i] - g) * s + 2 * c * b;
            p = s * rr;
            d[i + 1] = g + p;
            g = c * rr - b;
            f = z[i + 1];
            z[i + 1] = s * z[i] + c * f;
            z[i] = c * z[i] - s * f;
          }
          if (underflow) {
            continue;
          }
          d[l] -= p;
          e[l] = g;
          e[m] = 0;
        }
      } while (m != l);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void check(double v, double r, double tau) {
    if (!(v >= 0) || !(r > 0) || !(tau >= 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("need v >= 0, r > 0, 0 <= tau < inf");
    }
  }

  private static double sum(double[] y) {
    double acc = 0;
    for (double x : y) {
      acc += x;
    }
    return acc;
  }

  private static double dot(double[] s, double[] y) {
    double acc = 0;
    for (int j = 0; j < y.length; j++) {
      acc += s[j] * y[j];
    }
    return acc;
  }
}
