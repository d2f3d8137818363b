package org.gfd.summation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;

/**
 * Limits that average a one-dimensional flow over the initial spectrum of the weights:
 * {@code F(tau) = Integral K(s, tau) dMP(r, mu)(s)} (see {@link SpectralAverage}). When a matrix
 * {@code W^T W} (or {@code U^T U}) moves only through its own eigenvalues, each eigenvalue {@code
 * s} follows the same flow from its initial value, and those start with the Marchenko-Pastur law
 * of ratio {@code p / H} and mean {@code H sigma2}: on the ray {@code H = h p, sigma2 = v / p},
 * {@code r = 1/h} and {@code mu = h v}.
 *
 * <p>Term by term, {@code c_k = Integral q_k(s) dMP}, with {@code q_k} the Taylor data of
 * {@code K} in {@code tau}, a polynomial in {@code s}. The strategy tries each law whose ratio is
 * a constant or its inverse and whose mean is a product of constants to the powers -1, 0 or 1,
 * the two together using every constant of the coefficients; for each order it solves
 * {@code c_k = sum_i q_(k,i) mu^i M_i(r)} for rational {@code q_(k,i)} (exact elimination; the
 * solution must exist and be unique), so the law's moments alone carry the constants. Then the
 * series {@code sum_k q_k(s) tau^k / k!} is summed by the strategies that sum plain series, with
 * {@code s} as their constant, and the proposal is the average with that kernel.
 */
final class InitialSpectrumAverage implements Strategy {
  @Override
  public String name() {
    return "average over the initial spectrum";
  }

  @Override
  public Proposal propose(List<Polynomial> c, List<Polynomial> general, Map<Variable, Rational> values, Symja symja,
      WorkBudget budget) {
    TreeSet<Variable> constants = MarchenkoPastur.constants(general);
    if (constants.isEmpty() || constants.contains(MarchenkoPastur.S)) {
      return Proposal.none("no constants for a law to carry");
    }
    List<Variable> xs = new ArrayList<>(constants);
    List<String> account = new ArrayList<>();
    int means = 1;
    for (int i = 0; i < xs.size(); i++) {
      means *= 3;
    }
    for (Variable x : xs) {
      for (int sign : new int[] {-1, 1}) {
        Monomial r = Monomial.of(x, sign);
        for (int code = 0; code < means; code++) {
          budget.checkNow();
          Map<Variable, Integer> powers = new HashMap<>();
          int rest = code;
          for (Variable y : xs) {
            int e = rest % 3 - 1;
            rest /= 3;
            if (e != 0) {
              powers.put(y, e);
            }
          }
          Monomial mu = Monomial.of(powers);
          TreeSet<Variable> used = new TreeSet<>(powers.keySet());
          used.add(x);
          if (!used.equals(constants)) {
            continue;
          }
          Optional<List<Polynomial>> q = kernelCoefficients(general, r, mu);
          if (q.isEmpty()) {
            continue;
          }
          String law = "r = " + MarchenkoPastur.inputForm(r) + ", mean " + MarchenkoPastur.inputForm(mu);
          List<String> qForms = q.get().stream().map(Summation::inputForm).toList();
          for (Strategy strategy : Summation.plainStrategies()) {
            Proposal k = strategy.propose(q.get(), q.get(), Map.of(), symja, budget);
            if (k.closedForm().isEmpty() || Certificate.firstMismatch(k.closedForm().get(), qForms, symja, budget).isPresent()) {
              continue;
            }
            SpectralAverage form = new SpectralAverage(MarchenkoPastur.inputForm(r), MarchenkoPastur.inputForm(mu),
                MarchenkoPastur.value(r, values), MarchenkoPastur.value(mu, values), k.closedForm().get(), k.closedForm().get(),
                strategy.name());
            account.add("coefficients are moments of the Marchenko-Pastur law (" + law + ") of polynomials in s; their series K(s, tau) "
                + "summed by the " + strategy.name() + " strategy: " + k.account());
            return Proposal.spectral(form, String.join("; ", account));
          }
          account.add("coefficients are moments of the Marchenko-Pastur law (" + law + "), but no strategy sums their kernel");
        }
      }
    }
    if (account.isEmpty()) {
      account.add("the coefficients are moments of no Marchenko-Pastur law whose ratio is a constant or its inverse and whose mean a "
          + "product of constants");
    }
    return Proposal.none(String.join("; ", account));
  }

