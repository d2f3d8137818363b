package org.gfd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfd.api.Gfd;
import org.gfd.export.Latex;
import org.junit.jupiter.api.Test;

/**
 * The README stands alone and says what the code does (issue 7, item 7): no file outside the
 * project, every linked file present, the listing default and the LaTeX packages as in the code.
 */
class ReadmeTest {
  private static final Path README = Path.of("README.md");

  @Test
  void pointsOnlyIntoTheProject() throws IOException {
    String text = Files.readString(README);
    assertFalse(text.contains("../"), "README points outside the project");
    Matcher links = Pattern.compile("\\]\\(([^)#]+)\\)").matcher(text);
    while (links.find()) {
      assertTrue(Files.exists(Path.of(links.group(1))), "README links to a missing file: " + links.group(1));
    }
  }

  @Test
  void statesTheDefaultsOfTheCode() throws IOException {
    String text = Files.readString(README).replace(",", "");
    assertTrue(text.contains("default " + Gfd.DEFAULT_MAX_MATCHINGS), "--max-matchings default");
    assertTrue(Files.readString(README).contains("\\usepackage{" + String.join(",", Latex.REQUIRED_PACKAGES) + "}"),
        "LaTeX packages");
    assertTrue(text.contains("gfd-demo.tex` in the current directory"), "where demo writes");
  }
}
