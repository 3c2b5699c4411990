package io.github.microcred.vc.jose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.jose.OfflineDids;
import io.github.microcred.vc.internal.jose.RawJwsSigner;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Secures a credential ({@code vc+jwt}) or presentation ({@code vp+jwt}) as a JWS. Immutable: each {@code with}
 * returns a new operation.
 *
 * <p>The header is {@code {alg, kid, typ, cty}}; the payload is the document itself plus {@code iss} (the issuer or
 * holder id) and {@code iat}, and for presentations {@code nonce} and {@code aud} when set.
 */
public final class JwtSignOperation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JwtKind kind;
  private final JsonNode document;
  private final KeyPair key;
  private final String kid;
  private final Clock clock;
  private final String nonce;
  private final List<String> audience;

  JwtSignOperation(JwtKind kind, JsonNode document, KeyPair key) {
    this(kind, document, key, null, Clock.systemUTC(), null, List.of());
  }

  private JwtSignOperation(
      JwtKind kind, JsonNode document, KeyPair key, String kid, Clock clock, String nonce, List<String> audience) {
    this.kind = kind;
    this.document = document;
    this.key = key;
    this.kid = kid;
    this.clock = clock;
    this.nonce = nonce;
    this.audience = audience;
  }

  /**
   * Sets the {@code kid}: the id of the verification method of the issuer (or holder). By default it is the
   * {@code did:key} method of the key when the issuer is that {@code did:key}, or {@code <did:jwk>#0} when the
   * issuer is that {@code did:jwk}.
   *
   * @param keyId a DID URL
   * @return a new operation
   */
  public JwtSignOperation withKeyId(String keyId) {
    return new JwtSignOperation(kind, document, key, Objects.requireNonNull(keyId), clock, nonce, audience);
  }

  /**
   * Sets the clock for {@code iat}.
   *
   * @param c the clock
   * @return a new operation
   */
  public JwtSignOperation withClock(Clock c) {
    return new JwtSignOperation(kind, document, key, kid, Objects.requireNonNull(c), nonce, audience);
  }

  /**
   * Sets the verifier's {@code nonce} (presentations).
   *
   * @param n the nonce
   * @return a new operation
   */
  public JwtSignOperation withNonce(String n) {
    return new JwtSignOperation(kind, document, key, kid, clock, Objects.requireNonNull(n), audience);
  }

  /**
   * Sets the {@code aud} (presentations: the verifier).
   *
   * @param aud the audience
   * @return a new operation
   */
  public JwtSignOperation withAudience(String aud) {
    return new JwtSignOperation(kind, document, key, kid, clock, nonce, List.of(Objects.requireNonNull(aud)));
  }

  /**
   * Signs.
   *
   * @return the JWS compact serialization
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} when the document is not an object or has no issuer
   *     (holder); {@link VcErrorCode#INVALID_ARGUMENT} when no {@code kid} can be derived
   */
  public String get() throws VcException {
    if (!document.isObject()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$: the " + kind.name().toLowerCase() + " must be a JSON object");
    }
    ObjectNode payload = ((ObjectNode) document).deepCopy();
    Optional<String> subject = JwtVerifyOperation.partyId(payload, kind);
    if (kind == JwtKind.CREDENTIAL && subject.isEmpty()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.issuer: expected an IRI or an object with an IRI id");
    }
    String keyId = kid != null ? kid : defaultKid(subject.orElse(""));
    subject.ifPresent(s -> payload.put("iss", s));
    payload.put("iat", clock.instant().getEpochSecond());
    if (nonce != null) {
      payload.put("nonce", nonce);
    }
    if (!audience.isEmpty()) {
      if (audience.size() == 1) {
        payload.put("aud", audience.get(0));
      } else {
        ArrayNode a = payload.putArray("aud");
        audience.forEach(a::add);
      }
    }
    JWSAlgorithm alg = JWSAlgorithm.parse(VcJwt.algorithm(key.type()));
    JWSHeader header = new JWSHeader.Builder(alg)
        .type(new JOSEObjectType(kind.typ))
        .contentType(kind.cty)
        .keyID(keyId)
        .build();
    String json;
    try {
      json = JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$: cannot serialise: " + e.getOriginalMessage(), e);
    }
    JWSObject jws = new JWSObject(header, new Payload(json));
    try {
      jws.sign(new RawJwsSigner(alg, key::sign));
    } catch (JOSEException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWS signing failed: " + e.getMessage(), e);
    }
    return jws.serialize();
  }

  private String defaultKid(String party) throws VcException {
    String didKeyVm = OfflineDids.didKeyVerificationMethod(key.publicKey());
    if (party.isEmpty() || (didKeyVm.startsWith(party) && didKeyVm.startsWith("#", party.length()))) {
      return didKeyVm;
    }
    if (party.startsWith("did:jwk:") && party.equals(key.publicKey().didJwk())) {
      return party + "#0";
    }
    throw new VcException(VcErrorCode.INVALID_ARGUMENT,
        "kid: the " + (kind == JwtKind.CREDENTIAL ? "issuer" : "holder") + " " + party
            + " is not the did:key or did:jwk of this key; set withKeyId(verification method id)");
  }
}
