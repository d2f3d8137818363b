package org.gfd.cli;

import java.util.Optional;
import org.gfd.algebra.Rational;
import org.gfd.api.Gfd;
import org.gfd.model.Model;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RaySyntax;
import picocli.CommandLine.Option;

/** The options that name a ray: {@code --scale}, and optionally {@code --time} and {@code --norm}. */
public final class RayOptions {
  @Option(names = "--scale", required = true, paramLabel = "RAY",
      description = "The ray, e.g. \"H=p^2, sigma2=p^(-3/2)\"; a numeric constant may be given, as in 2*p.")
  String scale;

  @Option(names = "--time", paramLabel = "T", description = "Fix the time scale, e.g. \"t=p^-1\".")
  String time;

  @Option(names = "--norm", paramLabel = "N", description = "Fix the normalization, e.g. \"p^1\".")
  String norm;

  /** The ray over {@code model}'s variables. */
  Ray ray(Model model) {
    Optional<Rational> t = Optional.ofNullable(time).map(RaySyntax::time);
    Optional<Rational> e = Optional.ofNullable(norm).map(RaySyntax::norm);
    return RaySyntax.scale(scale, Gfd.rayVariables(model), t, e);
  }
}
