package io.github.microcred.core;

import java.util.List;
import java.util.Objects;

/**
 * EU Annex I "type of quality assurance", with the QA bodies and accreditors involved.
 *
 * @param type the type
 * @param description what is done, free text ("" for none)
 * @param bodies the QA bodies and accreditors (Oliver: "names of accrediting bodies")
 */
public record QualityAssurance(QualityAssuranceType type, String description, List<Organization> bodies) {
  /** Validates and copies. */
  public QualityAssurance {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    bodies = List.copyOf(bodies);
  }
}
