package org.gfd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every verb answers {@code --version} and {@code --help} (issue 7, item 6). */
class OptionsTest {
  @Test
  void everyVerbAnswersVersionAndHelp() {
    CommandLine root = new CommandLine(new GfdCommand());
    assertTrue(root.getSubcommands().size() >= 6);
    for (String verb : root.getSubcommands().keySet()) {
      for (String flag : new String[] {"--version", "--help"}) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GfdCommand.execute(new String[] {verb, flag}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, verb + " " + flag + ": " + err);
        String want = flag.equals("--version") ? GfdCommand.VERSION : "Usage: gfd " + verb;
        assertTrue(out.toString().contains(want), verb + " " + flag + " printed: " + out);
      }
    }
  }
}
