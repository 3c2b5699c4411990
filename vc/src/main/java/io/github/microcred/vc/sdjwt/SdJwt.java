package io.github.microcred.vc.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.KeyPair;
import java.util.Objects;
import java.util.Set;

/**
 * The front door for SD-JWT VC (RFC 9901 Selective Disclosure JWT, IETF SD-JWT VC draft): issue a credential with
 * chosen selectively disclosable claims, let the Holder present some of them with Key Binding, verify.
 *
 * <pre>{@code
 * String sdJwt = SdJwt.issue(credential, issuerKey)
 *     .withDisclosable("/credentialSubject/achievement/name", "/credentialSubject/result/0")
 *     .withHolderKey(holderKey.publicKey())
 *     .get();
 * String presented = SdJwt.present(sdJwt)
 *     .withRevealed("/credentialSubject/achievement/name")
 *     .withKeyBinding(holderKey, nonce, "https://verifier.example")
 *     .get();
 * SdJwtVerification v = SdJwt.verify(presented).withKeyBinding(nonce, "https://verifier.example").get();
 * if (v.verified()) { v.claims(); }
 * }</pre>
 *
 * <p>The credential's members become the claims of the SD-JWT payload, with {@code iss} (the issuer id),
 * {@code iat}, {@code nbf} / {@code exp} (from {@code validFrom} / {@code validUntil}), {@code vct}, {@code cnf} and
 * {@code _sd_alg} ({@code sha-256}, or {@code sha-384} / {@code sha-512} with
 * {@link SdJwtIssueOperation#withSdAlg(String)}) added. Algorithms: EdDSA, ES256, ES384, following from the key.
 */
public final class SdJwt {
  /** {@code typ} of the Issuer-signed JWT (SD-JWT VC). */
  public static final String TYP = "dc+sd-jwt";
  /** {@code typ} of the Key Binding JWT (RFC 9901). */
  public static final String KB_TYP = "kb+jwt";
  /** The {@code _sd_alg} written by default (and assumed when a token has none, RFC 9901 section 4.1.1). */
  public static final String SD_ALG = "sha-256";
  /**
   * The {@code _sd_alg} values issued and accepted: IANA "Named Information Hash Algorithm" names, exactly as
   * registered ({@code SHA-256}, {@code sha512} or {@code sha3-256} are refused).
   */
  public static final Set<String> SD_ALGORITHMS = Set.of("sha-256", "sha-384", "sha-512");
  /** The algorithms signed and verified. */
  public static final Set<String> ALGORITHMS = Set.of("EdDSA", "ES256", "ES384");
  /** {@code vct} written for an Open Badges 3.0 credential by default: the IRI of {@code OpenBadgeCredential}. */
  public static final String VCT_OPEN_BADGE = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential";
  /** {@code vct} written for a CLR 2.0 credential by default: the IRI of {@code ClrCredential}. */
  public static final String VCT_CLR = "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential";

  private SdJwt() {}

  /**
   * Starts issuing a credential as an SD-JWT VC.
   *
   * @param credential the credential (a JSON object with an {@code issuer})
   * @param issuerKey the issuer's key
   * @return the operation
   */
  public static SdJwtIssueOperation issue(JsonNode credential, KeyPair issuerKey) {
    return new SdJwtIssueOperation(Objects.requireNonNull(credential, "credential"),
        Objects.requireNonNull(issuerKey, "issuerKey"));
  }

  /**
   * Starts a Holder presentation of an issued SD-JWT ({@code jwt~disclosure~...~}).
   *
   * @param sdJwt the SD-JWT as issued
   * @return the operation
   */
  public static SdJwtPresentOperation present(String sdJwt) {
    return new SdJwtPresentOperation(Objects.requireNonNull(sdJwt, "sdJwt"));
  }

  /**
   * Starts verifying an SD-JWT or SD-JWT+KB. Key Binding is required unless
   * {@link SdJwtVerifyOperation#withoutKeyBinding()} is called.
   *
   * @param token the compact SD-JWT (+KB)
   * @return the operation
   */
  public static SdJwtVerifyOperation verify(String token) {
    return new SdJwtVerifyOperation(Objects.requireNonNull(token, "token"));
  }

  /**
   * Whether a string looks like an SD-JWT: a JWS compact serialization followed by {@code ~}.
   *
   * @param text the text
   * @return true for {@code xxx.yyy.zzz~...}
   */
  public static boolean looksLikeSdJwt(String text) {
    return text != null && text.strip().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+~[A-Za-z0-9_.~-]*");
  }
}
