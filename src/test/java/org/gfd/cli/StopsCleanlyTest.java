package org.gfd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order whose work would exhaust the heap: {@code gfd} in its own small-heap JVM must stop
 * cleanly, write the finished orders, say why on one line and exit with 2.
 */
class StopsCleanlyTest {
  @Test
  void runningOutOfHeapKeepsTheFinishedOrders(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process proc = new ProcessBuilder(List.of(java, "-Xmx160m", "-Xss16m", "-cp",
        System.getProperty("java.class.path"), GfdCommand.class.getName(),
        "series", "--model", "cp", "--nu", "3", "--symmetric", "--max-order", "12"))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(proc.waitFor(5, TimeUnit.MINUTES), "gfd did not stop");
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(2, proc.exitValue(), stderr);
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.contains("memory limit reached"), stderr);
    assertFalse(stderr.contains("Exception"), stderr);
    assertTrue(stdout.contains("c_0 = ") && stdout.contains("c_2 = "), stdout);
    assertTrue(stdout.contains("# stopped: memory limit reached"), stdout);
  }
}
