package org.gfd.cli;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gfd.api.Gfd;
import org.gfd.error.StoppedException;
import org.gfd.export.SeriesWriter;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.series.LossSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd demo}: the main job on the built-in example. */
@Command(name = "demo", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Exact loss series of asymmetric CP of order 3 with identity target, to order 3: "
        + "printed, and written as LaTeX to a file (gfd-demo.tex in the current directory unless --output says otherwise).")
final class DemoCommand implements Callable<Integer> {
  static final int NU = 3;
  static final int ORDER = 3;

  @Spec CommandSpec spec;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--output", defaultValue = "gfd-demo.tex", paramLabel = "FILE",
      description = "Where to write the LaTeX. Default: ${DEFAULT-VALUE} (in the current directory).")
  String output;

  @Override
  public Integer call() {
    OutputFile file = OutputFile.of("--output", output);
    Model model = ModelLoader.builtIn("cp", Map.of("nu", NU));
    LossSeries series = Gfd.series(model, ORDER, budgetOptions.budget(), Progress.orders(spec));
    var out = spec.commandLine().getOut();
    if (file.isStandardOutput()) {
      out.print(SeriesWriter.latex(series));
    } else {
      file.write(SeriesWriter.latex(series).getBytes(StandardCharsets.UTF_8));
      out.print(SeriesWriter.text(series));
      out.println("# LaTeX written to " + output);
    }
    out.flush();
    series.stopReason().ifPresent(r -> {
      throw new StoppedException(r);
    });
    return ExitCode.OK;
  }
}
