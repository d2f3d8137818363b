package org.gfd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a whole {@code gfd} process ends when it cannot finish (issue 7, items 3 and 8): an interrupt
 * (SIGINT, SIGTERM) or a tiny heap keeps the finished orders and says why on one line; a JVM that
 * cannot start with the user's {@code JAVA_OPTS} is bad input, not a failed check.
 */
class ProcessEndsTest {
  private record Ended(int code, String out, String err) {}

  private static Process start(Path dir, List<String> jvm, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xss16m");
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(GfdCommand.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile()).start();
  }

  private static Ended end(Process p, Path dir) throws Exception {
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "gfd did not end");
    return new Ended(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  /** Starts a long series into {@code file}, waits until c_1 is checkpointed there, then sends {@code signal}. */
  private static Ended interrupt(Path dir, String signal) throws Exception {
    Path file = dir.resolve("series.json");
    Process p = start(dir, List.of(), "series", "--nu", "3", "--max-order", "12", "--format", "json",
        "--output", file.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(file) && Files.readString(file).contains("\"s\" : 1")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.readString(file).contains("\"unfinished"), "the checkpoint says it is unfinished");
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " failed");
    return end(p, dir);
  }

  /**
   * Whether this process ignores SIGINT (as a background job of a non-interactive shell does):
   * then so does every child, gfd included, by the parent's choice, and SIGINT cannot be tested.
   */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << (2 - 1))) != 0;
      }
    }
    return false;
  }

  @Test
  void sigintKeepsTheFinishedOrders(@TempDir Path dir) throws Exception {
    assumeFalse(sigintIgnored(), "SIGINT is ignored by this process and its children");
    Ended e = interrupt(dir, "INT");
    assertEquals(130, e.code(), e.err());
    checkInterrupted(dir, e);
  }

  @Test
  void sigtermKeepsTheFinishedOrders(@TempDir Path dir) throws Exception {
    Ended e = interrupt(dir, "TERM");
    assertEquals(143, e.code(), e.err());
    checkInterrupted(dir, e);
  }

  private static void checkInterrupted(Path dir, Ended e) throws IOException {
    assertEquals(1, e.err().lines().count(), e.err());
    assertTrue(e.err().startsWith("gfd: interrupted while computing order"), e.err());
    String json = Files.readString(dir.resolve("series.json"));
    assertTrue(json.contains("\"s\" : 1") && json.contains("\"stopped\" : \"interrupted"), json);
  }

  @Test
  void aTinyHeapStopsCleanlyEveryTime(@TempDir Path dir) throws Exception {
    for (int run = 0; run < 3; run++) {
      Path file = dir.resolve("out" + run + ".txt");
      Ended e = end(start(dir, List.of("-Xmx16m"), "series", "--nu", "3", "--symmetric", "--max-order", "12",
          "--output", file.toString()), dir);
      assertEquals(2, e.code(), e.err());
      assertEquals(1, e.err().lines().count(), e.err());
      assertTrue(e.err().startsWith("gfd: memory limit reached"), e.err());
      String text = Files.readString(file);
      assertTrue(text.contains("c_0 = ") && text.contains("# stopped: memory limit reached"), text);
    }
  }

  @Test
  void javaOptionsTheVmRefusesAreBadInput(@TempDir Path dir) throws Exception {
    Path launcher = Path.of("gfd").toAbsolutePath();
    for (String opts : new String[] {"-Xmx1k", "-Xno-such-option"}) {
      ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "series", "--nu", "2", "--max-order", "1")
          .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
      Map<String, String> env = pb.environment();
      env.put("JAVA_OPTS", opts);
      Ended e = end(pb.start(), dir);
      assertEquals(2, e.code(), e.err());
      assertEquals(1, e.err().lines().count(), e.err());
      assertTrue(e.err().startsWith("gfd: the Java VM does not start with JAVA_OPTS='" + opts + "'"), e.err());
      assertFalse(e.out().contains("c_0"), e.out());
    }
  }
}
