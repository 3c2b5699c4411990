package io.github.microcred.vc.sdjwt;

import static io.github.microcred.vc.sdjwt.SdJwtFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code _sd_alg} {@code sha-384} and {@code sha-512} (IANA names) besides {@code sha-256}: issued, presented with
 * Key Binding and verified; every digest and the {@code sd_hash} checked against the JDK's MessageDigest as the
 * oracle; the algorithm name is signed. Attacks on the name are in {@link SdJwtAttackTest}.
 */
class SdJwtSdAlgTest {
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String alg : List.of("sha-256", "sha-384", "sha-512")) {
      for (KeyType t : List.of(KeyType.ED25519, KeyType.P256, KeyType.P384)) {
        out.add(Arguments.of(alg, t));
      }
    }
    return out.stream();
  }

  static String oracle(String alg, String ascii) throws Exception {
    String jca = alg.toUpperCase(java.util.Locale.ROOT); // SHA-256, SHA-384, SHA-512
    return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance(jca)
        .digest(ascii.getBytes(StandardCharsets.US_ASCII)));
  }

  static void collectDigests(JsonNode n, List<String> out) {
    if (n.isObject()) {
      n.path("_sd").forEach(d -> out.add(d.asText()));
      if (n.has("...")) {
        out.add(n.get("...").asText());
      }
      n.forEach(c -> collectDigests(c, out));
    } else if (n.isArray()) {
      n.forEach(c -> collectDigests(c, out));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void issuedPresentedAndVerifiedWithTheOraclesDigests(String alg, KeyType type) throws Exception {
    KeyPair issuer = KeyPair.generate(type);
    ObjectNode badge = badge();
    ((ObjectNode) badge.get("issuer")).put("id", issuer.publicKey().didKey());
    String sdJwt = SdJwt.issue(badge, issuer).withDisclosable(DISCLOSABLE).withDecoys(2)
        .withHolderKey(HOLDER.publicKey()).withSdAlg(alg).withClock(CLOCK).get();
    String[] parts = sdJwt.split("~");
    JsonNode payload = JSON.readTree(unb64(parts[0].split("\\.")[1]));
    assertEquals(alg, payload.get("_sd_alg").asText());
    List<String> digests = new ArrayList<>();
    collectDigests(payload, digests);
    // each Disclosure's digest, by the oracle, is referenced where the payload or another Disclosure says
    for (int i = 1; i < parts.length; i++) {
      collectDigests(JSON.readTree(unb64(parts[i])), digests);
    }
    int hashChars = (int) Math.ceil(Integer.parseInt(alg.substring(4)) / 8 * 4 / 3.0);
    for (String d : digests) {
      assertEquals(hashChars, d.length(), alg + " digest " + d); // decoys too: every digest has the hash's length
    }
    for (int i = 1; i < parts.length; i++) {
      assertTrue(digests.contains(oracle(alg, parts[i])), "no " + alg + " digest of Disclosure " + i);
    }
    String presented = SdJwt.present(sdJwt).withRevealed("/credentialSubject/achievement/name")
        .withKeyBinding(HOLDER, NONCE, AUD).withClock(CLOCK).get();
    String kb = presented.substring(presented.lastIndexOf('~') + 1);
    JsonNode kbPayload = JSON.readTree(unb64(kb.split("\\.")[1]));
    assertEquals(oracle(alg, presented.substring(0, presented.lastIndexOf('~') + 1)), kbPayload.get("sd_hash")
        .asText());
    SdJwtVerification v = verify(presented);
    assertTrue(v.verified(), v.result().toString());
    assertEquals("Data Analysis", v.claims().orElseThrow().get("credentialSubject").get("achievement").get("name")
        .asText());
    assertTrue(v.result().checks().stream().anyMatch(c -> c.message().contains("referenced once by a " + alg)),
        v.result().toString());
  }

  @Test
  void theNameIsSignedAndOnlyIanaNamesAreIssued() throws Exception {
    String sdJwt = SdJwt.issue(badge(), ISSUER).withDisclosable("/name").withHolderKey(HOLDER.publicKey())
        .withSdAlg("sha-512").withClock(CLOCK).get();
    String presented = presented(sdJwt, "/name");
    String[] jwt = presented.substring(0, presented.indexOf('~')).split("\\.");
    String downgraded = b64(unb64(jwt[1]).replace("\"sha-512\"", "\"sha-256\""));
    assertNotEquals(jwt[1], downgraded);
    String forged = jwt[0] + "." + downgraded + "." + jwt[2] + presented.substring(presented.indexOf('~'));
    SdJwtVerification v = verify(forged);
    assertFalse(v.verified());
    assertTrue(v.rejectedFor(SdJwtRejection.SIGNATURE_INVALID), v.rejections().toString());
    // a Holder's presenter reads digests with the token's own _sd_alg: the downgraded token references nothing
    String issuedDowngraded = forged.substring(0, forged.lastIndexOf('~') + 1);
    io.github.microcred.vc.VcException e = assertThrows(io.github.microcred.vc.VcException.class,
        () -> presented(issuedDowngraded, "/name"));
    assertTrue(e.getMessage().contains("DISCLOSURE_UNREFERENCED"), e.getMessage());
    for (String bad : List.of("SHA-512", "sha512", "sha3-256", "md5", "none", "sha-1", "")) {
      assertThrows(IllegalArgumentException.class, () -> SdJwt.issue(badge(), ISSUER).withSdAlg(bad), bad);
    }
    assertEquals(java.util.Set.of("sha-256", "sha-384", "sha-512"), SdJwt.SD_ALGORITHMS);
  }
}
