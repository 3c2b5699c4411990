package io.github.microcred.vc.internal.sdjwt;

import io.github.microcred.vc.sdjwt.SdJwtRejection;

/** A named reason why an SD-JWT cannot be processed, with the JSON path or token part it concerns. */
public final class SdJwtFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final SdJwtRejection reason;
  private final String path;

  /**
   * Creates a failure.
   *
   * @param reason the rejection
   * @param path the JSON pointer or token part
   * @param message what was expected
   */
  public SdJwtFailure(SdJwtRejection reason, String path, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.path = path;
  }

  /**
   * The rejection.
   *
   * @return the reason
   */
  public SdJwtRejection reason() {
    return reason;
  }

  /**
   * Where.
   *
   * @return the path
   */
  public String path() {
    return path;
  }
}
