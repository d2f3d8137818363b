package org.gfd.cli;

import org.gfd.model.Model;
import picocli.CommandLine.Option;

/** {@code --observable}: which of the model's observables a verb that takes a limit studies. */
public final class ObservableOption {
  @Option(names = "--observable", paramLabel = "NAME", defaultValue = Model.LOSS,
      description = "The observable whose limit to take: loss (default) or one the model declares; the place on the "
          + "regime map and the time scale are the loss's, the normalization the observable's.")
  String name;
}
