package io.github.microcred.elm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import java.util.List;
import java.util.Objects;

/**
 * An exported EDC {@code EuropeanDigitalCredential} (unsigned) and the warnings of its export: values written as
 * microcred concepts because no EU Vocabularies concept for them is known, and core fields EDC cannot carry.
 */
public final class ElmCredential {
  private final ObjectNode document;
  private final List<Issue> warnings;

  ElmCredential(ObjectNode document, List<Issue> warnings) {
    this.document = Objects.requireNonNull(document, "document").deepCopy();
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The credential's id ({@code id}).
   *
   * @return the id
   */
  public String id() {
    return document.path("id").asText();
  }

  /**
   * The JSON-LD document; {@code toString()} of the tree is the compact text, {@code toPrettyString()} the indented
   * one.
   *
   * @return a copy of the tree, owned by the caller
   */
  public ObjectNode toJson() {
    return document.deepCopy();
  }

  /**
   * What the export could not write in EDC's own terms, with the JSON path: core {@link Issue}s of severity warning,
   * coded {@link ElmProblemCode#NOT_IN_VOCABULARY} (a microcred concept), {@code NOT_CARRIED}, {@code CHANGED} or
   * {@code EDC_REQUIREMENT_MISSING}.
   *
   * @return the warnings
   */
  public List<Issue> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "ElmCredential[" + id() + ", " + warnings.size() + " warning(s)]";
  }
}
