package org.gfd.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.model.IndexKind;
import org.gfd.model.Species;

/**
 * The meaning of a model-language expression: a sum of flat terms over the same free indices.
 *
 * <p>Index binding follows Einstein's rule, applied at every product: an index label that occurs
 * in two or more factors of a product (counting each factor's free labels once) is summed there,
 * and one that occurs in one factor stays free. A label repeated inside one tensor reference is
 * summed at that reference ({@code U[h, h]} is a trace). A sum needs the same free labels in every
 * term; a scalar (the loss, an observable) has none. {@code |E|^2} is the product of two copies of
 * {@code E}, so it sums over {@code E}'s free labels. {@code delta[i, j, ...]} ties its labels
 * into one index class. Summed labels are renamed to fresh names ({@code #1}, {@code #2}, ...)
 * where they are bound, so that equal names in different places never meet by accident; free
 * labels keep their names until a product binds them.
 *
 * <p>Immutable; the fresh names come from a {@link Fresh} shared by one statement's expressions.
 */
final class TensorExpression {
  /** A tensor reference in a flat term: a species, or a delta when {@code species} is null. */
  record Atom(Species species, List<String> labels, Place at) {}

  /** One term: {@code coefficient * scalar * prod(atoms)}, summed over its bound labels. */
  record Flat(Rational coefficient, Monomial scalar, List<Atom> atoms) {}

  /** Fresh names for summed labels, and the kind each one has once known. */
  static final class Fresh {
    private int next;
    final Map<String, IndexKind> kinds = new HashMap<>();
    final Map<String, Place> firstUse = new HashMap<>();

    String name() {
      return "#" + (++next);
    }
  }

  /**
   * Expanded terms allowed in one expression: far above any model's loss (asymmetric CP of order
   * 64 has 3), and low enough that a runaway expansion ({@code |A + B + C|^2} to a high power) is
   * refused before it fills the heap.
   */
  static final int MAX_TERMS = 100_000;

  final List<Flat> terms;
  /** The free labels, in order of first appearance. */
  final List<String> free;
  /** The kind of each free label, when some tensor leg has fixed it. */
  final Map<String, IndexKind> freeKinds;
  /** Where each free label first appears, for messages. */
  final Map<String, Place> freePlaces;

  TensorExpression(List<Flat> terms, List<String> free, Map<String, IndexKind> freeKinds, Map<String, Place> freePlaces) {
    this.terms = List.copyOf(terms);
    this.free = List.copyOf(free);
    this.freeKinds = Map.copyOf(freeKinds);
    this.freePlaces = Map.copyOf(freePlaces);
  }

  /** A scalar {@code coefficient * scalar}. */
  static TensorExpression scalar(Rational coefficient, Monomial scalar) {
    return new TensorExpression(List.of(new Flat(coefficient, scalar, List.of())), List.of(), Map.of(), Map.of());
  }

  /**
   * One tensor reference. Labels repeated inside it are summed here; the others are free, with
   * the kinds of their legs ({@code legKinds} entries may be null for a delta's legs).
   */
  static TensorExpression atom(Species species, List<String> labels, List<IndexKind> legKinds, Place at, Fresh fresh) {
    Map<String, Integer> count = new LinkedHashMap<>();
    labels.forEach(l -> count.merge(l, 1, Integer::sum));
    Map<String, String> rename = new HashMap<>();
    List<String> free = new ArrayList<>();
    Map<String, IndexKind> freeKinds = new HashMap<>();
    Map<String, Place> places = new HashMap<>();
    for (int k = 0; k < labels.size(); k++) {
      String l = labels.get(k);
      IndexKind kind = legKinds.get(k);
      if (count.get(l) > 1) {
        String f = rename.computeIfAbsent(l, x -> fresh.name());
        fresh.firstUse.putIfAbsent(f, at);
        fresh.kinds.put(f, merge(fresh.kinds.get(f), kind, l, at));
      } else {
        free.add(l);
        places.put(l, at);
        if (kind != null) {
          freeKinds.put(l, kind);
        }
      }
    }
    List<String> renamed = labels.stream().map(l -> rename.getOrDefault(l, l)).toList();
    return new TensorExpression(List.of(new Flat(Rational.ONE, Monomial.ONE, List.of(new Atom(species, renamed, at)))),
        free, freeKinds, places);
  }

  /** The kind of a label seen with kinds {@code a} and {@code b} (either may be unknown, null). */
  static IndexKind merge(IndexKind a, IndexKind b, String label, Place at) {
    if (a == null) {
      return b;
    }
    if (b != null && !a.equals(b)) {
      throw at.error("index " + label + " is used for a leg of kind " + a.name() + " and a leg of kind " + b.name());
    }
    return a;
  }

  boolean isScalar() {
    return free.isEmpty() && terms.stream().allMatch(t -> t.atoms().isEmpty());
  }

