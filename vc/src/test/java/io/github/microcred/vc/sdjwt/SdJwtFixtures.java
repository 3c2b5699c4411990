package io.github.microcred.vc.sdjwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/** Shared keys, credential and clocks of the SD-JWT tests. */
final class SdJwtFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final KeyPair ISSUER = KeyPair.generate(KeyType.ED25519);
  static final KeyPair HOLDER = KeyPair.generate(KeyType.P256);
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String NONCE = "n-0S6_WzA2Mj";
  static final String AUD = "https://verifier.example.org";
  static final String[] DISCLOSABLE = {"/name", "/credentialSubject/id", "/credentialSubject/achievement",
      "/credentialSubject/achievement/description", "/credentialSubject/result/0", "/credentialSubject/result/1"};

  private SdJwtFixtures() {}

  static ObjectNode resource(String name) {
    try (InputStream in = SdJwtFixtures.class.getResourceAsStream("/sdjwt/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode badge() {
    ObjectNode b = resource("ob3-badge.json");
    ((ObjectNode) b.get("issuer")).put("id", ISSUER.publicKey().didKey());
    return b;
  }

  static String issued() throws VcException {
    return SdJwt.issue(badge(), ISSUER).withDisclosable(DISCLOSABLE).withHolderKey(HOLDER.publicKey())
        .withClock(CLOCK).get();
  }

  static String presented(String sdJwt, String... reveal) throws VcException {
    return SdJwt.present(sdJwt).withRevealed(reveal).withKeyBinding(HOLDER, NONCE, AUD).withClock(CLOCK).get();
  }

  static SdJwtVerification verify(String token) {
    return SdJwt.verify(token).withClock(CLOCK).withKeyBinding(NONCE, AUD).get();
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String unb64(String s) {
    return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
  }
}
