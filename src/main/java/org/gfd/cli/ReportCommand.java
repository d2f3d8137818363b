package org.gfd.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.gfd.api.Gfd;
import org.gfd.api.Report;
import org.gfd.error.StoppedException;
import org.gfd.export.Format;
import org.gfd.export.ReportWriter;
import org.gfd.model.Model;
import org.gfd.summation.Summation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd report}: one LaTeX document of a model's series, regimes, limits, closed forms and diagrams. */
@Command(name = "report", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Writes one LaTeX document, preamble included, that compiles with pdflatex as written: the loss "
        + "series to --max-order, the regime map, each named regime's limit series summed into a certified closed "
        + "form (or the account of why none was found; each summation gets at most 60 s), and the diagrams of the "
        + "named regimes' leading families up to order 2 as TikZ.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--max-order", defaultValue = "" + SummationOptions.DEFAULT_ORDER, paramLabel = "S",
      description = "Highest order S of the series. Default: ${DEFAULT-VALUE}.")
  int maxOrder;

  @Option(names = "--output", defaultValue = "-", paramLabel = "FILE.tex",
      description = "Write the document to FILE.tex (- for stdout, the default); a regular file is replaced atomically.")
  String output;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    OutputFile file = OutputFile.of("--output", output);
    Orders.check("--max-order", maxOrder, 1);
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    Report report;
    try {
      report = Gfd.report(model, maxOrder, List.copyOf(Summation.strategies().values()), budgetOptions.budget(), finished);
    } catch (StoppedException ex) {
      OutputOptions series = new OutputOptions();
      series.output = output;
      throw finished.keep(ex, "the report", series, Format.LATEX, spec.commandLine().getOut());
    }
    String latex = ReportWriter.latex(model, report.series(), report.study(), report.sums(), report.families());
    file.emit(latex, spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
