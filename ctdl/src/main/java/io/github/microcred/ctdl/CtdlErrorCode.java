package io.github.microcred.ctdl;

import io.github.microcred.core.Code;

/** Error codes carried by {@link CtdlException}: what went wrong in the ctdl module. */
public enum CtdlErrorCode implements Code {
  /** An argument outside its documented range. */
  INVALID_ARGUMENT,
  /** A policy table that cannot be read. */
  INVALID_POLICY,
  /** A schema encoding that cannot be read. */
  INVALID_SCHEMA,
  /** A document that is not JSON, or has no CTDL resource to import. */
  INVALID_RECORD,
  /** A micro-credential that cannot be expressed in CTDL (e.g. a missing title). */
  UNSUPPORTED;

  /** {@inheritDoc} Always {@code ctdl}. */
  @Override
  public String module() {
    return "ctdl";
  }
}
