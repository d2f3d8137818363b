package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.oracle.DiagonalNetworkOracle;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The diagonal network {@code f = u v} ({@code tests/models/diagonal-network.gfd}) on {@code n = m p},
 * {@code sigma2 = v}: the engine's limit coefficients {@code hat c_0..hat c_2} of the train and the
 * test loss, symbolic in {@code m} and {@code v}, against {@link DiagonalNetworkOracle}, derived by
 * hand without the engine (and checked there by Monte Carlo at growing p).
 */
class DiagonalNetworkLimitsTest {
  private static final Variable M = Variable.of("m");
  private static final Variable V = Variable.of("v");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"loss", "test"})
  void limitCoefficientsAreTheHandDerivation(String observable) {
    Model model = ModelLoader.file(Path.of("tests/models/diagonal-network.gfd"), Map.of());
    LossSeries series = LossSeriesEngine.compute(model, observable, 2, List.of(), WorkBudget.unlimited(), s -> {});
    Ray ray = new Ray(Map.of(Variable.N, Rational.ONE, Variable.SIGMA2, Rational.ZERO), Map.of(),
        Optional.of(Rational.ZERO), Optional.empty());
    RayLimit limit = RayLimits.analyze(series.coefficients(), ray);
    assertTrue(limit.isAdmissible(), limit.reason());
    assertEquals(Rational.ONE, limit.normExponent(), "E[O]/p");
    String[] expected = observable.equals("loss") ? DiagonalNetworkOracle.train() : DiagonalNetworkOracle.test();
    for (int s = 0; s <= 2; s++) {
      Polynomial.Builder b = new Polynomial.Builder();
      for (Map.Entry<List<Integer>, String> t : DiagonalNetworkOracle.terms(expected[s]).entrySet()) {
        b.add(Rational.parse(t.getValue()), Monomial.of(V, t.getKey().get(0)).multiply(Monomial.of(M, -t.getKey().get(1))));
      }
      assertEquals(b.build(), limit.limitCoefficient(s), observable + ": hat c_" + s);
    }
  }
}
