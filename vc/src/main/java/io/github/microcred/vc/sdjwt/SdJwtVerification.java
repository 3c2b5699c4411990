package io.github.microcred.vc.sdjwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VerificationResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying an SD-JWT VC: the checks (as a {@link VerificationResult}), the named rejections and,
 * when the token could be processed, the disclosed claims. Immutable.
 */
public final class SdJwtVerification {
  private final VerificationResult result;
  private final List<SdJwtRejection> rejections;
  private final ObjectNode claims;
  private final boolean keyBound;
  private final int disclosures;
  private final String issuer;

  SdJwtVerification(VerificationResult result, List<SdJwtRejection> rejections, ObjectNode claims, boolean keyBound,
      int disclosures, String issuer) {
    this.issuer = issuer;
    this.result = result;
    this.rejections = List.copyOf(rejections);
    this.claims = claims == null ? null : claims.deepCopy();
    this.keyBound = keyBound;
    this.disclosures = disclosures;
  }

  /**
   * Whether the token verified: no check failed.
   *
   * @return the verdict
   */
  public boolean verified() {
    return rejections.isEmpty() && result.verified();
  }

  /**
   * Every check that ran; failed checks carry a message starting with the {@link SdJwtRejection} name.
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
  public List<SdJwtRejection> rejections() {
    return rejections;
  }

  /**
   * Whether a reason is among the rejections.
   *
   * @param reason the reason
   * @return true when rejected for it
   */
  public boolean rejectedFor(SdJwtRejection reason) {
    return rejections.contains(Objects.requireNonNull(reason));
  }

  /**
   * The Processed SD-JWT Payload (RFC 9901 section 7.1): the always-visible claims and the disclosed ones, digests,
   * {@code _sd} and {@code _sd_alg} removed. For an OB 3.0 credential it is the credential (with the members the
   * Holder chose) plus {@code iss}, {@code iat}, {@code nbf}, {@code exp}, {@code vct}, {@code cnf}. Read it as
   * trusted only when {@link #verified()}.
   *
   * @return a copy, if the token could be processed
   */
  public Optional<ObjectNode> claims() {
    return Optional.ofNullable(claims).map(ObjectNode::deepCopy);
  }

  /**
   * Whether a Key Binding JWT was presented and verified.
   *
   * @return true when the Holder proved possession of the {@code cnf} key
   */
  public boolean keyBound() {
    return keyBound;
  }

  /**
   * How many Disclosures were presented.
   *
   * @return the count
   */
  public int disclosureCount() {
    return disclosures;
  }

  /**
   * The issuer whose key verified the Issuer-signed JWT: its {@code iss}, or for a token without {@code iss} whose
   * {@code x5c} chain validated to a configured trust anchor, the issuer the end-entity certificate names (its URI
   * subject alternative name, or its DNS name as {@code dns:NAME}). Read it as trusted only when
   * {@link #verified()}.
   *
   * @return the issuer, if the signature was checked
   */
  public Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  @Override
  public String toString() {
    return "SdJwtVerification[verified=" + verified() + ", keyBound=" + keyBound + ", disclosures=" + disclosures
        + ", rejections=" + rejections + "]";
  }
}
