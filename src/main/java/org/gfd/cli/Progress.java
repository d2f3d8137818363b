package org.gfd.cli;

import java.util.function.IntConsumer;
import picocli.CommandLine.Model.CommandSpec;

/** Progress reports on stderr, only when a person is watching (a terminal). */
final class Progress {
  private Progress() {}

  static IntConsumer orders(CommandSpec spec) {
    if (System.console() == null) {
      return s -> {};
    }
    long start = System.nanoTime();
    return s -> {
      spec.commandLine().getErr().printf("gfd: order %d (%.1f s)%n", s, (System.nanoTime() - start) / 1e9);
      spec.commandLine().getErr().flush();
    };
  }
}
