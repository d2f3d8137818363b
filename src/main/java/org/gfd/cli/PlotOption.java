package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import org.gfd.error.InputException;
import org.gfd.export.RegimePlot;

/** The image format of a {@code --plot} file, from its extension. */
final class PlotOption {
  private PlotOption() {}

  /**
   * PNG for {@code .png}, SVG for {@code .svg}.
   *
   * @throws InputException for any other extension
   */
  static RegimePlot.ImageFormat format(OutputFile file, String name) {
    return switch (file.extension()) {
      case "png" -> RegimePlot.ImageFormat.PNG;
      case "svg" -> RegimePlot.ImageFormat.SVG;
      default -> throw new InputException("--plot file must end in .png or .svg, got " + quote(name));
    };
  }
}
