package org.gfd.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gfd.cli.GfdCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every LaTeX output of every verb compiles with {@code pdflatex} in a document made of
 * {@code \documentclass{article}}, the packages of {@link Latex#REQUIRED_PACKAGES} and the output
 * pasted into the body, and runs into no margin and off no page: no {@code Overfull \hbox} more
 * than {@link #TOLERANCE_PT} wide, no {@code Overfull \vbox} (a display too tall for a page).
 *
 * <p>Without {@code pdflatex} on the {@code PATH} the test is skipped, unless the environment
 * variable {@code GFD_REQUIRE_PDFLATEX=1} (set by CI) makes that a failure.
 */
class LatexCompileTest {
  /** Overfull boxes up to this many points are rounding noise, not text in the margin. */
  static final BigDecimal TOLERANCE_PT = BigDecimal.ONE;
  /** Seconds one pdflatex run may take; a page of formulas takes well under one. */
  private static final long PDFLATEX_SECONDS = 120;
  private static final Pattern OVERFULL = Pattern.compile("Overfull \\\\([hv])box \\(([0-9.]+)pt too (?:wide|high)\\)");
  private static final Pattern PAGES = Pattern.compile("Output written on \\S+ \\((\\d+) pages?");

  @TempDir static Path dir;

  private static String pdflatex;

  @BeforeAll
  static void findPdflatex() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(d, "pdflatex");
      if (Files.isExecutable(candidate)) {
        pdflatex = candidate.toString();
        return;
      }
    }
    String message = "pdflatex is not on the PATH: install texlive-latex-base and texlive-latex-extra";
    if ("1".equals(System.getenv("GFD_REQUIRE_PDFLATEX"))) {
      fail(message + " (GFD_REQUIRE_PDFLATEX=1 requires it)");
    }
    Assumptions.abort(message + "; skipping the LaTeX compile checks");
  }

  /** A command line and the least number of pages its output must fill. */
  private record Case(String name, String args, int minPages) {}

  private static final List<Case> CASES = List.of(
      // orders 0..8 fill more than a page: the align* must break across pages
      new Case("series-nu2-order8", "series --nu 2 --max-order 8 --format latex", 2),
      new Case("series-nu2-symmetric-order6", "series --nu 2 --symmetric --max-order 6 --format latex", 1),
      new Case("series-nu3-zero-order3", "series --nu 3 --target zero --max-order 3 --format latex", 1),
      new Case("diagrams-nu2-order2", "diagrams --nu 2 --order 2 --format latex", 1),
      new Case("diagrams-nu2-order3-leading", "diagrams --nu 2 --order 3 --leading --format latex", 1),
      new Case("diagram-drawing-tikz", "diagrams --nu 2 --order 2 --draw 1 --draw-format tikz", 1),
      new Case("regimes-nu2-asymmetric", "regimes --nu 2 --max-order 4 --format latex", 1),
      new Case("regimes-nu2-symmetric", "regimes --nu 2 --symmetric --max-order 4 --format latex", 1),
      new Case("verify-admissible", "verify --nu 2 --scale H=p^2,sigma2=p^(-7/4) --format latex", 1),
      new Case("verify-divergent", "verify --nu 2 --scale H=p^2,sigma2=p^(-7/4) --time t=p^0 --format latex", 1),
      new Case("verify-trivial", "verify --nu 2 --scale H=p^2,sigma2=p^(-7/4) --time t=p^-1 --format latex", 1),
      new Case("verify-warning", "verify --nu 2 --scale H=p^0,sigma2=p^(-2) --format latex", 1),
      new Case("verify-boundary", "verify --nu 2 --scale H=p^2,sigma2=p^(-2) --format latex", 1),
      new Case("verify-vertex", "verify --nu 2 --scale H=p,sigma2=p^(-1) --format latex", 1),
      new Case("verify-numeric-constants", "verify --nu 3 --scale H=2*p^3,sigma2=1/2*p^(-11/6) --max-order 3 --format latex", 1),
      new Case("solve-ntk", "solve --nu 2 --scale H=p^2,sigma2=p^(-7/4) --format latex", 1),
      new Case("solve-free-evolution-pde", "solve --nu 2 --scale H=p^0,sigma2=p^0 --max-order 8 --strategy pde --format latex", 1),
      new Case("eval-ntk-50-digits", "eval --nu 2 --scale H=p^2,sigma2=p^(-7/4) --set h=1/2,v=1 --tau 0:2:0.25 --digits 50 --format latex", 1),
      new Case("eval-pade", "eval --nu 2 --scale H=p^2,sigma2=p^(-7/4) --set h=1/2,v=1 --tau 0:1:0.5 --method pade --format latex", 1));

  @TestFactory
  Stream<DynamicTest> everyLatexOutputCompiles() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      tests.add(DynamicTest.dynamicTest(c.name(), () -> {
        String latex = run(c.args().split(" "));
        compile(c.name(), latex, c.minPages());
      }));
    }
    tests.add(DynamicTest.dynamicTest("report-nu2", () -> {
      Path tex = dir.resolve("report-output.tex");
      run("report", "--nu", "2", "--max-order", "6", "--output", tex.toString());
      String doc = Files.readString(tex);
      // a whole document, compiled as written; the named regimes' closed forms and the diagrams are in it
      assertTrue(doc.contains("\\documentclass") && doc.contains("\\end{document}"), doc);
      assertTrue(doc.contains("NTK/lazy") && doc.contains("\\frac{1}{2 \\cdot {e}^{"), doc);
      assertTrue(doc.contains("\\begin{tikzpicture}"), doc);
      compile("report-nu2", doc, 3, true);
    }));
    for (String model : List.of("linear-regression", "diagonal-network")) {
      tests.add(DynamicTest.dynamicTest("dmft-" + model, () -> {
        Path tex = dir.resolve("dmft-" + model + ".tex");
        run("dmft", "--model", "tests/models/" + model + ".gfd", "--scale", "n=2*p,sigma2=1", "--t-max", "0.2", "--steps", "8",
            "--points", "3", "--samples", "50", "--replicas", "1", "--latex", tex.toString());
        compile("dmft-" + model, Files.readString(tex), 1);
      }));
    }
    tests.add(DynamicTest.dynamicTest("demo", () -> {
      Path tex = dir.resolve("demo-output.tex");
      run("demo", "--output", tex.toString());
      compile("demo", Files.readString(tex), 1);
    }));
    return tests.stream();
  }

  /** Runs gfd; exit codes 0 (PASS) and 1 (a failed verify) both print a result. */
  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GfdCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertTrue(code == 0 || code == 1, "gfd " + String.join(" ", args) + " exited " + code + ": " + err);
    return out.toString();
  }

  /** The document the README tells users to paste an output into. */
  static String document(String body) {
    StringBuilder sb = new StringBuilder("\\documentclass{article}\n");
    for (String p : Latex.REQUIRED_PACKAGES) {
      sb.append("\\usepackage{").append(p).append("}\n");
    }
    return sb.append("\\begin{document}\n").append(body).append("\\end{document}\n").toString();
  }

  private static void compile(String name, String latex, int minPages) throws IOException, InterruptedException {
    compile(name, latex, minPages, false);
  }

  /** Compiles {@code latex}, pasted into {@link #document} unless it is a {@code whole} document. */
  private static void compile(String name, String latex, int minPages, boolean whole) throws IOException, InterruptedException {
    if (!whole) {
      assertTrue(latex.startsWith(Latex.requires()), name + ": the first line names the packages:\n" + latex);
    }
    Path work = Files.createDirectories(dir.resolve(name));
    Files.writeString(work.resolve(name + ".tex"), whole ? latex : document(latex), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(pdflatex, "-interaction=nonstopmode", "-halt-on-error", name + ".tex")
        .directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("pdflatex.out").toFile()).start();
    if (!p.waitFor(PDFLATEX_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(name + ": pdflatex took more than " + PDFLATEX_SECONDS + " s");
    }
    String log = Files.readString(work.resolve(name + ".log"), StandardCharsets.ISO_8859_1);
    assertEquals(0, p.exitValue(), name + ": pdflatex failed:\n" + errors(log) + "\n--- input ---\n" + latex);
    List<String> overfull = overfull(log);
    assertEquals(List.of(), overfull, name + ": boxes run over:\n" + latex);
    Matcher pages = PAGES.matcher(log);
    assertTrue(pages.find(), name + ": no output written");
    assertTrue(Integer.parseInt(pages.group(1)) >= minPages,
        name + ": expected at least " + minPages + " pages, got " + pages.group(1));
  }

  /** The {@code Overfull} lines of a log that exceed the tolerance (every {@code \vbox} one does). */
  static List<String> overfull(String log) {
    List<String> out = new ArrayList<>();
    Matcher m = OVERFULL.matcher(log);
    while (m.find()) {
      if (new BigDecimal(m.group(2)).compareTo(TOLERANCE_PT) > 0) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** The error lines ({@code ! ...}) of a log with the two lines after each. */
  private static String errors(String log) {
    StringBuilder sb = new StringBuilder();
    List<String> lines = log.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("!")) {
        lines.subList(i, Math.min(lines.size(), i + 3)).forEach(l -> sb.append(l).append('\n'));
      }
    }
    return sb.length() == 0 ? log : sb.toString();
  }
}
