package org.gfd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfd eval --csv}: a header and one row of decimal numbers per time, beside the usual output. */
class EvalCommandTest {
  @TempDir Path dir;

  @Test
  void csvHasAHeaderAndDecimalRows() throws Exception {
    Path csv = dir.resolve("curve.csv");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GfdCommand.execute(new String[] {"eval", "--nu", "2", "--scale", "H=p^2,sigma2=p^(-7/4)", "--set",
        "h=1,v=1", "--tau", "0:1:1/3", "--digits", "12", "--csv", csv.toString()}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("tau,F,error,digits", lines.get(0));
    assertEquals(5, lines.size(), String.join("\n", lines));
    for (int k = 0; k < 4; k++) {
      String[] f = lines.get(k + 1).split(",");
      assertEquals(4, f.length, lines.get(k + 1));
      double tau = Double.parseDouble(f[0]);
      assertEquals(k / 3.0, tau, 1e-11);
      // the NTK curve 1/2 exp(-4 h v tau), independently in double precision
      assertEquals(0.5 * Math.exp(-4 * tau), Double.parseDouble(f[1]), 1e-11);
      Double.parseDouble(f[2]);
      assertEquals(12, Integer.parseInt(f[3]));
    }
    // the text table has the same rows
    assertEquals(4, out.toString().lines().filter(l -> !l.startsWith("#")).count(), out.toString());
  }
}
