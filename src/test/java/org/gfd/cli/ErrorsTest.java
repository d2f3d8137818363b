package org.gfd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.gfd.error.GfdException;
import org.gfd.error.InputException;
import org.gfd.error.StopReason;
import org.gfd.error.StoppedException;
import org.junit.jupiter.api.Test;

/**
 * Errors are typed (issue 7, item 3): gfd's failures map to exit codes by kind in one place, and no
 * JDK exception is read by its type: an {@code IllegalStateException} or
 * {@code IllegalArgumentException} from a bug is an internal error, not "stopped" or "bad input".
 */
class ErrorsTest {
  private static String[] report(Throwable e) {
    StringWriter err = new StringWriter();
    int code = GfdCommand.report(e, new PrintWriter(err));
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void kindsMapToExitCodes() {
    assertEquals(0, ExitCode.OK);
    assertEquals(1, ExitCode.of(GfdException.Kind.CHECK_FAILED));
    assertEquals(2, ExitCode.of(GfdException.Kind.BAD_INPUT));
    assertEquals(2, ExitCode.of(GfdException.Kind.STOPPED));
    assertEquals(3, ExitCode.of(GfdException.Kind.INTERNAL));
  }

  @Test
  void jdkExceptionsAreInternalErrorsWhateverTheirType() {
    for (RuntimeException bug : new RuntimeException[] {new IllegalStateException("stopped? no: a bug"),
        new IllegalArgumentException("bad input? no: a bug"), new NullPointerException()}) {
      String[] r = report(bug);
      assertEquals("3", r[0], r[1]);
      assertTrue(r[1].startsWith("gfd: internal error: " + bug.getClass().getSimpleName()), r[1]);
    }
  }

  @Test
  void typedFailuresAndOverflowsAreOneLine() {
    String[] input = report(new InputException("bad\nvalue"));
    assertEquals("2", input[0]);
    assertEquals(1, input[1].lines().count(), input[1]);
    String[] stopped = report(new StoppedException(new StopReason(StopReason.Limit.TIME, "while computing order 3")));
    assertEquals("2", stopped[0]);
    assertEquals("gfd: time limit reached while computing order 3", stopped[1].strip());
    String[] oom = report(new OutOfMemoryError("Java heap space"));
    assertEquals("2", oom[0]);
    assertTrue(oom[1].startsWith("gfd: memory limit reached"), oom[1]);
    assertEquals(1, oom[1].lines().count());
    assertTrue(oom[1].strip().endsWith("or lower the order"), oom[1]);
  }

  @Test
  void runningOutOfHeapNamesWhatTheVerbCanLower() {
    StringWriter err = new StringWriter();
    assertEquals(2, GfdCommand.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err), "compare"));
    assertTrue(err.toString().contains("or simulate smaller sizes"), err.toString());
    assertFalse(err.toString().contains("order"), err.toString());
    err = new StringWriter();
    GfdCommand.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err), "dmft");
    assertTrue(err.toString().strip().endsWith("or lower --samples or --steps"), err.toString());
  }

  @Test
  void diagramsStoppedByTheTimeLimitIsNotAnInternalError() {
    StringWriter err = new StringWriter();
    int code = GfdCommand.execute("diagrams --nu 3 --order 5 --max-matchings 1000000000000 --time-limit 1".split(" "),
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().startsWith("gfd: time limit reached"), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
  }
}
