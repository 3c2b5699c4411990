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
import com.nimbusds.jose.jwk.JWK;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.jose.OfflineDids;
import io.github.microcred.vc.internal.jose.RawJwsSigner;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Secures a credential ({@code vc+jwt}) or presentation ({@code vp+jwt}) as a JWS. Immutable: each {@code with}
 * returns a new operation.
 *
 * <p>The header is {@code {alg, kid, typ, cty}}; the payload is the document itself plus {@code iss} (the issuer or
 * holder id) and {@code iat}, and for presentations {@code nonce} and {@code aud} when set. An operation from
 * {@link Ob3Jwt#sign} writes the OB 3.0 JWT profile instead: header {@code {alg, typ: JWT, kid}} (or {@code jwk}),
 * payload {@code {vc, iss, jti, sub, nbf, exp}}.
 */
public final class JwtSignOperation {
  private static final ObjectMapper JSON = JsonSupport.MAPPER;
  private final JwtKind kind;
  private final JsonNode document;
  private final KeyPair key;
  private final String kid;
  private final Clock clock;
  private final String nonce;
  private final List<String> audience;
  private final JwtProfile profile;
  private final boolean embedJwk;

  JwtSignOperation(JwtKind kind, JsonNode document, KeyPair key) {
    this(kind, document, key, null, Clock.systemUTC(), null, List.of(), JwtProfile.VC_JOSE_COSE, false);
  }

  JwtSignOperation(JwtProfile profile, JsonNode document, KeyPair key) {
    this(JwtKind.CREDENTIAL, document, key, null, Clock.systemUTC(), null, List.of(), profile, false);
  }

  private JwtSignOperation(
      JwtKind kind, JsonNode document, KeyPair key, String kid, Clock clock, String nonce, List<String> audience,
      JwtProfile profile, boolean embedJwk) {
    this.profile = profile;
    this.embedJwk = embedJwk;
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
    return new JwtSignOperation(kind, document, key, Objects.requireNonNull(keyId), clock, nonce, audience, profile, embedJwk);
  }

  /**
   * Sets the clock for {@code iat}.
   *
   * @param c the clock
   * @return a new operation
   */
  public JwtSignOperation withClock(Clock c) {
    return new JwtSignOperation(kind, document, key, kid, Objects.requireNonNull(c), nonce, audience, profile, embedJwk);
  }

  /**
   * Sets the verifier's {@code nonce} (presentations).
   *
   * @param n the nonce
   * @return a new operation
   */
  public JwtSignOperation withNonce(String n) {
    return new JwtSignOperation(kind, document, key, kid, clock, Objects.requireNonNull(n), audience, profile, embedJwk);
  }

  /**
   * Sets the {@code aud} (presentations: the verifier).
   *
   * @param aud the audience
   * @return a new operation
   */
  public JwtSignOperation withAudience(String aud) {
    return new JwtSignOperation(kind, document, key, kid, clock, nonce, List.of(Objects.requireNonNull(aud)), profile, embedJwk);
  }

  /**
   * Puts the public key in the header as {@code jwk} instead of a {@code kid} (the OB 3.0 JWT profile allows either;
   * a verifier still accepts the key only if it is one of the issuer's). Only for {@link Ob3Jwt}.
   *
   * @return a new operation
   * @throws IllegalStateException for a {@code vc+jwt} / {@code vp+jwt}, whose verifiers want a {@code kid}
   */
  public JwtSignOperation withJwkHeader() {
    if (profile != JwtProfile.OB3) {
      throw new IllegalStateException("withJwkHeader is for the OB 3.0 JWT profile (Ob3Jwt.sign)");
    }
    return new JwtSignOperation(kind, document, key, kid, clock, nonce, audience, profile, true);
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
    if (profile == JwtProfile.OB3) {
      return signOb3();
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
    return serialize(header, payload);
  }

  private String serialize(JWSHeader header, ObjectNode payload) throws VcException {
    String json;
    try {
      json = JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$: cannot serialise: " + e.getOriginalMessage(), e);
    }
    JWSObject jws = new JWSObject(header, new Payload(json));
    try {
      jws.sign(new RawJwsSigner(header.getAlgorithm(), key::sign));
    } catch (JOSEException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWS signing failed: " + e.getMessage(), e);
    }
    return jws.serialize();
  }

  /**
   * The OB 3.0 JWT proof format: header {@code {alg, typ: JWT, kid}} (or {@code jwk}); claims {@code vc} (the
   * credential, unchanged), {@code iss}, {@code jti}, {@code sub}, {@code nbf} and, with a {@code validUntil},
   * {@code exp}, each read from the credential. Nothing else.
   */
  private String signOb3() throws VcException {
    ObjectNode vc = ((ObjectNode) document).deepCopy();
    Optional<String> issuer = JwtVerifyOperation.partyId(vc, kind);
    if (issuer.isEmpty()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.issuer: expected an IRI or an object with an IRI id");
    }
    boolean vc1 = JwtVerifyOperation.isVc1(vc);
    Ob3Claims.Expected c = Ob3Claims.expected(vc, vc1);
    if (c.problem() != null) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, c.problem());
    }
    ObjectNode payload = JSON.createObjectNode();
    payload.set("vc", vc);
    payload.put("iss", issuer.get());
    payload.put("jti", c.jti());
    payload.put("sub", c.sub());
    payload.put("nbf", c.nbf());
    if (c.exp() != null) {
      payload.put("exp", c.exp().longValue());
    }
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.parse(VcJwt.algorithm(key.type())))
        .type(JOSEObjectType.JWT);
    if (embedJwk) {
      try {
        header.jwk(JWK.parse(key.publicKey().toJwk().toString()));
      } catch (ParseException e) {
        throw new IllegalStateException("own public JWK unreadable", e);
      }
    } else {
      header.keyID(kid != null ? kid : defaultKid(issuer.get()));
    }
    return serialize(header.build(), payload);
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
