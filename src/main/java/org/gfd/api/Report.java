package org.gfd.api;

import java.util.List;
import org.gfd.diagram.DiagramFamily;
import org.gfd.export.RegimeSum;
import org.gfd.scaling.RegimeStudy;
import org.gfd.series.LossSeries;

/**
 * What {@link Gfd#report} gathered for one model: the loss series, the regime map (with its
 * comparison to the map of one order fewer), the summation of each named regime's limit series,
 * and the diagrams of the leading families of those regimes at low orders.
 */
public record Report(LossSeries series, RegimeStudy study, List<RegimeSum> sums, List<DiagramFamily> families) {
  public Report {
    sums = List.copyOf(sums);
    families = List.copyOf(families);
  }
}
