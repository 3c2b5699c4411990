package io.github.microcred.vc.status;

import java.util.Map;
import java.util.Objects;

/**
 * A consistent view of one status list at a point in time.
 *
 * @param definition the list
 * @param allocated how many indexes have been allocated
 * @param statuses every allocated index with a non-zero status, index → value
 * @param credentialIds the credential id bound to each index of {@code statuses} that was allocated with one
 *     ({@link StatusStore#allocate(String, String)}), index → credential {@code id}; the 1EdTech Revocation List
 *     built by {@link StatusListManager#revocationList} names revoked credentials by these ids
 */
public record StatusSnapshot(
    StatusListDefinition definition, long allocated, Map<Long, Integer> statuses, Map<Long, String> credentialIds) {
  /**
   * Copies the maps.
   *
   * @param definition the list
   * @param allocated allocated count
   * @param statuses non-zero statuses
   * @param credentialIds credential ids of entries with a non-zero status
   * @throws IllegalArgumentException when a credential id is bound to an index without a non-zero status
   */
  public StatusSnapshot {
    Objects.requireNonNull(definition, "definition");
    statuses = Map.copyOf(statuses);
    credentialIds = Map.copyOf(credentialIds);
    for (Long index : credentialIds.keySet()) {
      if (!statuses.containsKey(index)) {
        throw new IllegalArgumentException("credentialIds: index " + index + " has no non-zero status");
      }
    }
  }

  /**
   * A snapshot without credential ids.
   *
   * @param definition the list
   * @param allocated allocated count
   * @param statuses non-zero statuses
   */
  public StatusSnapshot(StatusListDefinition definition, long allocated, Map<Long, Integer> statuses) {
    this(definition, allocated, statuses, Map.of());
  }
}
