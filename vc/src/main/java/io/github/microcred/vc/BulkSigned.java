package io.github.microcred.vc;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of signing one document of a bulk job ({@link Credentials#signAll}): its position in the input and
 * either the signed document (compact JSON) or the error that document got. Every input document yields exactly one
 * outcome, in input order.
 */
public final class BulkSigned {
  private final long index;
  private final String signed;
  private final VcException error;

  private BulkSigned(long index, String signed, VcException error) {
    this.index = index;
    this.signed = signed;
    this.error = error;
  }

  static BulkSigned ok(long index, String signed) {
    return new BulkSigned(index, Objects.requireNonNull(signed), null);
  }

  static BulkSigned failed(long index, VcException error) {
    return new BulkSigned(index, null, Objects.requireNonNull(error));
  }

  /**
   * The document's position in the input.
   *
   * @return the 0-based index
   */
  public long index() {
    return index;
  }

  /**
   * The signed document.
   *
   * @return the signed document as compact JSON, or empty if signing failed
   */
  public Optional<String> signed() {
    return Optional.ofNullable(signed);
  }

  /**
   * The error.
   *
   * @return why this document was not signed, or empty if it was
   */
  public Optional<VcException> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Whether the document was signed.
   *
   * @return true if {@link #signed()} is present
   */
  public boolean isSigned() {
    return signed != null;
  }

  @Override
  public String toString() {
    return "BulkSigned[" + index + ", " + (signed != null ? "signed" : error.code() + ": " + error.getMessage()) + "]";
  }
}
