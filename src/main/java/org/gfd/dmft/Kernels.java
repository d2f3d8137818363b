package org.gfd.dmft;

/**
 * The order parameters of the discrete-time DMFT on the time steps {@code 0..K}, filled one time
 * row at a time (everything is causal, so row {@code k} needs only rows {@code <= k}).
 *
 * <p>The parameter site gives {@code C_e(k, l) = E[e(k) e(l)]} and the response
 * {@code R_e(k, l) = E[d e(k) / d g(l)]} ({@code l < k}). The data site is linear, so its order
 * parameters follow from those in matrices, with {@code alpha = p / n}:
 *
 * <pre>  R_r = (I - alpha R_e)^(-1),   C_r = R_r C_e R_r^T,   C_psi = alpha C_r</pre>
 *
 * {@code C_psi} is the covariance of the field {@code psi} the data exert on a parameter site;
 * {@link #cholesky} holds its lower Cholesky factor, with which a site draws {@code psi = L z}.
 * A mutable workspace owned by one solve; not thread safe.
 */
final class Kernels {
  final int steps;
  final double alpha;
  /** {@code C_e}, symmetric; row {@code k} filled for columns {@code <= k}. */
  final double[][] ce;
  /** {@code R_e}, strictly lower triangular. */
  final double[][] re;
  /** {@code R_r}, unit lower triangular. */
  final double[][] rr;
  /** {@code C_r}, symmetric. */
  final double[][] cr;
  /** The lower Cholesky factor of {@code alpha C_r}, innovations below {@link #INNOVATION_FLOOR} dropped. */
  final double[][] cholesky;
  private final double[][] rrCe;

  /**
   * Innovations of the field smaller than this fraction of its variance are dropped (the step adds
   * no new draw). The field of a smooth flow is nearly determined by its past: its innovations
   * shrink fast from step to step, and below about {@code 1e-9} of the variance they are the
   * rounding and sampling error of {@code C_r}. Kept, those meaningless draws enter through Cholesky
   * entries divided by their tiny diagonal, and a sampled diagonal network drifts away from
   * {@code t = 1} on (its self-check fails; floors of {@code 1e-14} to {@code 1e-10} drift,
   * {@code 1e-8} and {@code 1e-6} hold to {@code t = 2}). Dropping an innovation {@code s} changes
   * the field's covariance by at most {@code sqrt(s)} relative, here {@code 1e-3}, far below the
   * sampling error. An affine site never uses the factor.
   */
  static final double INNOVATION_FLOOR = 1e-6;

  Kernels(int steps, double alpha) {
    this.steps = steps;
    this.alpha = alpha;
    ce = new double[steps + 1][steps + 1];
    re = new double[steps + 1][steps + 1];
    rr = new double[steps + 1][steps + 1];
    cr = new double[steps + 1][steps + 1];
    cholesky = new double[steps + 1][steps + 1];
    rrCe = new double[steps + 1][steps + 1];
  }

  /** Stores {@code C_e(k, l)} for {@code l <= k} (and its mirror) and {@code R_e(k, l)} for {@code l < k}. */
  void setSiteRow(int k, double[] correlations, double[] responses) {
    for (int l = 0; l <= k; l++) {
      ce[k][l] = correlations[l];
      ce[l][k] = correlations[l];
    }
    for (int l = 0; l < k; l++) {
      re[k][l] = responses[l];
    }
  }

  /** Fills row {@code k} of {@code R_r}, {@code C_r} and the Cholesky factor, from rows {@code <= k} of the site's. */
  void dataRow(int k) {
    double[] x = rr[k];
    x[k] = 1;
    for (int j = 0; j < k; j++) {
      double s = 0;
      for (int l = j; l < k; l++) {
        s += re[k][l] * rr[l][j];
      }
      x[j] = alpha * s;
    }
    double[] m = rrCe[k];
    for (int b = 0; b <= k; b++) {
      double s = 0;
      for (int a = 0; a <= k; a++) {
        s += x[a] * ce[a][b];
      }
      m[b] = s;
    }
    for (int l = 0; l <= k; l++) {
      double s = 0;
      for (int b = 0; b <= l; b++) {
        s += m[b] * rr[l][b];
      }
      cr[k][l] = s;
      cr[l][k] = s;
    }
    double[] c = cholesky[k];
    for (int j = 0; j < k; j++) {
      double s = alpha * cr[k][j];
      for (int i = 0; i < j; i++) {
        s -= c[i] * cholesky[j][i];
      }
      c[j] = cholesky[j][j] > 0 ? s / cholesky[j][j] : 0;
    }
    double s = alpha * cr[k][k];
    for (int i = 0; i < k; i++) {
      s -= c[i] * c[i];
    }
    c[k] = s > INNOVATION_FLOOR * alpha * cr[k][k] ? Math.sqrt(s) : 0;
  }
}
