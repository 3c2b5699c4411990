package io.github.microcred.vc.status;

import java.util.List;
import java.util.Objects;

/**
 * What a status list is: its identifier (the URL of the {@code BitstringStatusListCredential}), purpose, bits per
 * entry and number of entries.
 *
 * @param id the URL the status list credential is published at ({@code statusListCredential} in entries)
 * @param purpose the status purpose
 * @param statusSize bits per entry, 1 to 8; more than 1 only for {@link StatusPurpose#MESSAGE}
 * @param entries number of entries, at least {@value #MIN_ENTRIES}
 * @param messages the meaning of every value when {@code statusSize > 1} (exactly {@code 2^statusSize}, values
 *     {@code 0..2^statusSize-1} in order); otherwise empty
 */
public record StatusListDefinition(
    String id, StatusPurpose purpose, int statusSize, int entries, List<StatusMessage> messages) {

  /** The minimum number of entries of a list (the spec's 16 KiB herd-privacy floor for 1-bit entries). */
  public static final int MIN_ENTRIES = 131_072;

  /** The largest number of entries this library creates (16 Mi). */
  public static final int MAX_ENTRIES = 16 * 1024 * 1024;

  /**
   * Validates the definition.
   *
   * @param id list URL
   * @param purpose purpose
   * @param statusSize bits per entry
   * @param entries number of entries
   * @param messages status messages
   * @throws IllegalArgumentException naming the field that is out of range
   */
  public StatusListDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(purpose, "purpose");
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    if (id.isBlank()) {
      throw new IllegalArgumentException("id: expected the URL of the status list credential, got a blank string");
    }
    if (statusSize < 1 || statusSize > 8) {
      throw new IllegalArgumentException("statusSize: expected 1..8, got " + statusSize);
    }
    if (statusSize > 1 && purpose != StatusPurpose.MESSAGE) {
      throw new IllegalArgumentException("statusSize: " + purpose.term() + " lists use 1 bit, got " + statusSize);
    }
    if (entries < MIN_ENTRIES || entries > MAX_ENTRIES) {
      throw new IllegalArgumentException("entries: expected " + MIN_ENTRIES + ".." + MAX_ENTRIES + ", got " + entries);
    }
    if (purpose == StatusPurpose.MESSAGE) {
      int n = 1 << statusSize;
      if (messages.size() != n) {
        throw new IllegalArgumentException(
            "messages: a message list with statusSize " + statusSize + " needs " + n + " messages, got "
                + messages.size());
      }
      for (int i = 0; i < n; i++) {
        if (messages.get(i).status() != i) {
          throw new IllegalArgumentException(
              "messages[" + i + "].status: expected " + i + ", got " + messages.get(i).status());
        }
      }
    } else if (!messages.isEmpty()) {
      throw new IllegalArgumentException("messages: only lists with purpose message carry messages");
    }
  }

  /**
   * A revocation list of {@value #MIN_ENTRIES} entries.
   *
   * @param id list URL
   * @return the definition
   */
  public static StatusListDefinition revocation(String id) {
    return new StatusListDefinition(id, StatusPurpose.REVOCATION, 1, MIN_ENTRIES, List.of());
  }

  /**
   * A suspension list of {@value #MIN_ENTRIES} entries.
   *
   * @param id list URL
   * @return the definition
   */
  public static StatusListDefinition suspension(String id) {
    return new StatusListDefinition(id, StatusPurpose.SUSPENSION, 1, MIN_ENTRIES, List.of());
  }

  /**
   * A message list of {@value #MIN_ENTRIES} entries.
   *
   * @param id list URL
   * @param statusSize bits per entry (2..8)
   * @param messages one message per value
   * @return the definition
   */
  public static StatusListDefinition message(String id, int statusSize, List<StatusMessage> messages) {
    return new StatusListDefinition(id, StatusPurpose.MESSAGE, statusSize, MIN_ENTRIES, messages);
  }

  /**
   * A Token Status List (IETF draft-ietf-oauth-status-list) of {@value #MIN_ENTRIES} 2-bit entries: 0 VALID,
   * 1 INVALID (revoked), 2 SUSPENDED, 3 application-specific; published with
   * {@link StatusListManager#tokenStatusList(String)} and {@link TokenStatusList#signer}.
   *
   * @param uri the URI the Status List Token is served at ({@code status_list.uri} of the SD-JWT VCs)
   * @return the definition
   */
  public static StatusListDefinition tokenStatusList(String uri) {
    return new StatusListDefinition(uri, StatusPurpose.MESSAGE, 2, MIN_ENTRIES, List.of(
        new StatusMessage(TokenStatusList.VALID, "VALID"), new StatusMessage(TokenStatusList.INVALID, "INVALID"),
        new StatusMessage(TokenStatusList.SUSPENDED, "SUSPENDED"), new StatusMessage(3, "APPLICATION_SPECIFIC")));
  }

  /**
   * Whether {@code value} may be written into an entry of this list.
   *
   * @param value the value
   * @return true when in range and allowed by the purpose
   */
  boolean allows(int value) {
    return value >= 0 && value < (1 << statusSize);
  }
}
