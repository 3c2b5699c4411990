package io.github.microcred.vc.status;

import java.util.Objects;

/**
 * One entry of {@code statusMessage}: what a status value means.
 *
 * @param status the status value (non-negative)
 * @param message human-readable meaning
 */
public record StatusMessage(int status, String message) {
  /**
   * Validates the fields.
   *
   * @param status the status value
   * @param message the meaning
   */
  public StatusMessage {
    if (status < 0) {
      throw new IllegalArgumentException("status must be non-negative, got " + status);
    }
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns the value as the spec writes it: a hexadecimal string with a {@code 0x} prefix.
   *
   * @return for example {@code 0x2}
   */
  public String statusHex() {
    return "0x" + Integer.toHexString(status);
  }
}
