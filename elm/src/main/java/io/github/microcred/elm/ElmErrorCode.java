package io.github.microcred.elm;

import io.github.microcred.core.Code;

/** Error codes carried by {@link ElmException}: what went wrong in the elm module. */
public enum ElmErrorCode implements Code {
  /** An argument outside its documented range (e.g. a language tag that is not BCP 47). */
  INVALID_ARGUMENT,
  /**
   * A document that is not JSON, not an EDC {@code EuropeanDigitalCredential} in the compact form of its two
   * contexts, or without the parts an import needs (a claim with a title).
   */
  INVALID_CREDENTIAL,
  /** A micro-credential or award that EDC cannot express (e.g. no awarding body, so no issuer). */
  UNSUPPORTED,
  /**
   * A document beyond a bound of the reader: more than {@link Elm#MAX_CHARS} characters, nested deeper than
   * {@link Elm#MAX_DEPTH}, or more than {@link Elm#MAX_VALUES} JSON values. Refused before it is read further.
   */
  LIMIT_EXCEEDED;

  /** {@inheritDoc} Always {@code elm}. */
  @Override
  public String module() {
    return "elm";
  }
}
