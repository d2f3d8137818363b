package org.gfd.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Factor;
import org.gfd.model.IndexKind;
import org.gfd.model.Model;
import org.gfd.model.Species;
import org.gfd.model.Target;
import org.gfd.model.TensorTerm;
import org.junit.jupiter.api.Test;

/**
 * Canonical forms up to permutations of interchangeable species, against the definition: two
 * networks get the same form exactly when some permutation of the species (all 6 of S_3 tried)
 * makes their plain canonical forms equal.
 */
class SpeciesSymmetryTest {
  private static final int[][] PERMUTATIONS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

  private static Network permuted(Network f, int[] sigma) {
    int[] species = new int[f.nodeCount()];
    List<Integer> legs = new ArrayList<>();
    for (int v = 0; v < species.length; v++) {
      species[v] = sigma[f.species(v)];
      for (int k = 0; k < f.arity(v); k++) {
        legs.add(f.legClass(v, k));
      }
    }
    int[] kinds = new int[f.classCount()];
    for (int c = 0; c < kinds.length; c++) {
      kinds[c] = f.classKind(c);
    }
    return Network.of(f.table(), species, legs.stream().mapToInt(i -> i).toArray(), kinds);
  }

  @Test
  void asymmetricCpFactorsAreInterchangeable() {
    SpeciesSymmetry symmetry = SpeciesSymmetry.of(NetworkSum.loss(CpModels.cp(3, false, Target.IDENTITY)));
    assertEquals(1, symmetry.blocks().size());
    assertEquals(3, symmetry.blocks().get(0).length);
  }

  @Test
  void formsAgreeExactlyWhenSomePermutationMakesTheNetworksIsomorphic() {
    SpeciesTable table = NetworkSum.loss(CpModels.cp(3, false, Target.IDENTITY)).table();
    SpeciesSymmetry symmetry = SpeciesSymmetry.of(NetworkSum.loss(CpModels.cp(3, false, Target.IDENTITY)));
    Random rnd = new Random(4);
    agreesWithTheDefinition(symmetry, PERMUTATIONS, rnd, () -> {
      int nodes = 2 + rnd.nextInt(4);
      int classes = 1 + rnd.nextInt(2);
      return new Network[] {CanonicalLabelerTest.random(rnd, table, nodes, classes, 3),
          CanonicalLabelerTest.random(rnd, table, nodes, classes, 3)};
    });
  }

  /**
   * Asymmetric order-2 CP: every network of its series is a union of cycles, which the symmetry
   * puts in form by trying both species orders instead of marking. Random unions of cycles of the
   * two factors, against the definition (both orders tried on plain canonical forms).
   */
  @Test
  void cycleUnionsAgreeWithTheDefinition() {
    NetworkSum loss = NetworkSum.loss(CpModels.cp(2, false, Target.IDENTITY));
    SpeciesSymmetry symmetry = SpeciesSymmetry.of(loss);
    int[][] both = {{0, 1}, {1, 0}};
    Random rnd = new Random(5);
    agreesWithTheDefinition(symmetry, both, rnd, () -> {
      Network[] pair = {cycles(rnd, loss.table()), cycles(rnd, loss.table())};
      assertTrue(CanonicalLabeler.labelsWithoutSearch(pair[0]));
      return pair;
    });
  }

  /**
   * For random pairs (the second replaced, one time in three, by an image of the first under the
   * group), equal forms exactly when the plain canonical forms of the group's images of the first
   * contain that of the second, and the form in that orbit.
   */
  private static void agreesWithTheDefinition(SpeciesSymmetry symmetry, int[][] group, Random rnd,
      java.util.function.Supplier<Network[]> pairs) {
    int same = 0;
    int different = 0;
    for (int trial = 0; trial < 1500; trial++) {
      Network[] pair = pairs.get();
      Network a = pair[0];
      Network b = rnd.nextInt(3) == 0 ? permuted(a, group[rnd.nextInt(group.length)]) : pair[1];
      Set<Network> orbitOfA = new HashSet<>();
      for (int[] sigma : group) {
        orbitOfA.add(CanonicalLabeler.canonicalize(permuted(a, sigma)));
      }
      boolean related = orbitOfA.contains(CanonicalLabeler.canonicalize(b));
      Network formA = symmetry.canonicalize(a, WorkBudget.unlimited());
      assertEquals(related, formA.equals(symmetry.canonicalize(b, WorkBudget.unlimited())), a + " vs " + b);
      assertTrue(orbitOfA.contains(CanonicalLabeler.canonicalize(formA)), "the form lies in the orbit of " + a);
      if (related) {
        same++;
      } else {
        different++;
      }
    }
    assertTrue(same > 300 && different > 300, same + " / " + different);
  }

  /** One or two cycles of 2 to 6 nodes of the two (H, p) factors, alternating H and p classes. */
  private static Network cycles(Random rnd, SpeciesTable table) {
    List<Integer> species = new ArrayList<>();
    List<Integer> legs = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    int h = table.kindId(IndexKind.H);
    int p = table.kindId(IndexKind.P);
    for (int cy = 1 + rnd.nextInt(2); cy > 0; cy--) {
      int m = 2 * (1 + rnd.nextInt(3));
      int first = kinds.size();
      for (int i = 0; i < m; i++) {
        kinds.add(i % 2 == 0 ? h : p);
      }
      for (int i = 0; i < m; i++) {
        // node i joins class i and class i + 1; its H leg goes to whichever of them is an H class
        int here = first + i;
        int next = first + (i + 1) % m;
        species.add(rnd.nextInt(2));
        legs.add(i % 2 == 0 ? here : next);
        legs.add(i % 2 == 0 ? next : here);
      }
    }
    return Network.of(table, species.stream().mapToInt(i -> i).toArray(), legs.stream().mapToInt(i -> i).toArray(),
        kinds.stream().mapToInt(i -> i).toArray());
  }

  /** L = 1/2 |A B^T|^2 + 1/2 |A|^2: exchanging A and B changes the second term, so nothing is permuted. */
  @Test
  void speciesThatTheLossTellsApartStayApart() {
    Monomial s = Monomial.of(Variable.SIGMA2, 1);
    Species a = new Species("A", List.of(IndexKind.H, IndexKind.P), true, s);
    Species b = new Species("B", List.of(IndexKind.H, IndexKind.P), true, s);
    TensorTerm product = new TensorTerm(Rational.HALF,
        List.of(new Factor(a, List.of("h", "i")), new Factor(a, List.of("g", "i")),
            new Factor(b, List.of("h", "j")), new Factor(b, List.of("g", "j"))),
        Map.of("h", IndexKind.H, "g", IndexKind.H, "i", IndexKind.P, "j", IndexKind.P));
    TensorTerm norm = new TensorTerm(Rational.HALF,
        List.of(new Factor(a, List.of("h", "i")), new Factor(a, List.of("h", "i"))),
        Map.of("h", IndexKind.H, "i", IndexKind.P));
    Model model = new Model("test", Map.of(), List.of(a, b), List.of(product, norm));
    assertTrue(SpeciesSymmetry.of(NetworkSum.loss(model)).isTrivial());
    Model symmetric = new Model("test", Map.of(), List.of(a, b), List.of(product));
    assertEquals(2, SpeciesSymmetry.of(NetworkSum.loss(symmetric)).blocks().get(0).length);
  }
}
