package org.gfd.simulate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gfd.algebra.Variable;
import org.gfd.dmft.SiteFunction;
import org.gfd.dmft.SiteModel;
import org.gfd.error.InputException;
import org.gfd.model.Model;
import org.gfd.model.Species;

/**
 * A fast path for the linear-in-data class ({@link SiteModel}): with {@code e = f(theta) - b},
 * the loss {@code 1/(2n) |X^T e|^2} has the gradient {@code grad_q f(theta_i) (X X^T e)_i / n},
 * two matrix-vector products with {@code X} (EJML, {@code 4 p n} flops) in place of the generic
 * contraction. Draws, state layout and every other observable are the generic path's, so both
 * give the same numbers (to rounding) from the same seed. Immutable; thread safe.
 */
final class SiteFlow extends FastPath {
  private final SiteFunction.Compiled f;
  private final int dim;
  private final int p;
  private final int n;
  private final int[] offsets;
  private final int data;
  private final int teacher;
  private final Optional<String> test;

  private SiteFlow(ConcreteModel generic, Model model, SiteModel site, int p, int n) {
    super(generic);
    this.f = site.f().compile();
    this.dim = site.parameters().size();
    this.p = p;
    this.n = n;
    List<Species> species = model.species();
    offsets = new int[dim];
    int at = 0;
    int q = 0;
    for (Species s : species) {
      if (s.trainable()) {
        offsets[q++] = at;
        at += p;
      }
    }
    data = species.indexOf(site.data());
    teacher = site.teacher().map(species::indexOf).orElse(-1);
    test = site.testObservable();
  }

  /** The fast path for {@code model} when it is of the class, else empty. */
  static Optional<FlowModel> recognize(Model model, ConcreteModel generic, Map<Variable, Integer> sizes) {
    SiteModel site;
    try {
      site = SiteModel.recognize(model);
    } catch (InputException outside) {
      return Optional.empty();
    }
    Integer p = sizes.get(Variable.P);
    Integer n = sizes.get(Variable.N);
    if (p == null || n == null) {
      return Optional.empty(); // the generic path names the missing size
    }
    return Optional.of(new SiteFlow(generic, model, site, p, n));
  }

  @Override
  public double observable(String name, double[] y, Sample sample) {
    if (name.equals(Model.LOSS)) {
      double[] r = residual(errors(y, sample), sample);
      return dot(r, r) / (2.0 * n);
    }
    if (test.isPresent() && test.get().equals(name)) {
      double[] e = errors(y, sample);
      return dot(e, e) / 2;
    }
    return generic.observable(name, y, sample);
  }

  @Override
  public double[] gradient(double[] y, Sample sample) {
    double[] r = residual(errors(y, sample), sample);
    // the field on each coordinate, X r / n
    DMatrixRMaj field = new DMatrixRMaj(p, 1);
    CommonOps_DDRM.mult(1.0 / n, data(sample), DMatrixRMaj.wrap(n, 1, r), field);
    double[] out = new double[y.length];
    double[] theta = new double[dim];
    double[] grad = new double[dim];
    for (int i = 0; i < p; i++) {
      double g = field.data[i];
      for (int q = 0; q < dim; q++) {
        theta[q] = y[offsets[q] + i];
      }
      f.gradient(theta, 0, grad, 0);
      for (int q = 0; q < dim; q++) {
        out[offsets[q] + i] = grad[q] * g;
      }
    }
    return out;
  }

  /** {@code e_i = f(theta_i) - b_i}. */
  private double[] errors(double[] y, Sample sample) {
    double[] b = teacher < 0 ? null : sample.arrays().get(teacher);
    double[] theta = new double[dim];
    double[] e = new double[p];
    for (int i = 0; i < p; i++) {
      for (int q = 0; q < dim; q++) {
        theta[q] = y[offsets[q] + i];
      }
      e[i] = f.value(theta, 0) - (b == null ? 0 : b[i]);
    }
    return e;
  }

  /** {@code r = X^T e}. */
  private double[] residual(double[] e, Sample sample) {
    DMatrixRMaj r = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.multTransA(data(sample), DMatrixRMaj.wrap(p, 1, e), r);
    return r.data;
  }

  /** The sample's data as a {@code p x n} matrix, its entries not copied (the generic path lays them out row-major). */
  private DMatrixRMaj data(Sample sample) {
    return DMatrixRMaj.wrap(p, n, sample.arrays().get(data));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
