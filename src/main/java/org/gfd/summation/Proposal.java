package org.gfd.summation;

import java.util.Optional;

/**
 * What a strategy proposes: a closed form in Symja input form (in {@code tau} and the ray
 * constants), or none; an account of what it did (the systems it solved, their sizes and ranks,
 * where it stopped); for the PDE route, the equation found and its characteristics; for the
 * algebraic route, the relation found (with its exponential and the limits it allows); for a
 * Marchenko-Pastur average, its law and kernel (the closed form is then the integral); for a flow
 * of independent units, the flow (the closed form is then its description).
 */
public record Proposal(Optional<String> closedForm, String account, Optional<String> pde,
    Optional<String> characteristics, Optional<String> relation, Optional<SpectralAverage> spectral,
    Optional<UnitFlow> units) {
  public Proposal(Optional<String> closedForm, String account, Optional<String> pde, Optional<String> characteristics,
      Optional<String> relation) {
    this(closedForm, account, pde, characteristics, relation, Optional.empty(), Optional.empty());
  }

  public static Proposal found(String closedForm, String account) {
    return new Proposal(Optional.of(closedForm), account, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Proposal none(String account) {
    return new Proposal(Optional.empty(), account, Optional.empty(), Optional.empty(), Optional.empty());
  }

  static Proposal spectral(SpectralAverage form, String account) {
    return new Proposal(Optional.of(form.inputForm()), account, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(form), Optional.empty());
  }

  static Proposal units(UnitFlow form, String account) {
    return new Proposal(Optional.of(form.description()), account, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(form));
  }

  /** The same proposal with another account. */
  Proposal withAccount(String newAccount) {
    return new Proposal(closedForm, newAccount, pde, characteristics, relation, spectral, units);
  }
}
