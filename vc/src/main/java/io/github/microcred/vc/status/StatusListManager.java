package io.github.microcred.vc.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The issuer side of Bitstring Status List: allocates indexes, revokes, suspends and resumes credentials, and
 * builds the {@code BitstringStatusListCredential} to sign and publish.
 *
 * <pre>{@code
 * StatusListManager manager = StatusListManager.create(JdbcStatusStore.open(url));
 * manager.createList(StatusListDefinition.revocation("https://example.edu/status/1"));
 * StatusEntry entry = manager.allocate("https://example.edu/status/1");
 * credential.set("credentialStatus", entry.toJson());
 * ...
 * manager.revoke(entry);
 * String published = manager.publishJwt("https://example.edu/status/1", issuerKey, Instant.now());
 * // or publishDataIntegrity(..), or statusListCredential(..) to sign it yourself
 * }</pre>
 */
public final class StatusListManager {
  private final StatusStore store;

  private StatusListManager(StatusStore store) {
    this.store = store;
  }

  /**
   * Creates a manager over a store (the store stays owned by the caller).
   *
   * @param store the store
   * @return the manager
   */
  public static StatusListManager create(StatusStore store) {
    return new StatusListManager(Objects.requireNonNull(store, "store"));
  }

  /**
   * Returns the underlying store.
   *
   * @return the store
   */
  public StatusStore store() {
    return store;
  }

  /**
   * Creates a list (idempotent for an identical definition).
   *
   * @param definition the list
   * @throws VcException when a different list has that id, or on storage failure
   */
  public void createList(StatusListDefinition definition) throws VcException {
    store.createList(definition);
  }

  /**
   * Allocates a fresh entry in a list.
   *
   * @param listId the list URL
   * @return the entry to put into {@code credentialStatus}
   * @throws VcException when the list is unknown or full, or on storage failure
   */
  public StatusEntry allocate(String listId) throws VcException {
    StatusListDefinition def = definition(listId);
    return new StatusEntry(def, store.allocate(listId));
  }

  /**
   * Allocates a fresh entry in a list for a credential with an {@code id}, bound to that id in the store, so that
   * once the entry is revoked {@link #revocationList} names the credential.
   *
   * @param listId the list URL
   * @param credentialId the credential's {@code id}
   * @return the entry to put into {@code credentialStatus}
   * @throws VcException when the list is unknown or full, the id is blank, longer than
   *     {@value StatusStore#MAX_CREDENTIAL_ID_LENGTH} characters or holds control characters, or on storage failure
   */
  public StatusEntry allocate(String listId, String credentialId) throws VcException {
    StatusListDefinition def = definition(listId);
    return new StatusEntry(def, store.allocate(listId, credentialId));
  }

