package org.gfd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN section 9 and the house rules: each package imports only from earlier stages, and each
 * third-party library is used only in the stages that own it.
 */
class LayeringTest {
  /** The stages in data-flow order. */
  private static final List<String> STAGES = List.of(
      "error", "algebra", "model", "lang", "network", "diagram", "series", "scaling", "summation", "numeric", "dmft", "simulate", "export", "api", "cli");
  /** Library package prefix to the stages allowed to import it. */
  private static final Map<String, List<String>> LIBRARIES = Map.of(
      "org.jgrapht", List.of("network", "diagram", "export"),
      "picocli", List.of("cli"),
      "com.fasterxml.jackson", List.of("export"),
      "org.matheclipse", List.of("summation"),
      "org.apfloat", List.of("summation", "numeric", "export"),
      "org.hipparchus", List.of("numeric", "simulate"),
      "org.ejml", List.of("simulate"),
      "org.antlr", List.of("lang"));
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile("\\borg\\.gfd\\.(\\w+)\\.");

  @Test
  void stagesImportOnlyEarlierStagesAndTheirOwnLibraries() throws IOException {
    Path root = Path.of("src", "main", "java", "org", "gfd");
    List<String> violations = new ArrayList<>();
    for (String stage : STAGES) {
      int rank = STAGES.indexOf(stage);
      try (Stream<Path> files = Files.walk(root.resolve(stage))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String src = Files.readString(f);
          Matcher m = IMPORT.matcher(src);
          while (m.find()) {
            String imported = m.group(1);
            LIBRARIES.forEach((lib, allowed) -> {
              if (imported.startsWith(lib) && !allowed.contains(stage)) {
                violations.add(f.getFileName() + " imports " + imported);
              }
            });
          }
          Matcher q = QUALIFIED.matcher(src);
          while (q.find()) {
            int used = STAGES.indexOf(q.group(1));
            if (used > rank) {
              violations.add(f.getFileName() + " (" + stage + ") uses later stage " + q.group(1));
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
