package org.gfd.dmft;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.model.Species;
import org.gfd.scaling.Ray;

/**
 * One DMFT problem: a model of the class at {@code n = m p}, {@code p -> infinity}, with numbers
 * for everything. Both losses are per coordinate: train {@code L / p}, test
 * {@code 1/2 |f - b|^2 / p}, which is the ray limit with {@code e = 1}, {@code c = 0}.
 *
 * @param site the recognised model
 * @param alpha {@code p / n = 1 / m}
 * @param variances the variance of each trainable number at {@code t = 0}, in the site's order
 * @param teacherVariance the teacher's variance (0 without a teacher)
 * @param numbers the values as a reader checks them, by the names written ({@code m = 2, sigma2 = 1})
 */
public record DmftProblem(SiteModel site, double alpha, double[] variances, double teacherVariance,
    Map<String, Double> numbers) {
  public DmftProblem {
    Objects.requireNonNull(site);
    variances = variances.clone();
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    if (!(alpha >= 0) || variances.length != site.parameters().size() || !(teacherVariance >= 0)) {
      throw new IllegalArgumentException("alpha " + alpha + ", " + variances.length + " variances, teacher variance "
          + teacherVariance);
    }
  }

  /** A problem given by its numbers, named {@code m} only. */
  public DmftProblem(SiteModel site, double alpha, double[] variances, double teacherVariance) {
    this(site, alpha, variances, teacherVariance, Map.of("m", 1 / alpha));
  }

  /**
   * The problem on a ray of the proportional limit: {@code n = m p} and every variance fixed
   * ({@code sigma2 = v p^0}), the constants from the ray ({@code n=2*p}) or from {@code set}
   * ({@code m=2}).
   *
   * @throws InputException when the ray is not of that kind or a constant has no value
   */
  public static DmftProblem on(SiteModel site, Ray ray, Map<String, Rational> set) {
    Map<Variable, Double> values = new LinkedHashMap<>();
    values.put(Variable.N, value(ray, set, Variable.N, Rational.ONE));
    for (Variable x : site.varianceSymbols()) {
      values.put(x, value(ray, set, x, Rational.ZERO));
    }
    double[] variances = new double[site.parameters().size()];
    for (int q = 0; q < variances.length; q++) {
      variances[q] = evaluate(site.parameters().get(q).variance(), values);
    }
    double teacher = site.teacher().map(Species::variance).map(v -> evaluate(v, values)).orElse(0.0);
    Map<String, Double> numbers = new LinkedHashMap<>();
    values.forEach((x, v) -> numbers.put(x.equals(Variable.N) ? Ray.constantOf(x).name() : x.name(), v));
    return new DmftProblem(site, 1 / values.get(Variable.N), variances, teacher, numbers);
  }

  private static double value(Ray ray, Map<String, Rational> set, Variable x, Rational exponent) {
    Rational a = ray.exponents().get(x);
    String needed = x.equals(Variable.N) ? "n = m p" : x.name() + " = " + Ray.constantOf(x).name() + " p^0";
    if (a == null || !a.equals(exponent)) {
      throw new InputException("dmft solves the proportional limit, " + needed + " on the ray; --scale has "
          + (a == null ? "no " + x.name() : x.name() + " = p^(" + a + ")"));
    }
    Rational k = ray.constantValues().get(x);
    if (k == null) {
      k = set.get(Ray.constantOf(x).name());
    }
    if (k == null) {
      throw new InputException("give the constant " + Ray.constantOf(x).name() + " of " + x.name() + " a value: --set \""
          + Ray.constantOf(x).name() + "=1\" or --scale \"" + x.name() + "=2*p" + (exponent.isZero() ? "^0" : "") + "\"");
    }
    return k.doubleValue();
  }

  private static double evaluate(Monomial m, Map<Variable, Double> values) {
    double x = 1;
    for (Map.Entry<Variable, Integer> pw : m.powers().entrySet()) {
      Double v = values.get(pw.getKey());
      if (v == null) {
        throw new InputException("the variance " + m + " uses " + pw.getKey().name() + ", which dmft has no value for");
      }
      x *= Math.pow(v, pw.getValue());
    }
    return x;
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
