package org.gfd.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gfd.export.Format;
import picocli.CommandLine.Option;

/** Where and how results are written. */
public final class OutputOptions {
  /** The formats by the names users write, in the order messages list them. */
  private static final Map<String, Format> FORMATS = formats();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Output format: text, json or latex (any case). Default: text.")
  String format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the result to FILE instead of stdout (- for stdout). A regular file is "
          + "replaced atomically, keeping its mode; devices and FIFOs are written directly; links are followed.")
  String output;

  private static Map<String, Format> formats() {
    Map<String, Format> m = new LinkedHashMap<>();
    m.put("text", Format.TEXT);
    m.put("json", Format.JSON);
    m.put("latex", Format.LATEX);
    return m;
  }

  /** The format asked for (text when none was). */
  Format format() {
    return format == null ? Format.TEXT : Choices.parse("format", format, FORMATS);
  }

  /** Whether {@code --format} was given. */
  boolean formatGiven() {
    return format != null;
  }

  /** The output file, or standard output. */
  OutputFile file() {
    return OutputFile.of("--output", output == null ? "-" : output);
  }

  /** Writes the final {@code text} to {@code --output} if given, else to {@code out}. */
  void emit(String text, PrintWriter out) {
    file().emit(text, out);
  }

  /**
   * Writes a partial result as a checkpoint, when the output is a file that can be rewritten as
   * the result grows (not standard output, a device or a FIFO, which get the final result only).
   */
  void checkpoint(Supplier<String> text) {
    OutputFile f = file();
    if (f.isRewritable()) {
      f.write(text.get().getBytes(StandardCharsets.UTF_8));
    }
  }
}
