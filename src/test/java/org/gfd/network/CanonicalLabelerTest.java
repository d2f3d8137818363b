package org.gfd.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
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
import org.jgrapht.Graph;
import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

/**
 * The canonical form against JGraphT's VF2 isomorphism test, run on a separate encoding of the
 * network as a simple graph (one vertex per node, per leg and per class).
 */
class CanonicalLabelerTest {
  /** A table with a matrix species, a second matrix species and a 3-leg species with two legs of one kind. */
  private static final SpeciesTable TABLE = table();

  private static SpeciesTable table() {
    Monomial s = Monomial.of(Variable.SIGMA2, 1);
    Species a = new Species("A", List.of(IndexKind.H, IndexKind.P), true, s);
    Species b = new Species("B", List.of(IndexKind.H, IndexKind.P), true, s);
    Species t = new Species("T", List.of(IndexKind.P, IndexKind.P, IndexKind.H), true, s);
    TensorTerm term = new TensorTerm(Rational.ONE,
        List.of(new Factor(a, List.of("h", "i")), new Factor(b, List.of("h", "i")),
            new Factor(t, List.of("i", "i", "h"))),
        Map.of("h", IndexKind.H, "i", IndexKind.P));
    return SpeciesTable.of(new Model("test", Map.of(), List.of(a, b, t), List.of(term)));
  }

  /**
   * {@link CycleLabelerTest}'s table, whose species all have two legs: A and B (H, p), Q (p, p), so
   * a node can be a self-loop, and its two legs can be exchanged only by changing its orientation.
   */
  private static final SpeciesTable TWO_LEGS = CycleLabelerTest.TABLE;

  private static Network random(Random rnd, int nodes, int classesPerKind, int speciesCount) {
    return random(rnd, TABLE, nodes, classesPerKind, speciesCount);
  }

  /**
   * A random network of {@code nodes} nodes of the first {@code speciesCount} species of
   * {@code table}, every leg in one of {@code classesPerKind} classes of its kind.
   */
  static Network random(Random rnd, SpeciesTable table, int nodes, int classesPerKind, int speciesCount) {
    int kinds = table.kindCount();
    int[] kind = new int[classesPerKind * kinds];
    for (int c = 0; c < kind.length; c++) {
      kind[c] = c % kinds;
    }
    int[] species = new int[nodes];
    List<Integer> legs = new ArrayList<>();
    for (int v = 0; v < nodes; v++) {
      species[v] = rnd.nextInt(speciesCount);
      for (int k = 0; k < table.arity(species[v]); k++) {
        int want = table.legKind(species[v], k);
        legs.add(rnd.nextInt(classesPerKind) * kinds + want);
      }
    }
    return Network.of(table, species, legs.stream().mapToInt(i -> i).toArray(), kind);
  }

  /** The same network with nodes and classes renumbered at random. */
  static Network permuted(Random rnd, Network f) {
    List<Integer> nodeOrder = new ArrayList<>();
    for (int v = 0; v < f.nodeCount(); v++) {
      nodeOrder.add(v);
    }
    Collections.shuffle(nodeOrder, rnd);
    List<Integer> classPerm = new ArrayList<>();
    for (int c = 0; c < f.classCount(); c++) {
      classPerm.add(c);
    }
    Collections.shuffle(classPerm, rnd);
    int[] kinds = new int[f.classCount()];
    for (int c = 0; c < f.classCount(); c++) {
      kinds[classPerm.get(c)] = f.classKind(c);
    }
    int[] species = new int[f.nodeCount()];
    List<Integer> legs = new ArrayList<>();
    for (int i = 0; i < f.nodeCount(); i++) {
      int v = nodeOrder.get(i);
      species[i] = f.species(v);
      for (int k = 0; k < f.arity(v); k++) {
        legs.add(classPerm.get(f.legClass(v, k)));
      }
    }
    return Network.of(f.table(), species, legs.stream().mapToInt(i -> i).toArray(), kinds);
  }

