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
}
