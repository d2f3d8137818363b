package org.gfd.cli;

import org.gfd.dmft.Dmft;
import picocli.CommandLine.Option;

/** How the DMFT is solved (for {@code dmft} and {@code compare --dmft}): steps and Monte Carlo samples. */
public final class DmftOptions {
  @Option(names = "--steps", paramLabel = "K",
      description = "Steps of the finest discretization (h = T/K); the extrapolation to gradient flow also solves with "
          + "K/2 and K/4. A multiple of 4 (points - 1). Default: the least such K with K/4 >= 25 T, so that the coarsest "
          + "step is at most 0.04.")
  Integer steps;

  @Option(names = "--samples", paramLabel = "N",
      description = "Single-site samples per replica (Monte Carlo, for a site that is not affine); time grows as N K^3 / 6, "
          + "memory as N K^2 / 2 floats. Default: 10000.")
  int samples = 10000;

  @Option(names = "--replicas", paramLabel = "R", description = "Independent replicas, for the standard error (>= 1). Default: 4.")
  int replicas = 4;

  /** The settings for times {@code 0..tMax} at {@code points} output times. */
  Dmft.Settings settings(double tMax, int points, long seed) {
    int k = steps != null ? steps : defaultSteps(tMax, points);
    return new Dmft.Settings(tMax, k, points, samples, replicas, seed);
  }

  /** The least multiple of {@code 4 (points - 1)} whose quarter is at least {@code 25 tMax}. */
  static int defaultSteps(double tMax, int points) {
    int unit = 4 * Math.max(1, points - 1);
    long k = (long) Math.ceil(100 * tMax / unit) * unit;
    return (int) Math.max(unit, Math.min(k, Integer.MAX_VALUE / 2));
  }
}