  /** Simple graph: node vertices "n:species", leg vertices "l:position", class vertices "c:kind". */
  private static Graph<String, DefaultEdge> simpleGraph(Network f) {
    Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int c = 0; c < f.classCount(); c++) {
      g.addVertex("c" + c + ":" + f.classKind(c));
    }
    for (int v = 0; v < f.nodeCount(); v++) {
      String node = "n" + v + ":" + f.species(v);
      g.addVertex(node);
      for (int k = 0; k < f.arity(v); k++) {
        String leg = "l" + v + "." + k + ":" + k;
        g.addVertex(leg);
        g.addEdge(node, leg);
        int c = f.legClass(v, k);
        g.addEdge(leg, "c" + c + ":" + f.classKind(c));
      }
    }
    return g;
  }

  static boolean isomorphic(Network a, Network b) {
    // vertices compare equal when their role letter and label (after ':') agree
    java.util.Comparator<String> label = (x, y) -> (x.charAt(0) + x.substring(x.indexOf(':')))
        .compareTo(y.charAt(0) + y.substring(y.indexOf(':')));
    return new VF2GraphIsomorphismInspector<>(simpleGraph(a), simpleGraph(b), label, null)
        .isomorphismExists();
  }

  @Test
  void renumberingDoesNotChangeTheCanonicalForm() {
    Random rnd = new Random(1);
    for (int trial = 0; trial < 400; trial++) {
      Network f = random(rnd, 1 + rnd.nextInt(10), 1 + rnd.nextInt(5), 1 + rnd.nextInt(3));
      Network canon = CanonicalLabeler.canonicalize(f);
      assertEquals(canon, CanonicalLabeler.canonicalize(permuted(rnd, f)), f.toString());
      assertTrue(isomorphic(f, canon), "canonical form must be isomorphic to " + f);
    }
  }

  @Test
  void equalCanonicalFormsExactlyForIsomorphicNetworks() {
    agreesWithVf2(new Random(2), TABLE, 3000, 2, 3, 2, 2, false, 100);
  }

  /**
   * Many nodes over few classes: most nodes have twins, in groups of different sizes, which the
   * labeller collapses before its search. VF2 on the uncollapsed graphs decides isomorphism.
   */
  @Test
  void twinGroupsAreToldApartByTheirSizes() {
    agreesWithVf2(new Random(3), TABLE, 1500, 5, 4, 2, 2, true, 300);
  }

  /**
   * Pairs of random networks of {@code table}'s first {@code 1..maxSpecies} species with
   * {@code minNodes} to {@code minNodes + spread - 1} nodes over {@code 1..maxClasses} classes per
   * kind (one pair in three a renumbering, when {@code renumber}): equal canonical forms exactly
   * when VF2 finds an isomorphism, each outcome more than {@code atLeast} times; and every
   * canonical form isomorphic to its network.
   */
  private static void agreesWithVf2(Random rnd, SpeciesTable table, int trials, int minNodes, int spread, int maxClasses,
      int maxSpecies, boolean renumber, int atLeast) {
    int isomorphicPairs = 0;
    int distinctPairs = 0;
    for (int trial = 0; trial < trials; trial++) {
      int nodes = minNodes + rnd.nextInt(spread);
      int classes = 1 + rnd.nextInt(maxClasses);
      int species = 1 + rnd.nextInt(maxSpecies);
      Network a = random(rnd, table, nodes, classes, species);
      Network b = renumber && rnd.nextInt(3) == 0 ? permuted(rnd, a) : random(rnd, table, nodes, classes, species);
      boolean iso = isomorphic(a, b);
      assertEquals(iso, CanonicalLabeler.canonicalize(a).equals(CanonicalLabeler.canonicalize(b)),
          a + " vs " + b);
      assertTrue(isomorphic(a, CanonicalLabeler.canonicalize(a)), "canonical form must be isomorphic to " + a);
      if (iso) {
        isomorphicPairs++;
      } else {
        distinctPairs++;
      }
    }
    assertTrue(isomorphicPairs > atLeast && distinctPairs > atLeast,
        "sample should contain both outcomes: " + isomorphicPairs + " / " + distinctPairs);
  }

  /**
   * Networks whose nodes all have two legs are labelled as graphs of classes with twin classes
   * collapsed. Many classes and few nodes give many pendant classes on one class, which are twins;
   * a third of the pairs are renumberings.
   */
  @Test
  void twoLegNetworksWithTwinClassesAgreeWithVf2() {
    agreesWithVf2(new Random(7), TWO_LEGS, 3000, 2, 7, 4, 3, true, 1000);
  }

  /**
   * Stars: one H class with branches, a branch being a p class joined to the centre by
   * {@code 1..3} parallel A nodes, perhaps closed by a Q self-loop. Two stars are isomorphic
   * exactly when they have the same multiset of branch types, which is how this test decides
   * (no isomorphism search); twin classes are whole branches of one type.
   */
  @Test
  void starsAreEqualExactlyWhenTheirBranchesAre() {
    Random rnd = new Random(8);
    int equal = 0;
    for (int trial = 0; trial < 1000; trial++) {
      int[] branchesA = randomBranches(rnd);
      int[] branchesB = rnd.nextBoolean() ? shuffled(rnd, branchesA) : randomBranches(rnd);
      boolean same = java.util.Arrays.equals(java.util.Arrays.stream(branchesA).sorted().toArray(),
          java.util.Arrays.stream(branchesB).sorted().toArray());
      Network a = permuted(rnd, star(branchesA));
      Network b = permuted(rnd, star(branchesB));
      assertEquals(same, CanonicalLabeler.canonicalize(a).equals(CanonicalLabeler.canonicalize(b)), a + " vs " + b);
      equal += same ? 1 : 0;
    }
    assertTrue(equal > 300 && equal < 700, "equal pairs: " + equal);
  }

  /** Branch types 0..5: (parallel A nodes - 1) + 3 * (Q self-loop or not). */
  private static int[] randomBranches(Random rnd) {
    int[] types = new int[1 + rnd.nextInt(6)];
    for (int i = 0; i < types.length; i++) {
      types[i] = rnd.nextInt(rnd.nextBoolean() ? 2 : 6);
    }
    return types;
  }

  private static int[] shuffled(Random rnd, int[] types) {
    List<Integer> list = new ArrayList<>();
    for (int t : types) {
      list.add(t);
    }
    Collections.shuffle(list, rnd);
    return list.stream().mapToInt(i -> i).toArray();
  }

  private static Network star(int[] branchTypes) {
    int h = TWO_LEGS.kindId(IndexKind.H);
    int p = TWO_LEGS.kindId(IndexKind.P);
    int[] kinds = new int[1 + branchTypes.length];
    kinds[0] = h;
    List<Integer> species = new ArrayList<>();
    List<Integer> legs = new ArrayList<>();
    for (int i = 0; i < branchTypes.length; i++) {
      int cls = 1 + i;
      kinds[cls] = p;
      for (int k = 0; k <= branchTypes[i] % 3; k++) {
        species.add(0);
        legs.add(0);
        legs.add(cls);
      }
      if (branchTypes[i] >= 3) {
        species.add(2);
        legs.add(cls);
        legs.add(cls);
      }
    }
    return Network.of(TWO_LEGS, species.stream().mapToInt(i -> i).toArray(), legs.stream().mapToInt(i -> i).toArray(), kinds);
  }

  /** {@link #orbitsFixingANodeJoinOnlyPartnersWithIsomorphicContractions} on networks whose nodes all have two legs. */
  @Test
  void orbitsFixingANodeOfATwoLegNetworkJoinOnlyPartnersWithIsomorphicContractions() {
    orbitsFixingJoinOnlyIsomorphicPartners(new Random(9), TWO_LEGS, 800, 4, 3);
  }

  /**
   * Orbits fixing a node: contracting it with any two partners of one orbit gives isomorphic
   * networks (VF2 decides), and some orbits do join partners (the sample has many twins).
   */
  @Test
  void orbitsFixingANodeJoinOnlyPartnersWithIsomorphicContractions() {
    orbitsFixingJoinOnlyIsomorphicPartners(new Random(6), TABLE, 600, 3, 2);
  }

  /**
   * {@link #checkOrbitsFixing} on random networks of {@code table}'s first {@code 1..maxSpecies}
   * species, 3 to 10 nodes over {@code 1..maxClasses} classes per kind, at a random node; more
   * than 200 pairs of partners joined in all.
   */
  private static void orbitsFixingJoinOnlyIsomorphicPartners(Random rnd, SpeciesTable table, int trials, int maxClasses,
      int maxSpecies) {
    int joined = 0;
    for (int trial = 0; trial < trials; trial++) {
      Network f = random(rnd, table, 3 + rnd.nextInt(8), 1 + rnd.nextInt(maxClasses), 1 + rnd.nextInt(maxSpecies));
      joined += checkOrbitsFixing(f, rnd.nextInt(f.nodeCount()));
    }
    assertTrue(joined > 200, "partners joined: " + joined);
  }

  /**
   * Orbits of the nodes of networks of A nodes only: two nodes in one orbit give isomorphic
   * networks when each in turn is made a B node (VF2 decides), and some orbits join nodes.
   */
  @Test
  void nodesInOneOrbitAreExchangedByAnAutomorphism() {
    Random rnd = new Random(10);
    int joined = 0;
    for (int trial = 0; trial < 600; trial++) {
      boolean twoLegs = rnd.nextBoolean();
      Network f = random(rnd, twoLegs ? TWO_LEGS : TABLE, 2 + rnd.nextInt(8), 1 + rnd.nextInt(4), 1);
      int[] orbit = CanonicalLabeler.nodeOrbits(f, WorkBudget.unlimited());
      for (int w = 0; w < f.nodeCount(); w++) {
        if (orbit[w] != w) {
          assertTrue(isomorphic(marked(f, w), marked(f, orbit[w])), f + ": " + w + " and " + orbit[w]);
          joined++;
        }
      }
    }
    assertTrue(joined > 300, "nodes joined: " + joined);
  }

  /** {@code f} with node {@code v} made a B node (A and B have the same legs in both tables). */
  private static Network marked(Network f, int v) {
    int b = -1;
    for (int s = 0; s < f.table().speciesCount(); s++) {
      if (f.table().species(s).name().equals("B")) {
        b = s;
      }
    }
    int[] species = new int[f.nodeCount()];
    List<Integer> legs = new ArrayList<>();
    int[] kinds = new int[f.classCount()];
    for (int c = 0; c < kinds.length; c++) {
      kinds[c] = f.classKind(c);
    }
    for (int u = 0; u < species.length; u++) {
      species[u] = u == v ? b : f.species(u);
      for (int k = 0; k < f.arity(u); k++) {
        legs.add(f.legClass(u, k));
      }
    }
    return Network.of(f.table(), species, legs.stream().mapToInt(i -> i).toArray(), kinds);
  }

  /**
   * Checks that every two partners of {@code v0} (of its species) in one orbit fixing it give
   * isomorphic contractions (VF2 decides); returns the number of pairs of partners joined.
   */
  private static int checkOrbitsFixing(Network f, int v0) {
    int joined = 0;
    int[] orbit = CanonicalLabeler.nodeOrbitsFixing(f, v0, WorkBudget.unlimited());
    for (int w = 0; w < f.nodeCount(); w++) {
      for (int x = w + 1; x < f.nodeCount(); x++) {
        if (w == v0 || x == v0 || orbit[w] != orbit[x] || f.species(w) != f.species(v0)) {
          continue;
        }
        assertTrue(isomorphic(f.contract(v0, w), f.contract(v0, x)), f + ": " + v0 + " with " + w + " or " + x);
        joined++;
      }
    }
    return joined;
  }

  @Test
  void highlySymmetricNetworksAreLabelledQuickly() {
    // complete bipartite K_{6,6} of A-nodes between H classes and p classes, plus 10 parallel copies of one edge
    List<Integer> legs = new ArrayList<>();
    int[] kinds = new int[12];
    int hKind = TABLE.kindId(IndexKind.H);
    int pKind = TABLE.kindId(IndexKind.P);
    for (int i = 0; i < 6; i++) {
      kinds[i] = hKind;
      kinds[6 + i] = pKind;
    }
    for (int h = 0; h < 6; h++) {
      for (int i = 0; i < 6; i++) {
        legs.add(h);
        legs.add(6 + i);
      }
    }
    for (int r = 0; r < 10; r++) {
      legs.add(0);
      legs.add(6);
    }
    int[] species = new int[46];
    Network f = Network.of(TABLE, species, legs.stream().mapToInt(i -> i).toArray(), kinds);
    Network canon = CanonicalLabeler.canonicalize(f);
    assertEquals(canon, CanonicalLabeler.canonicalize(permuted(new Random(3), f)));
  }
}
