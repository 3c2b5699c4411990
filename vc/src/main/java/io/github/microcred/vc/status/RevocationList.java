package io.github.microcred.vc.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.verify.DataModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A 1EdTech Revocation List (1EdTech Revocation List Status Method 1.0, "VCRL", the {@code credentialStatus} type
 * {@code 1EdTechRevocationList} of Open Badges 3.0 and CLR 2.0): the list an issuer publishes at the status
 * {@code id} URL, {@code {"id": <that URL>, "issuer": <issuer id>, "revokedCredential": [{"id": <credential id>,
 * "revocationReason": ...}]}}. Immutable: {@link #revoke} returns a new list.
 *
 * <p>The list is plain JSON, not a credential: nothing signs it, so it is trusted exactly as far as the
 * {@link StatusListSource} that fetches it (HTTPS from the issuer's host). Bitstring Status List is the signed
 * alternative; an issuer can publish both for the same credential.
 */
public final class RevocationList {
  /** The {@code credentialStatus} type. */
  public static final String TYPE = "1EdTechRevocationList";
  /**
   * The pinned context that defines {@link #TYPE} (and {@code 1EdTechCredentialRefresh}): a credential with this
   * status lists it in its {@code @context}, or a Data Integrity signer refuses the undefined type.
   */
  public static final String CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
  /** The largest list read, in entries (a list is fetched whole on every cache miss). */
  public static final int MAX_ENTRIES = 1_000_000;

  private final String id;
  private final String issuer;
  private final Map<String, Optional<String>> revoked;

  private RevocationList(String id, String issuer, Map<String, Optional<String>> revoked) {
    this.id = id;
    this.issuer = issuer;
    this.revoked = revoked;
  }

  /**
   * An empty list.
   *
   * @param id the URL it is published at (the {@code credentialStatus.id} of the credentials it covers)
   * @param issuer the issuer id
   * @return the list
   * @throws IllegalArgumentException when either is not an absolute IRI
   */
  public static RevocationList create(String id, String issuer) {
    if (!DataModel.isIri(Objects.requireNonNull(id, "id")) || !DataModel.isIri(Objects.requireNonNull(issuer,
        "issuer"))) {
      throw new IllegalArgumentException("id and issuer must be absolute IRIs, got '" + id + "', '" + issuer + "'");
    }
    return new RevocationList(id, issuer, Map.of());
  }

  /** A list of these revoked credentials (the map is copied; ids and issuer checked by the caller). */
  static RevocationList of(String id, String issuer, Map<String, Optional<String>> revoked) {
    return new RevocationList(id, issuer, Collections.unmodifiableMap(new LinkedHashMap<>(revoked)));
  }

  /**
   * A list with one more revoked credential (revoking twice keeps the first reason: revocation is final).
   *
   * @param credentialId the credential's {@code id}
   * @param reason the {@code revocationReason}, or null
   * @return a new list
   */
  public RevocationList revoke(String credentialId, String reason) {
    Objects.requireNonNull(credentialId, "credentialId");
    if (revoked.containsKey(credentialId)) {
      return this;
    }
    Map<String, Optional<String>> m = new LinkedHashMap<>(revoked);
    m.put(credentialId, Optional.ofNullable(reason));
    return new RevocationList(id, issuer, Collections.unmodifiableMap(m));
  }

  /**
   * Whether a credential is revoked.
   *
   * @param credentialId the credential's {@code id}
   * @return true when listed
   */
  public boolean isRevoked(String credentialId) {
    return revoked.containsKey(credentialId);
  }

  /**
   * The reason given for a revoked credential.
   *
   * @param credentialId the credential's {@code id}
   * @return the reason, if the credential is revoked and one was given
   */
  public Optional<String> reason(String credentialId) {
    return revoked.getOrDefault(credentialId, Optional.empty());
  }

  /**
   * The list's URL.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The issuer id (a list read with {@link #fromJson} may name none).
   *
   * @return the issuer, if named
   */
  public Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  /**
   * How many credentials are revoked.
   *
   * @return the count
   */
  public int size() {
    return revoked.size();
  }

  /**
   * The {@code credentialStatus} entry a credential covered by this list carries (its {@code @context} also lists
   * {@link #CONTEXT}).
   *
   * @return a new object {@code {"id": <list URL>, "type": "1EdTechRevocationList"}}
   */
  public ObjectNode statusEntry() {
    return JsonNodeFactory.instance.objectNode().put("id", id).put("type", TYPE);
  }

  /**
   * The published JSON.
   *
   * @return a new object: {@code id}, {@code issuer}, {@code revokedCredential} (each {@code id} and, when given,
   *     {@code revocationReason}), in revocation order
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("id", id);
    if (issuer != null) {
      o.put("issuer", issuer);
    }
    ArrayNode a = o.putArray("revokedCredential");
    revoked.forEach((cid, why) -> {
      ObjectNode e = a.addObject().put("id", cid);
      why.ifPresent(w -> e.put("revocationReason", w));
    });
    return o;
  }

  /**
   * Reads a published list. An entry with {@code "revoked": false} is not a revocation (the 1EdTech validator reads
   * it so); a plain string entry is read as an id.
   *
   * @param json the list
   * @return the list
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} naming the JSON path that is wrong
   */
  public static RevocationList fromJson(JsonNode json) throws VcException {
    if (json == null || !json.isObject()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "revocation list $: expected a JSON object");
    }
    JsonNode id = json.get("id");
    if (id == null || !id.isTextual() || !DataModel.isIri(id.asText())) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "revocation list $.id: expected an absolute IRI");
    }
    String issuer = null;
    if (json.has("issuer")) {
      issuer = DataModel.partyId(json.get("issuer"));
      if (issuer == null) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT,
            "revocation list $.issuer: expected an IRI or an object with an IRI id");
      }
    }
    JsonNode list = json.get("revokedCredential");
    Map<String, Optional<String>> m = new LinkedHashMap<>();
    if (list != null) {
      if (!list.isArray()) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "revocation list $.revokedCredential: expected an array");
      }
      if (list.size() > MAX_ENTRIES) {
        throw new VcException(VcErrorCode.LIMIT_EXCEEDED, "revocation list $.revokedCredential: more than "
            + MAX_ENTRIES + " entries");
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode e = list.get(i);
        String path = "revocation list $.revokedCredential[" + i + "]";
        if (e.isTextual()) {
          m.putIfAbsent(e.asText(), Optional.empty());
          continue;
        }
        if (!e.isObject() || !e.path("id").isTextual()) {
          throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ": expected an object with a string id");
        }
        JsonNode flag = e.get("revoked");
        if (flag != null && !flag.isBoolean()) {
          throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ".revoked: expected a boolean");
        }
        JsonNode why = e.get("revocationReason");
        if (why != null && !why.isTextual()) {
          throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ".revocationReason: expected a string");
        }
        if (flag == null || flag.asBoolean()) {
          m.putIfAbsent(e.get("id").asText(), Optional.ofNullable(why).map(JsonNode::asText));
        }
      }
    }
    return new RevocationList(id.asText(), issuer, Collections.unmodifiableMap(m));
  }

  @Override
  public String toString() {
    return "RevocationList[" + id + ", " + revoked.size() + " revoked]";
  }
}