  /** This expression with every summed label renamed fresh: an independent copy for products. */
  TensorExpression copy(Fresh fresh) {
    Map<String, String> rename = new HashMap<>();
    List<Flat> out = new ArrayList<>();
    for (Flat t : terms) {
      List<Atom> atoms = new ArrayList<>();
      for (Atom a : t.atoms()) {
        List<String> labels = new ArrayList<>();
        for (String l : a.labels()) {
          if (l.startsWith("#")) {
            String f = rename.computeIfAbsent(l, x -> {
              String n = fresh.name();
              IndexKind kind = fresh.kinds.get(x);
              if (kind != null) {
                fresh.kinds.put(n, kind);
              }
              fresh.firstUse.put(n, fresh.firstUse.get(x));
              return n;
            });
            labels.add(f);
          } else {
            labels.add(l);
          }
        }
        atoms.add(new Atom(a.species(), labels, a.at()));
      }
      out.add(new Flat(t.coefficient(), t.scalar(), atoms));
    }
    return new TensorExpression(out, free, freeKinds, freePlaces);
  }

  /** This expression with its free labels renamed by {@code rename} (labels not in it unchanged). */
  TensorExpression renameFree(Map<String, String> rename) {
    List<Flat> out = new ArrayList<>();
    for (Flat t : terms) {
      List<Atom> atoms = new ArrayList<>();
      for (Atom a : t.atoms()) {
        atoms.add(new Atom(a.species(), a.labels().stream().map(l -> rename.getOrDefault(l, l)).toList(), a.at()));
      }
      out.add(new Flat(t.coefficient(), t.scalar(), atoms));
    }
    List<String> free = this.free.stream().map(l -> rename.getOrDefault(l, l)).toList();
    Map<String, IndexKind> kinds = new HashMap<>();
    freeKinds.forEach((l, k) -> kinds.put(rename.getOrDefault(l, l), k));
    Map<String, Place> places = new HashMap<>();
    freePlaces.forEach((l, p) -> places.put(rename.getOrDefault(l, l), p));
    return new TensorExpression(out, free, kinds, places);
  }

  /** {@code factor * this}. */
  TensorExpression times(Rational factor) {
    return new TensorExpression(terms.stream().map(t -> new Flat(t.coefficient().multiply(factor), t.scalar(), t.atoms())).toList(),
        free, freeKinds, freePlaces);
  }

  /**
   * The sum of {@code parts}, which must have the same free labels (in any order).
   *
   * @param at where the sum is written, for messages
   */
  static TensorExpression sum(List<TensorExpression> parts, Place at) {
    TensorExpression first = parts.get(0);
    List<Flat> terms = new ArrayList<>();
    Map<String, IndexKind> kinds = new HashMap<>();
    for (TensorExpression e : parts) {
      if (!new HashSet<>(e.free).equals(new HashSet<>(first.free))) {
        throw at.error("the terms of this sum have different free indices: " + shown(first.free) + " and " + shown(e.free));
      }
      for (String l : e.free) {
        IndexKind k = merge(kinds.get(l), e.freeKinds.get(l), l, e.freePlaces.get(l));
        if (k != null) {
          kinds.put(l, k);
        }
      }
      terms.addAll(e.terms);
    }
    return new TensorExpression(terms, first.free, kinds, first.freePlaces);
  }

  /**
   * The product of {@code factors}: labels free in two or more factors are summed here (renamed
   * fresh, their kinds merged), the others stay free; the terms are multiplied out.
   */
  static TensorExpression product(List<TensorExpression> factors, Place at, Fresh fresh) {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (TensorExpression f : factors) {
      f.free.forEach(l -> count.merge(l, 1, Integer::sum));
    }
    Map<String, String> rename = new HashMap<>();
    List<String> free = new ArrayList<>();
    Map<String, IndexKind> freeKinds = new HashMap<>();
    Map<String, Place> places = new HashMap<>();
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      String l = e.getKey();
      IndexKind kind = null;
      Place first = null;
      for (TensorExpression f : factors) {
        if (f.free.contains(l)) {
          kind = merge(kind, f.freeKinds.get(l), l, f.freePlaces.getOrDefault(l, at));
          first = first == null ? f.freePlaces.get(l) : first;
        }
      }
      if (e.getValue() > 1) {
        String n = fresh.name();
        rename.put(l, n);
        if (kind != null) {
          fresh.kinds.put(n, kind);
        }
        fresh.firstUse.put(n, first);
      } else {
        free.add(l);
        places.put(l, first);
        if (kind != null) {
          freeKinds.put(l, kind);
        }
      }
    }
    List<Flat> terms = List.of(new Flat(Rational.ONE, Monomial.ONE, List.of()));
    for (TensorExpression f : factors) {
      List<Flat> bound = f.renameFree(rename).terms;
      if ((long) terms.size() * bound.size() > MAX_TERMS) {
        throw at.error("this product expands to more than " + MAX_TERMS + " terms");
      }
      List<Flat> next = new ArrayList<>();
      for (Flat a : terms) {
        for (Flat b : bound) {
          List<Atom> atoms = new ArrayList<>(a.atoms());
          atoms.addAll(b.atoms());
          next.add(new Flat(a.coefficient().multiply(b.coefficient()), a.scalar().multiply(b.scalar()), atoms));
        }
      }
      terms = next;
    }
    return new TensorExpression(terms, free, freeKinds, places);
  }

  static String shown(List<String> labels) {
    return labels.isEmpty() ? "none" : "{" + String.join(", ", labels) + "}";
  }
}
