package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, bounded linear work: a credential with 100,000 {@code tag} values signs and verifies (it took more than
 * a minute when titanium built the node map: its cost grew with the square of the values of one property), and every
 * budget of {@link CanonicalizationLimits} fails fast with {@link VcErrorCode#LIMIT_EXCEEDED}, naming the JSON path
 * or the stage. Time is measured by the JMH benchmark {@code LinearCostBenchmark}, never here.
 */
class BoundedWorkTest {
  private static final KeyPair KEY = SecurityPitfallsTest.ED;

  private static ObjectNode withTags(int n) {
    ObjectNode c = SecurityPitfallsTest.credential(KEY.publicKey().didKey());
    ArrayNode tags = ((ObjectNode) c.get("credentialSubject").get("achievement")).putArray("tag");
    for (int i = 0; i < n; i++) {
      tags.add("skill-tag-" + i);
    }
    return c;
  }

  private static ObjectNode withAlignments(int n) {
    ObjectNode c = SecurityPitfallsTest.credential(KEY.publicKey().didKey());
    ArrayNode a = ((ObjectNode) c.get("credentialSubject").get("achievement")).putArray("alignment");
    for (int i = 0; i < n; i++) {
      ObjectNode al = a.addObject();
      al.putArray("type").add("Alignment");
      al.put("targetName", "Skill " + i).put("targetUrl", "https://example.org/skills/" + i);
    }
    return c;
  }

  private static VcException signFails(ObjectNode doc, CanonicalizationLimits limits) {
    VcException e = assertThrows(VcException.class, () -> Credentials.sign(doc, KEY, Cryptosuite.EDDSA_RDFC_2022)
        .withCreated(SecurityPitfallsTest.NOW.minusSeconds(60)).withLimits(limits).get());
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
    return e;
  }

  @Test
  void aCredentialWithOneHundredThousandTagsSignsAndVerifies() throws VcException {
    // the default size bounds admit it; the time budget is raised because this test is about sizes, and on a
    // loaded machine (load 27) the default 10 s wall-clock budget was passed
    CanonicalizationLimits sizesOnly = CanonicalizationLimits.DEFAULT.withMaxTime(Duration.ofMinutes(10));
    ObjectNode signed = Credentials.sign(withTags(100_000), KEY, Cryptosuite.forKey(KEY.type()))
        .withCreated(SecurityPitfallsTest.NOW.minusSeconds(60)).withLimits(sizesOnly).get();
    assertTrue(signed.toString().length() > 1_500_000, "a 1.5 MB credential");
    VerificationResult r = verifySizesOnly(signed, sizesOnly);
    assertTrue(r.verified(), r.toString());
    // and the signature covers every tag
    ((ArrayNode) signed.get("credentialSubject").get("achievement").get("tag")).set(99_999,
        TestSupport.JSON.getNodeFactory().textNode("skill-tag-x"));
    assertTrue(!verifySizesOnly(signed, sizesOnly).verified());
  }

  private static VerificationResult verifySizesOnly(ObjectNode signed, CanonicalizationLimits limits) {
    return Credentials.verify(signed).withClock(SecurityPitfallsTest.CLOCK).withLimits(limits).get();
  }

  @Test
  void twoThousandNodesSignAndVerify() throws VcException {
    ObjectNode signed = SecurityPitfallsTest.signed(KEY, withAlignments(2_000));
    assertTrue(SecurityPitfallsTest.verify(signed).verified());
  }

  @Test
  void anArrayAboveTheItemBudgetIsNamedByItsPath() {
    VcException e = signFails(withTags(1_001), CanonicalizationLimits.DEFAULT.withMaxArrayItems(1_000));
    assertEquals("$.credentialSubject.achievement.tag has 1001 items, above the limit of 1000", e.getMessage());
  }

  @Test
  void theQuadBudgetStopsNodeMapGeneration() {
    VcException e = signFails(withTags(200), CanonicalizationLimits.DEFAULT.withMaxQuads(100));
    assertEquals("node map generation: the document has more than 100 property values (RDF statements)",
        e.getMessage());
  }

  @Test
  void theNodeBudgetStopsNodeMapGeneration() {
    VcException e = signFails(withAlignments(50), CanonicalizationLimits.DEFAULT.withMaxNodes(20));
    assertEquals("node map generation: the document has more than 20 nodes (node objects)", e.getMessage());
  }

  @Test
  void aVerifierWithTighterBudgetsFailsTheProofCheckWithTheReason() throws VcException {
    ObjectNode signed = SecurityPitfallsTest.signed(KEY, withTags(2_000));
    VerificationResult r = Credentials.verify(signed).withClock(SecurityPitfallsTest.CLOCK)
        .withLimits(CanonicalizationLimits.DEFAULT.withMaxArrayItems(1_000)).get();
    assertTrue(!r.verified());
    assertTrue(r.checks().stream().anyMatch(c -> c.name() == CheckName.PROOF && c.failed()
        && c.message().equals("LIMIT_EXCEEDED: $.credentialSubject.achievement.tag has 2000 items, above the limit of "
            + "1000")), r.toString());
  }

  @Test
  void budgetsArePositive() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalizationLimits.DEFAULT.withMaxQuads(0));
    assertThrows(IllegalArgumentException.class, () -> CanonicalizationLimits.DEFAULT.withMaxArrayItems(-1));
  }
}
