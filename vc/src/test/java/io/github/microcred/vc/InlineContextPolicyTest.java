package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the inline {@code @context} policy ({@code internal.verify.InlineContexts}). The W3C vc-data-model-2.0
 * fixtures' inline contexts (a simple definition of a type name in a vocabulary no pinned context uses) are
 * accepted, for Data Integrity (both canonicalizations) and {@code vc+jwt}; every definition that could alias an IRI
 * a check reads, change how a pinned term is read, or re-spell the document's IRIs is refused with its JSON path,
 * whether the issuer signed it or a holder re-arranged a signed credential into the same RDF.
 */
class InlineContextPolicyTest {
  static final String CRED = "https://www.w3.org/2018/credentials#";
  static final String XSD_DATE_TIME = "http://www.w3.org/2001/XMLSchema#dateTime";
  static final KeyPair ED = SecurityPitfallsTest.ED;
  static final Clock CLOCK = SecurityPitfallsTest.CLOCK;

  static ObjectNode vc2() {
    ObjectNode c = TestSupport.JSON.createObjectNode();
    c.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    c.put("id", "urn:uuid:2b1c3f6e-1111-4c4c-8888-000000000014");
    c.putArray("type").add("VerifiableCredential");
    c.put("issuer", ED.publicKey().didKey());
    c.put("validFrom", "2024-01-01T00:00:00Z");
    c.putObject("credentialSubject").put("id", "did:example:subject");
    return c;
  }

  static ObjectNode withInline(ObjectNode c, Consumer<ObjectNode> definitions) {
    definitions.accept(((ArrayNode) c.get("@context")).addObject());
    return c;
  }

  static VerificationResult verify(JsonNode c) {
    return Credentials.verify(c).withClock(CLOCK).get();
  }

  static JwtVerification verifyJwt(ObjectNode u) throws VcException {
    return VcJwt.verify(VcJwt.sign(u, ED).withClock(Clock.fixed(CLOCK.instant().minusSeconds(60), ZoneOffset.UTC))
        .get()).withClock(CLOCK).get();
  }

  static ObjectNode sign(ObjectNode u, Cryptosuite suite) throws VcException {
    return Credentials.sign(u, ED, suite).withCreated(CLOCK.instant().minusSeconds(60)).get();
  }

  /** The fixtures' form: a type name mapped into the example vocabulary, used as a type. */
  @Test
  void theW3cFixturesInlineContextsAreAccepted() throws Exception {
    Map<String, String> fixtures = Map.of(
        "ExampleTestCredential", "https://example.org/#ExampleTestCredential",
        "CredentialStatusList2017", "https://example.org/examples#CredentialStatusList2017",
        "OdrlPolicy2017", "https://example.org/examples#OdrlPolicy2017");
    for (Map.Entry<String, String> f : fixtures.entrySet()) {
      ObjectNode u = withInline(vc2(), o -> o.put(f.getKey(), f.getValue()));
      if (f.getKey().equals("ExampleTestCredential")) {
        ((ArrayNode) u.get("type")).add(f.getKey());
      } else if (f.getKey().equals("OdrlPolicy2017")) {
        u.putObject("termsOfUse").put("type", f.getKey()).put("id", "https://example.org/policies/1");
      } else {
        u.putObject("evidence").put("id", "https://example.org/evidence/1").put("type", f.getKey());
      }
      for (Cryptosuite suite : List.of(Cryptosuite.EDDSA_RDFC_2022, Cryptosuite.EDDSA_JCS_2022)) {
        VerificationResult r = verify(sign(u, suite));
        assertTrue(r.verified(), f.getKey() + " " + suite + ": " + r);
      }
      JwtVerification j = verifyJwt(u);
      assertTrue(j.verified(), f.getKey() + " as vc+jwt: " + j.result());
    }
    // two inline objects, @protected, after a second pinned URL
    ObjectNode u = vc2();
    ((ArrayNode) u.get("@context")).add("https://www.w3.org/ns/credentials/examples/v2");
    withInline(u, o -> o.put("@protected", true).put("FirstType", "https://example.org/#FirstType"));
    withInline(u, o -> o.put("SecondType", "https://example.org/#SecondType"));
    ((ArrayNode) u.get("type")).add("FirstType").add("SecondType");
    assertTrue(verify(sign(u, Cryptosuite.EDDSA_RDFC_2022)).verified());
  }

  static void assertRefused(VerificationResult r, String path, String reason) {
    assertFalse(r.verified(), r::toString);
    VerificationCheck first = r.failures().get(0);
    assertTrue((first.path().startsWith(path) || first.message().contains(path)) && first.message().contains(reason),
        r::toString);
  }

  static void refusedEverywhere(ObjectNode u, String path, String reason) throws Exception {
    ObjectNode signed;
    try {
      signed = sign(u, Cryptosuite.EDDSA_RDFC_2022);
    } catch (VcException e) {
      signed = null; // not JSON-LD at all (e.g. a protected term redefined): nothing to verify
    }
    if (signed != null) {
      assertRefused(verify(signed), path, reason);
    }
    JwtVerification j = verifyJwt(u);
    assertFalse(j.verified(), j.result()::toString);
    assertTrue(j.result().failures().get(0).message().contains(reason), j.result()::toString);
  }

