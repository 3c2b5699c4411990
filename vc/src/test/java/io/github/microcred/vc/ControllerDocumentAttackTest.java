package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * A controller document that names two different keys with one verification method id: which key the id means
 * would depend on the order of the members (the last one won, silently), so an issuer's document listing its key
 * under {@code verificationMethod} could be made to authorise another key embedded under {@code assertionMethod}
 * with the same id. Such a document is refused with both paths; a method repeated identically stays one method.
 */
class ControllerDocumentAttackTest {
  static final String DID = "https://issuer.example/keys";
  static final PublicKey A = KeyPair.generate(KeyType.ED25519).publicKey();
  static final PublicKey B = KeyPair.generate(KeyType.ED25519).publicKey();

  static ObjectNode method(String id, PublicKey key) {
    return JsonNodeFactory.instance.objectNode().put("id", id).put("type", "Multikey").put("controller", DID)
        .put("publicKeyMultibase", key.toMultibase());
  }

  static ObjectNode doc() {
    return JsonNodeFactory.instance.objectNode().put("id", DID);
  }

  @Test
  void twoKeysUnderOneIdInVerificationMethodAreRefused() {
    ObjectNode d = doc();
    d.putArray("verificationMethod").add(method(DID + "#k", A)).add(method("#k", B));
    d.putArray("assertionMethod").add("#k");
    VcException e = assertThrows(VcException.class, () -> ControllerDocument.fromJson(d));
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertEquals("controller document: $.verificationMethod[1] and $.verificationMethod[0] are different verification"
        + " methods with the same id " + DID + "#k (expected one method per id)", e.getMessage());
  }

  @Test
  void anEmbeddedMethodCannotReplaceAListedOneUnderItsId() {
    ObjectNode d = doc();
    d.putArray("verificationMethod").add(method("#k", A));
    ArrayNode am = d.putArray("assertionMethod");
    am.add(method("#k", B));
    VcException e = assertThrows(VcException.class, () -> ControllerDocument.fromJson(d));
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("$.assertionMethod[0] and $.verificationMethod[0]"), e.getMessage());
  }

  @Test
  void aMethodRepeatedIdenticallyIsOneMethod() throws VcException {
    ObjectNode d = doc();
    d.putArray("verificationMethod").add(method("#k", A));
    d.putArray("assertionMethod").add(method(DID + "#k", A));
    ControllerDocument c = ControllerDocument.fromJson(d);
    assertEquals(1, c.verificationMethods().size());
    assertEquals(A, c.method(DID + "#k").orElseThrow().publicKey());
    assertTrue(c.authorizes(DID + "#k", "assertionMethod"));
  }

  @Test
  void fiftyThousandIdenticalRepetitionsAreOneMethod() throws VcException {
    ObjectNode d = doc();
    ArrayNode vms = d.putArray("verificationMethod");
    for (int i = 0; i < 50_000; i++) {
      vms.add(method("#k", A));
    }
    assertEquals(1, ControllerDocument.fromJson(d).verificationMethods().size());
  }
}
