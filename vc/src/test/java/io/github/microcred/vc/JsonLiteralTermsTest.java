package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The syntax check refuses relative {@code id}s of graph nodes, but not {@code id}s inside JSON literals: which
 * terms are JSON literals ({@code "@type": "@json"}) is read from the document's own contexts, never from a fixed
 * list of names.
 */
class JsonLiteralTermsTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final KeyPair KEY = KeyPair.generate(KeyType.ED25519);

  static ObjectNode base() {
    ObjectNode c = TestSupport.JSON.createObjectNode();
    c.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    c.put("id", "urn:uuid:5f0b4c9e-0000-4000-8000-000000000042");
    c.putArray("type").add("VerifiableCredential");
    c.put("issuer", KEY.publicKey().didKey());
    c.put("validFrom", "2024-01-01T00:00:00Z");
    return c;
  }

  static ContextLoader loaderWith(String context) throws VcException {
    byte[] bytes = context.getBytes(StandardCharsets.UTF_8);
    return ContextLoader.pinned().withContext("https://example.org/ctx/v1", bytes, ContextLoader.sha256(bytes));
  }

  static VerificationResult signAndVerify(ObjectNode unsigned, ContextLoader loader) throws VcException {
    ObjectNode signed = Credentials.sign(unsigned, KEY, Cryptosuite.EDDSA_RDFC_2022).withCreated(NOW)
        .withDocumentLoader(loader).get();
    return Credentials.verify(signed).withClock(CLOCK).withDocumentLoader(loader).get();
  }

  @Test
  void jsonLiteralFromTheVc2ContextMayHoldPlainIds() throws Exception {
    // a draft-04 JSON Schema uses "id": "#root" (not an IRI); VC 2.0 defines jsonSchema (scoped to JsonSchema) as @json
    ObjectNode c = base();
    ObjectNode s = c.putObject("credentialSubject");
    s.put("id", "https://example.org/schemas/1").put("type", "JsonSchema");
    s.putObject("jsonSchema").put("$schema", "http://json-schema.org/draft-04/schema#").put("id", "#root")
        .put("type", "object");
    VerificationResult r = signAndVerify(c, ContextLoader.pinned());
    assertTrue(r.verified(), r::toString);
  }

  @Test
  void jsonLiteralTermOfACallerPinnedContext() throws Exception {
    ContextLoader l = loaderWith("{\"@context\":{\"payload\":{\"@id\":\"https://example.org/payload\","
        + "\"@type\":\"@json\"},\"note\":\"https://example.org/note\"}}");
    ObjectNode c = base();
    ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("@context")).add("https://example.org/ctx/v1");
    ObjectNode s = c.putObject("credentialSubject").put("id", "did:example:learner");
    s.putObject("payload").put("id", "plain-id").put("n", 1);
    VerificationResult r = signAndVerify(c, l);
    assertTrue(r.verified(), r::toString);
    // the same shape under a term that is not @json is a graph node whose relative id would be dropped
    ObjectNode bad = c.deepCopy();
    ((ObjectNode) bad.get("credentialSubject")).remove("payload");
    ((ObjectNode) bad.get("credentialSubject")).putObject("note").put("id", "plain-id");
    bad.putObject("proof"); // the syntax check runs before any proof work
    VerificationResult rb = Credentials.verify(bad).withClock(CLOCK).withDocumentLoader(l).get();
    assertFalse(rb.passed(CheckName.SYNTAX), rb::toString);
    assertTrue(rb.checks(CheckName.SYNTAX).get(0).message()
        .contains("$.credentialSubject.note.id must be an absolute IRI"), rb::toString);
  }

  @Test
  void aTermNamedLikeTheExtensionIsNotSkippedUnlessItsContextSaysJson() throws Exception {
    // "microcredential" is @json only in microcred's extension context; defined plainly elsewhere it is a node
    ContextLoader l = loaderWith("{\"@context\":{\"microcredential\":\"https://example.org/mc\"}}");
    ObjectNode c = base();
    ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("@context")).add("https://example.org/ctx/v1");
    c.putObject("credentialSubject").put("id", "did:example:learner").putObject("microcredential")
        .put("id", "relative/mc");
    c.putObject("proof");
    VerificationResult r = Credentials.verify(c).withClock(CLOCK).withDocumentLoader(l).get();
    assertFalse(r.passed(CheckName.SYNTAX), r::toString);
    assertTrue(r.checks(CheckName.SYNTAX).get(0).message().contains("microcredential.id must be an absolute IRI"),
        r::toString);
  }
}
