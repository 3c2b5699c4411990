package io.github.microcred.core;

/** Error codes carried by {@link CoreException}: what went wrong in the core model. */
public enum CoreErrorCode implements Code {
  /** A credit conversion that the active policy does not define. */
  CONVERSION_UNDEFINED,
  /** Input JSON that could not be parsed or bound to the model. */
  MALFORMED_JSON,
  /** A well-formed JSON document that does not describe a valid model (see the message for every path). */
  INVALID_DOCUMENT,
  /** An argument outside its documented range. */
  INVALID_ARGUMENT;

  /** {@inheritDoc} Always {@code core}. */
  @Override
  public String module() {
    return "core";
  }
}
