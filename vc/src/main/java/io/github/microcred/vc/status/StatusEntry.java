package io.github.microcred.vc.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An allocated position in a status list, ready to be put in a credential's {@code credentialStatus}.
 *
 * @param list the list
 * @param index the allocated {@code statusListIndex}
 */
public record StatusEntry(StatusListDefinition list, long index) {
  /**
   * Validates the fields.
   *
   * @param list the list
   * @param index the index
   */
  public StatusEntry {
    Objects.requireNonNull(list, "list");
    if (index < 0 || index >= list.entries()) {
      throw new IllegalArgumentException("index: expected 0.." + (list.entries() - 1) + ", got " + index);
    }
  }

  /**
   * Returns the {@code BitstringStatusListEntry} JSON object.
   *
   * @return a new object: {@code id}, {@code type}, {@code statusPurpose}, {@code statusListIndex} (a string),
   *     {@code statusListCredential}, and {@code statusSize} / {@code statusMessage} for message lists
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", list.id() + "#" + index);
    o.put("type", "BitstringStatusListEntry");
    o.put("statusPurpose", list.purpose().term());
    o.put("statusListIndex", Long.toString(index));
    o.put("statusListCredential", list.id());
    if (list.purpose() == StatusPurpose.MESSAGE) {
      o.put("statusSize", list.statusSize());
      ArrayNode messages = o.putArray("statusMessage");
      for (StatusMessage m : list.messages()) {
        messages.addObject().put("status", m.statusHex()).put("message", m.message());
      }
    }
    return o;
  }
}
