package io.github.microcred.vc.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.internal.StrictJson;
import io.github.microcred.vc.internal.status.ListCache;
import io.github.microcred.vc.internal.verify.DataModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verifier side of the 1EdTech Revocation List Status Method ({@code credentialStatus} type
 * {@code 1EdTechRevocationList}), as a {@link StatusCheck}: for each such entry it fetches the list at the entry's
 * {@code id} through a {@link StatusListSource}, reads it strictly (one JSON object, no duplicate keys, at most
 * {@link #MAX_LIST_BYTES}), checks that the list's {@code id} is the URL fetched and that its {@code issuer}, when
 * it names one, is the credential's issuer, and fails the check when the credential's {@code id} is listed. Like
 * {@link BitstringStatusCheck} it fails closed: an unreachable or malformed list, a credential without an
 * {@code id} or an entry of another type fails the check; it never passes by default. Decoded lists are cached for
 * the TTL.
 *
 * <p>To check credentials that carry either kind (or both), combine the two with
 * {@link StatusChecks#byType(Map)}.
 */
public final class RevocationListCheck implements StatusCheck {
  /** The largest list read. */
  public static final int MAX_LIST_BYTES = 64 << 20;

  private final StatusListSource source;
  private final StatusListOptions options;
  private final ListCache<RevocationList> cache;

  private RevocationListCheck(StatusListSource source, StatusListOptions options) {
    this.source = source;
    this.options = options;
    this.cache = new ListCache<>("revocation list", source, options);
  }

  /**
   * Creates a check fetching from a source, with {@link StatusListOptions#defaults()} (a {@link StatusListOptions#DEFAULT_TTL}
   * cache).
   *
   * @param source where lists come from (the URL is the entry's {@code id})
   * @return the check
   */
  public static RevocationListCheck create(StatusListSource source) {
    return new RevocationListCheck(Objects.requireNonNull(source, "source"), StatusListOptions.defaults());
  }

  /**
   * Creates a check fetching from a source, reading lists with the given options.
   *
   * @param source where lists come from
   * @param options TTL, clock, cache bounds, list verification options
   * @return the check
   */
  public static RevocationListCheck create(StatusListSource source, StatusListOptions options) {
    return create(source).withOptions(options);
  }

  /**
   * Sets all the options at once (1EdTech lists are not signed: the list verification options are not read).
   *
   * @param o the options
   * @return a new check with an empty cache
   */
  public RevocationListCheck withOptions(StatusListOptions o) {
    return new RevocationListCheck(source, Objects.requireNonNull(o, "options"));
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
      return checkAll(credential);
    } catch (RuntimeException e) {
      return VerificationCheck.failed(CheckName.STATUS, "credentialStatus", VerificationCode.STATUS_NOT_CHECKED,
          "status check failed: " + e);
    }
  }

  private VerificationCheck checkAll(ObjectNode credential) {
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
    JsonNode idNode = credential.get("id");
    String credentialId = idNode != null && idNode.isTextual() ? idNode.asText() : null;
    List<String> passed = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = status.isArray() ? "credentialStatus[" + i + "]" : "credentialStatus";
      JsonNode e = entries.get(i);
      if (!e.isObject() || !RevocationList.TYPE.equals(e.path("type").asText())) {
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_ENTRY_INVALID,
            path + ".type: unsupported status type "
            + e.path("type") + " (expected " + RevocationList.TYPE + ")");
      }
      if (!e.path("id").isTextual() || !DataModel.isIri(e.get("id").asText())) {
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_ENTRY_INVALID,
            path + ".id: expected the revocation list URL");
      }
      if (credentialId == null) {
        return VerificationCheck.failed(CheckName.STATUS, "id", VerificationCode.STATUS_ENTRY_INVALID,
            "a " + RevocationList.TYPE
            + " status needs the credential's id, and the credential has none");
      }
      String url = e.get("id").asText();
      RevocationList list;
      try {
        list = list(url);
      } catch (VcException ex) {
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_LIST_INVALID, ex.getMessage());
      }
      if (list.issuer().isPresent() && !list.issuer().get().equals(issuer)) {
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_LIST_INVALID,
            "revocation list " + url + " was issued by '"
            + list.issuer().get() + "', not by the credential issuer '" + issuer + "'");
      }
      if (list.isRevoked(credentialId)) {
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.REVOKED,
            "revoked (" + RevocationList.TYPE + " " + url
            + list.reason(credentialId).map(r -> ": " + r).orElse("") + ")");
      }
      passed.add("not revoked (" + RevocationList.TYPE + " " + url + ", " + list.size() + " revoked)");
    }
    return VerificationCheck.passed(CheckName.STATUS, "credentialStatus", String.join("; ", passed));
  }

  private RevocationList list(String url) throws VcException {
    return cache.get(url, l -> true, published -> {
      JsonNode json;
      try {
        json = StrictJson.readObjectTree(published.getBytes(StandardCharsets.UTF_8), "revocation list " + url,
            new StrictJson.Limits(MAX_LIST_BYTES, 64));
      } catch (VcException e) {
        throw new VcException((VcErrorCode) e.code(), "revocation list " + url + ": " + e.getMessage(), e);
      }
      RevocationList list = RevocationList.fromJson(json);
      if (!list.id().equals(url)) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "revocation list " + url + ": its id is '" + list.id()
            + "'");
      }
      return new ListCache.Loaded<>(list, null, null, published.length());
    });
  }
}
