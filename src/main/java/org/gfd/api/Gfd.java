package org.gfd.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Variable;
import org.gfd.diagram.Diagram;
import org.gfd.diagram.DiagramCensus;
import org.gfd.diagram.DiagramList;
import org.gfd.model.Model;
import org.gfd.network.NetworkSum;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.LeadingMonomials;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;

/** The verbs of gfd as Java methods; the command line calls exactly these. */
public final class Gfd {
  /** Wick matchings that {@link #diagrams} lists at most, by default (a few seconds of work). */
  public static final long DEFAULT_MAX_MATCHINGS = 5_000_000L;

  private Gfd() {}

  /** The exact loss series {@code c_0..c_maxOrder} (fewer if the budget runs out; see the result). */
  public static LossSeries series(Model model, int maxOrder, WorkBudget budget, IntConsumer progress) {
    return LossSeriesEngine.compute(model, maxOrder, budget, progress);
  }

  /**
   * The distinct diagrams of order {@code s}; with {@code leadingOnly}, those whose weight monomial
   * leads on some ray {@code H = p^a, sigma2 = p^b} (see {@link LeadingMonomials}).
   *
   * @throws IllegalArgumentException when the order has more than {@code maxMatchings} matchings
   */
  public static DiagramList diagrams(Model model, int s, boolean leadingOnly, long maxMatchings,
      WorkBudget budget) {
    NetworkSum derivative = LossSeriesEngine.derivative(model, s, budget);
    List<Diagram> all = DiagramCensus.list(derivative, maxMatchings, budget);
    Polynomial.Builder total = new Polynomial.Builder();
    List<Monomial> weights = new ArrayList<>();
    for (Diagram d : all) {
      total.add(d.coefficient(), d.weight());
      weights.add(d.weight());
    }
    List<Diagram> kept = all;
    if (leadingOnly) {
      Set<Monomial> leading = LeadingMonomials.onSomeRay(weights, Variable.P);
      kept = all.stream().filter(d -> leading.contains(d.weight())).toList();
    }
    return new DiagramList(model, s, leadingOnly, kept, total.build());
  }
}
