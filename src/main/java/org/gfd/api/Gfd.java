package org.gfd.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Variable;
import org.gfd.diagram.Diagram;
import org.gfd.diagram.DiagramCensus;
import org.gfd.diagram.DiagramFamily;
import org.gfd.diagram.DiagramList;
import org.gfd.model.Model;
import org.gfd.network.NetworkSum;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.LeadingMonomials;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RegimeMap;
import org.gfd.scaling.RegimeStudy;
import org.gfd.scaling.Verification;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;

/** The verbs of gfd as Java methods; the command line calls exactly these. */
public final class Gfd {
  /** Wick matchings that {@link #diagrams} lists at most, by default (a few seconds of work). */
  public static final long DEFAULT_MAX_MATCHINGS = 1_000_000L;

  private Gfd() {}

  /**
   * Wick matchings up to which {@link #families} lists the diagrams of an order (a second or two
   * of work); higher orders get no family listing.
   */
  public static final long FAMILY_MAX_MATCHINGS = 50_000L;

  /** The variables a ray may set, by the names users write. */
  public static final Map<String, Variable> RAY_VARIABLES = Map.of(
      "H", Variable.H, "sigma2", Variable.SIGMA2, "n", Variable.N);

  /** The exact loss series {@code c_0..c_maxOrder} (fewer if the budget runs out; see the result). */
  public static LossSeries series(Model model, int maxOrder, WorkBudget budget, IntConsumer progress) {
    return LossSeriesEngine.compute(model, maxOrder, budget, progress);
  }

  /**
   * The regime map of {@code model} from orders {@code 0..maxOrder}, compared with the map from
   * {@code 0..maxOrder-1}; the axes are the exponents of the ray variables the series uses.
   *
   * @throws IllegalStateException when the budget stopped the series before {@code maxOrder}
   */
  public static RegimeStudy regimes(Model model, int maxOrder, WorkBudget budget, IntConsumer progress) {
    LossSeries series = complete(series(model, maxOrder, budget, progress));
    List<Variable> axes = axes(series.coefficients());
    RegimeMap map = RegimeMap.of(series.coefficients(), axes);
    Optional<RegimeMap> previous = maxOrder >= 2
        ? Optional.of(RegimeMap.of(series.coefficients().subList(0, maxOrder), axes))
        : Optional.empty();
    return RegimeStudy.compare(map, previous);
  }

  /**
   * Verifies a ray: its limit, admissibility and place on the regime map from orders
   * {@code 0..maxOrder}.
   *
   * @throws IllegalArgumentException when the ray leaves out a variable the series uses
   * @throws IllegalStateException when the budget stopped the series before {@code maxOrder}
   */
  public static Verification verify(Model model, Ray ray, int maxOrder, WorkBudget budget,
      IntConsumer progress) {
    LossSeries series = complete(series(model, maxOrder, budget, progress));
    List<Variable> axes = axes(series.coefficients());
    for (Variable v : axes) {
      if (!ray.exponents().containsKey(v)) {
        throw new IllegalArgumentException("missing size " + v.name() + " in --scale: the model has "
            + String.join(", ", axes.stream().map(Variable::name).toList()));
      }
    }
    for (Variable v : ray.exponents().keySet()) {
      if (!axes.contains(v)) {
        throw new IllegalArgumentException("variable " + v.name() + " in --scale does not occur in this model");
      }
    }
    return Verification.of(series.coefficients(), ray, RegimeMap.of(series.coefficients(), axes));
  }

  /**
   * The leading diagram families: for each order {@code s} whose diagrams can be listed (at most
   * {@link #FAMILY_MAX_MATCHINGS} matchings) and each given monomial of that order, the diagrams
   * of that weight.
   */
  public static List<DiagramFamily> families(Model model, Map<Integer, Set<Monomial>> weights,
      WorkBudget budget) {
    List<DiagramFamily> out = new ArrayList<>();
    for (Map.Entry<Integer, Set<Monomial>> e : new TreeMap<>(weights).entrySet()) {
      NetworkSum derivative = LossSeriesEngine.derivative(model, e.getKey(), budget);
      if (DiagramCensus.matchingCount(derivative).compareTo(BigInteger.valueOf(FAMILY_MAX_MATCHINGS)) > 0) {
        continue;
      }
      List<Diagram> all = DiagramCensus.list(derivative, FAMILY_MAX_MATCHINGS, budget);
      for (Monomial m : e.getValue()) {
        out.add(DiagramFamily.of(e.getKey(), m, all));
      }
    }
    return out;
  }

  private static LossSeries complete(LossSeries series) {
    if (!series.isComplete()) {
      throw new IllegalStateException(series.stopReason().orElseThrow());
    }
    return series;
  }

  /** The variables other than p that the coefficients use, in display order: the map's axes. */
  private static List<Variable> axes(List<Polynomial> coefficients) {
    Set<Variable> vars = new TreeSet<>();
    for (Polynomial c : coefficients) {
      for (Monomial m : c.terms().keySet()) {
        vars.addAll(m.powers().keySet());
      }
    }
    vars.remove(Variable.P);
    return List.copyOf(vars);
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
