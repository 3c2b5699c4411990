package io.github.microcred.elm;

import java.util.Objects;

/**
 * Something an export wrote in a form EDC's controlled vocabularies do not hold, or an import could not carry into
 * the core model.
 *
 * @param path the JSON path in the ELM document, e.g. {@code $.credentialSubject.hasClaim[0].specifiedBy.learningSetting}
 * @param message what happened
 */
public record ElmWarning(String path, String message) {
  /**
   * Checks the components.
   *
   * @param path the path
   * @param message the message
   */
  public ElmWarning {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
