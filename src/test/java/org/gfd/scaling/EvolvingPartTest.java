package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;

/**
 * The normalization of the part that evolves. On a hand-made series whose constant part
 * ({@code p}) dwarfs a moving part ({@code p^(1/2) (1 - t + t^2/2 - ...)}, an exponential), the
 * usual normalization leaves order 0 alone and the evolving one recovers {@code e = 1/2},
 * {@code c = 0} and the exponential's coefficients. On the autoencoder's narrow-latent ray
 * ({@code H = p^(1/2)}) every order then survives, and each is linear in {@code h} (the latent
 * units evolve independently).
 */
class EvolvingPartTest {
  @Test
  void aConstantBackgroundIsSetAside() {
    Variable h = Variable.H;
    List<Polynomial> c = List.of(
        Polynomial.term(Rational.ONE, Monomial.of(Variable.P, 1)).add(Polynomial.term(Rational.ONE, Monomial.of(h, 1))),
        Polynomial.term(Rational.MINUS_ONE, Monomial.of(h, 1)),
        Polynomial.term(Rational.ONE, Monomial.of(h, 1)),
        Polynomial.term(Rational.MINUS_ONE, Monomial.of(h, 1)));
    Ray ray = new Ray(Map.of(h, Rational.HALF), Map.of(h, Rational.ONE), Optional.empty(), Optional.empty());
    RayLimit usual = RayLimits.analyze(c, ray);
    assertEquals(Rational.ONE, usual.normExponent());
    RayLimit evolving = RayLimits.analyzeEvolving(c, ray);
    assertEquals(Rational.HALF, evolving.normExponent());
    assertEquals(Optional.of(Rational.ZERO), evolving.timeExponent());
    assertEquals(List.of(1, 2, 3), evolving.survivingOrders());
    assertEquals(Polynomial.constant(Rational.MINUS_ONE), evolving.limitCoefficient(1));
    assertEquals(Polynomial.constant(Rational.ONE), evolving.limitCoefficient(2));
    assertThrows(IllegalArgumentException.class, () -> RayLimits.analyzeEvolving(List.of(c.get(0), Polynomial.ZERO), ray));
  }

  @Test
  void narrowLatentAutoencoderEvolvesUnitByUnit() {
    LossSeries series = LossSeriesEngine.compute(ModelLoader.builtIn("autoencoder", Map.of()), 4, WorkBudget.unlimited(), s -> {});
    Map<Variable, Rational> exponents = new LinkedHashMap<>();
    exponents.put(Variable.H, Rational.HALF);
    exponents.put(Variable.SIGMA2, Rational.MINUS_ONE);
    exponents.put(Variable.N, Rational.ONE);
    Ray ray = new Ray(exponents, Map.of(), Optional.empty(), Optional.empty());
    assertEquals(List.of(4), RayLimits.analyze(series.coefficients(), ray).survivingOrders(), "the usual normalization drifts");
    RayLimit evolving = RayLimits.analyzeEvolving(series.coefficients(), ray);
    assertEquals(List.of(1, 2, 3, 4), evolving.survivingOrders());
    for (int s = 1; s <= 4; s++) {
      for (Monomial m : evolving.limitCoefficient(s).terms().keySet()) {
        assertEquals(1, m.exponent(Ray.constantOf(Variable.H)), "order " + s + ": " + m);
      }
    }
  }

  private static Ray ray(Rational a, Rational b, Rational d) {
    Map<Variable, Rational> exponents = new LinkedHashMap<>();
    exponents.put(Variable.H, a);
    exponents.put(Variable.SIGMA2, b);
    if (d != null) {
      exponents.put(Variable.N, d);
    }
    return new Ray(exponents, Map.of(), Optional.empty(), Optional.empty());
  }

  /**
   * verify chooses the evolving part by itself where the usual normalization keeps only the highest
   * order and the evolving part has every order: the narrow-latent ray, for the loss and for the
   * population loss; not on the mean-field face, and not in a drifting cell of CP, where the
   * evolving part does not have every order either.
   */
  @Test
  void verifyNormalizesTheEvolvingPartWhereTheLeadingPartDoesNotMove() {
    var autoencoder = ModelLoader.builtIn("autoencoder", Map.of());
    Verification narrow = org.gfd.api.Gfd.verify(autoencoder, ray(Rational.HALF, Rational.MINUS_ONE, Rational.ONE), 4,
        WorkBudget.unlimited(), s -> {});
    assertEquals(true, narrow.evolving());
    assertEquals(List.of(1, 2, 3, 4), narrow.limit().survivingOrders());
    assertEquals(Rational.HALF, narrow.limit().normExponent());
    assertEquals(Optional.of(Rational.ZERO), narrow.limit().timeExponent());
    Verification population = org.gfd.api.Gfd.verify(autoencoder, "population", ray(Rational.HALF, Rational.MINUS_ONE, Rational.ONE),
        4, WorkBudget.unlimited(), s -> {});
    assertEquals(true, population.evolving());
    assertEquals(Polynomial.ZERO, population.limit().limitCoefficient(0));
    Verification meanField = org.gfd.api.Gfd.verify(autoencoder, ray(Rational.of(3, 2), Rational.of(-3, 2), Rational.ONE), 4,
        WorkBudget.unlimited(), s -> {});
    assertEquals(false, meanField.evolving());
    Verification drifting = org.gfd.api.Gfd.verify(org.gfd.model.CpModels.cp(2, false, org.gfd.model.Target.IDENTITY),
        ray(Rational.ONE, Rational.of(-2), null), 4, WorkBudget.unlimited(), s -> {});
    assertEquals(false, drifting.evolving());
    assertEquals(List.of(3), drifting.limit().survivingOrders());
  }

  @Test
  void theErrorOfAChangeCancelsTheRunsStartingValues() {
    // two runs that start far apart and change alike: the change has no spread
    double[][] losses = {{100, 90, 80}, {0, -10, -20}};
    assertEquals(0.0, org.gfd.simulate.Comparison.changeError(losses, 2), 0.0);
    // changes -1 and -3: mean -2, standard deviation sqrt(2), standard error 1
    assertEquals(1.0, org.gfd.simulate.Comparison.changeError(new double[][] {{5, 4}, {7, 4}}, 1), 1e-15);
  }
}
