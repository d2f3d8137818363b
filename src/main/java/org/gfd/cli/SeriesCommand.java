package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.gfd.algebra.Polynomial;
import org.gfd.api.Gfd;
import org.gfd.error.InputException;
import org.gfd.error.StopReason;
import org.gfd.error.StoppedException;
import org.gfd.export.Format;
import org.gfd.export.SeriesReader;
import org.gfd.export.SeriesWriter;
import org.gfd.model.Model;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd series}: the exact loss series c_0..c_S. */
@Command(name = "series", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Exact loss series E[L(t)] = sum_s c_s t^s/s!, c_s = E[D^s L] as polynomials in "
        + "p, H, sigma2 with exact rational coefficients. With --output FILE, the file is rewritten "
        + "after every finished order, so a limit, an interrupt or a crash keeps them.")
final class SeriesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--max-order", required = true, paramLabel = "S",
      description = "Highest order S (0.." + LossSeriesEngine.MAX_ORDER + ").")
  int maxOrder;

  @Option(names = "--observable", defaultValue = "loss", paramLabel = "NAME",
      description = "The observable whose series is taken, the flow following the loss: loss or one "
          + "declared in the model file (observable NAME = ...). Default: ${DEFAULT-VALUE}.")
  String observable;

  @Option(names = "--resume",
      description = "Extend the series already in the --output file (JSON, written by an earlier run of "
          + "the same model, finished or not): its coefficients are taken as they are and only the "
          + "missing orders are computed. A missing file starts from scratch.")
  boolean resume;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Format format = outputOptions.format();
    OutputFile file = outputOptions.file();
    Orders.check("--max-order", maxOrder);
    List<Polynomial> known = resume ? checkpoint(model, observable, format, file) : List.of();
    Consumer<LossSeries> progress = Progress.orders(spec);
    Consumer<LossSeries> onOrder = s -> {
      progress.accept(s);
      if (!s.isComplete()) {
        outputOptions.checkpoint(() -> SeriesWriter.write(s.stopped(new StopReason(StopReason.Limit.UNFINISHED,
            "(written after c_" + s.maxOrder() + " while the run went on)")), format));
      }
    };
    LossSeries series = Gfd.series(model, observable, maxOrder, known.subList(0, Math.min(known.size(), maxOrder + 1)),
        budgetOptions.budget(), onOrder);
    outputOptions.emit(SeriesWriter.write(series, format), spec.commandLine().getOut());
    if (series.stopReason().isPresent()) {
      StopReason r = series.stopReason().get();
      throw new StoppedException(r, r + (series.maxOrder() < 0 ? "; no order was finished"
          : "; the finished orders c_0..c_" + series.maxOrder() + " were written"));
    }
    return ExitCode.OK;
  }

  /** The coefficients in the output file, for {@code --resume}; none when it does not exist yet. */
  private static List<Polynomial> checkpoint(Model model, String observable, Format format, OutputFile file) {
    if (format != Format.JSON || file.isStandardOutput()) {
      throw new InputException("--resume extends a JSON series file: give --format json and --output FILE");
    }
    Path path = Path.of(file.name());
    if (!Files.exists(path)) {
      return List.of();
    }
    try {
      return SeriesReader.coefficients(Files.readString(path, StandardCharsets.UTF_8), model, observable, file.name());
    } catch (IOException e) {
      throw new InputException("cannot resume from " + quote(file.name()) + ": cannot read it");
    }
  }
}
