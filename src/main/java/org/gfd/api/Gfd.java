package org.gfd.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.diagram.Diagram;
import org.gfd.diagram.DiagramCensus;
import org.gfd.diagram.DiagramFamily;
import org.gfd.diagram.DiagramList;
import org.gfd.dmft.Dmft;
import org.gfd.dmft.DmftProblem;
import org.gfd.dmft.SiteModel;
import org.gfd.error.InputException;
import org.gfd.error.Messages;
import org.gfd.error.StoppedException;
import org.gfd.export.RegimeSum;
import org.gfd.model.Model;
import org.gfd.model.RegimeRoles;
import org.gfd.model.Species;
import org.gfd.network.NetworkSum;
import org.gfd.network.WorkBudget;
import org.gfd.numeric.Curve;
import org.gfd.numeric.CurvePoint;
import org.gfd.numeric.Curves;
import org.gfd.numeric.TauGrid;
import org.gfd.scaling.Faces;
import org.gfd.scaling.LeadingMonomials;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RayLimit;
import org.gfd.scaling.RayLimits;
import org.gfd.scaling.RegimeCell;
import org.gfd.scaling.RegimeMap;
import org.gfd.scaling.RegimeName;
import org.gfd.scaling.RegimeStudy;
import org.gfd.scaling.RegimeVertex;
import org.gfd.scaling.Verification;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.gfd.simulate.Comparison;
import org.gfd.simulate.DmftComparison;
import org.gfd.simulate.ExponentMeasurement;
import org.gfd.simulate.Simulation;
import org.gfd.summation.Attempt;
import org.gfd.summation.Strategy;
import org.gfd.summation.Summation;
import org.gfd.summation.SummationResult;

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

  /**
   * The DMFT curves of {@code problem} (a model of the linear-in-data class at {@code n = m p}):
   * gradient flow from three discrete-time solves; {@code progress} gets the solves done.
   */
  public static Dmft.Result dmft(DmftProblem problem, Dmft.Settings settings, WorkBudget budget, IntConsumer progress) {
    return Dmft.solve(problem, settings, budget, progress);
  }

  /**
   * The variables a ray may set for {@code model}, by the names users write, in display order: the
   * sizes of its index kinds other than {@code p}, then its species' variances.
   */
  public static Map<String, Variable> rayVariables(Model model) {
    requireLargeSize(model);
    Set<Variable> vars = new TreeSet<>();
    for (Species sp : model.species()) {
      sp.legKinds().forEach(k -> vars.add(k.size()));
      vars.addAll(sp.variance().powers().keySet());
    }
    vars.remove(Variable.P);
    Map<String, Variable> out = new LinkedHashMap<>();
    vars.forEach(v -> out.put(v.name(), v));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Rays, regime maps and leading diagrams grow every size and variance as a power of the size
   * {@code p}, the large parameter: a model must have an index kind {@code p} to be studied on them.
   *
   * @throws InputException when {@code model} has no index kind of size {@code p}
   */
  static void requireLargeSize(Model model) {
    boolean hasP = model.species().stream().anyMatch(sp -> sp.legKinds().stream().anyMatch(k -> k.size().equals(Variable.P)));
    if (!hasP) {
      throw new InputException("rays and regime maps scale every size as a power of p, the large dimension, but model "
          + model.name() + " has no index kind p: name its large dimension p (index p, ...)");
    }
  }

  /**
   * The exact loss series {@code c_0..c_maxOrder}; fewer orders when the budget runs out or the
   * run is interrupted (the result says why: {@link LossSeries#stopReason()}).
   *
   * @param known coefficients already computed (a checkpoint), taken as they are
   * @param finished told the series so far after each order is finished
   */
  public static LossSeries series(Model model, int maxOrder, List<Polynomial> known, WorkBudget budget,
      Consumer<LossSeries> finished) {
    return LossSeriesEngine.compute(model, maxOrder, known, budget, finished);
  }

  /**
   * Like {@link #series(Model, int, List, WorkBudget, Consumer)} for the observable
   * {@code observable} ({@code loss} or one of {@link Model#observables()}), the flow following
   * the loss.
   *
   * @throws InputException when the model has no such observable
   */
  public static LossSeries series(Model model, String observable, int maxOrder, List<Polynomial> known,
      WorkBudget budget, Consumer<LossSeries> finished) {
    return LossSeriesEngine.compute(model, observable, maxOrder, known, budget, finished);
  }

  /** {@link #series(Model, int, List, WorkBudget, Consumer)} from scratch. */
  public static LossSeries series(Model model, int maxOrder, WorkBudget budget, Consumer<LossSeries> finished) {
    return series(model, maxOrder, List.of(), budget, finished);
  }

  /**
   * The regime map of {@code model} from orders {@code 0..maxOrder}, compared with the map from
   * {@code 0..maxOrder-1}; the axes are the exponents of the ray variables the series uses.
   *
   * @param finished told the series so far after each order is finished
   * @throws StoppedException when the budget stopped the work first
   */
  public static RegimeStudy regimes(Model model, int maxOrder, WorkBudget budget, Consumer<LossSeries> finished) {
    requireLargeSize(model);
    return study(complete(series(model, maxOrder, budget, finished)), budget);
  }

  /** The regime study of a complete series: its map and the map of one order fewer. */
  private static RegimeStudy study(LossSeries series, WorkBudget budget) {
    int maxOrder = series.maxOrder();
    List<Variable> axes = axes(series.coefficients());
    RegimeMap map = map(series.coefficients(), axes, series.model().regimeRoles(), budget);
    Optional<RegimeMap> previous = maxOrder >= 2
        ? Optional.of(map(series.coefficients().subList(0, maxOrder), axes, series.model().regimeRoles(), budget))
        : Optional.empty();
    RegimeStudy study = RegimeStudy.compare(map, previous);
    if (axes.size() != 3) {
      return study;
    }
    // in three exponents the named regimes live on walls around vertices: the facets of the
    // Newton polytope of the limit coefficients at each vertex
    List<RegimeStudy.VertexFaces> faces = new ArrayList<>();
    for (RegimeVertex vertex : map.vertices()) {
      budget.checkNow();
      Map<Variable, Rational> point = new LinkedHashMap<>();
      for (int i = 0; i < axes.size(); i++) {
        point.put(axes.get(i), vertex.point().get(i));
      }
      try {
        faces.add(new RegimeStudy.VertexFaces(vertex.point(),
            Faces.at(series.coefficients(), new Ray(point, Map.of(), Optional.empty(), Optional.empty()))));
      } catch (IllegalArgumentException e) {
        // no order s >= 1 survives at this vertex: no polytope of an evolving limit
      }
    }
    return study.withFaces(faces);
  }

  /**
   * Verifies a ray: its limit, admissibility and place on the regime map from orders
   * {@code 0..maxOrder}. The place is found from the map near the ray's exponent point
   * ({@link org.gfd.scaling.RegimeMap#near}); the whole map is never built.
   *
   * @param finished told the series so far after each order is finished
   * @throws InputException when the ray leaves out a variable of the model, or sets one it lacks
   * @throws StoppedException when the budget stopped the work first
   */
  public static Verification verify(Model model, Ray ray, int maxOrder, WorkBudget budget,
      Consumer<LossSeries> finished) {
    return verify(model, Model.LOSS, ray, maxOrder, budget, finished);
  }

  /**
   * Verifies a ray for the observable {@code observable} (the loss or one of the model's): the place
   * on the regime map and the time scale {@code c} are the loss's (the flow follows the loss; a
   * {@code c} fixed on the ray is kept), the normalization {@code e} and the limit coefficients
   * are the observable's own, {@code hat c_s = lim p^(c s - e) c_s(O)}.
   *
   * @throws InputException as {@link #verify(Model, Ray, int, WorkBudget, Consumer)}, and for an unknown observable
   * @throws StoppedException when the budget stopped the work first
   */
  public static Verification verify(Model model, String observable, Ray ray, int maxOrder, WorkBudget budget,
      Consumer<LossSeries> finished) {
    return examine(model, observable, ray, maxOrder, budget, finished).verification();
  }

  /**
   * The limit of the part of the observable that evolves, {@code E[O(t)] - E[O(0)]}
   * ({@link RayLimits#analyzeEvolving}), with the place on the map of {@link #verify}: for rays on
   * which the leading part of {@code E[O]} does not move.
   *
   * @throws InputException as {@link #verify}, and when order 1 vanishes on the ray
   * @throws StoppedException when the budget stopped the work first
   */
  public static Verification verifyEvolving(Model model, String observable, Ray ray, int maxOrder, WorkBudget budget,
      Consumer<LossSeries> finished) {
    Examined x = examine(model, observable, ray, maxOrder, budget, finished);
    Verification v = x.verification();
    try {
      return new Verification(RayLimits.analyzeEvolving(x.observed(), ray), v.point(), v.near(),
          Optional.of("normalized: the part that evolves, E[" + observable + "(t)] - E[" + observable + "(0)], with "
              + "c = min_{s >= 2} (E_1 - E_s)/(s - 1) and e = E_1 + c, which the limit below takes as given"), true);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }

  /**
   * {@link #verify} and the regimes around the ray's point read off the Newton polytope of its limit
   * coefficients ({@link Faces}): one per facet, with a ray inside it and its limit; for an
   * observable, its coefficients with the loss's time scale on every ray. One series serves both.
   *
   * @throws InputException as {@link #verify}, and when the ray has not three variables or nothing survives there
   * @throws StoppedException when the budget stopped the work first
   */
  public static FacesReport verifyWithFaces(Model model, String observable, Ray ray, int maxOrder, WorkBudget budget,
      Consumer<LossSeries> finished) {
    Examined x = examine(model, observable, ray, maxOrder, budget, finished);
    try {
      return new FacesReport(x.verification(), Faces.at(x.loss(), x.observed(), ray));
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }

  /**
   * A verification with the coefficients it rests on: the loss's and the observable's; and the
   * loss's own verification (the same as {@code verification} for the loss).
   */
  private record Examined(Verification verification, List<Polynomial> loss, List<Polynomial> observed, Verification ofLoss) {}

  /**
   * The loss's and the observable's series from one engine (one derivative, one Wick memo), and
   * the verification of the ray: place and time scale from the loss, normalization and limit
   * coefficients from the observable.
   */
  private static Examined examine(Model model, String observable, Ray ray, int maxOrder, WorkBudget budget,
      Consumer<LossSeries> finished) {
    model.observable(observable); // an unknown name is refused before any work
    Map<String, Variable> variables = rayVariables(model);
    for (Variable v : variables.values()) {
      if (!ray.exponents().containsKey(v)) {
        throw new InputException("missing size " + v.name() + " in --scale: the model has "
            + String.join(", ", variables.keySet()));
      }
    }
    for (Variable v : ray.exponents().keySet()) {
      if (!variables.containsValue(v)) {
        throw new InputException("variable " + v.name() + " in --scale does not occur in this model");
      }
    }
    LossSeriesEngine engine = LossSeriesEngine.of(model);
    List<Polynomial> loss = complete(engine.series(Model.LOSS, maxOrder, List.of(), budget, finished)).coefficients();
    Verification located;
    try {
      located = Verification.of(loss, ray, axes(loss), model.regimeRoles(), budget);
    } catch (StoppedException e) {
      throw new StoppedException(e.reason().with("while locating the ray on the regime map"));
    }
    // where the loss's leading part does not move, the part that evolves is what has a limit
    Verification ofLoss = located.evolvingInstead(loss).orElse(located);
    if (observable.equals(Model.LOSS)) {
      return new Examined(ofLoss, loss, loss, ofLoss);
    }
    List<Polynomial> observed = complete(engine.series(observable, maxOrder, List.of(), budget, s -> {})).coefficients();
    Optional<Rational> c = ray.timeExponent().or(() -> ofLoss.limit().timeExponent());
    Ray timed = new Ray(ray.exponents(), ray.constantValues(), c, ray.normExponent());
    Verification v = new Verification(RayLimits.analyze(observed, timed), ofLoss.point(), ofLoss.near(), ofLoss.warning());
    if (ofLoss.evolving()) {
      // the observable's evolving part too, on the loss's time scale
      try {
        v = new Verification(RayLimits.analyzeEvolving(observed, timed), ofLoss.point(), ofLoss.near(),
            Optional.of(Verification.EVOLVING_NOTE), true);
      } catch (IllegalArgumentException e) {
        // order 1 of the observable vanishes: its own limit, as it is
      }
    }
    return new Examined(v, loss, observed, ofLoss);
  }

  /**
   * The closed form of the limit series on {@code ray}: the ray is verified on orders
   * {@code 0..maxOrder}, the constants named in {@code set} are given their values, and the limit
   * coefficients are summed by {@code strategies} ({@link Summation}).
   *
   * @throws InputException when the ray is not admissible (there is no limit series), when
   *     {@code set} names a constant the ray does not have, or when the series is too short
   * @throws StoppedException when the budget stopped the work first
   */
  public static Solution solve(Model model, String observable, Ray ray, int maxOrder, Map<String, Rational> set,
      List<Strategy> strategies,
      WorkBudget budget, Consumer<LossSeries> finished) {
    Limit l = limit(model, observable, ray, maxOrder, set, budget, finished);
    // an observable's strategies may read the flow from the loss's limit on the same time scale
    List<Strategy> following = l.loss().map(loss -> strategies.stream().map(s -> s.following(loss)).toList()).orElse(strategies);
    return new Solution(l.verification(), l.set(), l.values(), Summation.solve(l.general(), l.valueOf(), following, budget));
  }

  /**
   * The limit curve on {@code ray} as numbers on {@code grid}, at {@code digits} significant
   * digits: every constant of the ray must have a value (from the ray or {@code set}). With
   * {@code method} empty, the certified closed form when {@link #solve} finds one, else the
   * series' Padé approximant; otherwise the method named (a closed form that is not found is a
   * failure of the curve, not an exception).
   *
   * @throws InputException as {@link #solve} does, and when a constant is left without a value
   * @throws StoppedException when the budget stopped the work first
   */
  public static Evaluation evaluate(Model model, String observable, Ray ray, int maxOrder, Map<String, Rational> set,
      Optional<Curve.Method> method, List<Strategy> strategies, TauGrid grid, int digits, WorkBudget budget,
      Consumer<LossSeries> finished) {
    List<String> free = constants(ray).keySet().stream().filter(k -> !set.containsKey(k)).toList();
    if (!free.isEmpty()) {
      throw new InputException("the limit curve needs a value for every constant of the ray: " + String.join(", ", free)
          + (free.size() == 1 ? " has" : " have") + " none; give " + (free.size() == 1 ? "it" : "them") + " with --set, e.g. --set \""
          + String.join(", ", free.stream().map(k -> k + "=1/2").toList()) + "\"");
    }
    boolean closed = method.isEmpty() || method.get() == Curve.Method.CLOSED_FORM;
    if (!closed && maxOrder + 1 < Curves.MIN_ORDERS) {
      throw new InputException("a series of " + (maxOrder + 1) + " orders is too short for the " + method.get().label()
          + " with an error estimate: at least " + Curves.MIN_ORDERS + " are needed; raise --max-order");
    }
    if (!closed) {
      Limit l = limit(model, observable, ray, maxOrder, set, budget, finished);
      Solution s = new Solution(l.verification(), l.set(), l.values(), new SummationResult(Optional.empty(), List.of()));
      return new Evaluation(s, Curves.series(l.values(), method.get() == Curve.Method.PADE, grid, digits, budget));
    }
    Solution s = solve(model, observable, ray, maxOrder, set, strategies, budget, finished);
    if (s.summation().closedForm().isPresent()) {
      return new Evaluation(s, Curves.closedForm(s.summation().closedForm().get(), grid, digits, budget));
    }
    if (method.isPresent()) {
      return new Evaluation(s, new Curve(Curve.Method.CLOSED_FORM, "", Optional.empty(), digits, List.of(),
          Optional.of("no closed form was found (each strategy's account follows); --method pade evaluates the series")));
    }
    return new Evaluation(s, Curves.series(s.coefficients(), true, grid, digits, budget));
  }

  /**
   * Theory against experiment on {@code ray}: the limit curve ({@link #evaluate} with the automatic
   * method) at {@code points} equally spaced {@code tau} from 0 to {@code tauMax}, and for each
   * size {@code p} of {@code sizes} a simulation with the seeds and integrator of {@code runs} at the ray's values with
   * the largest relative deviation of its mean normalized loss from the curve
   * ({@link Comparison#at}).
   *
   * @throws InputException as {@link #evaluate} does, when the curve cannot be evaluated on the
   *     whole grid, or when a simulation diverges
   * @throws StoppedException when the budget stopped the work first
   */
  public static ComparisonReport compare(Model model, String observable, Ray ray, int maxOrder, Map<String, Rational> set,
      List<Strategy> strategies, List<Integer> sizes, Rational tauMax, int points, Simulation.Settings runs,
      WorkBudget budget, Consumer<LossSeries> finished, IntConsumer progress) {
    if (points < 2) {
      throw new InputException("--points must be at least 2 (tau = 0 and tau-max), got " + points);
    }
    if (tauMax.signum() <= 0) {
      throw new InputException("--tau-max must be positive, got " + tauMax);
    }
    // the theory on a grid THEORY_STRIDE times finer than the simulations', for a smooth plot
    int fine = (points - 1) * ComparisonReport.THEORY_STRIDE;
    List<Rational> taus = new ArrayList<>();
    for (int k = 0; k <= fine; k++) {
      taus.add(tauMax.multiply(Rational.of(k, fine)));
    }
    Evaluation theory = evaluate(model, observable, ray, maxOrder, set, Optional.empty(), strategies, new TauGrid(taus),
        COMPARE_DIGITS, budget, finished);
    Curve curve = theory.curve();
    if (curve.points().size() <= fine) {
      throw new InputException("the theory curve could not be evaluated on the whole grid ("
          + curve.failure().orElse("it stopped early") + "); lower --tau-max");
    }
    double[] tau = new double[points];
    double[] values = new double[points];
    for (int k = 0; k < points; k++) {
      CurvePoint q = curve.points().get(k * ComparisonReport.THEORY_STRIDE);
      tau[k] = q.tau().doubleValue();
      values[k] = q.value().doubleValue();
    }
    RayLimit limit = theory.solution().verification().limit();
    // every constant has a value here: evaluate refused the ray otherwise
    Comparison.RayValues rayValues = rayValues(model, ray, set, limit);
    List<Comparison.SizeRun> sizeRuns = new ArrayList<>();
    for (int p : sizes) {
      sizeRuns.add(Comparison.at(model, observable, p, rayValues, tau, values, theory.solution().verification().evolving(), runs,
          budget, progress));
    }
    return new ComparisonReport(theory, sizeRuns);
  }

  /**
   * {@code compare --dmft}: the DMFT curve of {@code observable} (the loss, or the model's test
   * loss {@code 1/2 |f - b|^2}) against the series' limit curve (closed form, else Padé approximant
   * of orders {@code 0..maxOrder}) and against simulations at {@code sizes}, on the DMFT's times.
   *
   * @throws InputException when the model is outside the DMFT class, the observable is neither loss,
   *     or the ray is not the proportional limit
   */
  public static DmftComparison compareDmft(Model model, String observable, Ray ray, Map<String, Rational> set,
      Rational tauMax, Dmft.Settings settings, int maxOrder, List<Strategy> strategies, List<Integer> sizes, Simulation.Settings runs,
      WorkBudget budget, Consumer<LossSeries> finished, IntConsumer progress) {
    if (settings.tMax() != tauMax.doubleValue()) {
      throw new IllegalArgumentException("the DMFT runs to " + settings.tMax() + ", not to t-max " + tauMax);
    }
    SiteModel site = SiteModel.recognize(model);
    boolean train = observable.equals(Model.LOSS);
    if (!train && !site.testObservable().equals(Optional.of(observable))) {
      throw new InputException("the DMFT gives the train loss (loss) and the test loss 1/2 |f - b|^2"
          + site.testObservable().map(t -> " (observable " + t + ")").orElse(", which model " + model.name()
              + " declares no observable for") + "; " + Messages.quote(observable) + " is neither");
    }
    DmftProblem problem = DmftProblem.on(site, ray, set);
    Dmft.Result dmft = Dmft.solve(problem, settings, budget, k -> {});
    List<Rational> taus = new ArrayList<>();
    if (dmft.times().length < 2) {
      throw new InputException("nothing to compare: " + dmft.stopped().orElse("the DMFT gave one time only"));
    }
    for (int j = 0; j < dmft.times().length; j++) {
      taus.add(tauMax.multiply(Rational.of(j, settings.points() - 1)));
    }
    Ray timed = new Ray(ray.exponents(), ray.constantValues(), Optional.of(Rational.ZERO), Optional.of(Rational.ONE));
    Evaluation series = evaluate(model, observable, timed, maxOrder, set, Optional.empty(), strategies, new TauGrid(taus),
        COMPARE_DIGITS, budget, finished);
    Comparison.RayValues rayValues = rayValues(model, timed, set, series.solution().verification().limit());
    double[] values = train ? dmft.train() : dmft.test();
    List<Comparison.SizeRun> sizeRuns = new ArrayList<>();
    for (int p : sizes) {
      sizeRuns.add(Comparison.at(model, observable, p, rayValues, dmft.times(), values, runs, budget, progress));
    }
    return new DmftComparison(problem, dmft, train, series.curve(), sizeRuns);
  }

  /**
   * The ray at numbers: each constant from the ray, else from {@code set}, else 1; {@code c} and
   * {@code e} from {@code limit}.
   *
   * @throws InputException when the ray leaves a size of the model unset or the limit has no time scale
   */
  private static Comparison.RayValues rayValues(Model model, Ray ray, Map<String, Rational> set, RayLimit limit) {
    Map<Variable, Double> constants = new LinkedHashMap<>();
    for (Variable x : ray.exponents().keySet()) {
      Rational k = ray.constantValues().getOrDefault(x, set.getOrDefault(Ray.constantOf(x).name(), Rational.ONE));
      constants.put(x, k.doubleValue());
    }
    if (limit.timeExponent().isEmpty()) {
      throw new InputException("the ray has no time scale (no order s >= 1 survives): nothing to simulate against");
    }
    Comparison.RayValues rayValues = new Comparison.RayValues(ray.exponents(), constants,
        limit.timeExponent().get(), limit.normExponent());
    List<Variable> missing = Comparison.missing(model, rayValues);
    if (!missing.isEmpty()) {
      throw new InputException("the ray must set every size of the model to simulate it; it leaves "
          + String.join(", ", missing.stream().map(Variable::name).toList()));
    }
    return rayValues;
  }

  /**
   * The exponents {@code e} and {@code c} of {@code ray} measured by simulation at {@code sizes}
   * ({@link ExponentMeasurement}): each size simulated with the seeds and integrator of {@code runs} to
   * {@code t = p^c tauMax}, {@code c} and {@code e} the predicted ones of {@code verification}, the
   * ray's constants from the ray or {@code set} (1 when given neither).
   *
   * @throws InputException when the ray is not admissible or a simulation diverges
   */
  public static ExponentMeasurement.Result measureExponents(Model model, Ray ray, Verification verification,
      Map<String, Rational> set, List<Integer> sizes, Rational tauMax, Simulation.Settings runs, WorkBudget budget) {
    if (!verification.limit().isAdmissible()) {
      throw new InputException("the ray is not admissible (" + verification.limit().reason() + "): there are no exponents to measure");
    }
    if (sizes.size() < 2 || sizes.stream().anyMatch(p -> p < 1)) {
      throw new InputException("--sizes needs at least two positive sizes to measure slopes, got " + sizes);
    }
    Comparison.RayValues rayValues = rayValues(model, ray, set, verification.limit());
    int[] p = sizes.stream().mapToInt(Integer::intValue).toArray();
    Simulation.Result[] results = new Simulation.Result[p.length];
    double tau = tauMax.doubleValue();
    for (int k = 0; k < p.length; k++) {
      results[k] = Comparison.simulate(model, p[k], rayValues, tau, MEASURE_POINTS, runs, budget, n -> {});
    }
    return ExponentMeasurement.measure(p, results, runs.seed());
  }

  /** Times per simulation in {@link #measureExponents}: fine enough to place the half-way time. */
  private static final int MEASURE_POINTS = 81;

  /** Digits of the theory curve in {@link #compare}: far beyond what a simulation resolves. */
  private static final int COMPARE_DIGITS = 12;

  /**
   * The limit coefficients on a verified ray: as computed, and with the values of {@code set}
   * substituted; for an observable, the loss's limit coefficients too (symbolic), when the loss has
   * a limit on the ray.
   */
  private record Limit(Verification verification, List<Polynomial> general, Map<Variable, Rational> valueOf,
      List<Polynomial> values, Map<String, Rational> set, Optional<List<Polynomial>> loss) {}

  private static Limit limit(Model model, String observable, Ray ray, int maxOrder, Map<String, Rational> set,
      WorkBudget budget, Consumer<LossSeries> finished) {
    if (!ray.constantValues().isEmpty()) {
      // numbers written in the ray are values of its constants: the limit is taken with the
      // constants symbolic (the strategies read the structure in them) and the numbers substituted
      Map<String, Rational> all = new LinkedHashMap<>();
      ray.constantValues().forEach((x, k) -> all.put(Ray.constantOf(x).name(), k));
      set.forEach((name, value) -> {
        if (all.containsKey(name)) {
          throw new InputException("the constant " + name + " has a value in the ray already; do not --set it");
        }
        all.put(name, value);
      });
      Ray symbolic = new Ray(ray.exponents(), Map.of(), ray.timeExponent(), ray.normExponent());
      return limit(model, observable, symbolic, maxOrder, all, budget, finished);
    }
    Map<String, Variable> constants = constants(ray);
    Map<Variable, Rational> values = new LinkedHashMap<>();
    set.forEach((name, value) -> {
      Variable k = constants.get(name);
      if (k == null) {
        throw new InputException("unknown constant " + Messages.quote(name) + " in --set: "
            + (constants.isEmpty() ? "this ray has no symbolic constants" : "this ray's constants are " + String.join(", ", constants.keySet())));
      }
      values.put(k, value);
    });
    Examined x = examine(model, observable, ray, maxOrder, budget, finished);
    Verification v = x.verification();
    if (!v.limit().isAdmissible()) {
      throw new InputException("the ray is not admissible (" + v.limit().reason() + "): it has no limit series to sum");
    }
    List<Polynomial> general = v.limit().limitCoefficients();
    Optional<List<Polynomial>> loss = observable.equals(Model.LOSS) || !x.ofLoss().limit().isAdmissible() ? Optional.empty()
        : Optional.of(x.ofLoss().limit().limitCoefficients());
    return new Limit(v, general, values, general.stream().map(p -> p.substitute(values)).toList(), set, loss);
  }

  /** The symbolic constants of a ray (those it does not fix), by name, in the ray's order. */
  private static Map<String, Variable> constants(Ray ray) {
    Map<String, Variable> constants = new LinkedHashMap<>();
    for (Variable x : ray.exponents().keySet()) {
      if (!ray.constantValues().containsKey(x)) {
        constants.put(Ray.constantOf(x).name(), Ray.constantOf(x));
      }
    }
    return constants;
  }

  /** The seconds each regime's summation in {@link #report} may take at most. */
  public static final double REPORT_SUMMATION_SECONDS = 60;
  /** The highest order whose leading families {@link #report} draws. */
  public static final int REPORT_FAMILY_MAX_ORDER = 2;

  /**
   * A model's report: its series and regime map from orders {@code 0..maxOrder}, each named
   * regime's limit series (every named cell at its interior point, every named vertex whose ray
   * is admissible; not the cells whose time scale drifts with the highest order, which have no
   * limit curve) summed by {@code strategies}, each summation given at most
   * {@value #REPORT_SUMMATION_SECONDS} seconds (one that stops is reported as stopped, not
   * dropped), and the leading diagram families of those regimes up to order
   * {@value #REPORT_FAMILY_MAX_ORDER}.
   *
   * @throws StoppedException when the budget stopped the series, the map or the diagrams
   */
  public static Report report(Model model, int maxOrder, List<Strategy> strategies, WorkBudget budget,
      Consumer<LossSeries> finished) {
    requireLargeSize(model);
    LossSeries series = complete(series(model, maxOrder, budget, finished));
    RegimeStudy study = study(series, budget);
    RegimeMap map = study.map();
    List<RegimeSum> sums = new ArrayList<>();
    Map<Integer, Set<Monomial>> weights = new TreeMap<>();
    for (RegimeCell c : map.cells()) {
      if (!c.name().isNamed() || c.name() == RegimeName.DRIFTING) {
        continue;
      }
      sums.add(regimeSum("cell " + c.id() + " (" + c.name().label().get() + ")", c.interiorPoint(), c.limit(), strategies,
          budget));
      c.leading().forEach((s, m) -> {
        if (s <= REPORT_FAMILY_MAX_ORDER) {
          weights.computeIfAbsent(s, k -> new TreeSet<>()).add(m);
        }
      });
    }
    for (RegimeVertex v : map.vertices()) {
      if (v.name().label().isPresent() && v.limit().isAdmissible()) {
        sums.add(regimeSum("vertex (" + String.join(", ", v.point().stream().map(Rational::toString).toList()) + ") ("
            + v.name().label().get() + ")", v.point(), v.limit().limitCoefficients(), strategies, budget));
      }
    }
    return new Report(series, study, sums, families(model, weights, budget));
  }

  /** A summation that gave no closed form, for {@code why}. */
  private static SummationResult notSummed(String why) {
    return new SummationResult(Optional.empty(), List.of(new Attempt("summation", false, why)));
  }

  private static RegimeSum regimeSum(String where, List<Rational> point, List<Polynomial> limit,
      List<Strategy> strategies, WorkBudget budget) {
    budget.checkNow();
    SummationResult r;
    if (limit.size() < Summation.MIN_ORDERS) {
      r = notSummed("not tried: " + limit.size() + " orders, and a closed form needs " + Summation.MIN_ORDERS);
    } else {
      double seconds = Math.min(REPORT_SUMMATION_SECONDS, budget.nanosLeft() / 1e9);
      try {
        r = Summation.solve(limit, strategies, WorkBudget.seconds(seconds));
      } catch (StoppedException e) {
        budget.checkNow();
        r = notSummed("stopped after " + Math.round(seconds) + " s (" + e.getMessage() + ")");
      }
    }
    return new RegimeSum(where, point, limit, r);
  }

  /**
   * The leading diagram families: for each order {@code s} whose diagrams can be listed (at most
   * {@link #FAMILY_MAX_MATCHINGS} matchings) and each given monomial of that order, the diagrams
   * of that weight.
   */
  public static List<DiagramFamily> families(Model model, Map<Integer, Set<Monomial>> weights,
      WorkBudget budget) {
    List<DiagramFamily> out = new ArrayList<>();
    NetworkSum loss = NetworkSum.loss(model);
    BigInteger most = BigInteger.valueOf(FAMILY_MAX_MATCHINGS);
    for (Map.Entry<Integer, Set<Monomial>> e : new TreeMap<>(weights).entrySet()) {
      if (DiagramCensus.matchingCountLowerBound(loss, e.getKey()).compareTo(most) > 0) {
        continue;
      }
      NetworkSum derivative = LossSeriesEngine.derivative(model, e.getKey(), budget);
      if (DiagramCensus.matchingCount(derivative).compareTo(most) > 0) {
        continue;
      }
      List<Diagram> all = DiagramCensus.list(derivative, FAMILY_MAX_MATCHINGS, budget);
      for (Monomial m : e.getValue()) {
        out.add(DiagramFamily.of(e.getKey(), m, all));
      }
    }
    return out;
  }

  /** {@link RegimeMap#of}, a stop saying that it happened while building the map. */
  private static RegimeMap map(List<Polynomial> coefficients, List<Variable> axes, Optional<RegimeRoles> roles,
      WorkBudget budget) {
    try {
      return RegimeMap.of(coefficients, axes, roles, budget);
    } catch (StoppedException e) {
      throw new StoppedException(e.reason().with("while building the regime map"));
    }
  }

  private static LossSeries complete(LossSeries series) {
    series.stopReason().ifPresent(r -> {
      throw new StoppedException(r);
    });
    return series;
  }

  /** The variables other than p that the coefficients use, in display order: the map's axes. */
  public static List<Variable> axes(List<Polynomial> coefficients) {
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
   * @throws InputException when the order has more than {@code maxMatchings} matchings (refused
   *     before {@code D^s L} is computed when a lower bound on their number already exceeds it)
   */
  public static DiagramList diagrams(Model model, int s, boolean leadingOnly, long maxMatchings,
      WorkBudget budget) {
    if (leadingOnly) {
      requireLargeSize(model);
    }
    BigInteger atLeast = DiagramCensus.matchingCountLowerBound(NetworkSum.loss(model), s);
    if (atLeast.compareTo(BigInteger.valueOf(maxMatchings)) > 0) {
      throw new InputException("order " + s + " has at least " + atLeast + " Wick matchings, more than the "
          + maxMatchings + " that may be listed");
    }
    List<Diagram> all;
    try {
      all = DiagramCensus.list(LossSeriesEngine.derivative(model, s, budget), maxMatchings, budget);
    } catch (StoppedException e) {
      throw new StoppedException(e.reason().with("while listing the diagrams of order " + s));
    }
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
