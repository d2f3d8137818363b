package org.gfd.export;

import java.awt.Color;
import java.util.Locale;
import org.gfd.dmft.Dmft;
import org.gfd.dmft.DmftProblem;
import org.gfd.dmft.SiteModel;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A DMFT solution as text (comment lines saying what was solved and how, then the CSV), as CSV
 * ({@code t,train,train_error,test,test_error}, per coordinate, 17 significant digits), as a plot
 * (both losses with error bars) and as the LaTeX of the equations solved.
 */
public final class DmftWriter {
  private DmftWriter() {}

  /** The CSV of the extrapolated curves. */
  public static String csv(Dmft.Result r) {
    StringBuilder sb = new StringBuilder("t,train,train_error,test,test_error\n");
    for (int j = 0; j < r.times().length; j++) {
      sb.append(number(r.times()[j])).append(',').append(number(r.train()[j])).append(',').append(number(r.trainError()[j]))
          .append(',').append(number(r.test()[j])).append(',').append(number(r.testError()[j])).append('\n');
    }
    return sb.toString();
  }

  /** The CSV after comment lines naming the model, the values, the method and the error estimate. */
  public static String text(Dmft.Result r, DmftProblem problem, Dmft.Settings s) {
    SiteModel site = problem.site();
    StringBuilder sb = new StringBuilder();
    sb.append("# gfd dmft: ").append(site.model()).append("; f = ").append(site.f())
        .append(site.teacher().map(b -> ", teacher " + b.name()).orElse(", no teacher")).append("; ");
    problem.numbers().forEach((k, v) -> sb.append(k).append(" = ").append(number6(v)).append(", "));
    sb.append("p -> infinity with n = m p\n");
    sb.append(String.format(Locale.ROOT, "# discrete-time DMFT at steps h = %s, %s, %s (%d, %d, %d steps to t = %s), "
        + "extrapolated to gradient flow (Richardson, second order)%n", number6(s.tMax() * 4 / s.steps()),
        number6(s.tMax() * 2 / s.steps()), number6(s.tMax() / s.steps()), s.steps() / 4, s.steps() / 2, s.steps(),
        number6(s.tMax())));
    if (r.exact()) {
      sb.append("# the site is affine: the equations close in matrices, no sampling; error = extrapolation error\n");
    } else {
      sb.append(String.format(Locale.ROOT, "# Monte Carlo: %d replicas x %d single-site samples, seed %d; "
          + "error = extrapolation error + standard error over the replicas%n", s.replicas(), s.samples(), s.seed()));
    }
    sb.append("# per coordinate: train = L/p, test = |f - b|^2/(2p) (the ray limit with e = 1, c = 0)\n");
    r.stopped().ifPresent(why -> sb.append("# stopped: ").append(why).append('\n'));
    sb.append(csv(r));
    return sb.toString();
  }

  /** Both losses against {@code t}, with bands of one standard error. */
  public static byte[] plot(Dmft.Result r, String title, RegimePlot.ImageFormat format) {
    XYChart chart = new XYChartBuilder().width(800).height(600).title(title).xAxisTitle("t")
        .yAxisTitle("loss per coordinate (DMFT, p -> infinity)").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    ErrorBand.add(chart, "train", r.times(), r.train(), r.trainError(), 0, SeriesMarkers.CIRCLE);
    ErrorBand.add(chart, "test", r.times(), r.test(), r.testError(), 1, SeriesMarkers.DIAMOND);
    return RegimePlot.encode(chart, format);
  }

  /** The equations solved, with this problem's site function and numbers, as a LaTeX fragment (amsmath). */
  public static String latex(DmftProblem problem) {
    SiteModel site = problem.site();
    String b = site.teacher().map(t -> "\\mathrm{" + t.name() + "}_i").orElse("0");
    StringBuilder numbers = new StringBuilder();
    problem.numbers().forEach((k, v) -> numbers.append(numbers.length() == 0 ? "" : ",\\ ").append(k.equals("sigma2") ? "\\sigma^2" : k)
        .append(" = ").append(number6(v)));
    String teacher = site.teacher().map(t -> "\\mathrm{" + t.name() + "}").orElse("0");
    return Latex.requires() + "% gfd dmft: the equations solved for model " + site.model() + "\n"
        + "% per coordinate i, discrete time k (step h), p -> infinity with n = m p, alpha = p/n = 1/m\n"
        + "\\begin{align*}\n"
        + "  f(\\theta_i) &= " + site.f().latex() + ", \\qquad e_i = f(\\theta_i) - " + b + ", \\qquad " + numbers + "\\\\\n"
        + "  \\theta_i(k+1) &= \\theta_i(k) - h\\, \\nabla f(\\theta_i(k))\\, g_i(k)\\\\\n"
        + "  g_i(k) &= \\psi_i(k) + \\sum_{l \\le k} R_r(k, l)\\, e_i(l), \\qquad \\psi_i \\sim \\mathcal{N}(0, \\alpha C_r)\\\\\n"
        + "  C_e(k, l) &= \\mathbb{E}\\, e(k)\\, e(l), \\qquad R_e(k, l) = \\mathbb{E}\\, \\frac{\\partial e(k)}{\\partial g(l)}\\\\\n"
        + "  R_r &= (I - \\alpha R_e)^{-1}, \\qquad C_r = R_r\\, C_e\\, R_r^{\\top}\\\\\n"
        + "  \\frac{L(t_k)}{p} &\\to \\tfrac12\\, C_r(k, k), \\qquad "
        + "\\frac{\\lvert f - " + teacher + "\\rvert^2}{2p} \\to \\tfrac12\\, C_e(k, k), \\qquad t_k = k h\n"
        + "\\end{align*}\n";
  }

  private static String number(double x) {
    return String.format(Locale.ROOT, "%.17g", x);
  }

  private static String number6(double x) {
    return String.format(Locale.ROOT, "%.6g", x);
  }
}
