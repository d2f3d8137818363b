package org.gfd.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Variable;
import org.gfd.model.IndexKind;
import org.gfd.model.LinearConstraint;
import org.gfd.model.Species;
import org.junit.jupiter.api.Test;

/**
 * {@link ContractedValue} against the definition of a network's value: the sum over every
 * assignment of {@code 0..q-1} to the classes of the product of the entries, counted one
 * assignment at a time for small primes {@code q}, on random networks of constant tensors.
 */
class ContractedValueTest {
  /** Modular addition, and a tensor of two equations with a coefficient 2. */
  private static final Species ADD = Species.constant("A", List.of(IndexKind.P, IndexKind.P, IndexKind.P),
      new LinearConstraint(List.of(List.of(1, 1, -1))));
  private static final Species TWO = Species.constant("B", List.of(IndexKind.P, IndexKind.P, IndexKind.P),
      new LinearConstraint(List.of(List.of(2, 1, 0), List.of(0, 1, 1))));
  private static final SpeciesTable TABLE = new SpeciesTable(
      List.of(ADD, TWO, new Species("U", List.of(IndexKind.H, IndexKind.P), true, Monomial.of(Variable.SIGMA2, 1))),
      List.of(IndexKind.P, IndexKind.H));

  @Test
  void valueIsTheNumberOfSolutionsAtPrimesNotDividingTheDivisor() {
    Random random = new Random(11L);
    int exceptional = 0;
    for (int trial = 0; trial < 300; trial++) {
      int nodes = 1 + random.nextInt(4);
      int classes = 1 + random.nextInt(6);
      int[] species = new int[nodes];
      int[] legs = new int[3 * nodes];
      for (int v = 0; v < nodes; v++) {
        species[v] = random.nextInt(4) == 0 ? 1 : 0;
        for (int k = 0; k < 3; k++) {
          legs[3 * v + k] = random.nextInt(classes);
        }
      }
      int[] kinds = new int[classes + 1];
      kinds[classes] = 1; // one class of kind H without legs: a free sum
      Network net = Network.of(TABLE, species, legs, kinds);
      ContractedValue value = ContractedValue.of(net);
      for (int q : new int[] {2, 3, 5}) {
        long count = solutions(net, q, classes) * q; // H = q as well, for the free H class
        Monomial m = value.monomial(TABLE);
        long predicted = Math.round(Math.pow(q, m.exponent(Variable.P) + m.exponent(Variable.H)));
        if (value.divisor().mod(BigInteger.valueOf(q)).signum() != 0) {
          assertEquals(predicted, count, net + " at q=" + q);
        } else {
          exceptional++;
          assertTrue(count > predicted, net + " at q=" + q + ": the rank drops, so there are more solutions");
        }
      }
    }
    assertTrue(exceptional > 10, "too few exceptional cases met: " + exceptional);
  }

  /** The number of assignments of {@code 0..q-1} to the first {@code classes} classes that satisfy every node. */
  private static long solutions(Network net, int q, int classes) {
    int[] x = new int[classes];
    long count = 0;
    for (long code = 0; code < Math.round(Math.pow(q, classes)); code++) {
      long c = code;
      for (int i = 0; i < classes; i++) {
        x[i] = (int) (c % q);
        c /= q;
      }
      boolean all = true;
      for (int v = 0; v < net.nodeCount() && all; v++) {
        for (List<Integer> row : TABLE.species(net.species(v)).constraint().rows()) {
          long sum = 0;
          for (int k = 0; k < 3; k++) {
            sum += row.get(k) * x[net.legClass(v, k)];
          }
          all &= Math.floorMod(sum, q) == 0;
        }
      }
      count += all ? 1 : 0;
    }
    return count;
  }
}
