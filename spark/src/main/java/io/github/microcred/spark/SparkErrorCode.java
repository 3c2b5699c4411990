package io.github.microcred.spark;

import io.github.microcred.core.Code;

/** Error codes carried by {@link SparkException}: what was wrong with what a caller handed the spark module. */
public enum SparkErrorCode implements Code {
  /** An argument outside its documented range: no rule set, two rule sets with one id (the message names it). */
  INVALID_ARGUMENT,
  /**
   * A Dataset without the columns an operation reads, or with a column it does not know (the message names the
   * columns found and the ones expected).
   */
  INPUT_COLUMNS,
  /** Rules whose JSON form does not read back to the same rules, so executors could not audit against them. */
  NOT_PORTABLE,
  /** A controller document to broadcast that does not parse as one (the message says where). */
  CONTROLLER_DOCUMENT_INVALID,
  /** A status list credential to broadcast that is not JSON or a JWT with a string {@code id}. */
  STATUS_LIST_INVALID;

  /** {@inheritDoc} Always {@code spark}. */
  @Override
  public String module() {
    return "spark";
  }
}
