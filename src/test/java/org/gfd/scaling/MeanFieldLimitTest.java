package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.oracle.MeanFieldOracle;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Symmetric CP of order 2 (T = U^T U) on the mean-field ray H = h p, sigma2 = v/p: the limit
 * coefficients against the Taylor coefficients of 1/2 Integral (lambda(t) - 1)^2 dMP(lambda_0) with
 * lambda' = 4 lambda (1 - lambda) (DESIGN section 4), computed by an oracle written separately.
 */
class MeanFieldLimitTest {
  private static final int ORDER = 10;

  @ParameterizedTest(name = "h={0} v={1}")
  @CsvSource({"1/2, 1", "2, 1", "1, 1", "3/2, 2/3"})
  void limitIsTheMarchenkoPasturIntegralOfTheLogisticFlow(String h, String v) {
    LossSeries series = LossSeriesEngine.compute(CpModels.cp(2, true, Target.IDENTITY), ORDER,
        WorkBudget.unlimited(), s -> {});
    Ray ray = new Ray(Map.of(Variable.H, Rational.ONE, Variable.SIGMA2, Rational.MINUS_ONE),
        Map.of(Variable.H, Rational.parse(h), Variable.SIGMA2, Rational.parse(v)), Optional.empty(), Optional.empty());
    RayLimit limit = RayLimits.analyze(series.coefficients(), ray);
    assertTrue(limit.isAdmissible(), limit.reason());
    assertEquals(Rational.ONE, limit.normExponent(), "E[L]/p");
    assertEquals(Rational.ZERO, limit.timeExponent().orElseThrow(), "t itself");
    List<String> expected = MeanFieldOracle.limitCoefficients(h, v, ORDER);
    for (int s = 0; s <= ORDER; s++) {
      assertEquals(Polynomial.constant(Rational.parse(expected.get(s))), limit.limitCoefficient(s), "hat c_" + s);
    }
  }
}
