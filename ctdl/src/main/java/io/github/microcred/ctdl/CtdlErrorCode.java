package io.github.microcred.ctdl;

/** Error codes carried by {@link CtdlException}: what went wrong in the ctdl module. */
public enum CtdlErrorCode {
  /** An argument outside its documented range. */
  INVALID_ARGUMENT
}
