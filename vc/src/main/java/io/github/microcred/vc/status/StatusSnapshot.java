package io.github.microcred.vc.status;

import java.util.Map;
import java.util.Objects;

/**
 * A consistent view of one status list at a point in time.
 *
 * @param definition the list
 * @param allocated how many indexes have been allocated
 * @param statuses every allocated index with a non-zero status, index → value
 */
public record StatusSnapshot(StatusListDefinition definition, long allocated, Map<Long, Integer> statuses) {
  /**
   * Copies the map.
   *
   * @param definition the list
   * @param allocated allocated count
   * @param statuses non-zero statuses
   */
  public StatusSnapshot {
    Objects.requireNonNull(definition, "definition");
    statuses = Map.copyOf(statuses);
  }
}
