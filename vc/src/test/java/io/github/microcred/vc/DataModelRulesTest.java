package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VC 2.0 data-model rules the W3C vc-data-model-2.0 suite checks (.ci/conformance.sh): each credential below is
 * signed correctly by its issuer, yet violates one rule, and fails the SYNTAX check naming the member; its corrected
 * twin verifies (so the rule, not the signature, decides).
 */
class DataModelRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KeyPair KEY = KeyPair.generate(KeyType.ED25519);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("{\"credentialSubject\":{}}", "{\"credentialSubject\":{\"name\":\"Ada\"}}",
            "$.credentialSubject makes no claim"),
        Arguments.of("{\"credentialSubject\":[{\"id\":\"did:example:a\"},{}]}",
            "{\"credentialSubject\":[{\"id\":\"did:example:a\"},{\"id\":\"did:example:b\"}]}",
            "$.credentialSubject[1] makes no claim"),
        Arguments.of("{\"validFrom\":\"Sat 25 Feb 2023 07:16:31 PM CST\"}", "{\"validFrom\":\"2023-02-25T19:16:31Z\"}",
            "$.validFrom must be an XML Schema dateTimeStamp"),
        Arguments.of("{\"validUntil\":42}", "{\"validUntil\":\"2999-01-01T00:00:00Z\"}",
            "$.validUntil must be an XML Schema dateTimeStamp"),
        Arguments.of("{\"credentialSchema\":{\"id\":\"https://example.org/s.json\"}}",
            "{\"credentialSchema\":{\"id\":\"https://example.org/s.json\",\"type\":\"JsonSchema\"}}",
            "$.credentialSchema.type is missing"),
        Arguments.of("{\"credentialSchema\":{\"type\":\"JsonSchema\"}}",
            "{\"credentialSchema\":{\"id\":\"https://example.org/s.json\",\"type\":\"JsonSchema\"}}",
            "$.credentialSchema.id must be"),
        Arguments.of("{\"refreshService\":{\"id\":\"https://example.org/r\"}}",
            "{\"refreshService\":{\"id\":\"https://example.org/r\",\"type\":\"https://example.org/RefreshService\"}}",
            "$.refreshService.type is missing"),
        Arguments.of("{\"termsOfUse\":[{\"id\":\"https://example.org/t\"}]}",
            "{\"termsOfUse\":[{\"id\":\"https://example.org/t\",\"type\":\"https://example.org/Policy\"}]}",
            "$.termsOfUse[0].type is missing"),
        Arguments.of("{\"relatedResource\":[\"https://www.w3.org/ns/credentials/v2\"]}",
            "{\"relatedResource\":[{\"id\":\"https://www.w3.org/ns/credentials/v2\",\"digestMultibase\":\"uJKGM\"}]}",
            "$.relatedResource[0] must be an object"),
        Arguments.of("{\"relatedResource\":[{\"digestMultibase\":\"uJKGM\"}]}",
            "{\"relatedResource\":[{\"id\":\"https://example.org/a\",\"digestMultibase\":\"uJKGM\"}]}",
            "$.relatedResource[0].id must be"),
        Arguments.of("{\"relatedResource\":[{\"id\":\"https://example.org/a\",\"digestSRI\":\"sha384-x\"},"
            + "{\"id\":\"https://example.org/a\",\"digestMultibase\":\"uJKGM\"}]}",
            "{\"relatedResource\":[{\"id\":\"https://example.org/a\",\"digestSRI\":\"sha384-x\"},"
            + "{\"id\":\"https://example.org/b\",\"digestMultibase\":\"uJKGM\"}]}",
            "is listed twice"),
        Arguments.of("{\"relatedResource\":{\"id\":\"https://example.org/a\"}}",
            "{\"relatedResource\":{\"id\":\"https://example.org/a\",\"digestSRI\":\"sha384-x\"}}",
            "needs a digestSRI or a digestMultibase"));
  }

  private static ObjectNode credential(String members) throws Exception {
    ObjectNode c = (ObjectNode) JSON.readTree("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{\"id\":\"did:example:s\"}}");
    c.put("issuer", KEY.publicKey().didKey());
    c.setAll((ObjectNode) JSON.readTree(members));
    return c;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void ruleDecides(String bad, String good, String expected) throws Exception {
    VerificationResult r = Credentials.verify(Credentials.sign(credential(bad), KEY, Cryptosuite.EDDSA_RDFC_2022)
        .get()).get();
    assertTrue(r.failures().stream().anyMatch(f -> f.name() == CheckName.SYNTAX && f.message().contains(expected)),
        () -> "expected a SYNTAX failure '" + expected + "', got " + r.failures());
    VerificationResult ok = Credentials.verify(Credentials.sign(credential(good), KEY, Cryptosuite.EDDSA_RDFC_2022)
        .get()).get();
    assertTrue(ok.verified(), () -> "the corrected credential should verify: " + ok.failures());
  }
}