  /**
   * Builds the 1EdTech Revocation List of credentials revoked in Bitstring revocation lists: every revoked entry
   * that was allocated with a credential id ({@link #allocate(String, String)}) is listed by that id, so an issuer
   * publishes both status methods from one source of truth (revoking the Bitstring entry revokes in both). Entries
   * allocated without an id cannot be listed. The order is the order of {@code revocationListIds}, then index order.
   *
   * @param id the URL the list is published at (the {@code credentialStatus.id} of {@code 1EdTechRevocationList}
   *     entries)
   * @param issuer the issuer id
   * @param revocationListIds the Bitstring lists it covers, each of purpose {@link StatusPurpose#REVOCATION}
   * @return the list
   * @throws VcException {@link VcErrorCode#STATUS_LIST_UNKNOWN} for an unknown list,
   *     {@link VcErrorCode#INVALID_ARGUMENT} for a list of another purpose or ids that are not absolute IRIs, or a
   *     storage failure
   */
  public RevocationList revocationList(String id, String issuer, List<String> revocationListIds)
      throws VcException {
    try {
      RevocationList.create(id, issuer);
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
    Map<String, Optional<String>> revoked = new LinkedHashMap<>();
    for (String listId : revocationListIds) {
      StatusSnapshot s = store.snapshot(listId);
      if (s.definition().purpose() != StatusPurpose.REVOCATION) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "status list " + listId + " has statusPurpose "
            + s.definition().purpose().term() + "; a 1EdTech Revocation List lists revocations only");
      }
      for (String credentialId : new TreeMap<>(s.credentialIds()).values()) {
        revoked.putIfAbsent(credentialId, Optional.empty());
      }
      if (revoked.size() > RevocationList.MAX_ENTRIES) {
        throw new VcException(VcErrorCode.LIMIT_EXCEEDED, "a 1EdTech Revocation List of more than "
            + RevocationList.MAX_ENTRIES + " credentials would be refused by readers (" + id + ")");
      }
    }
    return RevocationList.of(id, issuer, revoked);
  }

  /**
   * Revokes: sets the entry of a revocation list to 1. Revocation is final.
   *
   * @param listId the list URL
   * @param index the allocated index
   * @throws VcException {@link VcErrorCode#STATUS_VALUE_NOT_ALLOWED} when the list is not a revocation list; or
   *     the index was never allocated
   */
  public void revoke(String listId, long index) throws VcException {
    requirePurpose(listId, StatusPurpose.REVOCATION, "revoke");
    store.setStatus(listId, index, 1);
  }

  /**
   * Suspends: sets the entry of a suspension list to 1.
   *
   * @param listId the list URL
   * @param index the allocated index
   * @throws VcException when the list is not a suspension list, or the index was never allocated
   */
  public void suspend(String listId, long index) throws VcException {
    requirePurpose(listId, StatusPurpose.SUSPENSION, "suspend");
    store.setStatus(listId, index, 1);
  }

  /**
   * Un-suspends: sets the entry of a suspension list back to 0.
   *
   * @param listId the list URL
   * @param index the allocated index
   * @throws VcException when the list is not a suspension list, or the index was never allocated
   */
  public void resume(String listId, long index) throws VcException {
    requirePurpose(listId, StatusPurpose.SUSPENSION, "resume");
    store.setStatus(listId, index, 0);
  }

  /**
   * Sets the status value of an entry of a message list.
   *
   * @param listId the list URL
   * @param index the allocated index
   * @param value a value with a message, {@code 0..2^statusSize-1}
   * @throws VcException when the list is not a message list, the value does not fit, or the index was never
   *     allocated
   */
  public void setMessage(String listId, long index, int value) throws VcException {
    requirePurpose(listId, StatusPurpose.MESSAGE, "set a message status on");
    store.setStatus(listId, index, value);
  }

  /**
   * Reads the current status of an entry.
   *
   * @param listId the list URL
   * @param index the allocated index
   * @return the value
   * @throws VcException when unknown or on storage failure
   */
  public int status(String listId, long index) throws VcException {
    return store.status(listId, index);
  }

  /**
   * Builds the current bitstring of a list from a consistent snapshot.
   *
   * @param listId the list URL
   * @return the list
   * @throws VcException when unknown or on storage failure
   */
  public BitstringStatusList bitstring(String listId) throws VcException {
    StatusSnapshot s = store.snapshot(listId);
    return BitstringStatusList.of(s.definition().entries(), s.definition().statusSize(), s.statuses());
  }

  /**
   * Builds the current Token Status List of a list (IETF draft-ietf-oauth-status-list: least significant bit first,
   * ZLIB), to sign with {@link TokenStatusList#signer} and serve as {@link TokenStatusList#MEDIA_TYPE}; see
   * {@link StatusListDefinition#tokenStatusList(String)}. Values are set with {@link #setMessage}.
   *
   * @param listId the list URL
   * @return the list
   * @throws VcException when unknown, when its entries are not 1, 2, 4 or 8 bits, or on storage failure
   */
  public TokenStatusList tokenStatusList(String listId) throws VcException {
    StatusSnapshot s = store.snapshot(listId);
    return TokenStatusList.of(s.definition().statusSize(), s.definition().entries(), s.statuses());
  }

  /**
   * Builds the unsigned {@code BitstringStatusListCredential} for a list, to be signed (Data Integrity or JWT) and
   * published at the list URL.
   *
   * @param listId the list URL (becomes the credential {@code id})
   * @param issuer the issuer id (a DID or URL); must be the issuer of the credentials that point at the list
   * @param validFrom the {@code validFrom} timestamp (truncated to seconds)
   * @return a new JSON object
   * @throws VcException when unknown or on storage failure
   */
  public ObjectNode statusListCredential(String listId, String issuer, Instant validFrom) throws VcException {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(validFrom, "validFrom");
    StatusListDefinition def = definition(listId);
    BitstringStatusList bits = bitstring(listId);
    ObjectNode vc = JsonNodeFactory.instance.objectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.put("id", listId);
    vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
    vc.put("issuer", issuer);
    vc.put("validFrom", validFrom.truncatedTo(ChronoUnit.SECONDS).toString());
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.put("id", listId + "#list");
    subject.put("type", "BitstringStatusList");
    subject.put("statusPurpose", def.purpose().term());
    subject.put("encodedList", bits.encode());
    return vc;
  }

  /**
   * Publishes a list as a signed {@code vc+jwt}: the current {@link #statusListCredential} issued by the key's
   * {@code did:key}, {@code iat} and {@code validFrom} set to {@code validFrom}. For another issuer id (an https
   * URL, did:web), sign {@link #statusListCredential} with {@link VcJwt#sign} and
   * {@link io.github.microcred.vc.jose.JwtSignOperation#withKeyId}.
   *
   * @param listId the list URL
   * @param issuerKey the issuer's key (the same that signs the credentials pointing at the list)
   * @param validFrom the publication time
   * @return the compact JWS to serve at the list URL
   * @throws VcException when the list is unknown, or on storage failure
   */
  public String publishJwt(String listId, KeyPair issuerKey, Instant validFrom) throws VcException {
    ObjectNode vc = statusListCredential(listId, issuerOf(issuerKey), validFrom);
    return VcJwt.sign(vc, issuerKey).withClock(Clock.fixed(validFrom, ZoneOffset.UTC)).get();
  }

  /**
   * Publishes a list with a Data Integrity proof ({@code eddsa-rdfc-2022} for Ed25519 keys,
   * {@code ecdsa-rdfc-2019} for P-256 / P-384): the current {@link #statusListCredential} issued by the key's
   * {@code did:key}, the proof created at {@code validFrom}.
   *
   * @param listId the list URL
   * @param issuerKey the issuer's key
   * @param validFrom the publication time
   * @return the signed credential to serve at the list URL
   * @throws VcException when the list is unknown, or on storage or signing failure
   */
  public ObjectNode publishDataIntegrity(String listId, KeyPair issuerKey, Instant validFrom) throws VcException {
    ObjectNode vc = statusListCredential(listId, issuerOf(issuerKey), validFrom);
    Cryptosuite suite = issuerKey.type() == KeyType.ED25519 ? Cryptosuite.EDDSA_RDFC_2022 : Cryptosuite.ECDSA_RDFC_2019;
    return Credentials.sign(vc, issuerKey, suite).withClock(Clock.fixed(validFrom, ZoneOffset.UTC)).get();
  }

  private static String issuerOf(KeyPair key) {
    String vm = key.publicKey().didKeyVerificationMethod();
    return vm.substring(0, vm.indexOf('#'));
  }

  private StatusListDefinition definition(String listId) throws VcException {
    return store.findList(listId)
        .orElseThrow(() -> new VcException(VcErrorCode.STATUS_LIST_UNKNOWN, "no status list with id " + listId));
  }

  private void requirePurpose(String listId, StatusPurpose wanted, String verb) throws VcException {
    StatusListDefinition def = definition(listId);
    if (def.purpose() != wanted) {
      throw new VcException(
          VcErrorCode.STATUS_VALUE_NOT_ALLOWED,
          "cannot " + verb + " an entry of " + listId + ": its statusPurpose is " + def.purpose().term()
              + ", not " + wanted.term());
    }
  }
}