  /**
   * The W3C Data Integrity suite's previousProof fixtures wrap their inline context: {@code {"@context": {"@context":
   * {...}}}}. JSON-LD 1.1 API 4.1.2 step 5.13 passes the inner "@context" entry to Create Term Definition, whose step
   * 5 makes it a keyword redefinition error (the JSON-LD test expand#ter56 is this very shape), so the object is not
   * "processable as a JSON-LD Context" (VCDM 2.0 4.3). Refused whatever it wraps: the fixture's harmless type names
   * and an attacker's re-mapping of a signed term alike; titanium refuses to sign it (KEYWORD_REDEFINITION).
   */
  @Test
  void aWrappedInlineContextIsAKeywordRedefinitionAndRefused() throws Exception {
    String reason = "a keyword redefinition error, JSON-LD 1.1 API Create Term Definition step 5";
    ObjectNode fixture = withInline(vc2(), o -> o.putObject("@context")
        .put("AlumniCredential", "https://www.example.org/AlumniCredential")
        .put("alumniOf", "https://www.example.org/alumniOf"));
    ((ArrayNode) fixture.get("type")).add("AlumniCredential");
    ((ObjectNode) fixture.get("credentialSubject")).put("alumniOf", "The School of Examples");
    ObjectNode attack = withInline(vc2(), o -> o.putObject("@context").put("until", CRED + "validUntil"));
    for (ObjectNode u : List.of(fixture, attack)) {
      for (Cryptosuite suite : List.of(Cryptosuite.EDDSA_RDFC_2022, Cryptosuite.EDDSA_JCS_2022)) {
        VcException e = assertThrows(VcException.class, () -> sign(u, suite), u::toString);
        assertTrue(e.getMessage().contains("KEYWORD_REDEFINITION"), e::getMessage);
        // a signed credential with the wrapped entry added: refused by the policy, before any signature
        ObjectNode c = sign(vc2(), suite);
        ((ArrayNode) c.get("@context")).add(u.get("@context").get(1));
        assertRefused(verify(c), "$.@context[1].@context", reason);
      }
      JwtVerification j = verifyJwt(u);
      assertFalse(j.verified(), j.result()::toString);
      assertTrue(j.result().failures().get(0).message().contains(reason), j.result()::toString);
    }
    // the keywords a context definition may hold keep their own, policy, refusal
    refusedEverywhere(withInline(vc2(), o -> o.put("@vocab", CRED)), "$.@context[1].@vocab", "not allowed in an inline");
    // and the same definitions unwrapped are the policy's to judge: a plain term in an unused vocabulary passes
    ObjectNode plain = withInline(vc2(), o -> o.put("ExampleAlumniCredential", "https://www.example.org/Alumni"));
    ((ArrayNode) plain.get("type")).add("ExampleAlumniCredential");
    assertTrue(verify(sign(plain, Cryptosuite.EDDSA_RDFC_2022)).verified());
  }

