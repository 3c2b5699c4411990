package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link StatusStore} must show, run against each implementation. */
abstract class StatusStoreContract {
  abstract StatusStore open() throws Exception;

  static String freshId() {
    return "https://example.edu/status/" + UUID.randomUUID();
  }

  @Test
  void allocatesDistinctNonSequentialIndexesAndRevokes() throws Exception {
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String id = freshId();
      m.createList(StatusListDefinition.revocation(id));
      m.createList(StatusListDefinition.revocation(id)); // idempotent
      Set<Long> seen = new HashSet<>();
      long sequential = 0;
      long previous = -1;
      for (int i = 0; i < 300; i++) {
        StatusEntry e = m.allocate(id);
        assertTrue(seen.add(e.index()), "index " + e.index() + " allocated twice");
        if (e.index() == previous + 1) {
          sequential++;
        }
        previous = e.index();
      }
      assertTrue(sequential < 10, "indexes look sequential");
      long victim = seen.iterator().next();
      m.revoke(id, victim);
      m.revoke(id, victim); // idempotent
      assertEquals(1, m.status(id, victim));
      BitstringStatusList bits = m.bitstring(id);
      for (long i : seen) {
        assertEquals(i == victim ? 1 : 0, bits.status(i), "index " + i);
      }
      assertEquals(300, store.snapshot(id).allocated());
      assertTrue(store.listIds().contains(id));
    }
  }

  @Test
  void suspendsAndResumes() throws Exception {
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String id = freshId();
      m.createList(StatusListDefinition.suspension(id));
      long i = m.allocate(id).index();
      m.suspend(id, i);
      assertEquals(1, m.bitstring(id).status(i));
      m.resume(id, i);
      assertEquals(0, m.bitstring(id).status(i));
    }
  }

  @Test
  void messageListsCarryMultiBitStatusesAndMessages() throws Exception {
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String id = freshId();
      List<StatusMessage> messages = List.of(
          new StatusMessage(0, "pending_review"), new StatusMessage(1, "accepted"),
          new StatusMessage(2, "rejected"), new StatusMessage(3, "undefined"));
      m.createList(StatusListDefinition.message(id, 2, messages));
      StatusEntry e = m.allocate(id);
      m.setMessage(id, e.index(), 2);
      assertEquals(2, BitstringStatusList.decode(m.bitstring(id).encode(), 2).status(e.index()));
      ObjectNode json = e.toJson();
      assertEquals("message", json.get("statusPurpose").asText());
      assertEquals(2, json.get("statusSize").asInt());
      assertEquals("0x2", json.get("statusMessage").get(2).get("status").asText());
      assertEquals("rejected", json.get("statusMessage").get(2).get("message").asText());
      VcException tooBig = assertThrows(VcException.class, () -> m.setMessage(id, e.index(), 4));
      assertEquals(VcErrorCode.STATUS_VALUE_NOT_ALLOWED, tooBig.code());
      assertEquals(messages, store.findList(id).orElseThrow().messages());
    }
  }

  @Test
  void rejectsWrongPurposeUnknownListsAndUnallocatedIndexes() throws Exception {
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String id = freshId();
      m.createList(StatusListDefinition.revocation(id));
      long i = m.allocate(id).index();
      assertEquals(VcErrorCode.STATUS_VALUE_NOT_ALLOWED,
          assertThrows(VcException.class, () -> m.suspend(id, i)).code());
      assertEquals(VcErrorCode.STATUS_VALUE_NOT_ALLOWED,
          assertThrows(VcException.class, () -> m.resume(id, i)).code());
      assertEquals(VcErrorCode.STATUS_LIST_UNKNOWN,
          assertThrows(VcException.class, () -> m.allocate(id + "x")).code());
      long unallocated = (i + 1) % StatusListDefinition.MIN_ENTRIES;
      VcException e = assertThrows(VcException.class, () -> m.revoke(id, unallocated));
      assertEquals(VcErrorCode.STATUS_INDEX_NOT_ALLOCATED, e.code());
      assertTrue(e.getMessage().contains(Long.toString(unallocated)), e.getMessage());
      assertEquals(VcErrorCode.INVALID_ARGUMENT, assertThrows(VcException.class,
          () -> m.createList(StatusListDefinition.suspension(id))).code());
    }
  }

  @Test
  void buildsTheStatusListCredential() throws Exception {
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String id = freshId();
      m.createList(StatusListDefinition.revocation(id));
      long i = m.allocate(id).index();
      m.revoke(id, i);
      ObjectNode vc = m.statusListCredential(id, "did:example:issuer", Instant.parse("2026-01-02T03:04:05.678Z"));
      assertEquals(id, vc.get("id").asText());
      assertEquals("BitstringStatusListCredential", vc.get("type").get(1).asText());
      assertEquals("2026-01-02T03:04:05Z", vc.get("validFrom").asText());
      JsonNode subject = vc.get("credentialSubject");
      assertEquals("BitstringStatusList", subject.get("type").asText());
      assertEquals("revocation", subject.get("statusPurpose").asText());
      BitstringStatusList decoded = BitstringStatusList.decode(subject.get("encodedList").asText(), 1);
      assertEquals(Map.of(i, 1), Map.of(i, decoded.status(i)));
      assertEquals(StatusListDefinition.MIN_ENTRIES, decoded.entries());
    }
  }
}
