package org.gfd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint a later run can extend (issue 7, "Output"): {@code series --resume}. */
class ResumeTest {
  private static String[] run(String line) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GfdCommand.execute(line.split("\\s+"), new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void extendingAShortRunGivesTheFullRun(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.json");
    assertEquals("0", run("series --nu 2 --symmetric --max-order 3 --format json --output " + file)[0]);
    String[] resumed = run("series --nu 2 --symmetric --max-order 7 --format json --resume --output " + file);
    assertEquals("0", resumed[0], resumed[2]);
    String fresh = run("series --nu 2 --symmetric --max-order 7 --format json")[1];
    assertEquals(fresh, Files.readString(file));
  }

  @Test
  void finishedOrdersAreTakenAsTheyAre(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.json");
    assertEquals("0", run("series --nu 2 --max-order 1 --format json --output " + file)[0]);
    String marked = Files.readString(file).replaceFirst("\"coef\" : \"-2\"", "\"coef\" : \"-12345\"");
    Files.writeString(file, marked);
    assertEquals("0", run("series --nu 2 --max-order 3 --format json --resume --output " + file)[0]);
    String extended = Files.readString(file);
    String fresh = run("series --nu 2 --max-order 3 --format json")[1];
    assertTrue(extended.contains("-12345"), "the checkpoint's c_1 was recomputed");
    assertEquals(fresh.substring(fresh.indexOf("\"s\" : 2")), extended.substring(extended.indexOf("\"s\" : 2")));
  }

  @Test
  void aCheckpointOfAnotherModelIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.json");
    assertEquals("0", run("series --nu 2 --max-order 1 --format json --output " + file)[0]);
    String[] other = run("series --nu 3 --max-order 2 --format json --resume --output " + file);
    assertEquals("2", other[0]);
    assertTrue(other[2].contains("written for another model"), other[2]);
    Files.writeString(file, "c_0 = 1/2*p\n");
    String[] text = run("series --nu 2 --max-order 2 --format json --resume --output " + file);
    assertEquals("2", text[0]);
    assertTrue(text[2].startsWith("gfd: cannot resume from '" + file + "': not JSON"), text[2]);
  }
}
