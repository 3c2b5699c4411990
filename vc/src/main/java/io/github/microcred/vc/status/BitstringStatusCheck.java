package io.github.microcred.vc.status;

import io.github.microcred.vc.internal.verify.DataModel;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.internal.JsonSupport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.internal.status.ListCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verifier side of Bitstring Status List, as a {@link StatusCheck} to plug into credential verification.
 *
 * <p>For each {@code BitstringStatusListEntry} it fetches the status list credential through a
 * {@link StatusListSource}, verifies the list's own proof (Data Integrity or {@code vc+jwt}) with the same offline
 * DID resolution, checks the list's issuer is the credential's issuer and its purpose matches, decodes the list
 * once and caches it (until the configured TTL or the list's {@code ttl}, whichever is shorter), then reads the
 * entry in O(1). Revoked or suspended entries fail the check; an unreachable, unverifiable or malformed list fails
 * it too: it never passes by default.
 */
public final class BitstringStatusCheck implements StatusCheck {

  private final StatusListSource source;
  private final StatusListOptions options;
  private final ListCache<Cached> cache;

  private record Cached(String issuer, List<String> purposes, String encodedList,
      Map<Integer, BitstringStatusList> decoded) {}

  private BitstringStatusCheck(StatusListSource source, StatusListOptions options) {
    this.source = source;
    this.options = options;
    this.cache = new ListCache<>("status list", source, options);
  }

  /**
   * Creates a check fetching from a source, with {@link StatusListOptions#defaults()} (offline DID resolution, a
   * {@link StatusListOptions#DEFAULT_TTL} cache).
   *
   * @param source where lists come from
   * @return the check
   */
  public static BitstringStatusCheck create(StatusListSource source) {
    return new BitstringStatusCheck(Objects.requireNonNull(source, "source"), StatusListOptions.defaults());
  }

  /**
   * Creates a check fetching from a source, reading lists with the given options.
   *
   * @param source where lists come from
   * @param options TTL, clock, cache bounds, list verification options
   * @return the check
   */
  public static BitstringStatusCheck create(StatusListSource source, StatusListOptions options) {
    return create(source).withOptions(options);
  }

  /**
   * Sets all the options at once.
   *
   * @param o the options
   * @return a new check with an empty cache
   */
  public BitstringStatusCheck withOptions(StatusListOptions o) {
    return new BitstringStatusCheck(source, Objects.requireNonNull(o, "options"));
  }

  /**
   * The options this check reads lists with.
   *
   * @return the options
   */
  public StatusListOptions options() {
    return options;
  }

  @Override
  public VerificationCheck check(ObjectNode credential, Instant now) {
    try {
      return checkAll(credential, now);
    } catch (RuntimeException e) {
      return VerificationCheck.failed(CheckName.STATUS, "credentialStatus", VerificationCode.STATUS_NOT_CHECKED,
          "status check failed: " + e);
    }
  }

  private VerificationCheck checkAll(ObjectNode credential, Instant now) {
    JsonNode status = credential.get("credentialStatus");
    if (status == null) {
      return VerificationCheck.notApplicable(CheckName.STATUS, "credentialStatus", "no credentialStatus");
    }
    List<JsonNode> entries = new ArrayList<>();
    if (status.isArray()) {
      status.forEach(entries::add);
    } else {
      entries.add(status);
    }
    String issuer = DataModel.partyId(credential.get("issuer"));
    List<String> passed = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = status.isArray() ? "credentialStatus[" + i + "]" : "credentialStatus";
      JsonNode e = entries.get(i);
      VerificationCheck outcome;
      try {
        outcome = checkEntry(e, issuer, now, path);
      } catch (VcException ex) {
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_ENTRY_INVALID,
            ex.getMessage());
      }
      if (outcome.failed()) {
        return outcome;
      }
      passed.add(outcome.message());
    }
    return VerificationCheck.passed(CheckName.STATUS, "credentialStatus", String.join("; ", passed));
  }

  /** Checks one entry; throws for a malformed entry. */
  private VerificationCheck checkEntry(JsonNode e, String issuer, Instant now, String path) throws VcException {
    if (!e.isObject()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ": expected an object");
    }
    String type = e.path("type").asText("");
    if (!type.equals("BitstringStatusListEntry")) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT,
          path + ".type: unsupported status type '" + type + "' (expected BitstringStatusListEntry)");
    }
    String purpose = text(e, "statusPurpose", path);
    String url = text(e, "statusListCredential", path);
    String indexText = text(e, "statusListIndex", path);
    if (!indexText.matches("[0-9]{1,10}")) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT,
          path + ".statusListIndex: expected a non-negative integer string, got '" + indexText + "'");
    }
    long index = Long.parseLong(indexText);
    int size = e.has("statusSize") ? e.get("statusSize").asInt(-1) : 1;
    if (size < 1 || size > 8) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ".statusSize: expected 1..8, got " + e.get("statusSize"));
    }
    if (size > 1 && !e.path("statusMessage").isArray()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ".statusMessage: required when statusSize > 1");
    }
    Cached list;
    BitstringStatusList bits;
    try {
      list = list(url, now);
      bits = decoded(list, size);
    } catch (VcException ex) {
      return failed(path, VerificationCode.STATUS_LIST_INVALID, ex.getMessage());
    }
    if (issuer == null || !issuer.equals(list.issuer())) {
      return failed(path, VerificationCode.STATUS_LIST_INVALID, "status list " + url + " was issued by '"
          + list.issuer() + "', not by the credential issuer '" + issuer + "'");
    }
    if (!list.purposes().contains(purpose)) {
      return failed(path, VerificationCode.STATUS_LIST_INVALID, "status list " + url + " has statusPurpose "
          + list.purposes() + ", the entry says '" + purpose + "'");
    }
    if (index >= bits.entries()) {
      return failed(path, VerificationCode.STATUS_LIST_INVALID, path + ".statusListIndex " + index
          + " is outside the list (" + bits.entries() + " entries)");
    }
    int value = bits.status(index);
    String where = "statusListIndex " + index + " of " + url;
    switch (purpose) {
      case "revocation":
        return value == 0 ? passed(path, "not revoked (" + where + ")")
            : failed(path, VerificationCode.REVOKED, "revoked (" + where + ")");
      case "suspension":
        return value == 0 ? passed(path, "not suspended (" + where + ")")
            : failed(path, VerificationCode.SUSPENDED, "suspended (" + where + ")");
      case "message": {
        String hex = "0x" + Integer.toHexString(value);
        for (JsonNode m : e.path("statusMessage")) {
          if (m.path("status").asText().equalsIgnoreCase(hex)) {
            return passed(path, "status " + hex + ": " + m.path("message").asText() + " (" + where + ")");
          }
        }
        return failed(path, VerificationCode.STATUS_NOT_VALID, "status " + hex + " has no statusMessage (" + where
            + ")");
      }
      default:
        return value == 0 ? passed(path, purpose + " status 0 (" + where + ")")
            : failed(path, VerificationCode.STATUS_NOT_VALID, purpose + " status " + value + " (" + where + ")");
    }
  }

  private static BitstringStatusList decoded(Cached list, int size) throws VcException {
    BitstringStatusList bits = list.decoded().computeIfAbsent(size, s -> {
      try {
        return BitstringStatusList.decode(list.encodedList(), s);
      } catch (VcException ex) {
        return null;
      }
    });
    return bits != null ? bits : BitstringStatusList.decode(list.encodedList(), size); // throws the decoding error
  }

  private static VerificationCheck passed(String path, String message) {
    return VerificationCheck.passed(CheckName.STATUS, path, message);
  }

  private static VerificationCheck failed(String path, VerificationCode code, String message) {
    return VerificationCheck.failed(CheckName.STATUS, path, code, message);
  }

  private Cached list(String url, Instant now) throws VcException {
    return cache.get(url, c -> true, published -> load(url, published, now));
  }

  private ListCache.Loaded<Cached> load(String url, String published, Instant now) throws VcException {
    ObjectNode vc = verifyList(url, published, now);
    JsonNode types = vc.path("type");
    boolean typed = false;
    for (JsonNode n : types.isArray() ? types : JsonSupport.MAPPER.createArrayNode().add(types)) {
      typed |= n.asText().equals("BitstringStatusListCredential");
    }
    if (!typed) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT,
          "status list " + url + ": type does not include BitstringStatusListCredential");
    }
    if (vc.has("id") && !vc.get("id").asText().equals(url)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT,
          "status list " + url + ": its id is '" + vc.get("id").asText() + "'");
    }
    JsonNode subject = vc.path("credentialSubject");
    if (!subject.path("type").asText().equals("BitstringStatusList") || !subject.path("encodedList").isTextual()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT,
          "status list " + url + ": credentialSubject must be a BitstringStatusList with an encodedList");
    }
    List<String> purposes = new ArrayList<>();
    JsonNode p = subject.path("statusPurpose");
    if (p.isArray()) {
      p.forEach(x -> purposes.add(x.asText()));
    } else {
      purposes.add(p.asText());
    }
    String encoded = subject.get("encodedList").asText();
    // decode once: bad lists fail here, before caching; the 1-bit view is kept for revocation / suspension
    BitstringStatusList oneBit = BitstringStatusList.decode(encoded, 1);
    Duration listTtl = null;
    JsonNode ttl = subject.get("ttl");
    if (ttl != null) {
      // milliseconds before a refresh SHOULD be attempted (0: at once); anything else is refused, not defaulted
      if (!ttl.isIntegralNumber() || !ttl.canConvertToLong() || ttl.asLong() < 0) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "status list " + url
            + ": credentialSubject.ttl: expected a non-negative integer number of milliseconds, got "
            + (ttl.toString().length() > 40 ? ttl.toString().substring(0, 40) + "..." : ttl.toString()));
      }
      listTtl = Duration.ofMillis(ttl.asLong());
    }
    Cached c = new Cached(DataModel.partyId(vc.get("issuer")), List.copyOf(purposes), encoded,
        new ConcurrentHashMap<>(Map.of(1, oneBit)));
    return new ListCache.Loaded<>(c, listTtl, null, encoded.length() + oneBit.entries() / 8);
  }

  private ObjectNode verifyList(String url, String published, Instant now) throws VcException {
    VerifyOptions at = options.listVerifyOptions().withClock(Clock.fixed(now, ZoneOffset.UTC)).withoutStatus();
    if (VcJwt.looksLikeJwt(published)) {
      JwtVerification v = VcJwt.verify(published.strip()).withOptions(at).get();
      if (!v.verified()) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT,
            "status list " + url + " does not verify: " + firstFailure(v.result()));
      }
      return v.document().orElseThrow();
    }
    VerificationResult r = Credentials.verify(published).withOptions(at).get();
    if (!r.verified()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "status list " + url + " does not verify: " + firstFailure(r));
    }
    try {
      return (ObjectNode) JsonSupport.readTree(published, "status list " + url);
    } catch (ClassCastException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "status list " + url + ": not a JSON object", e);
    }
  }

  private static String firstFailure(VerificationResult r) {
    return r.failures().isEmpty() ? "no proof" : r.failures().get(0).name() + ": " + r.failures().get(0).message();
  }

  private static String text(JsonNode e, String member, String path) throws VcException {
    JsonNode n = e.get(member);
    if (n == null || !n.isTextual() || n.asText().isEmpty()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + "." + member + ": expected a non-empty string");
    }
    return n.asText();
  }
}
