package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import org.gfd.algebra.Rational;
import org.gfd.error.InputException;
import org.gfd.simulate.Simulation;
import picocli.CommandLine.Option;

/** How simulations run: seeds and integrator (for {@code simulate}, {@code compare}, {@code verify --simulate}). */
public final class SimulationOptions {
  @Option(names = "--seeds", paramLabel = "N", description = "Independent runs averaged (>= 1). Default: 8.")
  int seeds = 8;

  @Option(names = "--seed", paramLabel = "SEED", description = "Base of the runs' random seeds. Default: 1.")
  long seed = 1;

  @Option(names = "--tolerance", paramLabel = "TOL",
      description = "Absolute and relative tolerance of the integrator (> 0). Default: 1e-9.")
  double tolerance = 1e-9;

  @Option(names = "--fixed-step", paramLabel = "H",
      description = "Integrate with the classical Runge-Kutta scheme from step H, halved until seed 0 agrees with half "
          + "the step to --tolerance (for states too large for the adaptive integrator). Default: adaptive Dormand-Prince.")
  double fixedStep;

  /**
   * The value of {@code --tau-max}: an exact positive rational.
   *
   * @throws InputException otherwise
   */
  static Rational tauMax(String text) {
    Rational tau;
    try {
      tau = Rational.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InputException("--tau-max must be an exact rational such as 3 or 5/2, got " + quote(text));
    }
    if (tau.signum() <= 0) {
      throw new InputException("--tau-max must be positive, got " + text);
    }
    return tau;
  }

  /** The runs over {@code points} times from 0 to {@code tMax}. */
  Simulation.Settings settings(double tMax, int points) {
    return new Simulation.Settings(tMax, points, seeds, seed, tolerance, tolerance, fixedStep);
  }
}
