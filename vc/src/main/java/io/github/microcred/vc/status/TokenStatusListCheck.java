package io.github.microcred.vc.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.internal.status.ListCache;
import io.github.microcred.vc.internal.status.TokenStatusLists;
import io.github.microcred.vc.internal.verify.DataModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The verifier side of the IETF Token Status List (draft-ietf-oauth-status-list) for the {@code status} claim of
 * an SD-JWT VC, as a {@link StatusCheck}: {@code "status": {"status_list": {"idx": n, "uri": "..."}}}.
 *
 * <p>It fetches the Status List Token at {@code uri} through a {@link StatusListSource} (the same sources as
 * {@link BitstringStatusCheck}: offline maps and files never touch the network; nothing remote is fetched unless
 * the caller's source does), and accepts the token only when it is a JWT with {@code typ: statuslist+jwt}, an
 * allowed {@code alg} (EdDSA, ES256, ES384), {@code sub} equal to {@code uri}, an {@code iat}, not expired
 * ({@code exp}, with the clock skew of the list options), an {@code iss} (when present) equal to the credential's
 * issuer, signed by an {@code assertionMethod} key of the credential's issuer (DIDs and configured controller
 * documents, as for the credential itself). Only then is {@code lst} inflated, at most
 * {@link StatusListOptions#maxListBytes()} (by default {@link TokenStatusList#MAX_DECODED_BYTES}). The status at
 * {@code idx} must be {@link TokenStatusList#VALID}: INVALID (revoked), SUSPENDED, an application-specific or
 * unregistered value, an index outside the list, an unreadable or unverifiable token all fail the check. Verified
 * tokens are cached for the shorter of {@link StatusListOptions#ttl()} and the token's {@code ttl}, never past its
 * {@code exp} (checked on every use too), in the bounded cache the three status checks share.
 *
 * <p>A {@code status} object naming a mechanism other than {@code status_list} fails closed. To check credentials
 * that carry {@code credentialStatus} as well, combine checks with {@link StatusChecks#byType(Map)} under
 * {@link #MECHANISM}.
 */
public final class TokenStatusListCheck implements StatusCheck {
  /** The status mechanism read: the member of the {@code status} claim. */
  public static final String MECHANISM = "status_list";
  /** The largest {@code idx} read. */
  public static final long MAX_INDEX = (long) TokenStatusList.MAX_DECODED_BYTES * 8 - 1;

  private final StatusListSource source;
  private final StatusListOptions options;
  private final ListCache<TokenStatusLists.Verified> cache;

  private TokenStatusListCheck(StatusListSource source, StatusListOptions options) {
    this.source = source;
    this.options = options;
    this.cache = new ListCache<>("Status List Token", source, options);
  }

  /**
   * Creates a check fetching Status List Tokens from a source, with {@link StatusListOptions#defaults()} (offline
   * DID resolution, a {@link StatusListOptions#DEFAULT_TTL} cache, lists of at most {@link TokenStatusList#MAX_DECODED_BYTES}).
   *
   * @param source where tokens come from (by {@code status_list.uri})
   * @return the check
   */
  public static TokenStatusListCheck create(StatusListSource source) {
    return new TokenStatusListCheck(Objects.requireNonNull(source, "source"), StatusListOptions.defaults());
  }

  /**
   * Creates a check fetching from a source, reading lists with the given options.
   *
   * @param source where lists come from
   * @param options TTL, clock, cache bounds, list verification options
   * @return the check
   */
  public static TokenStatusListCheck create(StatusListSource source, StatusListOptions options) {
    return create(source).withOptions(options);
  }

  /**
   * Sets all the options at once.
   *
   * @param o the options
   * @return a new check with an empty cache
   */
  public TokenStatusListCheck withOptions(StatusListOptions o) {
    return new TokenStatusListCheck(source, Objects.requireNonNull(o, "options"));
  }

  /**
   * The options this check reads tokens with.
   *
   * @return the options
   */
  public StatusListOptions options() {
    return options;
  }

  @Override
  public VerificationCheck check(ObjectNode credential, Instant now) {
    try {
      return checkStatus(credential, now);
    } catch (RuntimeException e) {
      return VerificationCheck.failed(CheckName.STATUS, "status", VerificationCode.STATUS_NOT_CHECKED,
          "status check failed: " + e);
    }
  }

  private VerificationCheck checkStatus(ObjectNode credential, Instant now) {
    JsonNode status = credential.get("status");
    if (status == null) {
      return VerificationCheck.notApplicable(CheckName.STATUS, "status", "no status claim");
    }
    if (!status.isObject() || status.isEmpty()) {
      return VerificationCheck.failed(CheckName.STATUS, "status", VerificationCode.STATUS_ENTRY_INVALID,
          "status: expected an object naming a status "
          + "mechanism (" + MECHANISM + "), got " + abbreviate(status));
    }
    for (var it = status.fieldNames(); it.hasNext(); ) {
      String m = it.next();
      if (!m.equals(MECHANISM)) {
        return VerificationCheck.failed(CheckName.STATUS, "status." + m, VerificationCode.STATUS_NOT_CHECKED,
            "status." + m + ": a status mechanism this "
            + "check does not read (it reads " + MECHANISM + "); fails closed");
      }
    }
    String path = "status." + MECHANISM;
    JsonNode ref = status.get(MECHANISM);
    if (!ref.isObject()) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_ENTRY_INVALID,
          path + ": expected an object {idx, uri}");
    }
    JsonNode idxNode = ref.get("idx");
    if (idxNode == null || !idxNode.isIntegralNumber() || !idxNode.canConvertToLong() || idxNode.asLong() < 0
        || idxNode.asLong() > MAX_INDEX) {
      return VerificationCheck.failed(CheckName.STATUS, path + ".idx", VerificationCode.STATUS_ENTRY_INVALID,
          path + ".idx: expected a non-negative "
          + "integer (at most " + MAX_INDEX + "), got " + abbreviate(idxNode));
    }
    JsonNode uriNode = ref.get("uri");
    if (uriNode == null || !uriNode.isTextual() || !DataModel.isIri(uriNode.asText())) {
      return VerificationCheck.failed(CheckName.STATUS, path + ".uri", VerificationCode.STATUS_ENTRY_INVALID,
          path + ".uri: expected the absolute URI of "
          + "the Status List Token, got " + abbreviate(uriNode));
    }
    long idx = idxNode.asLong();
    String uri = uriNode.asText();
    JsonNode iss = credential.get("iss");
    String issuer = iss != null && iss.isTextual() ? iss.asText() : DataModel.partyId(credential.get("issuer"));
    if (issuer == null) {
      return VerificationCheck.failed(CheckName.STATUS, "iss", VerificationCode.STATUS_ENTRY_INVALID,
          "a Token Status List needs the credential's issuer "
          + "(iss), and there is none");
    }
    TokenStatusLists.Verified token;
    try {
      token = token(uri, issuer);
    } catch (VcException e) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_LIST_INVALID, e.getMessage());
    }
    if (!token.issuer().equals(issuer)) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_LIST_INVALID,
          "Status List Token " + uri + " is signed by '"
          + token.issuer() + "', not by the credential's issuer '" + issuer + "'");
    }
    Duration skew = options.listVerifyOptions().maxClockSkew();
    if (token.expires() != null && now.isAfter(token.expires().plus(skew))) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_LIST_INVALID,
          "Status List Token " + uri + " expired at "
          + token.expires() + " (now " + now + ", skew " + skew + ")");
    }
    if (token.issuedAt().isAfter(now.plus(skew))) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_LIST_INVALID,
          "Status List Token " + uri + " is issued at "
          + token.issuedAt() + ", after the verification time " + now);
    }
    TokenStatusList list = token.list();
    if (idx >= list.entries()) {
      return VerificationCheck.failed(CheckName.STATUS, path + ".idx", VerificationCode.STATUS_LIST_INVALID,
          "idx " + idx + " is outside the Status List "
          + uri + " (" + list.entries() + " entries): no statement about the status can be made");
    }
    int value;
    try {
      value = list.status(idx);
    } catch (VcException e) {
      return VerificationCheck.failed(CheckName.STATUS, path + ".idx", VerificationCode.STATUS_LIST_INVALID,
          e.getMessage());
    }
    String where = "idx " + idx + " of " + uri + " (" + list.bits() + "-bit, signed by " + token.keyId() + ")";
    switch (value) {
      case TokenStatusList.VALID:
        return VerificationCheck.passed(CheckName.STATUS, path, "VALID (" + where + ")");
      case TokenStatusList.INVALID:
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.REVOKED,
            "revoked: status INVALID (" + where + ")");
      case TokenStatusList.SUSPENDED:
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.SUSPENDED,
            "suspended: status SUSPENDED (" + where + ")");
      default:
        return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_NOT_VALID,
            "status 0x" + String.format("%02X", value)
            + " is not VALID (" + (value == 3 || value >= 0x0C && value <= 0x0F ? "application-specific"
                : "unregistered") + "; fails closed) (" + where + ")");
    }
  }

  private TokenStatusLists.Verified token(String uri, String issuer) throws VcException {
    // a kept token serves only the issuer it was verified against; another issuer's credential fetches again
    return cache.get(uri, v -> v.issuer().equals(issuer), text -> {
      TokenStatusLists.Verified v = TokenStatusLists.verify(text, uri, issuer, options.listVerifyOptions(),
          options.maxListBytes());
      return new ListCache.Loaded<>(v, v.ttl(), v.expires(), v.list().entries() * v.list().bits() / 8);
    });
  }

  private static String abbreviate(JsonNode n) {
    if (n == null) {
      return "nothing";
    }
    String s = n.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
