package org.gfd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Ray;
import org.gfd.scaling.Verification;
import org.junit.jupiter.api.Test;

/**
 * The limit of an observable other than the loss on a ray: the time scale is the loss's (the flow
 * follows the loss), the normalization the observable's. For the autoencoder the population loss
 * equals the train loss at t = 0 (both are 1/2 E|W^T W - I|^2), so their hat c_0 agree, and c is
 * the loss's.
 */
class ObservableLimitTest {
  @Test
  void populationLossTakesTheLossesTimeScale() {
    Model model = ModelLoader.builtIn("autoencoder", Map.of());
    Map<Variable, Rational> exponents = new LinkedHashMap<>();
    exponents.put(Variable.H, Rational.ONE);
    exponents.put(Variable.SIGMA2, Rational.MINUS_ONE);
    exponents.put(Variable.N, Rational.of(2));
    Ray ray = new Ray(exponents, Map.of(), Optional.empty(), Optional.empty());
    Verification loss = Gfd.verify(model, ray, 3, WorkBudget.unlimited(), s -> {});
    Verification population = Gfd.verify(model, "population", ray, 3, WorkBudget.unlimited(), s -> {});
    assertEquals(loss.limit().timeExponent(), population.limit().timeExponent());
    assertEquals(loss.limit().normExponent(), population.limit().normExponent());
    assertEquals(loss.limit().limitCoefficient(0), population.limit().limitCoefficient(0));
    assertEquals(loss.point(), population.point());
    assertThrows(InputException.class, () -> Gfd.verify(model, "nonsense", ray, 3, WorkBudget.unlimited(), s -> {}));
  }
}
