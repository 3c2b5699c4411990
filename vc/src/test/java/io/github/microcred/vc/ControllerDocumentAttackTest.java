package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

  /**
   * Controlled Identifiers 1.0 section 2.2: "The verification method map MUST include the id, type, controller, and
   * specific verification material properties"; "The value of the controller property MUST be a string". A method
   * without one was given the document's id as its controller (so a key a document merely lists became a key the
   * document's subject controls); it is refused now, with its path, wherever it is written.
   */
  @Test
  void aVerificationMethodWithoutAControllerIsRefused() {
    ObjectNode d = doc();
    ObjectNode vm = method("#k", A);
    vm.remove("controller");
    d.putArray("verificationMethod").add(vm);
    d.putArray("assertionMethod").add("#k");
    VcException e = assertThrows(VcException.class, () -> ControllerDocument.fromJson(d));
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertEquals("controller document: $.verificationMethod[0].controller: expected a string naming the controller"
        + " (a verification method must include controller), got nothing", e.getMessage());
    ObjectNode embedded = doc();
    embedded.putArray("assertionMethod").add(vm);
    VcException e2 = assertThrows(VcException.class, () -> ControllerDocument.fromJson(embedded));
    assertTrue(e2.getMessage().startsWith("controller document: $.assertionMethod[0].controller:"), e2.getMessage());
    for (JsonNode bad : new JsonNode[] {
        JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.numberNode(7),
        JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.arrayNode().add(DID),
        JsonNodeFactory.instance.objectNode().put("id", DID)}) {
      ObjectNode m = method("#k", A);
      m.set("controller", bad);
      ObjectNode x = doc();
      x.putArray("verificationMethod").add(m);
      VcException ex = assertThrows(VcException.class, () -> ControllerDocument.fromJson(x), bad.toString());
      assertEquals(VcErrorCode.INVALID_DOCUMENT, ex.code());
      assertTrue(ex.getMessage().contains("$.verificationMethod[0].controller"), ex.getMessage());
    }
  }

  /** A method naming its controller keeps that controller, whether or not it is the document's id. */
  @Test
  void theNamedControllerIsKept() throws VcException {
    ObjectNode d = doc();
    ObjectNode vm = method("#k", A);
    vm.put("controller", "https://other.example/keys");
    d.putArray("verificationMethod").add(vm).add(method("#own", B));
    ControllerDocument c = ControllerDocument.fromJson(d);
    assertEquals("https://other.example/keys", c.method(DID + "#k").orElseThrow().controller());
    assertEquals(DID, c.method(DID + "#own").orElseThrow().controller());
  }
}
