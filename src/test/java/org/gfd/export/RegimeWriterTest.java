package org.gfd.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.RegimeCell;
import org.gfd.scaling.RegimeMap;
import org.gfd.scaling.RegimeName;
import org.gfd.scaling.RegimeStudy;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;

/**
 * Regime maps in every format: an unnamed regime is a value of its own ({@code null} in JSON,
 * {@code -} in the text table, "unnamed" in LaTeX), and each LaTeX limit block is headed by its
 * cell and regime. The symmetric nu = 2 map from orders 0..3 has an unnamed cell (the collective
 * regime between free evolution and the drifting cells, RegimeMapTest).
 */
class RegimeWriterTest {
  private static final Model MODEL = CpModels.cp(2, true, Target.IDENTITY);
  private static final RegimeStudy STUDY = RegimeStudy.compare(RegimeMap.of(
      LossSeriesEngine.compute(MODEL, 3, WorkBudget.unlimited(), s -> {}).coefficients(),
      List.of(Variable.H, Variable.SIGMA2), CpModels.ROLES), Optional.empty());

  @Test
  void unnamedCellsAreNullInJsonAndSaidSoElsewhere() throws Exception {
    List<RegimeCell> unnamed = STUDY.map().cells().stream().filter(c -> c.name() == RegimeName.UNNAMED).toList();
    assertTrue(!unnamed.isEmpty(), "the symmetric map has an unnamed cell");
    JsonNode json = new ObjectMapper().readTree(RegimeWriter.json(MODEL, STUDY));
    for (JsonNode cell : json.get("cells")) {
      JsonNode name = cell.get("name");
      boolean isUnnamed = unnamed.stream().anyMatch(c -> c.id() == cell.get("id").asInt());
      assertTrue(isUnnamed ? name.isNull() : name.isTextual() && !name.asText().isEmpty(), cell.toString());
    }
    String text = RegimeWriter.text(MODEL, STUDY);
    String latex = RegimeWriter.latex(MODEL, STUDY);
    for (RegimeCell c : unnamed) {
      assertTrue(text.contains("\n" + c.id() + " | - | "), text);
      assertTrue(latex.contains("\\paragraph{Cell " + c.id() + ": unnamed.}"), latex);
    }
  }

  @Test
  void everyLatexLimitBlockIsHeadedByItsCell() {
    String latex = RegimeWriter.latex(MODEL, STUDY);
    for (RegimeCell c : STUDY.map().cells()) {
      String heading = "\\paragraph{Cell " + c.id() + ": " + Latex.text(c.name().label().orElse("unnamed")) + ".}";
      int at = latex.indexOf(heading);
      assertTrue(at >= 0, "no heading " + heading + " in\n" + latex);
      int next = latex.indexOf("\\paragraph{", at + 1);
      String block = latex.substring(at, next < 0 ? latex.length() : next);
      assertTrue(block.contains("\\begin{align*}") && block.contains("\\hat c_{0}"), block);
    }
    assertTrue(latex.startsWith(Latex.requires()), latex);
  }
}
