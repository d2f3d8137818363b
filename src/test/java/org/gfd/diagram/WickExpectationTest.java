package org.gfd.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.network.CanonicalLabeler;
import org.gfd.network.Network;
import org.gfd.network.NetworkSum;
import org.gfd.network.TimeDerivative;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link WickExpectation} (pivot on a smallest species, twins grouped, packed counts that switch
 * to big integers on overflow) against the plain recursion: pair node 0 with every partner,
 * exact polynomials throughout, memoized on canonical forms only.
 */
class WickExpectationTest {
  /** Plain Wick: {@code E[F] = sum_{w ~ 0} E[contract(F, 0, w)]} times the variance, memoized. */
  private static Polynomial plain(Network f, Map<Network, Polynomial> memo) {
    if (f.nodeCount() == 0) {
      Monomial sizes = Monomial.ONE;
      for (int c = 0; c < f.classCount(); c++) {
        sizes = sizes.multiply(Monomial.of(f.table().kind(f.classKind(c)).size(), 1));
      }
      return Polynomial.term(Rational.ONE, sizes);
    }
    Network key = CanonicalLabeler.canonicalize(f);
    Polynomial known = memo.get(key);
    if (known != null) {
      return known;
    }
    Polynomial.Builder acc = new Polynomial.Builder();
    Monomial variance = f.table().species(f.species(0)).variance();
    for (int w = 1; w < f.nodeCount(); w++) {
      if (f.species(w) == f.species(0)) {
        acc.add(plain(f.contract(0, w), memo), Rational.ONE, variance);
      }
    }
    Polynomial value = acc.build();
    memo.put(key, value);
    return value;
  }

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(2, false, Target.IDENTITY, 7), Arguments.of(2, true, Target.IDENTITY, 14),
        Arguments.of(3, false, Target.IDENTITY, 3), Arguments.of(3, true, Target.ZERO, 3),
        Arguments.of(4, true, Target.IDENTITY, 2));
  }

  @ParameterizedTest(name = "nu={0} symmetric={1} target={2} to order {3}")
  @MethodSource("models")
  void everyNetworkOfTheSeriesAgreesWithThePlainRecursion(int nu, boolean symmetric, Target target, int orders) {
    Model model = CpModels.cp(nu, symmetric, target);
    NetworkSum f = NetworkSum.loss(model);
    TimeDerivative d = new TimeDerivative(f);
    WickExpectation wick = new WickExpectation(f.table());
    Map<Network, Polynomial> memo = new HashMap<>();
    for (int s = 0; s <= orders; s++) {
      if (s > 0) {
        f = d.apply(f, WorkBudget.unlimited());
      }
      for (Network net : f.terms().keySet()) {
        assertEquals(plain(net, memo), wick.expectation(net, WorkBudget.unlimited()), net.toString());
      }
    }
  }

  /**
   * {@code 2k} entries {@code U[h, i]} of one matrix all on the same two indices: every one of
   * the {@code (2k-1)!!} matchings leaves one class of each kind, so
   * {@code E = (2k-1)!! sigma2^k H p}; past {@code k = 19} the count no longer fits in a long.
   */
  @Test
  void countsPastTheRangeOfALongStayExact() {
    NetworkSum loss = NetworkSum.loss(CpModels.cp(2, true, Target.ZERO));
    WickExpectation wick = new WickExpectation(loss.table());
    Network pair = loss.terms().keySet().iterator().next();
    int u = pair.species(0);
    for (int k = 1; k <= 24; k++) {
      int[] species = new int[2 * k];
      int[] legs = new int[4 * k];
      java.util.Arrays.fill(species, u);
      for (int v = 0; v < 2 * k; v++) {
        legs[2 * v] = 0;
        legs[2 * v + 1] = 1;
      }
      Network net = Network.of(loss.table(), species, legs,
          new int[] {loss.table().legKind(u, 0), loss.table().legKind(u, 1)});
      BigInteger doubleFactorial = BigInteger.ONE;
      for (int j = 2 * k - 1; j > 1; j -= 2) {
        doubleFactorial = doubleFactorial.multiply(BigInteger.valueOf(j));
      }
      Monomial m = Monomial.of(Map.of(Variable.SIGMA2, k, Variable.H, 1, Variable.P, 1));
      assertEquals(Polynomial.term(Rational.of(doubleFactorial), m), wick.expectation(net, WorkBudget.unlimited()),
          "k = " + k);
    }
  }

  @Test
  void accumulatorSumsPastTheRangeOfALong() {
    ClassCounts.Accumulator first = new ClassCounts.Accumulator();
    first.add(ClassCounts.ONE, Long.MAX_VALUE / 2 + 1, 3);
    ClassCounts half = first.build();
    ClassCounts.Accumulator sum = new ClassCounts.Accumulator();
    sum.add(half, 1, 0);
    sum.add(half, 3, 0);
    sum.add(ClassCounts.ONE, 5, 7);
    ClassCounts total = sum.build();
    assertEquals(List.of(3L, 7L), List.of(total.key(0), total.key(1)));
    assertEquals(BigInteger.valueOf(Long.MAX_VALUE / 2 + 1).multiply(BigInteger.valueOf(4)), total.coefficient(0));
    assertEquals(BigInteger.valueOf(5), total.coefficient(1));
  }
}
