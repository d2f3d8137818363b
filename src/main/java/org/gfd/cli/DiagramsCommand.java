package org.gfd.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gfd.api.Gfd;
import org.gfd.diagram.DiagramList;
import org.gfd.error.InputException;
import org.gfd.export.DiagramDrawing;
import org.gfd.export.DiagramWriter;
import org.gfd.export.Format;
import org.gfd.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd diagrams}: the distinct fully paired diagrams of one order. */
@Command(name = "diagrams", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "The distinct diagrams of order S (networks of D^S L with a Wick pairing, up to "
        + "isomorphism), each with its multiplicity and weight monomial; or a drawing of one.")
final class DiagramsCommand implements Callable<Integer> {
  /** The drawing styles by the names users write, in the order messages list them. */
  private static final Map<String, DiagramDrawing.Style> STYLES = styles();

  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--order", required = true, paramLabel = "S", description = "The order S.")
  int order;

  @Option(names = "--leading",
      description = "Only diagrams whose weight leads on some ray H = p^a, sigma2 = p^b.")
  boolean leading;

  @Option(names = "--draw", paramLabel = "INDEX",
      description = "Print a drawing of diagram INDEX (1-based, as listed) instead of the list.")
  Integer draw;

  @Option(names = "--draw-format", paramLabel = "STYLE",
      description = "With --draw: the drawing's format, dot or tikz (any case). Default: dot.")
  String drawFormat;

  @Option(names = "--max-matchings", defaultValue = "" + Gfd.DEFAULT_MAX_MATCHINGS, paramLabel = "N",
      description = "Refuse orders with more than N Wick matchings to enumerate (N >= 1). "
          + "Default: ${DEFAULT-VALUE}.")
  long maxMatchings;

  private static Map<String, DiagramDrawing.Style> styles() {
    Map<String, DiagramDrawing.Style> m = new LinkedHashMap<>();
    m.put("dot", DiagramDrawing.Style.DOT);
    m.put("tikz", DiagramDrawing.Style.TIKZ);
    return m;
  }

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Format format = outputOptions.format();
    outputOptions.file();
    Orders.check("--order", order);
    if (draw != null && outputOptions.formatGiven()) {
      throw new InputException("--format does not apply to --draw: a drawing is written in --draw-format (dot or tikz)");
    }
    if (draw == null && drawFormat != null) {
      throw new InputException("--draw-format applies only with --draw INDEX");
    }
    DiagramDrawing.Style style = drawFormat == null ? DiagramDrawing.Style.DOT
        : Choices.parse("--draw-format", drawFormat, STYLES);
    if (maxMatchings < 1) {
      throw new InputException("--max-matchings must be at least 1, got " + maxMatchings);
    }
    if (draw != null && draw < 1) {
      throw new InputException("--draw must be at least 1, got " + draw);
    }
    DiagramList list = Gfd.diagrams(model, order, leading, maxMatchings, budgetOptions.budget());
    String text;
    if (draw != null) {
      if (draw > list.diagrams().size()) {
        throw new InputException("--draw must be between 1 and " + list.diagrams().size() + ", got " + draw);
      }
      text = DiagramDrawing.draw(list.diagrams().get(draw - 1), style);
    } else {
      text = DiagramWriter.write(list, format);
    }
    outputOptions.emit(text, spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
