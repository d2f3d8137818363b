package org.gfd.dmft;

import java.util.Objects;

/**
 * One DMFT problem: a model of the class at {@code n = m p}, {@code p -> infinity}, with numbers
 * for everything. Both losses are per coordinate: train {@code L / p}, test
 * {@code 1/2 |f - b|^2 / p}, which is the ray limit with {@code e = 1}, {@code c = 0}.
 *
 * @param site the recognised model
 * @param alpha {@code p / n = 1 / m}
 * @param variances the variance of each trainable number at {@code t = 0}, in the site's order
 * @param teacherVariance the teacher's variance (0 without a teacher)
 */
public record DmftProblem(SiteModel site, double alpha, double[] variances, double teacherVariance) {
  public DmftProblem {
    Objects.requireNonNull(site);
    variances = variances.clone();
    if (!(alpha >= 0) || variances.length != site.parameters().size() || !(teacherVariance >= 0)) {
      throw new IllegalArgumentException("alpha " + alpha + ", " + variances.length + " variances, teacher variance "
          + teacherVariance);
    }
  }

  /** Whether the equations close in matrices (an affine {@code f}): then the solution has no sampling error. */
  public boolean exact() {
    return site.f().affine();
  }

  /** {@code E[e(0)^2]} of an affine site: {@code f(0)^2 + sum_q c_q^2 var_q + var_b}. */
  double affineSecondMoment() {
    SiteFunction f = site.f();
    double m = Math.pow(f.constant().doubleValue(), 2) + teacherVariance;
    for (int q = 0; q < variances.length; q++) {
      m += Math.pow(f.linearCoefficient(q).doubleValue(), 2) * variances[q];
    }
    return m;
  }
}
