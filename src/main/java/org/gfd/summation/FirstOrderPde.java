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
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A first-order quasi-linear PDE on a kept ray constant {@code z}: {@code F_tau = A(z, F) F_z +
 * B(z, F)}, with {@code A} and {@code B} polynomials in {@code z} and {@code F} of degrees at most
 * {@value #MAX_Z_DEGREE} and {@value #MAX_F_DEGREE}, whose coefficients may depend on the other
 * constants. The series {@code F(tau) = sum_s c_s tau^s / s!} gives, order by order in
 * {@code tau} and power by power of {@code z}, linear equations in the unknown coefficients
 * (with one more unknown, the weight of {@code F_tau}); their null space over the other
 * constants' rational functions ({@link ExactMatrix}) must be one-dimensional with a nonzero
 * weight. The autonomous equation {@code F' = B(F)} is the case without {@code z}, tried first.
 *
 * <p>Characteristics, with Symja: along {@code dz/dtau = -A}, {@code dF/dtau = B}. Two cases close:
 * <ul>
 *   <li>{@code B = 0} and {@code A = A(z)}: {@code F} is constant along the characteristic from
 *       {@code z0}, where {@code G(z0) = G(z) + tau} for {@code G = integral dz / A}; then
 *       {@code F(tau, z) = F(0, z0)}, with the root {@code z0} that is {@code z} at {@code tau = 0};</li>
 *   <li>{@code A = 0}: {@code dF / B(z, F) = dtau}, so {@code K(F) = K(F(0)) + tau} for
 *       {@code K = integral dF / B}, solved for {@code F} (the root equal to {@code F(0)} at
 *       {@code tau = 0}).</li>
 * </ul>
 * Other equations (characteristics that couple {@code z} and {@code F}) are reported, not solved.
 */
final class FirstOrderPde implements Strategy {
  static final int MAX_Z_DEGREE = 3;
  static final int MAX_F_DEGREE = 3;

  @Override
  public String name() {
    return "first-order PDE by characteristics";
  }

  @Override
  public Proposal propose(List<Polynomial> c, List<Polynomial> general, Map<Variable, Rational> values, Symja symja,
      WorkBudget budget) {
    List<Polynomial> f = Summation.taylor(c);
    TreeSet<Variable> constants = new TreeSet<>();
    c.forEach(p -> p.terms().keySet().forEach(mono -> constants.addAll(mono.powers().keySet())));
    List<Optional<Variable>> zs = new ArrayList<>();
    zs.add(Optional.empty());
    constants.descendingSet().forEach(z -> zs.add(Optional.of(z)));
    // the tau-series every column is built from, once: F_tau, the powers F^b, and per z, F^b F_z
    int m = f.size() - 1;
    List<Polynomial> ftau = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      ftau.add(f.get(j + 1).multiply(Rational.of(j + 1)));
    }
    List<List<Polynomial>> powers = TauSeries.powers(f.subList(0, m), MAX_F_DEGREE);
    List<String> account = new ArrayList<>();
    for (Optional<Variable> z : zs) {
      List<List<Polynomial>> powersTimesFz = new ArrayList<>();
      if (z.isPresent()) {
        List<Polynomial> fz = TauSeries.derivative(f.subList(0, m), z.get());
        powers.forEach(pw -> powersTimesFz.add(TauSeries.times(pw, fz)));
      }
      for (int total = 0; total <= (z.isPresent() ? MAX_Z_DEGREE : 0) + MAX_F_DEGREE; total++) {
        for (int dz = 0; dz <= (z.isPresent() ? MAX_Z_DEGREE : 0); dz++) {
          int dF = total - dz;
          if (dF < 0 || dF > MAX_F_DEGREE) {
            continue;
          }
          Optional<Proposal> p = tryDegrees(f, ftau, powers, powersTimesFz, z, dz, dF, symja, budget, account);
          if (p.isPresent()) {
            return p.get();
          }
        }
      }
    }
    return Proposal.none(String.join("; ", account));
  }

  /**
   * The equation with these degree bounds, solved if it is unique and its characteristics close;
   * {@code powers} and {@code powersTimesFz} hold {@code F^b} and {@code F^b F_z} for every
   * {@code b} up to {@link #MAX_F_DEGREE}.
   */
  private Optional<Proposal> tryDegrees(List<Polynomial> f, List<Polynomial> ftau, List<List<Polynomial>> powers,
      List<List<Polynomial>> powersTimesFz, Optional<Variable> z, int dz, int dF, Symja symja, WorkBudget budget,
      List<String> account) {
    int m = f.size() - 1;
    String what = (z.isEmpty() ? "F' = B(F)" : "F_tau = A F_" + Summation.symbol(z.get()) + " + B")
        + " with degrees " + (z.isEmpty() ? "" : dz + " in " + Summation.symbol(z.get()) + ", ") + dF + " in F";
    // columns: F_tau, then z^a F^b F_z (when z), then z^a F^b; each a tau-series of orders 0..m-1
    List<List<Polynomial>> columns = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    columns.add(ftau);
    labels.add("");
    for (int part = z.isPresent() ? 0 : 1; part < 2; part++) {
      for (int a = 0; a <= dz; a++) {
        for (int b = 0; b <= dF; b++) {
          List<Polynomial> col = (part == 0 ? powersTimesFz : powers).get(b);
          if (a > 0) {
            col = TauSeries.scaled(col, Polynomial.term(Rational.ONE, Monomial.of(z.get(), a)));
          }
          columns.add(col);
          labels.add((part == 0 ? "A" : "B") + ":" + a + ":" + b);
        }
      }
    }
    int unknowns = columns.size();
    List<Polynomial[]> rows = rows(columns, z, m);
    if (rows.size() < unknowns) {
      account.add(what + ": " + unknowns + " unknowns, only " + rows.size() + " equations");
      return Optional.empty();
    }
    ExactMatrix matrix = new ExactMatrix(rows, unknowns);
    Optional<List<List<String>>> kernel = matrix.nullSpace(symja, budget);
    if (kernel.isEmpty()) {
      account.add(what + ": Symja did not finish the null space of the " + matrix.size());
      return Optional.empty();
    }
    int dim = kernel.get().size();
    String size = matrix.size() + ", rank " + (unknowns - dim);
    if (dim != 1) {
      account.add(what + ": " + size + (dim == 0 ? ", no solution" : ", " + dim + " solutions"));
      return Optional.empty();
    }
    List<String> v = kernel.get().get(0);
    if (symja.eval("gfdZeroQ(" + v.get(0) + ")").isTrue()) {
      account.add(what + ": " + size + ", but the solution does not involve F_tau");
      return Optional.empty();
    }
    // F_tau = -(sum of the other columns' coefficients) / weight
    String zs = z.map(Summation::symbol).orElse("");
    List<String> aTerms = new ArrayList<>();
    List<String> bTerms = new ArrayList<>();
    for (int k = 1; k < unknowns; k++) {
      String[] l = labels.get(k).split(":");
      String mono = "(" + v.get(k) + ")*" + (zs.isEmpty() ? "1" : zs + "^" + l[1]) + "*gfdF^" + l[2];
      (l[0].equals("A") ? aTerms : bTerms).add(mono);
    }
    String weight = "(" + v.get(0) + ")";
    String a = simplify(symja, budget, "-(" + (aTerms.isEmpty() ? "0" : String.join(" + ", aTerms)) + ")/" + weight);
    String b = simplify(symja, budget, "-(" + (bTerms.isEmpty() ? "0" : String.join(" + ", bTerms)) + ")/" + weight);
    String f0 = Summation.inputForm(f.get(0));
    String pde = "F_tau = " + (z.isEmpty() ? "" : "(" + Summation.shown(a) + ")*F_" + zs + " + ") + "(" + Summation.shown(b) + ")";
    account.add(what + ": " + size + ", " + pde);
    boolean aZero = symja.eval("gfdZeroQ(" + a + ")").isTrue();
    boolean bZero = symja.eval("gfdZeroQ(" + b + ")").isTrue();
    boolean aFreeOfF = symja.eval("FreeQ(" + a + ", gfdF)").isTrue();
    String closed;
    String characteristics;
    if (z.isPresent() && bZero && aFreeOfF && !aZero) {
      Optional<IExpr> r = symja.eval("Module({gfdG = Integrate(1/(" + a + "), " + zs + ")}, "
          + "Select(gfdSolutions((gfdG /. " + zs + " -> gfdZ0) == gfdG + tau, gfdZ0), "
          + "Function(gfdR, gfdZeroQ((gfdR /. tau -> 0) - " + zs + "))))", budget);
      if (r.isEmpty() || !r.get().isList() || ((IAST) r.get()).argSize() != 1) {
        account.add("the characteristics d" + zs + "/dtau = -(" + Summation.shown(a) + ") were not inverted");
        return Optional.empty();
      }
      String z0 = symja.eval("gfdTidy(" + ((IAST) r.get()).get(1) + ")", budget).map(IExpr::toString)
          .orElse(((IAST) r.get()).get(1).toString());
      closed = "(" + f0 + ") /. " + zs + " -> (" + z0 + ")";
      characteristics = "d" + zs + "/dtau = -(" + Summation.shown(a) + "), dF/dtau = 0: F is constant along each characteristic, "
          + "which starts at " + zs + "0 = " + z0;
    } else if (aZero || z.isEmpty()) {
      Optional<IExpr> r = symja.eval("Module({gfdK = Integrate(1/(" + b + "), gfdF)}, "
          + "Select(gfdSolutions(gfdK == (gfdK /. gfdF -> (" + f0 + ")) + tau, gfdF), "
          + "Function(gfdR, gfdZeroQ((gfdR /. tau -> 0) - (" + f0 + ")))))", budget);
      if (r.isEmpty() || !r.get().isList() || ((IAST) r.get()).argSize() != 1) {
        account.add("dF/(" + Summation.shown(b) + ") = dtau was not integrated and inverted");
        return Optional.empty();
      }
      closed = ((IAST) r.get()).get(1).toString();
      characteristics = "dF/dtau = " + Summation.shown(b) + ", F(0) = " + f0;
    } else {
      account.add("the characteristics couple " + zs + " and F: not solved");
      return Optional.empty();
    }
    Optional<IExpr> simple = symja.eval("Simplify(" + closed + ")", budget);
    if (simple.isEmpty()) {
      account.add("Symja did not simplify the solution");
      return Optional.empty();
    }
    return Optional.of(new Proposal(Optional.of(simple.get().toString()), String.join("; ", account), Optional.of(pde),
        Optional.of(characteristics), Optional.empty()));
  }

  private static String simplify(Symja symja, WorkBudget budget, String e) {
    return symja.eval("Together(" + e + ")", budget).map(IExpr::toString).orElse(e);
  }


  /**
   * The equations: for each order {@code j < m} and each power of {@code z} (or once, without
   * {@code z}), the coefficient of every column; entries are polynomials in the other constants.
   */
  private static List<Polynomial[]> rows(List<List<Polynomial>> columns, Optional<Variable> z, int m) {
    List<Polynomial[]> rows = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      Map<Integer, Polynomial[]> byPower = new HashMap<>();
      for (int k = 0; k < columns.size(); k++) {
        for (Map.Entry<Monomial, Rational> t : columns.get(k).get(j).terms().entrySet()) {
          int power = z.map(t.getKey()::exponent).orElse(0);
          Polynomial[] row = byPower.computeIfAbsent(power, x -> zeros(columns.size()));
          Map<Variable, Integer> rest = new HashMap<>(t.getKey().powers());
          z.ifPresent(rest::remove);
          row[k] = row[k].add(Polynomial.term(t.getValue(), Monomial.of(rest)));
        }
      }
      rows.addAll(byPower.values());
    }
    return rows;
  }

  private static Polynomial[] zeros(int n) {
    Polynomial[] r = new Polynomial[n];
    java.util.Arrays.fill(r, Polynomial.ZERO);
    return r;
  }
}
