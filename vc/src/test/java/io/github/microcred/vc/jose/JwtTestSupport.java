package io.github.microcred.vc.jose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds tokens by hand (for attacks) and sample credentials. */
final class JwtTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();

  private JwtTestSupport() {}

  static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Signs header.payload with a key, whatever the header says. */
  static String forge(ObjectNode header, ObjectNode payload, KeyPair key) {
    String input = b64(header.toString()) + "." + b64(payload.toString());
    return input + "." + b64(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  static ObjectNode credential(String issuer) {
    ObjectNode vc = JSON.createObjectNode();
    // the OB 3.0 context defines OpenBadgeCredential (VC 2.0 has no @vocab: without it the type is undefined and
    // Data Integrity safe mode refuses to sign it)
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    vc.put("id", "urn:uuid:6a9c92a9-2530-4e2b-9776-530467e9bbe0");
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    vc.put("issuer", issuer);
    vc.put("validFrom", "2026-01-01T00:00:00Z");
    vc.putObject("credentialSubject").put("id", "did:example:learner").put("name", "Ada");
    return vc;
  }

  static ObjectNode header(String alg, String kid) {
    ObjectNode h = JSON.createObjectNode().put("alg", alg).put("typ", "vc+jwt").put("cty", "vc");
    if (kid != null) {
      h.put("kid", kid);
    }
    return h;
  }

  static ObjectNode part(String jwt, int i) throws Exception {
    return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
  }
}
