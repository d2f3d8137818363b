package org.gfd.summation;

import java.util.Optional;
import org.gfd.algebra.Rational;

/**
 * A limit that is an average over a Marchenko-Pastur law: {@code F(tau) = Integral K(s, tau)
 * dMP(s)}, the kernel {@code K} a closed form found and certified on its own series. The law
 * {@code MP(r, mu)} is the spectrum of {@code mu X X^T / n} for a {@code p x n} matrix {@code X}
 * of standard Gaussian entries with {@code p / n = r}: on {@code [mu (1 - sqrt r)^2, mu (1 +
 * sqrt r)^2]} the density {@code sqrt((b - s)(s - a)) / (2 pi r mu s)}, plus a mass
 * {@code 1 - 1/r} at 0 when {@code r > 1}; its moments are {@code mu^i sum_(j=1..i) N(i, j)
 * r^(j-1)}, with Narayana numbers {@code N(i, j)}.
 *
 * @param ratio {@code r} in Symja input form (a monomial in the ray constants)
 * @param mean {@code mu} in Symja input form
 * @param ratioValue {@code r} as a number, when its constants have values
 * @param meanValue {@code mu} as a number, when its constants have values
 * @param kernel {@code K(s, tau)} in Symja input form, in {@code s}, {@code tau} and the constants
 *     without values
 * @param shown the kernel as reports show it (for a kernel {@code s^j G(s tau)}, that and {@code G})
 * @param kernelStrategy the strategy that summed the kernel's series
 */
public record SpectralAverage(String ratio, String mean, Optional<Rational> ratioValue, Optional<Rational> meanValue,
    String kernel, String shown, String kernelStrategy) {
  /** {@code F(tau)} in Symja input form: the integral over the law's density plus its mass at 0, if any. */
  public String inputForm() {
    String r = "(" + ratioValue.map(Rational::toString).orElse(ratio) + ")";
    String mu = "(" + meanValue.map(Rational::toString).orElse(mean) + ")";
    String scale = mu.equals("(1)") ? "" : mu + "*";
    String a = scale + "(1 - Sqrt(" + r + "))^2";
    String b = scale + "(1 + Sqrt(" + r + "))^2";
    String integral = "Integrate((" + kernel + ")*Sqrt((" + b + " - s)*(s - " + a + "))/(2*Pi*" + r + "*" + scale + "s), {s, " + a
        + ", " + b + "})";
    boolean noAtom = ratioValue.isPresent() && ratioValue.get().compareTo(Rational.ONE) <= 0;
    return noAtom ? integral : integral + " + Max(0, 1 - 1/" + r + ")*((" + kernel + ") /. s -> 0)";
  }

  /** A one-line reading of the form, for reports. */
  public String description() {
    return "F(tau) = Integral K(s, tau) dMP(s), MP the Marchenko-Pastur law of ratio r = " + ratio
        + ratioValue.map(v -> " = " + v).orElse("") + " and mean " + mean + meanValue.map(v -> " = " + v).orElse("")
        + ", K(s, tau) = " + shown;
  }
}
