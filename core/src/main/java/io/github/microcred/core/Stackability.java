package io.github.microcred.core;

import java.util.List;
import java.util.Objects;

/**
 * EU Annex I optional "integration / stackability options".
 *
 * @param option stand-alone, stackable or integrated
 * @param targets identifiers or titles of the larger credentials it stacks into or is integrated in
 * @param description free text ("" for none)
 */
public record Stackability(StackabilityOption option, List<String> targets, String description) {
  /** Validates and copies. */
  public Stackability {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(description, "description");
    targets = List.copyOf(targets);
  }
}
