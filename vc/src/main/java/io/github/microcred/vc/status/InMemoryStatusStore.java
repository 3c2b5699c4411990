package io.github.microcred.vc.status;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.status.IndexPermutation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link StatusStore} held in memory: for tests and short-lived issuers. Thread-safe; lost on exit. */
public final class InMemoryStatusStore implements StatusStore {
  private final Map<String, ListState> lists = new TreeMap<>();
  private final SecureRandom random = new SecureRandom();

  private static final class ListState {
    final StatusListDefinition definition;
    final IndexPermutation permutation;
    long counter;
    final Map<Long, Integer> entries = new HashMap<>();
    final Map<Long, String> credentialIds = new HashMap<>();

    ListState(StatusListDefinition definition, byte[] key) {
      this.definition = definition;
      this.permutation = new IndexPermutation(definition.entries(), key);
    }
  }

  /** Creates an empty store. */
  public InMemoryStatusStore() {}

  @Override
  public synchronized void createList(StatusListDefinition definition) throws VcException {
    ListState existing = lists.get(definition.id());
    if (existing != null) {
      if (!existing.definition.equals(definition)) {
        throw new VcException(
            VcErrorCode.INVALID_ARGUMENT, "a different status list with id " + definition.id() + " exists");
      }
      return;
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    lists.put(definition.id(), new ListState(definition, key));
  }

  @Override
  public synchronized Optional<StatusListDefinition> findList(String listId) {
    ListState s = lists.get(listId);
    return s == null ? Optional.empty() : Optional.of(s.definition);
  }

  @Override
  public synchronized List<String> listIds() {
    return List.copyOf(new ArrayList<>(lists.keySet()));
  }

  @Override
  public synchronized long allocate(String listId) throws VcException {
    return allocate(state(listId));
  }

  @Override
  public synchronized long allocate(String listId, String credentialId) throws VcException {
    checkCredentialId(credentialId);
    ListState s = state(listId);
    long index = allocate(s);
    s.credentialIds.put(index, credentialId);
    return index;
  }

  private long allocate(ListState s) throws VcException {
    String listId = s.definition.id();
    if (s.counter >= s.definition.entries()) {
      throw new VcException(VcErrorCode.STATUS_LIST_FULL, "status list " + listId + " is full");
    }
    long index = s.permutation.permute(s.counter++);
    s.entries.put(index, 0);
    return index;
  }

  @Override
  public synchronized void setStatus(String listId, long index, int value) throws VcException {
    ListState s = state(listId);
    if (!s.definition.allows(value)) {
      throw new VcException(
          VcErrorCode.STATUS_VALUE_NOT_ALLOWED,
          "status " + value + " does not fit " + s.definition.statusSize() + " bit(s) of list " + listId);
    }
    if (!s.entries.containsKey(index)) {
      throw notAllocated(listId, index);
    }
    s.entries.put(index, value);
  }

  @Override
  public synchronized int status(String listId, long index) throws VcException {
    Integer v = state(listId).entries.get(index);
    if (v == null) {
      throw notAllocated(listId, index);
    }
    return v;
  }

  @Override
  public synchronized StatusSnapshot snapshot(String listId) throws VcException {
    ListState s = state(listId);
    Map<Long, Integer> nonZero = new HashMap<>();
    Map<Long, String> ids = new HashMap<>();
    s.entries.forEach((k, v) -> {
      if (v != 0) {
        nonZero.put(k, v);
        String id = s.credentialIds.get(k);
        if (id != null) {
          ids.put(k, id);
        }
      }
    });
    return new StatusSnapshot(s.definition, s.counter, nonZero, ids);
  }

  @Override
  public void close() {}

  private ListState state(String listId) throws VcException {
    ListState s = lists.get(listId);
    if (s == null) {
      throw new VcException(VcErrorCode.STATUS_LIST_UNKNOWN, "no status list with id " + listId);
    }
    return s;
  }

  /**
   * Checks a credential id for {@link #allocate(String, String)}.
   *
   * @param credentialId the id
   * @return the id
   * @throws VcException {@link io.github.microcred.vc.VcErrorCode#INVALID_ARGUMENT} naming what is wrong
   */
  static String checkCredentialId(String credentialId) throws VcException {
    if (credentialId == null || credentialId.isBlank()) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT,
          "credentialId: expected the credential's id, got " + (credentialId == null ? "null" : "a blank string"));
    }
    if (credentialId.length() > StatusStore.MAX_CREDENTIAL_ID_LENGTH) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "credentialId: expected at most "
          + StatusStore.MAX_CREDENTIAL_ID_LENGTH + " characters, got " + credentialId.length());
    }
    for (int i = 0; i < credentialId.length(); i++) {
      if (Character.isISOControl(credentialId.charAt(i))) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT,
            "credentialId: control character at position " + i);
      }
    }
    return credentialId;
  }

  static VcException notAllocated(String listId, long index) {
    return new VcException(
        VcErrorCode.STATUS_INDEX_NOT_ALLOCATED, "statusListIndex " + index + " of list " + listId + " was never allocated");
  }
}
