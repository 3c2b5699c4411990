package io.github.microcred.stacking;

import io.github.microcred.core.Code;

/** Error codes carried by {@link StackingException}: what went wrong in the stacking module. */
public enum StackingErrorCode implements Code {
  /** An argument outside its documented range. */
  INVALID_ARGUMENT,
  /** Rules that are malformed or inconsistent (the message names the path to every fault). */
  RULES_INVALID,
  /** A transcript that is malformed (the message names the JSON path). */
  TRANSCRIPT_INVALID,
  /** A catalogue that is malformed or has cyclic prerequisites (the message names the path). */
  CATALOGUE_INVALID,
  /** A credit amount that cannot be converted to the rules' unit under the conversion policy. */
  CONVERSION_UNDEFINED,
  /** A source file (e.g. a UTD Nebula degree plan) that cannot be translated into rules. */
  TRANSLATION_FAILED;

  /** {@inheritDoc} Always {@code stacking}. */
  @Override
  public String module() {
    return "stacking";
  }
}
