package org.gfd.dmft;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.model.Factor;
import org.gfd.model.IndexKind;
import org.gfd.model.Model;
import org.gfd.model.Species;
import org.gfd.model.TensorTerm;

/**
 * A model of the class the DMFT solver handles, recognised from its loss: Gaussian data
 * {@code X[p, n] ~ N(0, 1)}, trainable vectors {@code theta_q[p]}, an optional Gaussian teacher
 * {@code b[p]}, and the train loss
 *
 * <pre>  L = 1/(2n) |X^T (f(theta) - b)|^2 = 1/(2n) sum_a (sum_i X[i, a] (f(theta_i) - b_i))^2</pre>
 *
 * with {@code f} a polynomial acting site by site ({@link SiteFunction}). The test loss is
 * {@code 1/2 |f(theta) - b|^2}; {@link #testObservable()} names the model's observable equal to it,
 * if one is.
 *
 * <p>Recognition reads every loss term as {@code coefficient/n * X[i, a] X[j, a] * M(theta_i, b_i)
 * M'(theta_j, b_j)} and collects the symmetric bilinear form {@code B[M, M']} of the monomials;
 * the loss is in the class exactly when {@code B = 1/2 c c^T} for rational {@code c}, the
 * coefficients of {@code g = f - b} (the teacher's coefficient normalized to {@code -1}). Every
 * check is exact; a model outside the class gets a message naming the first thing that differs.
 *
 * @param model the model's name
 * @param parameters the trainable species, each of one leg of kind {@code p}
 * @param teacher the teacher species, if the loss has one
 * @param data the data species {@code X[p, n]}
 * @param f the site function
 * @param testObservable the observable equal to {@code 1/2 |f - b|^2}, if the model declares one
 */
