package io.github.microcred.elm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import io.github.microcred.elm.internal.Json;
import java.io.UncheckedIOException;
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
   * The JSON-LD document.
   *
   * @return a copy of the tree
   */
  public ObjectNode document() {
    return document.deepCopy();
  }

  /**
   * The JSON-LD document as compact text.
   *
   * @return the JSON
   */
  public String toJson() {
    try {
      return Json.MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JSON-LD document, indented.
   *
   * @return the JSON
   */
  public String toPrettyJson() {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
