package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSON member the JSON-LD processor drops (its key expands to no IRI) is not covered by the proof: a holder could
 * change its value, or add it, without breaking the signature, and every JSON reader would still see it. Such keys are
 * refused, at signing and at verification.
 */
class UnsignedMemberTest {
  static final KeyPair ED = SecurityPitfallsTest.ED;

  @ParameterizedTest
  @ValueSource(strings = {"bad key", "name ", "a<b", "x\"y", "tab\there", "{brace}", "back`tick", "pipe|x"})
  void aMemberOutsideTheSignedGraphIsRefused(String key) throws Exception {
    ObjectNode u = SecurityPitfallsTest.credential(ED.publicKey().didKey());
    ObjectNode signedClean = SecurityPitfallsTest.signed(ED, u);
    // added after signing: the RDF is unchanged, so the proof alone would still hold
    ObjectNode added = signedClean.deepCopy();
    ((ObjectNode) added.get("credentialSubject")).put(key, "unsigned claim");
    assertFalse(SecurityPitfallsTest.verify(added).verified(), () -> "key '" + key + "': " + SecurityPitfallsTest
        .verify(added));
    ObjectNode top = signedClean.deepCopy();
    top.put(key, "unsigned claim");
    assertFalse(SecurityPitfallsTest.verify(top).verified(), () -> "key '" + key + "' at the top");
    assertFalse(SecurityPitfallsTest.verify(added).passed(CheckName.COMPACT_FORM), () -> "key '" + key + "'");
    // and the issuer cannot sign it either
    ObjectNode before = u.deepCopy();
    ((ObjectNode) before.get("credentialSubject")).put(key, "claim");
    assertThrows(VcException.class, () -> SecurityPitfallsTest.signed(ED, before), "key '" + key + "'");
  }
}
