package org.gfd.api;

import org.gfd.scaling.Faces;
import org.gfd.scaling.Verification;

/**
 * A verified ray and the regimes around its point, from one series.
 *
 * @param verification the ray's verification
 * @param faces the facets of the Newton polytope of its limit coefficients
 */
public record FacesReport(Verification verification, Faces.Result faces) {}
