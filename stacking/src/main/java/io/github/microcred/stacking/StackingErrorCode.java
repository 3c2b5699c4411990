package io.github.microcred.stacking;

/** Error codes carried by {@link StackingException}: what went wrong in the stacking module. */
public enum StackingErrorCode {
  /** An argument outside its documented range. */
  INVALID_ARGUMENT
}
