package org.gfd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.gfd.export.Format;
import picocli.CommandLine.Option;

/** Where and how results are written. */
public final class OutputOptions {
  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: text, json or latex. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the result to FILE (atomically) instead of stdout.")
  Path output;

  Format format() {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> Format.TEXT;
      case "json" -> Format.JSON;
      case "latex" -> Format.LATEX;
      default -> throw new InputException("unknown format '" + format + "': use text, json or latex");
    };
  }

  /** Writes {@code text} to {@code --output} if given, else to {@code out}. */
  void emit(String text, PrintWriter out) {
    if (output == null) {
      out.print(text);
      out.flush();
    } else {
      writeAtomically(output, text);
    }
  }

  /**
   * Writes {@code text} to a temporary file beside {@code target}, then renames it over
   * {@code target}: readers never see a half-written file.
   */
  static void writeAtomically(Path target, String text) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; that is the error to report
        }
      }
      String reason = e instanceof java.nio.file.NoSuchFileException ? "no such directory"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
      throw new InputException("cannot write " + target + ": " + reason);
    }
  }
}
