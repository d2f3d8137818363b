package org.gfd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.api.Evaluation;
import org.gfd.api.Gfd;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.oracle.AutoencoderMeanFieldOracle;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RaySyntax;
import org.gfd.summation.Summation;
import org.gfd.summation.SummationResult;
import org.junit.jupiter.api.Test;

/**
 * The closed forms that are averages over a Marchenko-Pastur law, end to end (engine, limit,
 * summation, quadrature), against values computed without the engine:
 *
 * <ul>
 *   <li>the autoencoder's mean-field face ({@code H = h p^(3/2), sigma2 = v p^(-3/2), n = m p}),
 *       where each eigendirection of the data moves at the speed of its eigenvalue: its limit
 *       coefficients and values against {@link AutoencoderMeanFieldOracle} (written from the
 *       mathematics by another hand), for the train loss and for the population loss with fewer
 *       samples than dimensions (a mass of the law at 0, directions that never learn);
 *   <li>the autoencoder's large-data face ({@code H = h p, sigma2 = v / p, n = m p^(3/2)}), an
 *       average over the initial spectrum of {@code W^T W}, against the Marchenko-Pastur integral
 *       of the logistic flow in {@link EvalAgainstIndependentValuesTest} (the population dynamics
 *       of symmetric CP of order 2, to which training on many samples tends);
 *   <li>a certificate that fails when one held-out coefficient is changed.
 * </ul>
 */
class SpectralAveragesTest {
  private static final int DIGITS = 20;
  private static final Model AUTOENCODER = ModelLoader.builtIn("autoencoder", Map.of());
  private static final String MEAN_FIELD = "H=p^(3/2), sigma2=p^(-3/2), n=p";

  private static Ray ray(String scale) {
    return RaySyntax.scale(scale, Gfd.rayVariables(AUTOENCODER), Optional.empty(), Optional.empty());
  }

  /** The limit curve by one strategy (which strategy comes first among all is not the question here). */
  private static Evaluation eval(String observable, String scale, int order, Map<String, Rational> set, String strategy,
      TauGrid grid) {
    return Gfd.evaluate(AUTOENCODER, observable, ray(scale), order, set, Optional.empty(),
        List.of(Summation.strategies().get(strategy)), grid, DIGITS, WorkBudget.unlimited(), s -> { });
  }

  private static void assertMeanField(String observable, Rational h, Rational v, Rational m, List<Rational> oracle, double[] values,
      TauGrid grid) {
    Evaluation e = eval(observable, MEAN_FIELD, oracle.size() - 1, Map.of("h", h, "v", v, "m", m), "data-spectrum", grid);
    List<Polynomial> expected = oracle.stream().map(Polynomial::constant).toList();
    assertEquals(expected, e.solution().coefficients(), "the limit coefficients against the oracle's");
    Curve c = e.curve();
    assertEquals(Curve.Method.CLOSED_FORM, c.method(), e.solution().summation().tried().toString());
    assertEquals("average over the data spectrum", e.solution().summation().closedForm().orElseThrow().strategy());
    assertTrue(c.failure().isEmpty(), c.failure().toString());
    for (int i = 0; i < values.length; i++) {
      CurvePoint p = c.points().get(i);
      double got = p.value().doubleValue();
      assertTrue(Math.abs(got - values[i]) <= 1e-11 * Math.abs(values[i]), "tau = " + p.tau() + ": " + got + " against " + values[i]);
      assertTrue(p.digits() >= 15, "tau = " + p.tau() + ": " + p.digits() + " digits");
    }
  }

  private static double[] values(TauGrid grid, java.util.function.DoubleUnaryOperator f) {
    return grid.points().stream().mapToDouble(t -> f.applyAsDouble(t.doubleValue())).toArray();
  }

  @Test
  void meanFieldTrainLossIsAnAverageOverTheDataSpectrum() {
    // x = h v = 1/2, r = 1/m = 1/2
    TauGrid grid = TauGrid.parse("--tau", "0:2:1");
    assertMeanField(Model.LOSS, Rational.ONE, Rational.HALF, Rational.of(2),
        AutoencoderMeanFieldOracle.train(Rational.HALF, Rational.HALF, 7),
        values(grid, t -> AutoencoderMeanFieldOracle.trainValue(0.5, 0.5, t)), grid);
  }

  @Test
  void meanFieldPopulationLossKeepsTheDirectionsNoSampleSpans() {
    // x = h v = 3/2, r = 1/m = 2: half of the directions carry no data and keep (1 - x)^2 / 2
    TauGrid grid = TauGrid.parse("--tau", "0:3:1");
    assertMeanField("population", Rational.of(3), Rational.HALF, Rational.HALF,
        AutoencoderMeanFieldOracle.population(Rational.of(3, 2), Rational.of(2), 7),
        values(grid, t -> AutoencoderMeanFieldOracle.populationValue(1.5, 2.0, t)), grid);
  }

  @Test
  void largeDataLimitIsTheLogisticFlowAveragedOverTheInitialSpectrum() {
    // h = 1/2, v = 1, as EvalAgainstIndependentValuesTest's integral; m does not enter the limit
    TauGrid grid = TauGrid.parse("--tau", "1/2:2:3/2");
    Evaluation e = eval(Model.LOSS, "H=p, sigma2=p^-1, n=p^(3/2)", 8,
        Map.of("h", Rational.HALF, "v", Rational.ONE, "m", Rational.ONE), "initial-spectrum", grid);
    Curve c = e.curve();
    assertEquals(Curve.Method.CLOSED_FORM, c.method(), e.solution().summation().tried().toString());
    assertEquals("average over the initial spectrum", e.solution().summation().closedForm().orElseThrow().strategy());
    for (CurvePoint p : c.points()) {
      Apfloat exact = EvalAgainstIndependentValuesTest.marchenkoPastur(p.tau(), 512);
      Apfloat difference = ApfloatMath.abs(p.value().subtract(exact));
      assertTrue(difference.compareTo(exact.multiply(ApfloatMath.pow(new Apfloat(10, 40), -(DIGITS - 1)))) < 0,
          "tau = " + p.tau() + ": " + p.value() + " against " + exact);
    }
  }

  @Test
  void aChangedHeldOutOrderIsNotCertified() {
    Ray ray = ray(MEAN_FIELD);
    List<Polynomial> general = new ArrayList<>(Gfd.verify(AUTOENCODER, ray, 7, WorkBudget.unlimited(), s -> { }).limit()
        .limitCoefficients());
    Map<Variable, Rational> values = Map.of(Ray.constantOf(Variable.H), Rational.ONE, Ray.constantOf(Variable.SIGMA2), Rational.HALF,
        Ray.constantOf(Variable.N), Rational.of(2));
    List<org.gfd.summation.Strategy> spectral = List.of(Summation.strategies().get("data-spectrum"));
    assertTrue(Summation.solve(general, values, spectral, WorkBudget.unlimited()).closedForm().isPresent());
    int last = general.size() - 1;
    general.set(last, general.get(last).add(Polynomial.constant(Rational.of(1, 1000))));
    SummationResult r = Summation.solve(general, values, spectral, WorkBudget.unlimited());
    assertTrue(r.closedForm().isEmpty(), r.tried().toString());
    assertTrue(r.tried().get(0).account().contains("differ at order " + last), r.tried().get(0).account());
  }
}
