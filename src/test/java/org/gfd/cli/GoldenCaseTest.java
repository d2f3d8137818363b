package org.gfd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden cases of {@code tests/golden}: {@code NAME.args} is one command line; the expected
 * results sit beside it: {@code NAME.expected} (stdout, exactly), {@code NAME.expected.json}
 * (stdout, as a JSON tree), {@code NAME.expected-subset.json} (every field given must be in the
 * JSON on stdout, equal), {@code NAME.expected-prefix} (the first lines of stdout),
 * {@code NAME.exit} (exit code, default 0), {@code NAME.stderr} (text
 * the one-line error must contain). Every case with bad input must print exactly one line on
 * stderr and no stack trace; a failed check (exit 1) says why on stdout.
 */
class GoldenCaseTest {
  private static final Path DIR = Path.of("tests", "golden");

  @TestFactory
  Stream<DynamicTest> goldenCases() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.list(DIR)) {
      cases = files.filter(f -> f.toString().endsWith(".args")).sorted().toList();
    }
    assertFalse(cases.isEmpty(), "no golden cases in " + DIR.toAbsolutePath());
    return cases.stream().map(args -> DynamicTest.dynamicTest(
        args.getFileName().toString().replace(".args", ""), () -> run(args)));
  }

  private static Path sibling(Path args, String suffix) {
    return args.resolveSibling(args.getFileName().toString().replace(".args", suffix));
  }

  private static void run(Path argsFile) throws IOException {
    String line = Files.readString(argsFile).strip();
    String[] args = line.isEmpty() ? new String[0] : line.split("\\s+");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GfdCommand.execute(args, new PrintWriter(out), new PrintWriter(err));

    Path exit = sibling(argsFile, ".exit");
    int expectedCode = Files.exists(exit) ? Integer.parseInt(Files.readString(exit).strip()) : 0;
    assertEquals(expectedCode, code, "exit code; stderr: " + err);
    String stderr = err.toString();
    if (code == ExitCode.CHECK_FAILED) {
      assertEquals(0, stderr.length(), "a failed check is reported on stdout: " + stderr);
    } else if (code != 0) {
      assertEquals(1, stderr.lines().count(), "exactly one line on stderr: " + stderr);
      assertTrue(stderr.startsWith("gfd: "), stderr);
      assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "no stack trace: " + stderr);
    }
    Path expectedErr = sibling(argsFile, ".stderr");
    if (Files.exists(expectedErr)) {
      String want = Files.readString(expectedErr).strip();
      assertTrue(stderr.contains(want), "stderr should contain '" + want + "' but was: " + stderr);
    }
    Path text = sibling(argsFile, ".expected");
    if (Files.exists(text)) {
      assertEquals(Files.readString(text), out.toString());
    }
    ObjectMapper mapper = new ObjectMapper();
    Path json = sibling(argsFile, ".expected.json");
    if (Files.exists(json)) {
      assertEquals(mapper.readTree(json.toFile()), mapper.readTree(out.toString()));
    }
    Path subset = sibling(argsFile, ".expected-subset.json");
    if (Files.exists(subset)) {
      JsonNode actual = mapper.readTree(out.toString());
      mapper.readTree(subset.toFile()).fields().forEachRemaining(e ->
          assertEquals(e.getValue(), actual.get(e.getKey()), "field " + e.getKey()));
    }
    Path prefix = sibling(argsFile, ".expected-prefix");
    if (Files.exists(prefix)) {
      String want = Files.readString(prefix);
      assertTrue(out.toString().startsWith(want), "stdout should start with\n" + want + "but was\n" + out);
    }
  }
}
