package org.gfd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.api.Evaluation;
import org.gfd.api.Gfd;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.oracle.NarrowLatentOracle;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RaySyntax;
import org.gfd.summation.Summation;
import org.gfd.summation.UnitFlow;
import org.junit.jupiter.api.Test;

/**
 * The autoencoder's narrow-latent face ({@code H = h p^(1/2), sigma2 = v / p, n = m p}) end to
 * end: engine, evolving normalization, the strategy of independent units, and the values of its
 * flow, against what was derived by hand and an oracle written separately.
 *
 * <p>By hand: with {@code H << p} the rows {@code w} of {@code W} stay nearly orthogonal, and the
 * train loss {@code 1/2 tr((W^T W - I)^2 Sigma)} is {@code tr(Sigma)/2} plus a sum over units of
 * {@code -w^T Sigma w + |w|^2 (w^T Sigma w) / 2} (cross terms are of relative order {@code H/p});
 * the population loss likewise is {@code p/2} plus a sum of {@code |w|^4/2 - |w|^2}. So each unit
 * follows the potential {@code phi = -A + R A / 2} and the population loss observes
 * {@code psi = R^2/2 - R}, and the first limit coefficient of the train loss is {@code h (-4v -
 * 4v/m + 8v^2 + 4v^2/m - 4v^3 - v^3/m)}. Values: {@link NarrowLatentOracle}, which integrates the
 * flow of a unit over a Gauss rule of the Marchenko-Pastur law, without the reduction to two
 * equations the strategy uses.
 */
class UnitFlowsTest {
  private static final Model AUTOENCODER = ModelLoader.builtIn("autoencoder", Map.of());
  private static final String NARROW = "H=p^(1/2), sigma2=p^(-1), n=p";
  private static final Variable R = UnitFlow.R;
  private static final Variable A = UnitFlow.A;

  private static Evaluation eval(String observable, Map<String, Rational> set, TauGrid grid) {
    Ray ray = RaySyntax.scale(NARROW, Gfd.rayVariables(AUTOENCODER), Optional.empty(), Optional.empty());
    return Gfd.evaluate(AUTOENCODER, observable, ray, 6, set, Optional.empty(), List.of(Summation.strategies().get("units")),
        grid, 16, WorkBudget.unlimited(), s -> { });
  }

  private static Polynomial term(Rational c, int r, int a) {
    return Polynomial.term(c, Monomial.of(R, r).multiply(Monomial.of(A, a)));
  }

  private static void assertValues(Evaluation e, double h, double v, double r, boolean train) {
    Curve c = e.curve();
    assertEquals(Curve.Method.CLOSED_FORM, c.method(), e.solution().summation().tried().toString());
    assertTrue(c.failure().isEmpty(), c.failure().toString());
    for (CurvePoint p : c.points()) {
      double[] oracle = NarrowLatentOracle.trainAndPopulation(v, r, p.tau().doubleValue());
      double expected = h * (train ? oracle[0] : oracle[1]);
      double got = p.value().doubleValue();
      assertTrue(Math.abs(got - expected) <= 1e-10 * Math.max(1, Math.abs(expected)),
          "tau = " + p.tau() + ": " + got + " against the oracle's " + expected);
      assertTrue(p.error().doubleValue() <= 1e-9, "tau = " + p.tau() + ": error estimate " + p.error());
    }
  }

  @Test
  void theTrainLossIsTheFlowOfIndependentUnits() {
    Evaluation e = eval("loss", Map.of("h", Rational.ONE, "v", Rational.HALF, "m", Rational.of(2)),
        TauGrid.parse("--tau", "0:3:1/2"));
    UnitFlow flow = e.solution().summation().closedForm().orElseThrow().units().orElseThrow();
    Polynomial phi = term(Rational.MINUS_ONE, 0, 1).add(term(Rational.HALF, 1, 1));
    assertEquals(phi, flow.potential());
    assertEquals(phi, flow.observed());
    assertValues(e, 1, 0.5, 0.5, true);
  }

  @Test
  void theFirstCoefficientIsTheOneDerivedByHand() {
    Ray ray = RaySyntax.scale(NARROW, Gfd.rayVariables(AUTOENCODER), Optional.empty(), Optional.empty());
    Polynomial c1 = Gfd.verify(AUTOENCODER, ray, 3, WorkBudget.unlimited(), s -> { }).limit().limitCoefficients().get(1);
    Variable h = Variable.of("h");
    Variable v = Variable.of("v");
    Variable m = Variable.of("m");
    int[][] terms = {{-4, 1, 0}, {-4, 1, -1}, {8, 2, 0}, {4, 2, -1}, {-4, 3, 0}, {-1, 3, -1}};
    Polynomial.Builder b = new Polynomial.Builder();
    for (int[] t : terms) {
      b.add(Rational.of(t[0]), Monomial.of(h, 1).multiply(Monomial.of(v, t[1])).multiply(Monomial.of(m, t[2])));
    }
    assertEquals(b.build(), c1);
  }

  @Test
  void thePopulationLossIsObservedAlongTheTrainLossesFlow() {
    Evaluation e = eval("population", Map.of("h", Rational.of(2), "v", Rational.of(3, 2), "m", Rational.of(2)),
        TauGrid.parse("--tau", "0:2:1/2"));
    UnitFlow flow = e.solution().summation().closedForm().orElseThrow().units().orElseThrow();
    assertEquals(term(Rational.MINUS_ONE, 0, 1).add(term(Rational.HALF, 1, 1)), flow.potential());
    assertEquals(term(Rational.MINUS_ONE, 1, 0).add(term(Rational.HALF, 2, 0)), flow.observed());
    assertValues(e, 2, 1.5, 0.5, false);
  }

  @Test
  void fewerSamplesThanDimensionsPutsMassAtZero() {
    // m = 1/2: the data law has ratio 2 and a mass 1/2 at 0
    Evaluation e = eval("loss", Map.of("h", Rational.ONE, "v", Rational.HALF, "m", Rational.HALF), TauGrid.parse("--tau", "0:2:1/2"));
    assertValues(e, 1, 0.5, 2, true);
  }
}
