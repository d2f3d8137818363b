package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gfd.api.Evaluation;
import org.gfd.api.Gfd;
import org.gfd.error.GfdException;
import org.gfd.error.InputException;
import org.gfd.error.StoppedException;
import org.gfd.export.EvalWriter;
import org.gfd.export.Format;
import org.gfd.model.Model;
import org.gfd.numeric.Curve;
import org.gfd.numeric.TauGrid;
import org.gfd.scaling.Ray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd eval}: the limit curve on a ray as numbers at a requested precision. */
@Command(name = "eval", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Evaluates the limit curve F(tau) on an admissible ray, every constant given a value, at times "
        + "--tau and --digits significant digits, each value with an error estimate: the certified closed form "
        + "when gfd solve finds one, else the series' Pade approximant (with the radius of convergence estimated "
        + "from its coefficients). Exit 0 with the values; exit 1 when a value cannot be given (no closed form for "
        + "--method closed-form, a pole, a closed form that is not real there).")
final class EvalCommand implements Callable<Integer> {
  /** Digits by default. */
  static final int DEFAULT_DIGITS = 30;
  /** The most digits that may be asked for. */
  static final int MAX_DIGITS = 10_000;
  private static final Map<String, Optional<Curve.Method>> METHODS = methods();

  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin ObservableOption observableOption;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;
  @Mixin RayOptions rayOptions;
  @Mixin SummationOptions summationOptions;

  @Option(names = "--tau", required = true, paramLabel = "TIMES",
      description = "Times: START:STOP:STEP, stop included (e.g. 0:5:0.1), or one time (e.g. 1/2); exact numbers.")
  String tau;

  @Option(names = "--digits", defaultValue = "" + DEFAULT_DIGITS, paramLabel = "D",
      description = "Significant digits of the values (1.." + MAX_DIGITS + "). Default: ${DEFAULT-VALUE}.")
  int digits;

  @Option(names = "--method", paramLabel = "METHOD",
      description = "auto (the closed form if one is certified, else the Pade approximant), closed-form, pade or "
          + "series (the truncated sum). Default: auto.")
  String method;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write the values to FILE as CSV (tau,F,error,digits).")
  String csv;

  private static Map<String, Optional<Curve.Method>> methods() {
    Map<String, Optional<Curve.Method>> m = new LinkedHashMap<>();
    m.put("auto", Optional.empty());
    m.put("closed-form", Optional.of(Curve.Method.CLOSED_FORM));
    m.put("pade", Optional.of(Curve.Method.PADE));
    m.put("series", Optional.of(Curve.Method.SERIES));
    return m;
  }

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Format format = outputOptions.format();
    OutputFile output = outputOptions.file();
    OutputFile csvFile = csv == null ? null : OutputFile.of("--csv", csv);
    if (csvFile != null && csvFile.isSameFileAs(output)) {
      throw new InputException("--csv and --output must be different files (both are " + quote(csv) + ")");
    }
    int maxOrder = summationOptions.maxOrder();
    if (digits < 1 || digits > MAX_DIGITS) {
      throw new InputException("--digits must be between 1 and " + MAX_DIGITS + ", not " + digits);
    }
    TauGrid grid = TauGrid.parse("--tau", tau);
    Optional<Curve.Method> m = method == null ? Optional.empty() : Choices.parse("method", method, METHODS);
    Ray ray = rayOptions.ray(model);
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    Evaluation e;
    try {
      e = Gfd.evaluate(model, observableOption.name, ray, maxOrder, summationOptions.values(), m,
          summationOptions.strategies(), grid, digits,
          budgetOptions.budget(), finished);
    } catch (StoppedException ex) {
      throw finished.keep(ex, "the evaluation", outputOptions, format, spec.commandLine().getOut());
    }
    String header = EvalWriter.header(model, e.solution().verification().limit(), e.solution().set());
    if (csvFile != null) {
      csvFile.write(EvalWriter.csv(e.curve()).getBytes(StandardCharsets.UTF_8));
    }
    outputOptions.emit(EvalWriter.write(header, e.curve(), e.solution().summation(), format), spec.commandLine().getOut());
    return e.curve().failure().isEmpty() ? ExitCode.OK : ExitCode.of(GfdException.Kind.CHECK_FAILED);
  }
}
