package org.gfd.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.Factor;
import org.gfd.model.IndexKind;
import org.gfd.model.Model;
import org.gfd.model.Species;
import org.gfd.model.TensorTerm;
import org.junit.jupiter.api.Test;

/**
 * Canonical forms of unions of cycles (labelled without a search) against JGraphT's VF2 on the
 * separate simple-graph encoding of {@link CanonicalLabelerTest}, and the least rotation against
 * trying every rotation.
 */
class CycleLabelerTest {
  /** Two (H, p) matrices and a (p, p) matrix: the last allows loops and cycles of odd length. */
  static final SpeciesTable TABLE = table();

  private static SpeciesTable table() {
    Monomial s = Monomial.of(Variable.SIGMA2, 1);
    Species a = new Species("A", List.of(IndexKind.H, IndexKind.P), true, s);
    Species b = new Species("B", List.of(IndexKind.H, IndexKind.P), true, s);
    Species q = new Species("Q", List.of(IndexKind.P, IndexKind.P), true, s);
    TensorTerm term = new TensorTerm(Rational.ONE,
        List.of(new Factor(a, List.of("h", "i")), new Factor(b, List.of("h", "j")), new Factor(q, List.of("i", "j"))),
        Map.of("h", IndexKind.H, "i", IndexKind.P, "j", IndexKind.P));
    return SpeciesTable.of(new Model("test", Map.of(), List.of(a, b, q), List.of(term)));
  }

  /**
   * A random union of one to three cycles of one to {@code maxLength} nodes, and sometimes a class
   * with no legs. Each cycle is walked from a p class: a node is picked at random among those with
   * a leg of the current class's kind, entered by such a leg, left by its other leg.
   */
  private static Network randomCycles(Random rnd, int maxLength) {
    int p = TABLE.kindId(IndexKind.P);
    List<Integer> species = new ArrayList<>();
    List<Integer> legs = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    int cycles = 1 + rnd.nextInt(3);
    for (int cy = 0; cy < cycles; cy++) {
      int first = kinds.size();
      kinds.add(p);
      int current = first;
      int length = 1 + rnd.nextInt(maxLength);
      for (int i = 0; ; i++) {
        int kind = kinds.get(current);
        int s = kind == p ? rnd.nextInt(3) : rnd.nextInt(2);
        int entry = TABLE.legKind(s, 0) == kind && (TABLE.legKind(s, 1) != kind || rnd.nextBoolean()) ? 0 : 1;
        int exitKind = TABLE.legKind(s, 1 - entry);
        // close the cycle once it is long enough and the exit kind fits the first class
        boolean close = i + 1 >= length && exitKind == p;
        int next = close ? first : kinds.size();
        if (!close) {
          kinds.add(exitKind);
        }
        species.add(s);
        legs.add(entry == 0 ? current : next);
        legs.add(entry == 0 ? next : current);
        current = next;
        if (close) {
          break;
        }
      }
    }
    if (rnd.nextInt(4) == 0) {
      kinds.add(rnd.nextInt(TABLE.kindCount()));
    }
    return Network.of(TABLE, species.stream().mapToInt(i -> i).toArray(), legs.stream().mapToInt(i -> i).toArray(),
        kinds.stream().mapToInt(i -> i).toArray());
  }

  @Test
  void cycleUnionsAreRecognized() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      assertTrue(CanonicalLabeler.labelsWithoutSearch(randomCycles(rnd, 8)));
    }
    // a class with three legs is no cycle union
    Network star = Network.of(TABLE, new int[] {2, 2, 2}, new int[] {0, 1, 0, 2, 0, 3}, new int[] {1, 1, 1, 1});
    assertFalse(CanonicalLabeler.labelsWithoutSearch(star));
  }

  @Test
  void renumberingDoesNotChangeTheFormAndTheFormIsIsomorphic() {
    Random rnd = new Random(12);
    for (int trial = 0; trial < 500; trial++) {
      Network f = randomCycles(rnd, 9);
      Network canon = CanonicalLabeler.canonicalize(f);
      assertEquals(canon, CanonicalLabeler.canonicalize(CanonicalLabelerTest.permuted(rnd, f)), f.toString());
      assertTrue(CanonicalLabelerTest.isomorphic(f, canon), "canonical form must be isomorphic to " + f);
    }
  }

  /** Short cycles over few species, so that isomorphic pairs are common; VF2 decides. */
  @Test
  void equalFormsExactlyForIsomorphicCycleUnions() {
    Random rnd = new Random(13);
    int isomorphicPairs = 0;
    int distinctPairs = 0;
    for (int trial = 0; trial < 6000; trial++) {
      int length = 1 + rnd.nextInt(5);
      Network a = randomCycles(rnd, length);
      Network b = rnd.nextInt(4) == 0 ? CanonicalLabelerTest.permuted(rnd, a) : randomCycles(rnd, length);
      if (a.nodeCount() != b.nodeCount()) {
        continue;
      }
      boolean iso = CanonicalLabelerTest.isomorphic(a, b);
      assertEquals(iso, CanonicalLabeler.canonicalize(a).equals(CanonicalLabeler.canonicalize(b)), a + " vs " + b);
      if (iso) {
        isomorphicPairs++;
      } else {
        distinctPairs++;
      }
    }
    assertTrue(isomorphicPairs > 300 && distinctPairs > 300, isomorphicPairs + " / " + distinctPairs);
  }

  @Test
  void leastRotationIsTheLeastOfAllRotations() {
    Random rnd = new Random(14);
    for (int trial = 0; trial < 2000; trial++) {
      int[] word = new int[1 + rnd.nextInt(12)];
      for (int i = 0; i < word.length; i++) {
        word[i] = rnd.nextInt(1 + rnd.nextInt(3));
      }
      int[] least = null;
      for (int start = 0; start < word.length; start++) {
        int[] r = new int[word.length];
        for (int i = 0; i < word.length; i++) {
          r[i] = word[(start + i) % word.length];
        }
        if (least == null || java.util.Arrays.compare(r, least) < 0) {
          least = r;
        }
      }
      int found = CycleLabeler.leastRotation(word);
      int[] got = new int[word.length];
      for (int i = 0; i < word.length; i++) {
        got[i] = word[(found + i) % word.length];
      }
      assertArrayEquals(least, got, java.util.Arrays.toString(word));
    }
  }
}
