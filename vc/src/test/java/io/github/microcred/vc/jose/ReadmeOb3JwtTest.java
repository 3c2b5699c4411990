package io.github.microcred.vc.jose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationMethod;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README's OB 3.0 JWT profile block, run on the real clock as a reader would run it (cli's ReadmeQuickStartTest
 * checks that the README shows this region word for word).
 */
class ReadmeOb3JwtTest {
  @Test
  void theOb3JwtBlockRuns() throws Exception {
    String issuerId = "https://example.edu/issuers/565049";
    ObjectNode credential = JwtTestSupport.credential(issuerId);
    credential.put("validUntil", "2099-01-01T00:00:00Z");
    // region ob3jwt
    KeyPair rsa = KeyPair.generate(KeyType.RSA);              // 2048 bits; KeyPair.generateRsa(3072), fromPem, fromJwk
    String jwt = Ob3Jwt.sign(credential, rsa).withKeyId(issuerId + "#key-1").get();   // or .withJwkHeader()
    // endregion
    ControllerDocument issuerDocument = ControllerDocument.of(issuerId,
        List.of(new VerificationMethod(issuerId + "#key-1", "JsonWebKey", issuerId, rsa.publicKey())),
        Map.of("assertionMethod", Set.of(issuerId + "#key-1")));
    // region ob3jwtverify
    JwtVerification v = Ob3Jwt.verify(jwt).withControllerDocument(issuerDocument).get();
    // endregion
    assertTrue(v.result().verified(), v.result().toString());
    String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
    assertTrue(header.contains("\"alg\":\"RS256\"") && header.contains("\"typ\":\"JWT\""), header);
  }
}
