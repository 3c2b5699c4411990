package io.github.microcred.vc;

/** Error codes carried by {@link VcException}: what went wrong in the vc module. */
public enum VcErrorCode {
  /** An argument outside its documented range. */
  INVALID_ARGUMENT
}
