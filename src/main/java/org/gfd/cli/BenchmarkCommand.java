package org.gfd.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.api.Gfd;
import org.gfd.error.InputException;
import org.gfd.error.StopReason;
import org.gfd.error.StoppedException;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.scaling.PrunedRayLimits;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RayLimit;
import org.gfd.scaling.RayLimits;
import org.gfd.scaling.RegimeMap;
import org.gfd.scaling.RegimeName;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.gfd.simulate.ConcreteModel;
import org.gfd.simulate.FlowModel;
import org.gfd.simulate.MaterializedCp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd benchmark}: wall time per order and the highest order reached within a time limit. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "For each built-in CP model (identity target), then the autoencoder: the wall time of each order of the "
        + "loss series, the highest order finished within the time limit, the peak heap; for CP also the ray "
        + "limits on the model's mean-field vertex and in its NTK cell, and for asymmetric CP of order 2 those "
        + "limits pruned to order 20 where H = p^a with a > 1.")
final class BenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "60", paramLabel = "SECONDS",
      description = "Time limit per model (any positive number; Infinity means none). Default: ${DEFAULT-VALUE}.")
  double seconds;

  @Option(names = "--nu", split = ",", defaultValue = "2,3", paramLabel = "NU",
      description = "Tensor orders to run, comma separated. Default: ${DEFAULT-VALUE}.")
  List<Integer> nus;

  @Option(names = "--autoencoder", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also time the autoencoder's train-loss series (default; --no-autoencoder skips it).")
  boolean autoencoder;

  @Option(names = "--simulator", description = "Instead: gradient evaluations per second of the simulator's paths "
      + "for asymmetric CP nu = 3 with the identity target at p = H = --size (Gram, generic tensor network, "
      + "materialized tensor), each timed for 5 s after a warm-up.")
  boolean simulator;

  @Option(names = "--size", defaultValue = "100", paramLabel = "P",
      description = "p = H for --simulator. Default: ${DEFAULT-VALUE}.")
  int size;

  /** Seconds each simulator path is timed for. */
  private static final double PATH_SECONDS = 5;

  /** The order the pruned ray limits of order-2 CP are taken to (the target on an NTK ray). */
  static final int PRUNED_ORDER = 20;

  /** The orders whose regime map picks the benchmark's rays: low, so that picking them is quick. */
  static final int RAY_MAP_ORDER = 3;

  @Override
  public Integer call() {
    if (simulator) {
      return simulatorPaths(spec.commandLine().getOut());
    }
    BudgetOptions.budget("--seconds", seconds);
    if (nus.isEmpty()) {
      throw new InputException("--nu needs at least one tensor order");
    }
    // the model files check their parameter's range: load each once before any work
    nus.forEach(nu -> ModelLoader.builtIn("cp", Map.of("nu", nu)));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("# gfd benchmark: %d cores, max heap %d MiB, %s s per model%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, seconds);
    out.println("# model | order | seconds for this order | cumulative seconds | distinct networks in D^s L "
        + "(one per orbit of interchangeable species)");
    List<String> rayLines = new ArrayList<>();
    for (boolean symmetric : new boolean[] {false, true}) {
      for (int nu : nus) {
        Model model = ModelLoader.builtIn(symmetric ? "cp-symmetric" : "cp", Map.of("nu", nu));
        rayLines.addAll(rayLimits(model, timedSeries(model, out).coefficients(), seconds));
      }
    }
    if (autoencoder) {
      timedSeries(ModelLoader.builtIn("autoencoder", Map.of()), out);
    }
    out.println("# ray limits: model | ray | orders (from the full series, or pruned to order " + PRUNED_ORDER
        + ": see gfd's scaling.PrunedRayLimits) | verdict | surviving orders | seconds");
    rayLines.forEach(out::println);
    return ExitCode.OK;
  }

  /**
   * The loss series of {@code model} within the time limit, each order's wall time printed with
   * the highest order and the peak heap.
   *
   * @throws StoppedException when it stopped for another reason than the time limit
   */
  private LossSeries timedSeries(Model model, PrintWriter out) {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    LossSeries series = Gfd.series(model, LossSeriesEngine.MAX_ORDER,
        Interrupts.watch(BudgetOptions.budget("--seconds", seconds)), s -> {});
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    double total = 0;
    for (int s = 0; s <= series.maxOrder(); s++) {
      total += series.orderSeconds().get(s);
      out.printf("%s | %d | %.3f | %.3f | %d%n", model.describe(), s, series.orderSeconds().get(s),
          total, series.networkCounts().get(s));
    }
    out.printf("%s | highest order within %s s: %d%s | peak heap %d MiB%n", model.describe(), seconds,
        series.maxOrder(), series.stopReason().map(r -> " (" + r + ")").orElse(""), peak >> 20);
    out.flush();
    // the time limit and a full heap end a model's run with its finished orders; anything else ends the benchmark
    if (series.stopReason().filter(r -> r.limit() != StopReason.Limit.TIME && r.limit() != StopReason.Limit.MEMORY).isPresent()) {
      throw new StoppedException(series.stopReason().get());
    }
    return series;
  }

  /**
   * The pruned ray limits of order-2 CP to {@link #PRUNED_ORDER} on {@code ray} (with the full
   * series' {@code e} and {@code c}), timed, with the networks kept per order and whether they
   * agree with {@code full} on every order both have.
   */
  private static String prunedLine(Model model, String what, Ray ray, RayLimit full, double seconds) {
    Ray fixed = PrunedRayLimits.fixed(ray, full);
    String head = String.format("%s | %s | pruned 0..%d", model.describe(), what, PRUNED_ORDER);
    int a = fixed.exponentOf(Monomial.of(Variable.H, 1)).compareTo(Rational.ONE);
    if (a < 0) {
      return head + " | not run: its bound needs H = p^a with a >= 1";
    }
    if (a == 0) {
      return head + " | not run: at a = 1 a mixed letter costs nothing and the pruning keeps every network";
    }
    long start = System.nanoTime();
    PrunedRayLimits.Result r;
    try {
      r = PrunedRayLimits.coefficients(model, fixed, PRUNED_ORDER, Interrupts.watch(BudgetOptions.budget("--seconds", seconds)));
    } catch (StoppedException e) {
      return head + " | stopped: " + e.getMessage();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    RayLimit pruned = RayLimits.analyze(r.coefficients(), fixed);
    boolean agrees = true;
    for (int s = 0; s <= full.maxOrder(); s++) {
      agrees &= pruned.limitCoefficient(s).equals(full.limitCoefficient(s));
    }
    return String.format("%s | %s | %d | %.3f | networks kept per order %s; agrees with the full series on orders 0..%d: %s",
        head, pruned.verdict().name().toLowerCase(java.util.Locale.ROOT), pruned.survivingOrders().size(), elapsed,
        r.kept(), full.maxOrder(), agrees ? "yes" : "NO");
  }

  /** Gradient evaluations per second of the three routes to CP's gradient, measured side by side. */
  private int simulatorPaths(PrintWriter out) {
    if (size < 1 || size > 1000) {
      throw new InputException("--size must be between 1 and 1000, got " + size);
    }
    Model model = ModelLoader.builtIn("cp", Map.of("nu", 3));
    Map<Variable, Integer> sizes = Map.of(Variable.P, size, Variable.H, size);
    Map<Variable, Double> values = Map.of(Variable.SIGMA2, 1.0 / size);
    FlowModel gram = FlowModel.of(model, sizes, values);
    ConcreteModel generic = new ConcreteModel(model, sizes, values);
    MaterializedCp materialized = new MaterializedCp(size, size);
    SplittableRandom random = new SplittableRandom(1);
    FlowModel.Sample sample = generic.sample(random);
    double[] y = generic.initialState(random);
    out.printf("# gfd benchmark --simulator: gradient of asymmetric CP nu = 3, identity target, p = H = %d; %d cores (one used)%n",
        size, Runtime.getRuntime().availableProcessors());
    out.println("# path | evaluations | seconds | evaluations per second | Gram path's speed over this one");
    Map<String, Runnable> paths = new LinkedHashMap<>();
    paths.put("Gram (" + gram.getClass().getSimpleName() + ")", () -> gram.gradient(y, sample));
    paths.put("generic tensor network (ConcreteModel)", () -> generic.gradient(y, sample));
    paths.put("materialized p^3 tensor (MaterializedCp)", () -> materialized.gradient(y));
    double gramRate = 0;
    for (Map.Entry<String, Runnable> e : paths.entrySet()) {
      timed(e.getValue(), 1);
      double[] run = timed(e.getValue(), PATH_SECONDS);
      double rate = run[0] / run[1];
      if (gramRate == 0) {
        gramRate = rate;
      }
      out.printf("%s | %d | %.2f | %.2f | %.1f%n", e.getKey(), (long) run[0], run[1], rate, gramRate / rate);
      out.flush();
    }
    return ExitCode.OK;
  }

  /** Runs {@code work} until {@code seconds} have passed (at least once): {evaluations, seconds}. */
  private static double[] timed(Runnable work, double seconds) {
    long start = System.nanoTime();
    long n = 0;
    do {
      work.run();
      n++;
    } while (System.nanoTime() - start < seconds * 1e9);
    return new double[] {n, (System.nanoTime() - start) / 1e9};
  }

  /**
   * The limits on the mean-field vertex and at an interior point of the NTK cell of the map of
   * {@code c_0..c_3}, analyzed from all the orders computed.
   */
  private static List<String> rayLimits(Model model, List<Polynomial> coefficients, double seconds) {
    if (coefficients.isEmpty()) {
      return List.of(model.describe() + " | no order finished: no ray limits");
    }
    List<Polynomial> low = coefficients.subList(0, Math.min(coefficients.size(), RAY_MAP_ORDER + 1));
    List<Variable> axes = Gfd.axes(low);
    RegimeMap map = RegimeMap.of(low, axes, model.regimeRoles());
    Map<String, List<Rational>> points = new LinkedHashMap<>();
    map.vertices().stream().filter(v -> v.name() == RegimeName.MEAN_FIELD).findFirst()
        .ifPresent(v -> points.put("mean-field vertex", v.point()));
    map.cells().stream().filter(c -> c.name() == RegimeName.NTK).findFirst()
        .ifPresent(c -> points.put("NTK cell", c.interiorPoint()));
    List<String> lines = new ArrayList<>();
    points.forEach((what, point) -> {
      Map<Variable, Rational> exponents = new LinkedHashMap<>();
      for (int i = 0; i < axes.size(); i++) {
        exponents.put(axes.get(i), point.get(i));
      }
      long start = System.nanoTime();
      RayLimit limit = RayLimits.analyze(coefficients, Ray.of(exponents));
      double analyze = (System.nanoTime() - start) / 1e9;
      List<String> ray = new ArrayList<>();
      exponents.forEach((v, a) -> ray.add(v.name() + "=p^(" + a + ")"));
      lines.add(String.format("%s | %s %s | 0..%d | %s | %d | %.3f", model.describe(), what, String.join(", ", ray),
          coefficients.size() - 1, limit.verdict().name().toLowerCase(java.util.Locale.ROOT),
          limit.survivingOrders().size(), analyze));
      if (PrunedRayLimits.applies(model) && limit.isAdmissible()) {
        lines.add(prunedLine(model, what + " " + String.join(", ", ray), Ray.of(exponents), limit, seconds));
      }
    });
    if (points.isEmpty()) {
      lines.add(model.describe() + " | no mean-field vertex or NTK cell on the map of orders 0.." + RAY_MAP_ORDER);
    }
    return lines;
  }
}