public record SiteModel(String model, List<Species> parameters, Optional<Species> teacher, Species data,
    SiteFunction f, Optional<String> testObservable) {
  public SiteModel {
    parameters = List.copyOf(parameters);
  }

  /**
   * Recognises {@code model} as one of the class.
   *
   * @throws InputException saying precisely why a model is outside the class
   */
  public static SiteModel recognize(Model model) {
    String who = "model " + model.name() + " is outside the DMFT class (loss 1/(2n) |X^T (f(theta) - b)|^2, f acting site by site): ";
    Species data = null;
    Species teacher = null;
    List<Species> parameters = new ArrayList<>();
    for (Species s : model.species()) {
      List<IndexKind> legs = s.legKinds();
      if (!s.gaussian()) {
        throw new InputException(who + "it has the constant tensor " + s.name());
      }
      if (s.trainable()) {
        if (!legs.equals(List.of(IndexKind.P))) {
          throw new InputException(who + "the trainable " + s.name() + " must have one leg of kind p, not " + kinds(legs));
        }
        parameters.add(s);
      } else if (legs.equals(List.of(IndexKind.P, IndexKind.N))) {
        if (data != null) {
          throw new InputException(who + "it has two data matrices of kinds [p, n], " + data.name() + " and " + s.name());
        }
        if (!s.variance().isOne()) {
          throw new InputException(who + "the data " + s.name() + " must be N(0, 1), not of variance " + s.variance());
        }
        data = s;
      } else if (legs.equals(List.of(IndexKind.P))) {
        if (teacher != null) {
          throw new InputException(who + "it has two fixed vectors of kind p, " + teacher.name() + " and " + s.name()
              + " (one teacher at most)");
        }
        teacher = s;
      } else {
        throw new InputException(who + "the data " + s.name() + " has kinds " + kinds(legs)
            + " (the class has one X[p, n] and at most one teacher b[p])");
      }
    }
    if (data == null) {
      throw new InputException(who + "it has no data matrix X[p, n]");
    }
    if (parameters.isEmpty()) {
      throw new InputException(who + "it has no trainable vector");
    }
    List<Species> sites = new ArrayList<>(parameters);
    if (teacher != null) {
      sites.add(teacher);
    }
    Map<List<Integer>, Map<List<Integer>, Rational>> form = new LinkedHashMap<>();
    Set<List<Integer>> monomials = new LinkedHashSet<>();
    for (TensorTerm t : model.loss()) {
      List<Integer>[] pair = splitLossTerm(t, data, sites, who);
      Rational half = t.coefficient().multiply(Rational.HALF);
      monomials.add(pair[0]);
      monomials.add(pair[1]);
      add(form, pair[0], pair[1], half);
      add(form, pair[1], pair[0], half);
    }
    int d = parameters.size();
    List<Integer> teacherMonomial = null;
    if (teacher != null) {
      Integer[] powers = new Integer[d + 1];
      Arrays.fill(powers, 0);
      powers[d] = 1;
      teacherMonomial = List.of(powers);
      for (List<Integer> m : monomials) {
        if (m.get(d) > 0 && !m.equals(teacherMonomial)) {
          throw new InputException(who + "the teacher " + teacher.name() + " must enter linearly and alone, as f - "
              + teacher.name() + ", not in " + write(m, sites));
        }
      }
    }
    // c with B = 1/2 c c^T, normalized so that the teacher's coefficient is -1
    Map<List<Integer>, Rational> c = new LinkedHashMap<>();
    List<Integer> pivot = teacherMonomial != null && monomials.contains(teacherMonomial) ? teacherMonomial
        : monomials.iterator().next();
    Rational pivotSquare = get(form, pivot, pivot).multiply(Rational.of(2));
    Rational cPivot;
    if (pivot.equals(teacherMonomial)) {
      if (!pivotSquare.equals(Rational.ONE)) {
        throw new InputException(who + "the teacher's square has coefficient " + get(form, pivot, pivot)
            + "/n, not 1/(2n) (write f - " + teacher.name() + ")");
      }
      cPivot = Rational.MINUS_ONE;
    } else {
      cPivot = sqrt(pivotSquare).orElseThrow(() -> new InputException(who + "the square of " + write(pivot, sites)
          + " has coefficient " + get(form, pivot, pivot) + "/n, not half a rational square over n"));
    }
    for (List<Integer> m : monomials) {
      c.put(m, get(form, m, pivot).multiply(Rational.of(2)).divide(cPivot));
    }
    for (List<Integer> m : monomials) {
      for (List<Integer> m2 : monomials) {
        Rational want = c.get(m).multiply(c.get(m2)).multiply(Rational.HALF);
        if (!get(form, m, m2).equals(want)) {
          throw new InputException(who + "the loss is not 1/(2n) |X^T g|^2: the product of " + write(m, sites) + " and "
              + write(m2, sites) + " has coefficient " + get(form, m, m2) + "/n, where " + want + "/n is needed");
        }
      }
    }
    List<SiteFunction.Term> terms = new ArrayList<>();
    for (List<Integer> m : monomials) {
      if (!m.equals(teacherMonomial) && !c.get(m).isZero()) {
        int[] powers = new int[d];
        for (int q = 0; q < d; q++) {
          powers[q] = m.get(q);
        }
        terms.add(new SiteFunction.Term(c.get(m), powers));
      }
    }
    terms.sort((x, y) -> Integer.compare(y.degree(), x.degree()));
    SiteFunction f = new SiteFunction(parameters.stream().map(Species::name).toList(), terms);
    if (terms.stream().allMatch(t -> t.degree() == 0)) {
      throw new InputException(who + "f = " + f + " does not depend on the trainable vectors");
    }
    Optional<String> test = Optional.empty();
    for (Map.Entry<String, List<TensorTerm>> o : model.observables().entrySet()) {
      if (isTestLoss(o.getValue(), sites, c)) {
        test = Optional.of(o.getKey());
        break;
      }
    }
    // a fixed vector the loss never uses is no teacher
    Optional<Species> used = teacherMonomial != null && monomials.contains(teacherMonomial)
        ? Optional.of(teacher) : Optional.empty();
    return new SiteModel(model.name(), parameters, used, data, f, test);
  }

  /** The numbers {@code f} is written in, then the teacher: {@code [u, v]} and {@code b}. */
  public List<Species> siteSpecies() {
    List<Species> all = new ArrayList<>(parameters);
    teacher.ifPresent(all::add);
    return all;
  }

  /** The variance symbols the class's variances are written with ({@code sigma2}), in order. */
  public List<Variable> varianceSymbols() {
    Set<Variable> symbols = new LinkedHashSet<>();
    for (Species s : siteSpecies()) {
      symbols.addAll(s.variance().powers().keySet());
    }
    return List.copyOf(symbols);
  }

  @SuppressWarnings("unchecked")
  private static List<Integer>[] splitLossTerm(TensorTerm t, Species data, List<Species> sites, String who) {
    if (!t.scale().equals(Monomial.of(Variable.N, -1))) {
      throw new InputException(who + "a loss term has the prefactor " + t.coefficient() + " * " + t.scale()
          + ", not a number over n");
    }
    List<Factor> xs = t.factors().stream().filter(f -> f.species().equals(data)).toList();
    if (xs.size() != 2) {
      throw new InputException(who + "a loss term has " + xs.size() + " factors " + data.name() + ", not 2");
    }
    String a = xs.get(0).indices().get(1);
    if (!a.equals(xs.get(1).indices().get(1))) {
      throw new InputException(who + "the two factors " + data.name() + " of a loss term have different sample indices");
    }
    String i = xs.get(0).indices().get(0);
    String j = xs.get(1).indices().get(0);
    if (i.equals(j)) {
      throw new InputException(who + "a loss term multiplies " + data.name() + "[" + i + ", " + a + "] by itself, "
          + "which the residual X^T g never does");
    }
    if (!t.indexKinds().keySet().equals(Set.of(i, j, a))) {
      throw new InputException(who + "a loss term has the indices " + t.indexKinds().keySet()
          + ", not the two sites and the sample of X^T g");
    }
    Integer[] left = new Integer[sites.size()];
    Integer[] right = new Integer[sites.size()];
    Arrays.fill(left, 0);
    Arrays.fill(right, 0);
    for (Factor f : t.factors()) {
      if (f.species().equals(data)) {
        continue;
      }
      int q = sites.indexOf(f.species());
      String at = f.indices().get(0);
      if (at.equals(i)) {
        left[q]++;
      } else if (at.equals(j)) {
        right[q]++;
      } else {
        throw new InputException(who + "the factor " + f.species().name() + " of a loss term sits on no column of "
            + data.name());
      }
    }
    return new List[] {List.of(left), List.of(right)};
  }

  private static boolean isTestLoss(List<TensorTerm> terms, List<Species> sites, Map<List<Integer>, Rational> c) {
    Map<List<Integer>, Rational> have = new LinkedHashMap<>();
    for (TensorTerm t : terms) {
      if (!t.scale().isOne() || t.indexKinds().size() != 1) {
        return false;
      }
      Integer[] powers = new Integer[sites.size()];
      Arrays.fill(powers, 0);
      for (Factor f : t.factors()) {
        int q = sites.indexOf(f.species());
        if (q < 0) {
          return false;
        }
        powers[q]++;
      }
      have.merge(List.of(powers), t.coefficient(), Rational::add);
    }
    Map<List<Integer>, Rational> want = new LinkedHashMap<>();
    for (Map.Entry<List<Integer>, Rational> x : c.entrySet()) {
      for (Map.Entry<List<Integer>, Rational> y : c.entrySet()) {
        List<Integer> m = new ArrayList<>();
        for (int q = 0; q < sites.size(); q++) {
          m.add(x.getKey().get(q) + y.getKey().get(q));
        }
        want.merge(m, x.getValue().multiply(y.getValue()).multiply(Rational.HALF), Rational::add);
      }
    }
    have.values().removeIf(Rational::isZero);
    want.values().removeIf(Rational::isZero);
    return have.equals(want);
  }

  private static void add(Map<List<Integer>, Map<List<Integer>, Rational>> form, List<Integer> m, List<Integer> m2, Rational x) {
    form.computeIfAbsent(m, k -> new LinkedHashMap<>()).merge(m2, x, Rational::add);
  }

  private static Rational get(Map<List<Integer>, Map<List<Integer>, Rational>> form, List<Integer> m, List<Integer> m2) {
    return form.getOrDefault(m, Map.of()).getOrDefault(m2, Rational.ZERO);
  }

  private static Optional<Rational> sqrt(Rational x) {
    if (x.signum() <= 0) {
      return Optional.empty();
    }
    BigInteger n = x.numerator().sqrt();
    BigInteger dd = x.denominator().sqrt();
    return n.multiply(n).equals(x.numerator()) && dd.multiply(dd).equals(x.denominator())
        ? Optional.of(Rational.of(n, dd)) : Optional.empty();
  }

  private static String write(List<Integer> m, List<Species> sites) {
    List<String> parts = new ArrayList<>();
    for (int q = 0; q < sites.size(); q++) {
      if (m.get(q) > 0) {
        parts.add(sites.get(q).name() + (m.get(q) > 1 ? "^" + m.get(q) : ""));
      }
    }
    return parts.isEmpty() ? "1" : String.join(" ", parts);
  }

  private static String kinds(List<IndexKind> legs) {
    return legs.stream().map(IndexKind::name).toList().toString();
  }
}
