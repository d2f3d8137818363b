package org.gfd.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.gfd.series.LossSeries;
import picocli.CommandLine.Model.CommandSpec;

/** Progress reports on stderr, only when a person is watching (a terminal). */
final class Progress {
  private Progress() {}

  /** Reports each finished order of a series: {@code gfd: c_3 done (2.1 s)}. */
  static Consumer<LossSeries> orders(CommandSpec spec) {
    if (System.console() == null) {
      return s -> {};
    }
    long start = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    return s -> {
      err.printf("gfd: c_%d of c_0..c_%d done (%.1f s)%n", s.maxOrder(), s.requestedOrder(),
          (System.nanoTime() - start) / 1e9);
      err.flush();
    };
  }

  /** Counts finished pieces of work on one line: {@code gfd: seed 3 of 8 done}. */
  static IntConsumer count(CommandSpec spec, String what, int total) {
    if (System.console() == null) {
      return k -> {};
    }
    PrintWriter err = spec.commandLine().getErr();
    return k -> {
      synchronized (err) {
        err.printf("\rgfd: %s %d of %d done", what, k, total);
        if (k == total) {
          err.println();
        }
        err.flush();
      }
    };
  }
}
