package org.gfd.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.diagram.WickExpectation;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;

/**
 * How much a pruned ray-limit computation could save at best: for each order {@code s <= S}, the
 * networks of {@code D^s L} whose own expectation reaches the top exponent {@code e - c s} on the ray
 * ("reach"), and those that have such a network among their descendants up to order {@code S}
 * ("needed"). Any exact pruning that drops networks by looking at them (and their future) must keep
 * every needed network; the ones not needed are the most it can drop. Exponents are exact rationals.
 *
 * <p>Run (after {@code mvn -q -o test-compile}):
 * {@code java -Xss16m -cp target/classes:target/test-classes:target/lib/* org.gfd.network.PruningHeadroom NU SYMMETRIC S A B E C}
 * for the ray {@code H = p^A, sigma2 = p^B}, {@code e = E}, time exponent {@code C}; for example
 * {@code 2 false 8 1 -1 1 0} (asymmetric nu = 2, mean-field vertex) or {@code 2 false 8 2 -7/4 1 -1/4} (NTK).
 * An analysis tool, not part of the engine: it holds every network of every order in memory.
 */
public final class PruningHeadroom {
  private PruningHeadroom() {}

  public static void main(String[] args) {
    int nu = Integer.parseInt(args[0]);
    boolean symmetric = Boolean.parseBoolean(args[1]);
    int order = Integer.parseInt(args[2]);
    Rational a = Rational.parse(args[3]);
    Rational b = Rational.parse(args[4]);
    Rational e = Rational.parse(args[5]);
    Rational c = Rational.parse(args[6]);
    Model model = CpModels.cp(nu, symmetric, Target.IDENTITY);
    NetworkSum loss = NetworkSum.loss(model);
    TimeDerivative d = new TimeDerivative(loss);
    WickExpectation w = new WickExpectation(loss.table());
    List<List<Network>> levels = new ArrayList<>();
    List<Map<Network, List<Network>>> children = new ArrayList<>();
    List<Set<Network>> reach = new ArrayList<>();
    List<Network> level = new ArrayList<>(loss.terms().keySet());
    for (int s = 0; s <= order; s++) {
      levels.add(level);
      Rational top = e.subtract(c.multiply(Rational.of(s)));
      Set<Network> reaching = new HashSet<>();
      for (Network f : level) {
        Polynomial value = w.expectation(f, WorkBudget.unlimited());
        for (Monomial m : value.terms().keySet()) {
          Rational x = Rational.of(m.exponent(Variable.P)).add(a.multiply(Rational.of(m.exponent(Variable.H))))
              .add(b.multiply(Rational.of(m.exponent(Variable.SIGMA2))));
          if (x.compareTo(top) > 0) {
            System.out.println("order " + s + ": a network exceeds the top exponent " + top + " (the ray is not admissible)");
          }
          if (x.compareTo(top) >= 0) {
            reaching.add(f);
          }
        }
      }
      reach.add(reaching);
      if (s == order) {
        break;
      }
      Map<Network, List<Network>> kids = new HashMap<>();
      Set<Network> next = new LinkedHashSet<>();
      for (Network f : level) {
        Map<Network, Rational> one = new LinkedHashMap<>();
        one.put(f, Rational.ONE);
        NetworkSum derived = d.apply(new NetworkSum(loss.table(), one), WorkBudget.unlimited());
        kids.put(f, new ArrayList<>(derived.terms().keySet()));
        next.addAll(derived.terms().keySet());
      }
      children.add(kids);
      level = new ArrayList<>(next);
    }
    Set<Network> needed = new HashSet<>(reach.get(order));
    int[] neededCount = new int[order + 1];
    neededCount[order] = needed.size();
    for (int s = order - 1; s >= 0; s--) {
      Set<Network> here = new HashSet<>(reach.get(s));
      for (Network f : levels.get(s)) {
        for (Network g : children.get(s).get(f)) {
          if (needed.contains(g)) {
            here.add(f);
          }
        }
      }
      needed = here;
      neededCount[s] = here.size();
    }
    System.out.println("order | networks | reach the top exponent | needed (reach it or have a descendant that does)");
    for (int s = 0; s <= order; s++) {
      System.out.println(s + " | " + levels.get(s).size() + " | " + reach.get(s).size() + " | " + neededCount[s]);
    }
  }
}