  @Test
  void definitionsThatCouldChangeWhatIsReadAreRefused() throws Exception {
    String at = "$.@context[1]";
    refusedEverywhere(withInline(vc2(), o -> o.put("until", CRED + "validUntil")), at + ".until",
        "is in the vocabulary " + CRED);
    refusedEverywhere(withInline(vc2(), o -> o.put("state", "https://www.w3.org/ns/credentials/status#statusPurpose")),
        at + ".state", "is in the vocabulary");
    refusedEverywhere(withInline(vc2(), o -> o.put("badge", "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement")),
        at + ".badge", "is in the vocabulary");
    refusedEverywhere(withInline(vc2(), o -> o.put("ident", "@id")), at + ".ident", "absolute http(s) IRI");
    refusedEverywhere(withInline(vc2(), o -> o.put("kind", "@type")), at + ".kind", "absolute http(s) IRI");
    refusedEverywhere(withInline(vc2(), o -> o.putObject("by").put("@id", "https://example.org/#by")
        .put("@type", "@id")), at + ".by", "only simple term definitions");
    refusedEverywhere(withInline(vc2(), o -> o.putObject("subjectOf").put("@reverse", CRED + "credentialSubject")),
        at + ".subjectOf", "only simple term definitions");
    refusedEverywhere(withInline(vc2(), o -> o.put("@vocab", CRED)), at + ".@vocab", "not allowed in an inline");
    refusedEverywhere(withInline(vc2(), o -> o.put("@base", "https://evil.example/")), at + ".@base",
        "not allowed in an inline");
    refusedEverywhere(withInline(vc2(), o -> o.put("@import", "https://www.w3.org/ns/credentials/v2")),
        at + ".@import", "not allowed in an inline");
    refusedEverywhere(withInline(vc2(), o -> o.put("@propagate", false)), at + ".@propagate",
        "not allowed in an inline");
    // a prefix: "did:key:..." would expand through it into another IRI
    refusedEverywhere(withInline(vc2(), o -> o.put("did", "https://evil.example/")), at + ".did", "a prefix");
    // a pinned term redefined, protected (VC 2.0) or not
    refusedEverywhere(withInline(vc2(), o -> o.put("validUntil", "https://example.org/#validUntil")),
        at + ".validUntil", "is a term of a pinned context");
    refusedEverywhere(withInline(vc2(), o -> o.put("narrative", "https://example.org/#narrative")),
        at + ".narrative", "is a term of a pinned context");
    // not an http(s) IRI, a CURIE, or the fixture's malformed URL
    refusedEverywhere(withInline(vc2(), o -> o.put("X", "urn:example:x")), at + ".X", "absolute http(s) IRI");
    refusedEverywhere(withInline(vc2(), o -> o.put("X", "cred:validUntil")), at + ".X", "absolute http(s) IRI");
    refusedEverywhere(withInline(vc2(), o -> o.put("X", "https ://not-a-url#X")), at + ".X", "absolute http(s) IRI");
    // not a plain name
    refusedEverywhere(withInline(vc2(), o -> o.put("a/b", "https://example.org/#ab")), at + ".a/b", "plain name");
    // twice
    ObjectNode twice = withInline(withInline(vc2(), o -> o.put("T", "https://example.org/#T")),
        o -> o.put("T", "https://example.org/#U"));
    refusedEverywhere(twice, "$.@context[2].T", "defined by another inline context");
    // used as a value where a pinned context might coerce it as a vocabulary term
    ObjectNode value = withInline(vc2(), o -> o.put("Rigorous", "https://example.org/#Rigorous"));
    ((ObjectNode) value.get("credentialSubject")).put("name", "Rigorous");
    refusedEverywhere(value, "$.credentialSubject.name", "is used as a value");
    // the examples vocabularies are free only while the document does not use the examples context
    ObjectNode free = withInline(vc2(), o -> o.put("Ex", "https://www.w3.org/ns/credentials/examples#Ex"));
    ((ArrayNode) free.get("type")).add("Ex");
    assertTrue(verify(sign(free, Cryptosuite.EDDSA_RDFC_2022)).verified());
    ObjectNode examples = vc2();
    ((ArrayNode) examples.get("@context")).add("https://www.w3.org/ns/credentials/examples/v2");
    withInline(examples, o -> o.put("Ex", "https://www.w3.org/ns/credentials/examples#Ex"));
    refusedEverywhere(examples, "$.@context[2].Ex", "is in the vocabulary");
    // first in the list, or too many
    ObjectNode first = vc2();
    ((ArrayNode) first.get("@context")).insertObject(0).put("T", "https://example.org/#T");
    assertFalse(verify(sign(first, Cryptosuite.EDDSA_RDFC_2022)).verified());
    ObjectNode many = vc2();
    for (int i = 0; i < 9; i++) {
      int n = i;
      withInline(many, o -> o.put("T" + n, "https://example.org/#T" + n));
    }
    refusedEverywhere(many, "$.@context", "at most 8 allowed");
  }

  /** The named regressions of issue 11, through an inline context: expired and revoked stay refused. */
  @Test
  void expiredOrRevokedViaAnInlineAliasIsRefused() throws Exception {
    ObjectNode expired = vc2().put("validUntil", "2024-06-01T00:00:00Z");
    ObjectNode signed = sign(expired, Cryptosuite.EDDSA_RDFC_2022);
    assertFalse(verify(signed).passed(CheckName.VALIDITY_PERIOD), "baseline: expired");
    // the holder re-arranges: same RDF, so the issuer's proof still holds
    ObjectNode rearranged = signed.deepCopy();
    withInline(rearranged, o -> o.put("until", CRED + "validUntil"));
    JsonNode v = rearranged.remove("validUntil");
    rearranged.set("until", TestSupport.JSON.createObjectNode().put("@value", v.asText()).put("@type", XSD_DATE_TIME));
    assertEquals(AliasingMutationTest.canonical(signed), AliasingMutationTest.canonical(rearranged), "same RDF");
    VerificationResult r = verify(rearranged);
    assertFalse(r.verified());
    assertFalse(r.passed(CheckName.VALIDITY_PERIOD));
    assertEquals(CheckName.CONTEXTS, r.failures().get(0).name(), r::toString);
    // revoked: the status entry behind an alias
    ObjectNode revoked = AliasingRegressionTest.withStatus(vc2());
    ObjectNode s2 = sign(revoked, Cryptosuite.EDDSA_RDFC_2022).deepCopy();
    withInline(s2, o -> o.put("state", CRED + "credentialStatus"));
    s2.set("state", s2.remove("credentialStatus"));
    assertEquals(AliasingMutationTest.canonical(sign(revoked, Cryptosuite.EDDSA_RDFC_2022)),
        AliasingMutationTest.canonical(s2), "same RDF");
    VerificationResult r2 = Credentials.verify(s2).withClock(CLOCK)
        .withStatus((c, t) -> VerificationCheck.passed(CheckName.STATUS, "$", "not revoked")).get();
    assertFalse(r2.verified());
    assertFalse(r2.passed(CheckName.STATUS));
  }
}
