package org.gfd.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.bruteforce.BruteForceAutoencoder;
import org.gfd.bruteforce.BruteForceModels;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.api.Test;

/**
 * Models written only in the model language against the brute force of
 * {@link BruteForceModels} (explicit polynomials in the entries, literal D, Gaussian moments),
 * and {@link BruteForceAutoencoder}, written separately from the engine and from these files: the
 * user model {@code tests/models/two-layer.gfd} and the built-ins {@code autoencoder} and
 * {@code cp-modular}, whose constant tensor counts solutions of {@code a + b = c} modulo a
 * prime.
 */
class UserModelsAgreementTest {
  @Test
  void twoLayerNetworkWithTeacherAgreesOnOrders0To3() {
    Model model = ModelLoader.file(Path.of("tests/models/two-layer.gfd"), Map.of());
    LossSeries series = series(model, 3);
    for (int[] ph : new int[][] {{1, 1}, {2, 1}, {1, 2}, {2, 2}}) {
      assertEquals(BruteForceModels.twoLayerTeacher(ph[0], ph[1], 3), at(series, ph[0], ph[1], 3),
          "p=" + ph[0] + " H=" + ph[1]);
    }
  }

  /**
   * The weight-tied autoencoder (built-in {@code autoencoder}, a model file like any user's): a {@code 1/(2n)}
   * coefficient (Laurent in {@code n}), data averaged over, and the population loss followed as an
   * observable while the flow trains on the samples.
   */
  @Test
  void autoencoderWithLaurentCoefficientsAgreesOnOrders0To3() {
    Model model = ModelLoader.builtIn("autoencoder", Map.of());
    LossSeriesEngine engine = LossSeriesEngine.of(model);
    LossSeries train = engine.series(Model.LOSS, 3, List.of(), WorkBudget.unlimited(), s -> {});
    LossSeries population = engine.series("population", 3, List.of(), WorkBudget.unlimited(), s -> {});
    for (int[] phn : new int[][] {{1, 1, 1}, {2, 1, 1}, {1, 1, 2}, {2, 1, 2}, {1, 2, 1}, {2, 2, 1}, {2, 2, 2}, {3, 1, 2}, {2, 2, 3}}) {
      String where = "p=" + phn[0] + " H=" + phn[1] + " n=" + phn[2];
      assertEquals(BruteForceAutoencoder.trainLoss(phn[0], phn[1], phn[2], 3), at(train, phn, 3), "train loss, " + where);
      assertEquals(BruteForceAutoencoder.populationLoss(phn[0], phn[1], phn[2], 3), at(population, phn, 3),
          "population loss, " + where);
    }
  }

  @Test
  void modularAdditionAgreesOnOrders0To2AtEveryPrimeTried() {
    LossSeries series = series(ModelLoader.builtIn("cp-modular", Map.of()), 2);
    for (int s = 0; s <= 2; s++) {
      assertEquals(List.of(), series.exceptionalPrimes(s), "c_" + s + " holds at every prime");
    }
    for (int[] ph : new int[][] {{2, 1}, {3, 1}, {5, 1}, {2, 2}, {3, 2}}) {
      assertEquals(BruteForceModels.cpModularAddition(ph[0], ph[1], 2), at(series, ph[0], ph[1], 2),
          "p=" + ph[0] + " H=" + ph[1]);
    }
  }

  /**
   * From order 3 on, four copies of the equation {@code a + b = c} can meet in a network whose
   * equations are independent over the rationals but not modulo 2 (the sum of two of them minus
   * the other two is {@code 2 (c - c')}): {@code c_3} is wrong at {@code p = 2} and right at the
   * other primes, and the series says so.
   */
  @Test
  void modularAdditionOrder3IsWrongExactlyAtTheExceptionalPrime() {
    LossSeries series = series(ModelLoader.builtIn("cp-modular", Map.of()), 3);
    assertEquals(List.of(BigInteger.TWO), series.exceptionalPrimes(3));
    assertEquals(BruteForceModels.cpModularAddition(3, 1, 3), at(series, 3, 1, 3), "p=3");
    List<SortedMap<Integer, String>> atTwo = BruteForceModels.cpModularAddition(2, 1, 3);
    List<SortedMap<Integer, String>> polynomialAtTwo = at(series, 2, 1, 3);
    assertEquals(atTwo.subList(0, 3), polynomialAtTwo.subList(0, 3));
    assertNotEquals(atTwo.get(3), polynomialAtTwo.get(3), "c_3 at p = 2 is not the polynomial's value");
  }

  private static LossSeries series(Model model, int order) {
    LossSeries series = LossSeriesEngine.compute(model, order, WorkBudget.unlimited(), s -> {});
    assertTrue(series.isComplete());
    return series;
  }

  /** c_0..c_order at p and H, as the oracle writes them: sigma2 exponent to "a/b". */
  private static List<SortedMap<Integer, String>> at(LossSeries series, int p, int h, int order) {
    return at(series, new int[] {p, h, 1}, order);
  }

  /** c_0..c_order at {@code (p, H, n)}, as the oracle writes them. */
  private static List<SortedMap<Integer, String>> at(LossSeries series, int[] phn, int order) {
    List<SortedMap<Integer, String>> out = new ArrayList<>();
    for (int s = 0; s <= order; s++) {
      Polynomial c = series.coefficient(s).substitute(
          Map.of(Variable.P, Rational.of(phn[0]), Variable.H, Rational.of(phn[1]), Variable.N, Rational.of(phn[2])));
      SortedMap<Integer, String> bySigma = new TreeMap<>();
      for (Map.Entry<Monomial, Rational> t : c.terms().entrySet()) {
        int k = t.getKey().exponent(Variable.SIGMA2);
        assertEquals(Monomial.of(Variable.SIGMA2, k), t.getKey(), "only sigma2 should remain");
        bySigma.put(k, t.getValue().toString());
      }
      out.add(bySigma);
    }
    return out;
  }
}
