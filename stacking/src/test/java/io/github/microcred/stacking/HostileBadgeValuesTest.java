package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An Open Badge handed to {@link OpenBadges#map} as a tree (no parser bounded it) with hostile values where the
 * mapping quotes what it got: an array nested 100,000 deep, 10 MB of text, an array of a million values. Each is a
 * {@code NOT_MAPPABLE} exclusion with a short message, never a serializer's nesting failure or a 10 MB message.
 */
class HostileBadgeValuesTest {
  private static ArrayNode deep(int n) {
    ArrayNode root = JsonNodeFactory.instance.arrayNode();
    ArrayNode cur = root;
    for (int i = 1; i < n; i++) {
      cur = cur.addArray();
    }
    return root;
  }

  private static ArrayNode wide(int n) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < n; i++) {
      a.add(i);
    }
    return a;
  }

  private static Exclusion excluded(Consumer<ObjectNode> spoil) throws Exception {
    ObjectNode b = OpenBadgesMappingTest.badge();
    spoil.accept(b);
    Exclusion e = OpenBadges.mapping().map(b).exclusion().orElseThrow();
    assertEquals(Exclusion.Reason.NOT_MAPPABLE, e.reason());
    assertTrue(e.detail().length() < 200, "a short message: " + e.detail().length() + " chars");
    return e;
  }

  @Test
  void deepWideAndHugeValuesAreQuotedBriefly() throws Exception {
    JsonNode tenMb = TextNode.valueOf("x".repeat(10_000_000));
    assertEquals("$.type: expected OpenBadgeCredential or AchievementCredential, got an array of 1 value(s)",
        excluded(b -> b.set("type", deep(100_000))).detail());
    assertEquals("$.type: expected OpenBadgeCredential or AchievementCredential, got an array of 1000000 value(s)",
        excluded(b -> b.set("type", wide(1_000_000))).detail());
    assertEquals("$.type: expected OpenBadgeCredential or AchievementCredential, got \"" + "x".repeat(37) + "\"...",
        excluded(b -> b.set("type", tenMb)).detail());
    assertEquals("$.awardedDate: expected a date-time such as 2026-01-31T00:00:00Z, got an array of 1 value(s)",
        excluded(b -> b.set("awardedDate", deep(100_000))).detail());
    assertEquals("$.awardedDate: expected a date-time such as 2026-01-31T00:00:00Z, got \"" + "x".repeat(37)
        + "\"...", excluded(b -> b.set("awardedDate", tenMb)).detail());
    assertEquals("$.credentialSubject.achievement.creditsAvailable: expected a non-negative number, got an array of 1 "
        + "value(s)", excluded(b -> {
          ((ObjectNode) b.at("/credentialSubject/achievement")).set("creditsAvailable", deep(100_000));
          ((ObjectNode) b.get("credentialSubject")).remove("creditsEarned");
        }).detail());
  }

  @Test
  void smallValuesAreStillQuotedInFull() throws Exception {
    assertEquals("$.type: expected OpenBadgeCredential or AchievementCredential, got [\"VerifiableCredential\"]",
        excluded(b -> b.set("type", JsonNodeFactory.instance.arrayNode().add("VerifiableCredential"))).detail());
  }
}
