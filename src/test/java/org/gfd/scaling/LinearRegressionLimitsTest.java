package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Linear regression ({@code tests/models/linear-regression.gfd}) on {@code n = m p}, {@code sigma2 = v}:
 * gradient flow moves {@code e = w - b} by {@code exp(-S t)}, {@code S = X X^T / n}, so per
 * coordinate the test loss is {@code (1 + v)/2 int exp(-2 x t) dMP(x)} and the train loss
 * {@code (1 + v)/2 int x exp(-2 x t) dMP(x)}, MP of ratio {@code alpha = 1/m}. The limit coefficients
 * are therefore {@code (1 + v)/2 (-2)^s M_s} (test) and {@code (1 + v)/2 (-2)^s M_(s+1)} (train), with
 * the moments {@code M_q = sum_j N(q, j) alpha^(j-1)} (Narayana numbers), symbolic in {@code m} and {@code v}.
 */
class LinearRegressionLimitsTest {
  private static final int ORDER = 12;
  private static final Variable M = Variable.of("m");
  private static final Variable V = Variable.of("v");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"loss, 1", "test, 0"})
  void limitCoefficientsAreMarchenkoPasturMoments(String observable, int shift) {
    Model model = ModelLoader.file(Path.of("tests/models/linear-regression.gfd"), Map.of());
    LossSeries series = LossSeriesEngine.compute(model, observable, ORDER, java.util.List.of(), WorkBudget.unlimited(), s -> {});
    Ray ray = new Ray(Map.of(Variable.N, Rational.ONE, Variable.SIGMA2, Rational.ZERO), Map.of(),
        Optional.of(Rational.ZERO), Optional.empty());
    RayLimit limit = RayLimits.analyze(series.coefficients(), ray);
    assertTrue(limit.isAdmissible(), limit.reason());
    assertEquals(Rational.ONE, limit.normExponent(), "E[L]/p");
    Polynomial half = Polynomial.constant(Rational.HALF).add(Polynomial.term(Rational.HALF, Monomial.of(V, 1)));
    for (int s = 0; s <= ORDER; s++) {
      Polynomial moment = moment(s + shift).multiply(Rational.of(-2).pow(s));
      assertEquals(half.multiply(moment), limit.limitCoefficient(s), observable + ": hat c_" + s);
    }
  }

  /** {@code M_q = int x^q dMP} as a polynomial in {@code 1/m}. */
  private static Polynomial moment(int q) {
    if (q == 0) {
      return Polynomial.ONE;
    }
    Polynomial.Builder b = new Polynomial.Builder();
    for (int j = 1; j <= q; j++) {
      BigInteger narayana = binomial(q, j).multiply(binomial(q, j - 1)).divide(BigInteger.valueOf(q));
      b.add(Rational.of(narayana), Monomial.of(M, -(j - 1)));
    }
    return b.build();
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger r = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }
}
