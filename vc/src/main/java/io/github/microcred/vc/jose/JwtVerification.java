package io.github.microcred.vc.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VerificationResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying a JWT: the checks (as a {@link VerificationResult}), the named rejections, and the
 * secured document when it could be read. Immutable.
 */
public final class JwtVerification {
  private final VerificationResult result;
  private final List<JwtRejection> rejections;
  private final ObjectNode document;
  private final ObjectNode header;
  private final boolean legacy;

  JwtVerification(
      VerificationResult result, List<JwtRejection> rejections, ObjectNode header, ObjectNode document,
      boolean legacy) {
    this.result = result;
    this.rejections = List.copyOf(rejections);
    this.header = header == null ? null : header.deepCopy();
    this.document = document == null ? null : document.deepCopy();
    this.legacy = legacy;
  }

  /**
   * Whether the JWT verified: no check failed and the signature verified.
   *
   * @return the verdict
   */
  public boolean verified() {
    return rejections.isEmpty() && result.verified();
  }

  /**
   * Every check that ran; failed checks carry a message starting with the {@link JwtRejection} name. The results of
   * embedded credentials (a presentation's, or a CLR's) are in {@link VerificationResult#nested()}.
   *
   * @return the result
   */
  public VerificationResult result() {
    return result;
  }

  /**
   * The reasons for rejection, in the order found; empty when verified.
   *
   * @return an unmodifiable list
   */
  public List<JwtRejection> rejections() {
    return rejections;
  }

  /**
   * Whether a reason is among the rejections.
   *
   * @param reason the reason
   * @return true when rejected for it
   */
  public boolean rejectedFor(JwtRejection reason) {
    return rejections.contains(Objects.requireNonNull(reason));
  }

  /**
   * The credential or presentation carried by the JWT (for a legacy VC-JWT 1.1 token: the {@code vc} / {@code vp}
   * claim with {@code iss}, {@code sub}, {@code jti}, {@code nbf}, {@code exp} mapped back), if it could be read.
   * Read it as trusted only when {@link #verified()}.
   *
   * @return a copy of the document
   */
  public Optional<ObjectNode> document() {
    return Optional.ofNullable(document).map(ObjectNode::deepCopy);
  }

  /**
   * The protected header, if it could be read.
   *
   * @return a copy of the header
   */
  public Optional<ObjectNode> header() {
    return Optional.ofNullable(header).map(ObjectNode::deepCopy);
  }

  /**
   * Whether the token is a legacy VC-JWT 1.1 token (claims {@code vc} / {@code vp}) rather than VC-JOSE-COSE.
   *
   * @return true for legacy tokens
   */
  public boolean legacy() {
    return legacy;
  }

  @Override
  public String toString() {
    return "JwtVerification[verified=" + verified() + ", legacy=" + legacy + ", rejections=" + rejections + "]";
  }
}
