package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
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

  @Test
  void revokedEntriesCarryTheCredentialIdBoundAtAllocationIntoTheRevocationList() throws Exception {
    long seed = 0x5EED_16_1EDL;
    SplittableRandom random = new SplittableRandom(seed);
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String first = freshId();
      String second = freshId();
      m.createList(StatusListDefinition.revocation(first));
      m.createList(StatusListDefinition.revocation(second));
      // oracle: which index holds which credential id, and which are revoked
      Map<String, Map<Long, String>> bound = Map.of(first, new TreeMap<>(), second, new TreeMap<>());
      Map<String, Map<Long, String>> revokedIds = Map.of(first, new TreeMap<>(), second, new TreeMap<>());
      int unbound = 0;
      for (int i = 0; i < 60; i++) {
        String list = random.nextBoolean() ? first : second;
        if (random.nextInt(5) == 0) {
          long index = m.allocate(list).index(); // no id: revocable, but never named in a 1EdTech list
          unbound++;
          if (random.nextBoolean()) {
            m.revoke(list, index);
          }
          continue;
        }
        String credentialId = "urn:uuid:" + new UUID(random.nextLong(), random.nextLong());
        long index = m.allocate(list, credentialId).index();
        assertEquals(0, m.status(list, index));
        bound.get(list).put(index, credentialId);
        if (random.nextInt(3) == 0) {
          m.revoke(list, index);
          revokedIds.get(list).put(index, credentialId);
        }
      }
      String why = "seed " + Long.toHexString(seed);
      for (String list : List.of(first, second)) {
        StatusSnapshot s = store.snapshot(list);
        assertEquals(revokedIds.get(list), new TreeMap<>(s.credentialIds()), why + ", list " + list);
        for (Long index : s.credentialIds().keySet()) {
          assertEquals(1, s.statuses().get(index), why);
        }
      }
      RevocationList published = m.revocationList("https://example.edu/revocations/" + UUID.randomUUID(),
          "did:example:issuer", List.of(first, second));
      List<String> expected = new ArrayList<>(revokedIds.get(first).values());
      expected.addAll(revokedIds.get(second).values());
      List<String> listed = new ArrayList<>();
      published.toJson().get("revokedCredential").forEach(e -> listed.add(e.get("id").asText()));
      assertEquals(expected, listed, why + ": first list then second, each in index order");
      for (Map<Long, String> ids : bound.values()) {
        for (String id : ids.values()) {
          assertEquals(expected.contains(id), published.isRevoked(id), why + ", " + id);
        }
      }
      assertTrue(unbound > 0 && !expected.isEmpty(), why + ": the seed must exercise both kinds");
    }
  }

  /**
   * Two credentials with the same {@code id} (re-issued under its id, or one credential with entries in two lists),
   * all revoked: the 1EdTech list names that id once, where it first occurs, and the other ids keep their order.
   */
  @Test
  void credentialsRevokedUnderTheSameIdAreListedOnce() throws Exception {
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String first = freshId();
      String second = freshId();
      m.createList(StatusListDefinition.revocation(first));
      m.createList(StatusListDefinition.revocation(second));
      String twice = "urn:uuid:00000000-0000-4000-8000-00000000d0b1";
      String other = "urn:uuid:00000000-0000-4000-8000-00000000d0b2";
      long a = m.allocate(first, twice).index();
      long b = m.allocate(first, twice).index();
      long c = m.allocate(second, twice).index();
      long d = m.allocate(second, other).index();
      for (long[] e : new long[][] {{0, a}, {0, b}, {1, c}, {1, d}}) {
        m.revoke(e[0] == 0 ? first : second, e[1]);
      }
      assertEquals(Map.of(a, twice, b, twice), store.snapshot(first).credentialIds());
      RevocationList published = m.revocationList("https://example.edu/revocations/" + UUID.randomUUID(),
          "did:example:issuer", List.of(first, second));
      List<String> listed = new ArrayList<>();
      published.toJson().get("revokedCredential").forEach(e -> listed.add(e.get("id").asText()));
      assertEquals(List.of(twice, other), listed);
      assertEquals(2, published.size());
      assertEquals(listed, ids(RevocationList.fromJson(published.toJson())), "read back as published");
    }
  }

  private static List<String> ids(RevocationList list) {
    List<String> out = new ArrayList<>();
    list.toJson().get("revokedCredential").forEach(e -> out.add(e.get("id").asText()));
    return out;
  }

  @Test
  void aSuspendedEntryCarriesItsIdOnlyWhileSuspendedAndOnlyRevocationListsArePublished() throws Exception {
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String id = freshId();
      m.createList(StatusListDefinition.suspension(id));
      long i = m.allocate(id, "https://example.edu/credentials/42").index();
      assertEquals(Map.of(), store.snapshot(id).credentialIds());
      m.suspend(id, i);
      assertEquals(Map.of(i, "https://example.edu/credentials/42"), store.snapshot(id).credentialIds());
      m.resume(id, i);
      assertEquals(Map.of(), store.snapshot(id).credentialIds());
      VcException e = assertThrows(VcException.class,
          () -> m.revocationList("https://example.edu/revocations/1", "did:example:issuer", List.of(id)));
      assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code());
      assertTrue(e.getMessage().contains("suspension"), e.getMessage());
      assertEquals(VcErrorCode.STATUS_LIST_UNKNOWN, assertThrows(VcException.class, () -> m.revocationList(
          "https://example.edu/revocations/1", "did:example:issuer", List.of(id + "-none"))).code());
      assertEquals(VcErrorCode.INVALID_ARGUMENT, assertThrows(VcException.class, () -> m.revocationList(
          "not an iri", "did:example:issuer", List.of())).code());
    }
  }

  @Test
  void unusableCredentialIdsAreRefusedAndAllocateNothing() throws Exception {
    try (StatusStore store = open()) {
      StatusListManager m = StatusListManager.create(store);
      String id = freshId();
      m.createList(StatusListDefinition.revocation(id));
      String tooLong = "urn:x:" + "a".repeat(StatusStore.MAX_CREDENTIAL_ID_LENGTH);
      for (String bad : new String[] {null, "", "   ", "urn:x:a\nb", "urn:x:\u0000", tooLong}) {
        VcException e = assertThrows(VcException.class, () -> m.allocate(id, bad), String.valueOf(bad));
        assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code(), String.valueOf(bad));
        assertTrue(e.getMessage().startsWith("credentialId: "), e.getMessage());
      }
      assertEquals(0, store.snapshot(id).allocated(), "a refused id allocated an index");
      String longest = "urn:x:" + "a".repeat(StatusStore.MAX_CREDENTIAL_ID_LENGTH - 6);
      long i = m.allocate(id, longest).index();
      m.revoke(id, i);
      assertEquals(Map.of(i, longest), store.snapshot(id).credentialIds());
      assertEquals(VcErrorCode.STATUS_LIST_UNKNOWN,
          assertThrows(VcException.class, () -> m.allocate(id + "-none", "urn:x:1")).code());
    }
  }
}