  /**
   * The polynomials {@code q_k(s)} with {@code c_k = sum_i q_(k,i) mu^i M_i(r)}, rational
   * {@code q_(k,i)}, for every order; empty when some order has no such solution or more than one,
   * or when no {@code q_k} has degree 2 or more in {@code s} (the law then says little).
   */
  static Optional<List<Polynomial>> kernelCoefficients(List<Polynomial> c, Monomial r, Monomial mu) {
    List<Polynomial> out = new ArrayList<>();
    boolean spread = false;
    for (Polynomial ck : c) {
      int degree = 0;
      for (Monomial m : ck.terms().keySet()) {
        for (int e : m.powers().values()) {
          degree = Math.max(degree, Math.abs(e));
        }
      }
      List<Polynomial> columns = new ArrayList<>();
      for (int i = 0; i <= degree + 1; i++) {
        columns.add(MarchenkoPastur.moment(i, r, mu));
      }
      Optional<List<Rational>> q = solve(columns, ck);
      if (q.isEmpty()) {
        return Optional.empty();
      }
      Polynomial.Builder b = new Polynomial.Builder();
      for (int i = 0; i < q.get().size(); i++) {
        b.add(q.get().get(i), i == 0 ? Monomial.ONE : Monomial.of(MarchenkoPastur.S, i));
        spread |= i >= 2 && !q.get().get(i).isZero();
      }
      out.add(b.build());
    }
    return spread ? Optional.of(out) : Optional.empty();
  }

  /** The unique rational {@code q} with {@code sum_i q_i columns_i = rhs}, by exact elimination; empty when there is none or many. */
  static Optional<List<Rational>> solve(List<Polynomial> columns, Polynomial rhs) {
    TreeSet<Monomial> rows = new TreeSet<>(rhs.terms().keySet());
    columns.forEach(p -> rows.addAll(p.terms().keySet()));
    int n = columns.size();
    List<Rational[]> m = new ArrayList<>();
    for (Monomial row : rows) {
      Rational[] line = new Rational[n + 1];
      for (int i = 0; i < n; i++) {
        line[i] = columns.get(i).coefficient(row);
      }
      line[n] = rhs.coefficient(row);
      m.add(line);
    }
    int rank = 0;
    int[] pivotColumn = new int[n];
    for (int col = 0; col < n && rank < m.size(); col++) {
      int pivot = -1;
      for (int i = rank; i < m.size(); i++) {
        if (!m.get(i)[col].isZero()) {
          pivot = i;
          break;
        }
      }
      if (pivot < 0) {
        return Optional.empty();
      }
      Rational[] p = m.get(pivot);
      m.set(pivot, m.get(rank));
      m.set(rank, p);
      for (int i = 0; i < m.size(); i++) {
        if (i != rank && !m.get(i)[col].isZero()) {
          Rational f = m.get(i)[col].divide(p[col]);
          for (int j = col; j <= n; j++) {
            m.get(i)[j] = m.get(i)[j].subtract(f.multiply(p[j]));
          }
        }
      }
      pivotColumn[rank++] = col;
    }
    if (rank < n) {
      return Optional.empty();
    }
    for (int i = rank; i < m.size(); i++) {
      if (!m.get(i)[n].isZero()) {
        return Optional.empty();
      }
    }
    Rational[] q = new Rational[n];
    for (int i = 0; i < rank; i++) {
      q[pivotColumn[i]] = m.get(i)[n].divide(m.get(i)[pivotColumn[i]]);
    }
    return Optional.of(List.of(q));
  }
}
