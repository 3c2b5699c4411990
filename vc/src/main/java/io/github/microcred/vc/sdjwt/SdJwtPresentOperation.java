package io.github.microcred.vc.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.StrictJson;
import io.github.microcred.vc.internal.sdjwt.CompactJws;
import io.github.microcred.vc.internal.sdjwt.SdJwtCodec;
import io.github.microcred.vc.internal.sdjwt.SdJwtFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Holder's presentation of an SD-JWT: the Disclosures for the chosen claims and, with
 * {@link #withKeyBinding(KeyPair, String, String)}, a Key Binding JWT ({@code typ: kb+jwt}; {@code iat},
 * {@code aud}, {@code nonce}, {@code sd_hash} over the presented SD-JWT). Immutable.
 *
 * <p>Claims are chosen by JSON Pointer into the credential as issued (all Disclosures applied). Revealing a claim
 * presents its Disclosure, the Disclosures of every disclosable claim containing it (so it can be reached) and of
 * every disclosable claim inside it (its whole value). Nothing is revealed unless chosen.
 */
public final class SdJwtPresentOperation {
  private record Settings(List<String> revealed, KeyPair holder, String nonce, String audience, Clock clock) {}

  private final String sdJwt;
  private final Settings s;

  SdJwtPresentOperation(String sdJwt) {
    this(sdJwt, new Settings(List.of(), null, null, null, Clock.systemUTC()));
  }

  private SdJwtPresentOperation(String sdJwt, Settings s) {
    this.sdJwt = sdJwt;
    this.s = s;
  }

  /**
   * Reveals the claims at these JSON Pointers (RFC 6901), e.g. {@code /credentialSubject/achievement/name}.
   *
   * @param pointers the pointers
   * @return a new operation
   */
  public SdJwtPresentOperation withRevealed(String... pointers) {
    return withRevealed(Arrays.asList(pointers));
  }

  /**
   * Reveals the claims at these JSON Pointers (see {@link #withRevealed(String...)}).
   *
   * @param pointers the pointers
   * @return a new operation
   */
  public SdJwtPresentOperation withRevealed(List<String> pointers) {
    List<String> all = new ArrayList<>(s.revealed);
    for (String p : pointers) {
      all.add(Objects.requireNonNull(p, "pointer"));
    }
    return new SdJwtPresentOperation(sdJwt, new Settings(List.copyOf(all), s.holder, s.nonce, s.audience, s.clock));
  }

  /**
   * Reveals every claim (all Disclosures).
   *
   * @return a new operation
   */
  public SdJwtPresentOperation withAllRevealed() {
    return withRevealed(""); // the RFC 6901 pointer of the whole document
  }

  /**
   * Adds a Key Binding JWT signed with the Holder's key (the key in the credential's {@code cnf.jwk}).
   *
   * @param holderKey the Holder's key pair
   * @param nonce the Verifier's nonce
   * @param audience the Verifier's identifier ({@code aud})
   * @return a new operation
   */
  public SdJwtPresentOperation withKeyBinding(KeyPair holderKey, String nonce, String audience) {
    return new SdJwtPresentOperation(sdJwt, new Settings(s.revealed, Objects.requireNonNull(holderKey, "holderKey"),
        Objects.requireNonNull(nonce, "nonce"), Objects.requireNonNull(audience, "audience"), s.clock));
  }

  /**
   * Sets the clock for the KB-JWT's {@code iat}.
   *
   * @param clock the clock
   * @return a new operation
   */
  public SdJwtPresentOperation withClock(Clock clock) {
    return new SdJwtPresentOperation(sdJwt, new Settings(s.revealed, s.holder, s.nonce, s.audience,
        Objects.requireNonNull(clock, "clock")));
  }

  /**
   * Presents.
   *
   * @return {@code <Issuer-signed JWT>~<chosen Disclosures>~[<KB-JWT>]}
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} when the SD-JWT does not parse or already carries a
   *     KB-JWT; {@link VcErrorCode#INVALID_ARGUMENT} for a pointer that names no claim, or a Holder key that is not
   *     the credential's {@code cnf} key
   */
  public String get() throws VcException {
    String token = sdJwt.strip();
    SdJwtCodec.Split split;
    ObjectNode payload;
    List<SdJwtCodec.Disclosure> all = new ArrayList<>();
    SdJwtCodec.Processed processed;
    String sdAlg;
    StrictJson.Limits limits = StrictJson.Limits.DEFAULT;
    try {
      split = SdJwtCodec.split(token, SdJwtVerifyOperation.MAX_DISCLOSURES);
      if (split.kbJwt() != null) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "the SD-JWT already ends with a KB-JWT; present the "
            + "SD-JWT as issued (ending with ~)");
      }
      String[] parts = split.jwt().split("\\.", -1);
      byte[] raw = parts.length == 3 ? SdJwtCodec.base64url(parts[1]) : null;
      if (raw == null) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "the Issuer-signed JWT is not a JWS compact serialization");
      }
      payload = StrictJson.readObjectTree(raw, "payload", limits);
      sdAlg = SdJwtVerifyOperation.sdAlg(payload);
      for (int i = 0; i < split.disclosures().size(); i++) {
        all.add(SdJwtCodec.decode(split.disclosures().get(i), "disclosures[" + i + "]", limits, sdAlg));
      }
      processed = SdJwtCodec.process(payload, all);
    } catch (SdJwtFailure e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, e.path() + ": " + e.reason() + ": " + e.getMessage());
    }
    for (String q : s.revealed) {
      if (q.isEmpty()) {
        continue;
      }
      SdJwtCodec.resolve(processed.claims(), SdJwtCodec.parsePointer(q), q);
    }
    StringBuilder b = new StringBuilder(split.jwt()).append('~');
    for (SdJwtCodec.Disclosure d : all) {
      String p = processed.pointers().get(d.digest());
      for (String q : s.revealed) {
        if (SdJwtCodec.ancestorOrSelf(p, q) || SdJwtCodec.ancestorOrSelf(q, p)) {
          b.append(d.encoded()).append('~');
          break;
        }
      }
    }
    String presented = b.toString();
    if (s.holder == null) {
      return presented;
    }
    JsonNode jwk = payload.path("cnf").get("jwk");
    PublicKey cnf = jwk == null ? null : PublicKey.fromJwk(jwk);
    if (s.holder.type() == KeyType.RSA) {
      throw new VcException(VcErrorCode.UNSUPPORTED_KEY, "holderKey: a KB-JWT is signed with an Ed25519, P-256 or "
          + "P-384 key");
    }
    if (cnf == null || !cnf.equals(s.holder.publicKey())) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "holderKey: not the key in the credential's cnf.jwk");
    }
    ObjectNode header = JsonSupport.MAPPER.createObjectNode();
    header.put("alg", CompactJws.alg(s.holder.type())).put("typ", SdJwt.KB_TYP);
    ObjectNode kb = JsonSupport.MAPPER.createObjectNode();
    kb.put("iat", s.clock.instant().getEpochSecond()).put("aud", s.audience).put("nonce", s.nonce)
        .put("sd_hash", SdJwtCodec.digest(sdAlg, presented));
    return presented + CompactJws.sign(header, kb, s.holder);
  }
}
