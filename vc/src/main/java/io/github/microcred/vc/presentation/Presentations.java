package io.github.microcred.vc.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.NestedCredentials;
import io.github.microcred.vc.jose.JwtSignOperation;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The front door for presentations.
 *
 * <pre>{@code
 * ObjectNode vp = Presentations.create(holderDid, List.of(credentialJwt, diCredentialJson));
 * String token = Presentations.signJwt(vp, holderKey).withNonce(nonce).withAudience(verifierId).get();
 * PresentationVerification v = Presentations.verify(token).withNonce(nonce).withAudience(verifierId)
 *     .requireHolderIsSubject().get();
 * }</pre>
 */
public final class Presentations {
  /** The data: URL prefix of an enveloped {@code vc+jwt}. */
  public static final String ENVELOPED_JWT_PREFIX = NestedCredentials.ENVELOPED_JWT_PREFIX;
  static final ObjectMapper JSON = JsonSupport.MAPPER;

  private Presentations() {}

  /**
   * Builds an unsigned presentation. A credential given as a compact JWT becomes an
   * {@code EnvelopedVerifiableCredential} ({@code data:application/vc+jwt,...}); one given as a JSON object (Data
   * Integrity) is embedded as is.
   *
   * @param holder the holder id (usually a DID)
   * @param credentials the credentials, each a JWT or a JSON object text
   * @return the presentation
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} naming the credential that is neither
   */
  public static ObjectNode create(String holder, List<String> credentials) throws VcException {
    Objects.requireNonNull(holder, "holder");
    ObjectNode vp = JSON.createObjectNode();
    vp.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vp.put("type", "VerifiablePresentation");
    vp.put("holder", holder);
    ArrayNode list = vp.putArray("verifiableCredential");
    for (int i = 0; i < credentials.size(); i++) {
      String c = credentials.get(i).strip();
      if (VcJwt.looksLikeJwt(c)) {
        ObjectNode env = list.addObject();
        env.put("@context", "https://www.w3.org/ns/credentials/v2");
        env.put("id", ENVELOPED_JWT_PREFIX + c);
        env.put("type", "EnvelopedVerifiableCredential");
        continue;
      }
      JsonNode n;
      try {
        n = JsonSupport.readTree(c, "credentials[" + i + "]");
      } catch (VcException e) {
        throw new VcException((VcErrorCode) e.code(), e.getMessage() + " (expected a compact vc+jwt or a JSON credential object)");
      }
      if (!n.isObject()) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT,
            "credentials[" + i + "]: expected a compact vc+jwt or a JSON credential object");
      }
      list.add(n);
    }
    return vp;
  }

  /**
   * Starts signing a presentation as a {@code vp+jwt}; set the verifier's nonce and audience on the operation.
   *
   * @param presentation the presentation
   * @param holderKey the holder's key
   * @return the operation
   */
  public static JwtSignOperation signJwt(JsonNode presentation, KeyPair holderKey) {
    return VcJwt.signPresentation(presentation, holderKey);
  }

  /**
   * Signs a presentation with a Data Integrity proof ({@code authentication} purpose) bound to the verifier's
   * {@code challenge} and {@code domain}; {@code eddsa-rdfc-2022} for Ed25519 keys, {@code ecdsa-rdfc-2019}
   * otherwise; the verification method is the key's {@code did:key} method (the holder must be that did:key).
   *
   * @param presentation the presentation
   * @param holderKey the holder's key
   * @param challenge the verifier's challenge
   * @param domain the verifier's domain
   * @return the signed presentation
   * @throws VcException when the presentation cannot be canonicalized (for example an unpinned context)
   */
  public static ObjectNode signDataIntegrity(JsonNode presentation, KeyPair holderKey, String challenge,
      String domain) throws VcException {
    Cryptosuite suite = holderKey.type() == KeyType.ED25519
        ? Cryptosuite.EDDSA_RDFC_2022 : Cryptosuite.ECDSA_RDFC_2019;
    return DataIntegrityPresentations.sign(presentation, holderKey, suite,
        holderKey.publicKey().didKeyVerificationMethod(), Objects.requireNonNull(challenge, "challenge"),
        Objects.requireNonNull(domain, "domain"), Instant.now());
  }

  /**
   * Starts verifying a presentation: a {@code vp+jwt}, or a JSON presentation with a Data Integrity proof.
   *
   * @param presentation the compact JWT or the JSON text
   * @return the operation
   */
  public static PresentationVerifyOperation verify(String presentation) {
    return new PresentationVerifyOperation(Objects.requireNonNull(presentation, "presentation"));
  }
}
