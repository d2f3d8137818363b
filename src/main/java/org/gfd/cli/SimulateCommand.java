package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.export.RegimePlot;
import org.gfd.export.SimulationWriter;
import org.gfd.model.Model;
import org.gfd.simulate.FlowModel;
import org.gfd.simulate.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfd simulate}: gradient flow at finite size, averaged over seeds. */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Integrates gradient flow dU/dt = -grad L at the given sizes from Gaussian initializations "
        + "(and data) of several seeds, and prints, at equally spaced times from 0 to t-max, the mean and the "
        + "standard error of the mean of the loss and of every other observable of the model (CSV columns).")
final class SimulateCommand implements Callable<Integer> {
  /** The most entries a simulated state and its data may have. */
  static final long MAX_ENTRIES = 50_000_000L;

  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin BudgetOptions budgetOptions;
  @Mixin SimulationOptions simulationOptions;

  @Option(names = "--p", paramLabel = "P", description = "The size p.")
  Integer p;

  @Option(names = "--H", paramLabel = "H", description = "The size H.")
  Integer h;

  @Option(names = "--n", paramLabel = "N", description = "The size n (samples), for models with data.")
  Integer n;

  @Option(names = "--sigma2", paramLabel = "S2", description = "The initial variance sigma2 (> 0).")
  Double sigma2;

  @Option(names = "--value", paramLabel = "NAME=VALUE", split = ",",
      description = "Values of other sizes and symbols of the model, comma separated: --value d=20,tau2=0.5.")
  List<String> others;

  @Option(names = "--t-max", required = true, paramLabel = "T", description = "The last time (> 0).")
  double tMax;

  @Option(names = "--points", paramLabel = "K", description = "Equally spaced times from 0 to T inclusive (>= 2). Default: 21.")
  int points = 21;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write the CSV (header, then t and each observable's mean and sem) to FILE.")
  String csv;

  @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the curves to FILE (.png or .svg); a CSV is written next to it.")
  String plot;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the table to FILE instead of stdout (- for stdout).")
  String output;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Map<Variable, Integer> sizes = new LinkedHashMap<>();
    Map<Variable, Double> values = new LinkedHashMap<>();
    putSize(sizes, "--p", Variable.P, p);
    putSize(sizes, "--H", Variable.H, h);
    putSize(sizes, "--n", Variable.N, n);
    if (sigma2 != null) {
      if (!(sigma2 > 0) || sigma2.isInfinite()) {
        throw new InputException("--sigma2 must be a positive number, got " + sigma2);
      }
      values.put(Variable.SIGMA2, sigma2);
    }
    parseOthers(model, sizes, values);
    Simulation.Settings settings = simulationOptions.settings(tMax, points);
    OutputFile out = OutputFile.of("--output", output == null ? "-" : output);
    OutputFile csvFile = csv == null ? null : OutputFile.of("--csv", csv);
    OutputFile plotFile = plot == null ? null : OutputFile.of("--plot", plot);
    RegimePlot.ImageFormat image = null;
    if (plotFile != null) {
      image = PlotOption.format(plotFile, plot);
      if (csvFile == null) {
        String name = plot.substring(0, plot.length() - 4) + ".csv";
        csvFile = OutputFile.of("--plot", name);
      }
    }
    FlowModel concrete = FlowModel.of(model, sizes, values);
    checkEntries(concrete);
    Simulation.Result result = Simulation.run(concrete, settings, budgetOptions.budget(),
        Progress.count(spec, "seed", settings.seeds()));
    List<String> given = new ArrayList<>();
    sizes.forEach((v, x) -> given.add(v + "=" + x));
    values.forEach((v, x) -> given.add(v + "=" + x));
    String at = String.join(", ", given);
    String description = "gfd simulate: " + model.describe() + "; " + at + "; t in [0, " + tMax + "]";
    String table = SimulationWriter.text(result, description);
    out.emit(table, spec.commandLine().getOut());
    if (csvFile != null) {
      csvFile.write(SimulationWriter.csv(result).getBytes(StandardCharsets.UTF_8));
    }
    if (plotFile != null) {
      plotFile.write(SimulationWriter.plot(result, model.describe() + ", " + at, image));
    }
    return ExitCode.OK;
  }

  private static void putSize(Map<Variable, Integer> sizes, String option, Variable v, Integer value) {
    if (value == null) {
      return;
    }
    if (value < 1) {
      throw new InputException(option + " must be a positive integer, got " + value);
    }
    sizes.put(v, value);
  }

  /** {@code --value NAME=VALUE}: an index kind's size (a positive integer) or another symbol's value. */
  private void parseOthers(Model model, Map<Variable, Integer> sizes, Map<Variable, Double> values) {
    if (others == null) {
      return;
    }
    Set<Variable> kinds = new HashSet<>();
    model.species().forEach(sp -> sp.legKinds().forEach(k -> kinds.add(k.size())));
    for (String s : others) {
      int eq = s.indexOf('=');
      Variable v = eq < 0 ? null : Variable.find(s.substring(0, eq).strip());
      String text = eq < 0 ? "" : s.substring(eq + 1).strip();
      if (v == null) {
        throw new InputException("--value takes NAME=VALUE with a size or symbol of the model, got " + quote(s));
      }
      try {
        if (kinds.contains(v)) {
          putSize(sizes, "--value " + v, v, Integer.parseInt(text));
        } else {
          double x = Double.parseDouble(text);
          if (!Double.isFinite(x)) {
            throw new NumberFormatException();
          }
          values.put(v, x);
        }
      } catch (NumberFormatException e) {
        throw new InputException("--value " + v + " needs " + (kinds.contains(v) ? "a positive integer" : "a finite number")
            + ", got " + quote(text));
      }
    }
  }

  private static void checkEntries(FlowModel concrete) {
    if (concrete.dimension() > MAX_ENTRIES) {
      throw new InputException("the flow has " + concrete.dimension() + " trainable entries, more than the "
          + MAX_ENTRIES + " that may be simulated");
    }
  }
}
