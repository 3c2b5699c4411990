package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.sdjwt.SdJwt;
import io.github.microcred.vc.sdjwt.SdJwtVerification;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's selective-disclosure blocks (ecdsa-sd-2023 and SD-JWT VC), run on the real clock as a reader would run
 * them (cli's ReadmeQuickStartTest checks that the README shows these regions word for word).
 */
class ReadmeSelectiveDisclosureTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode badge(String issuer) throws Exception {
    try (InputStream in = ReadmeSelectiveDisclosureTest.class.getResourceAsStream("/sdjwt/ob3-badge.json")) {
      ObjectNode b = (ObjectNode) JSON.readTree(in);
      ((ObjectNode) b.get("issuer")).put("id", issuer);
      return b;
    }
  }

  @Test
  void theEcdsaSd2023BlockRuns() throws Exception {
    KeyPair p256Key = KeyPair.generate(KeyType.P256);
    ObjectNode unsignedVc = badge(p256Key.publicKey().didKey());
    // region sd
    ObjectNode base = Credentials.sign(unsignedVc, p256Key, Cryptosuite.ECDSA_SD_2023)
        .withMandatoryPointers(List.of("/issuer", "/validFrom")).get();          // to the holder
    ObjectNode disclosed = Credentials.derive(base, List.of("/credentialSubject/achievement/name")).get();
    Credentials.verify(disclosed).get();                                         // as any credential
    // endregion
    assertTrue(Credentials.verify(disclosed).get().verified(), Credentials.verify(disclosed).get().toString());
    assertFalse(Credentials.verify(base).get().verified(), "a base proof is not for verifiers");
    assertEquals(unsignedVc.at("/credentialSubject/achievement/name"),
        disclosed.at("/credentialSubject/achievement/name"));
    assertTrue(disclosed.at("/credentialSubject/achievement/description").isMissingNode(), disclosed.toString());
  }

  @Test
  void theSdJwtBlockRuns() throws Exception {
    KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
    KeyPair learnerKey = KeyPair.generate(KeyType.P256);
    ObjectNode credential = badge(issuerKey.publicKey().didKey());
    String nonce = "n-" + Long.toHexString(System.nanoTime());
    // region sdjwt
    String sdJwt = SdJwt.issue(credential, issuerKey)
        .withDisclosable("/credentialSubject/achievement", "/credentialSubject/result/0", "/name")
        .withHolderKey(learnerKey.publicKey()).withDecoys(2).get();            // jwt~disclosure~...~
    String shown = SdJwt.present(sdJwt).withRevealed("/credentialSubject/achievement/name")
        .withKeyBinding(learnerKey, nonce, "https://employer.example").get(); // jwt~d~kb-jwt
    SdJwtVerification v = SdJwt.verify(shown).withKeyBinding(nonce, "https://employer.example").get();
    v.verified();  v.rejections();  v.claims();    // e.g. [KB_NONCE_MISMATCH], [DISCLOSURE_UNREFERENCED], [SD_ALG_UNSUPPORTED]
    // endregion
    assertTrue(v.verified(), v.rejections().toString());
    assertFalse(SdJwt.verify(shown).withKeyBinding("another-nonce", "https://employer.example").get().verified());
  }
}
