package io.github.microcred.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.microcred.server.ServerConfig;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.RevocationList;
import io.github.microcred.vc.status.RevocationListCheck;
import io.github.microcred.vc.status.StatusChecks;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusListOptions;
import io.github.microcred.vc.status.StatusListSource;
import io.github.microcred.vc.status.StatusPurpose;
import io.github.microcred.vc.status.StatusStore;
import io.github.microcred.vc.status.TokenStatusList;
import io.github.microcred.vc.status.TokenStatusListCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The server's Bitstring Status Lists, over the vc module's {@link StatusListManager} and a {@link StatusStore}:
 * allocates the entries of issued credentials (a new list when one is full), publishes each list as a Data
 * Integrity {@code BitstringStatusListCredential} signed by its issuer at
 * {@code {publicUrl}/status-lists/{did:key id}/{purpose}/{n}}, keeps one IETF Token Status List per issuer for its
 * SD-JWT VCs (2-bit: VALID / INVALID / SUSPENDED), published as a {@code statuslist+jwt} Status List Token at
 * {@code {publicUrl}/token-status-lists/{did:key id}/{n}}, publishes one 1EdTech Revocation List per issuer with
 * revocation status at {@code {publicUrl}/revocation-lists/{did:key id}} (the revoked credentials of all its Bitstring
 * revocation lists that were allocated with a credential id, so that both status methods come from one store and one
 * revocation), updates statuses, and gives the verify endpoints a
 * {@link StatusCheck} that reads these lists from here (never from the network).
 *
 * <p>Published lists are cached until a status in them changes here, or for {@link #REPUBLISH_AFTER} (other
 * servers may share the store). A generation counter per list makes sure a list built before a change is never
 * cached after it; the verify check is replaced on every change, so a verification that starts after an update
 * returned sees it.
 */
public final class StatusService implements AutoCloseable {
  /** How long a published list is served from the cache when nothing changed here. */
  public static final Duration REPUBLISH_AFTER = Duration.ofSeconds(30);
  /** How long a published Status List Token is valid ({@code exp}): a replayed old token goes stale after it. */
  public static final Duration TOKEN_VALIDITY = Duration.ofHours(1);
  static final String PATH = "/status-lists/";
  static final String TOKEN_PATH = "/token-status-lists/";
  static final String REVOCATION_LIST_PATH = "/revocation-lists/";

  private final StatusStore store;
  private final boolean ownsStore;
  private final StatusListManager manager;
  private final String base;
  private final Clock clock;
  private final Map<String, ServerConfig.Issuer> issuersBySegment = new HashMap<>();
  private final Map<String, Map<StatusPurpose, Current>> current = new HashMap<>();
  private final Map<String, Current> tokenLists = new HashMap<>();
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
  private final Map<String, Published> published = new ConcurrentHashMap<>();
  private final BitstringStatusCheck baseCheck;
  private final TokenStatusListCheck baseTokenCheck;
  private final RevocationListCheck baseRevocationCheck;
  private volatile StatusCheck check;

  /** The list entries are allocated from now (advanced when full). */
  private static final class Current {
    String listId;
    int n;
  }

  private record Published(long generation, Instant at, String text) {}

  /**
   * Opens the lists of every issuer with status, creating the first list of each purpose when there is none.
   *
   * @param store the store
   * @param ownsStore whether {@link #close()} closes it
   * @param base the public base URL, without a trailing slash
   * @param issuers the issuers (those without status are ignored)
   * @param clock the clock (publication times)
   * @throws VcException on a storage failure
   */
  public StatusService(StatusStore store, boolean ownsStore, String base, List<ServerConfig.Issuer> issuers,
      Clock clock) throws VcException {
    this.store = store;
    this.ownsStore = ownsStore;
    this.manager = StatusListManager.create(store);
    this.base = base;
    this.clock = clock;
    List<String> ids = store.listIds();
    for (ServerConfig.Issuer issuer : issuers) {
      if (issuer.status().isEmpty()) {
        continue;
      }
      String segment = segment(issuer);
      issuersBySegment.put(segment, issuer);
      Map<StatusPurpose, Current> byPurpose = new EnumMap<>(StatusPurpose.class);
      for (StatusPurpose p : issuer.status()) {
        String prefix = base + PATH + segment + "/" + p.term() + "/";
        Current c = new Current();
        c.n = highest(ids, prefix);
        c.listId = prefix + c.n;
        manager.createList(definition(c.listId, p));
        byPurpose.put(p, c);
      }
      current.put(issuer.id(), byPurpose);
      // SD-JWT VCs get a Token Status List entry (the status claim): one 2-bit list per issuer, VALID / INVALID /
      // SUSPENDED
      String prefix = base + TOKEN_PATH + segment + "/";
      Current t = new Current();
      t.n = highest(ids, prefix);
      t.listId = prefix + t.n;
      manager.createList(StatusListDefinition.tokenStatusList(t.listId));
      tokenLists.put(issuer.id(), t);
    }
    // the verify endpoints read the lists as vc+jwt (a JWS is checked in a fraction of a Data Integrity proof's
    // time); GET serves the Data Integrity form that JSON-LD verifiers and the W3C suite dereference
    StatusListSource source = id -> publishedText(id, true);
    StatusListOptions cached = StatusListOptions.defaults().withTtl(REPUBLISH_AFTER);
    this.baseCheck = BitstringStatusCheck.create(source, cached);
    this.baseTokenCheck = TokenStatusListCheck.create(this::tokenText, cached);
    this.baseRevocationCheck = RevocationListCheck.create(this::revocationListText, cached);
    this.check = freshCheck();
  }

  /** A check with empty caches: Bitstring entries, 1EdTech Revocation Lists, the status claim of SD-JWT VCs. */
  private StatusCheck freshCheck() {
    return StatusChecks.byType(Map.of("BitstringStatusListEntry", baseCheck.withOptions(baseCheck.options()),
        RevocationList.TYPE, baseRevocationCheck.withOptions(baseRevocationCheck.options()),
        TokenStatusListCheck.MECHANISM, baseTokenCheck.withOptions(baseTokenCheck.options())));
  }

  /** The highest list number {@code n} of the lists {@code prefix + n} in the store, or 1. */
  private static int highest(List<String> ids, String prefix) {
    int n = 1;
    for (String id : ids) {
      if (id.startsWith(prefix) && id.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
        n = Math.max(n, Integer.parseInt(id.substring(prefix.length())));
      }
    }
    return n;
  }

  private static String segment(ServerConfig.Issuer issuer) {
    return issuer.id().substring("did:key:".length());
  }

  private static StatusListDefinition definition(String id, StatusPurpose p) {
    return p == StatusPurpose.REVOCATION ? StatusListDefinition.revocation(id) : StatusListDefinition.suspension(id);
  }

  /**
   * Whether an issuer puts status entries into its credentials.
   *
   * @param issuer the issuer
   * @return true when it has status purposes
   */
  public boolean issuesStatus(ServerConfig.Issuer issuer) {
    return current.containsKey(issuer.id());
  }

  /**
   * Allocates one entry per configured purpose of the issuer.
   *
   * @param issuer the issuer
   * @return the {@code credentialStatus} value: one entry object, or an array of them
   * @throws VcException on a storage failure
   */
  public JsonNode allocate(ServerConfig.Issuer issuer) throws VcException {
    return allocate(issuer, null);
  }

  /**
   * Allocates one entry per configured purpose of the issuer; with a credential id, the revocation entry is bound
   * to it and a {@code 1EdTechRevocationList} entry for the issuer's Revocation List follows the Bitstring entries.
   *
   * @param issuer the issuer
   * @param credentialId the credential's {@code id}, or null for Bitstring entries only
   * @return the {@code credentialStatus} value: one entry object, or an array of them
   * @throws VcException for an unusable credential id, or on a storage failure
   */
  public JsonNode allocate(ServerConfig.Issuer issuer, String credentialId) throws VcException {
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    boolean listed = false;
    for (Map.Entry<StatusPurpose, Current> e : current.get(issuer.id()).entrySet()) {
      boolean bind = credentialId != null && e.getKey() == StatusPurpose.REVOCATION;
      entries.add(allocate(e.getValue(), bind ? credentialId : null, next -> definition(next, e.getKey())).toJson());
      listed |= bind;
    }
    if (listed) {
      entries.add(RevocationList.create(revocationListId(issuer), issuer.id()).statusEntry());
    }
    return entries.size() == 1 ? entries.get(0) : entries;
  }

  /**
   * Whether credentials of the issuer can carry a {@code 1EdTechRevocationList} entry (it has revocation status).
   *
   * @param issuer the issuer
   * @return true when it keeps revocation lists
   */
  public boolean publishesRevocationList(ServerConfig.Issuer issuer) {
    Map<StatusPurpose, Current> purposes = current.get(issuer.id());
    return purposes != null && purposes.containsKey(StatusPurpose.REVOCATION);
  }

  private String revocationListId(ServerConfig.Issuer issuer) {
    return base + REVOCATION_LIST_PATH + segment(issuer);
  }

  /**
   * The Token Status List entry of an SD-JWT VC: the list's URI and the index.
   *
   * @param uri the Status List Token's URI ({@code status_list.uri})
   * @param idx the entry ({@code status_list.idx})
   */
  public record TokenEntry(String uri, long idx) {}

  /**
   * Allocates a Token Status List entry for an SD-JWT VC of the issuer.
   *
   * @param issuer the issuer (one that keeps status)
   * @return the entry
   * @throws VcException on a storage failure
   */
  public TokenEntry allocateToken(ServerConfig.Issuer issuer) throws VcException {
    StatusEntry e = allocate(tokenLists.get(issuer.id()), null, StatusListDefinition::tokenStatusList);
    return new TokenEntry(e.list().id(), e.index());
  }

  private StatusEntry allocate(Current c, String credentialId,
      Function<String, StatusListDefinition> definition) throws VcException {
    while (true) {
      String id;
      int n;
      synchronized (c) {
        id = c.listId;
        n = c.n;
      }
      try {
        return credentialId == null ? manager.allocate(id) : manager.allocate(id, credentialId);
      } catch (VcException e) {
        if (e.code() != VcErrorCode.STATUS_LIST_FULL) {
          throw e;
        }
        synchronized (c) {
          if (c.n == n) { // nobody moved on yet: start the next list (idempotent across servers sharing the store)
            String next = id.substring(0, id.lastIndexOf('/') + 1) + (n + 1);
            manager.createList(definition.apply(next));
            c.n = n + 1;
            c.listId = next;
          }
        }
      }
    }
  }

  /**
   * The status check for the verify endpoints (lists of this service only).
   *
   * @return the check
   */
  public StatusCheck check() {
    return check;
  }

  /**
   * The published list at a request path, when it is one of this service's lists.
   *
   * @param path the path in context, starting with {@code /status-lists/}
   * @return the signed list credential (JSON text), or empty when there is no such list
   * @throws VcException on a storage or signing failure
   */
  public Optional<String> publishedAt(String path) throws VcException {
    String id = base + path;
    if (issuerOf(id).isEmpty() || store.findList(id).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(publishedText(id, false));
  }

  /** Whether a path is under the status list prefix. */
  static boolean isListPath(String path) {
    return path.startsWith(PATH);
  }

  /** Whether a path is under the 1EdTech Revocation List prefix. */
  static boolean isRevocationListPath(String path) {
    return path.startsWith(REVOCATION_LIST_PATH);
  }

  /**
   * The 1EdTech Revocation List at a request path, when it is one of this service's.
   *
   * @param path the path in context, starting with {@code /revocation-lists/}
   * @return the list (JSON text), or empty when there is no such list
   * @throws VcException on a storage failure
   */
  public Optional<String> revocationListAt(String path) throws VcException {
    String id = base + path;
    Optional<ServerConfig.Issuer> issuer = revocationListIssuer(id);
    return issuer.isEmpty() ? Optional.empty() : Optional.of(revocationListText(id));
  }

  private Optional<ServerConfig.Issuer> revocationListIssuer(String listId) {
    if (!listId.startsWith(base + REVOCATION_LIST_PATH)) {
      return Optional.empty();
    }
    ServerConfig.Issuer issuer = issuersBySegment.get(listId.substring(base.length()
        + REVOCATION_LIST_PATH.length()));
    return issuer != null && publishesRevocationList(issuer) ? Optional.of(issuer) : Optional.empty();
  }

  /**
   * The current 1EdTech Revocation List of an issuer: the credential ids bound to the revoked entries of every
   * Bitstring revocation list of the issuer in the store (cached like the other lists).
   */
  private String revocationListText(String listId) throws VcException {
    Optional<ServerConfig.Issuer> issuer = revocationListIssuer(listId);
    if (issuer.isEmpty()) {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, "1EdTech Revocation List " + listId + " is not "
          + "published by this service (it fetches nothing remote; its lists are under " + base
          + REVOCATION_LIST_PATH + ")");
    }
    long gen = generation(listId).get();
    Instant now = clock.instant();
    String key = "rl " + listId;
    Published p = published.get(key);
    if (p != null && p.generation() == gen && now.isBefore(p.at().plus(REPUBLISH_AFTER))) {
      return p.text();
    }
    String prefix = base + PATH + segment(issuer.get()) + "/" + StatusPurpose.REVOCATION.term() + "/";
    List<String> lists = new ArrayList<>();
    for (String id : store.listIds()) {
      if (id.startsWith(prefix) && id.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
        lists.add(id);
      }
    }
    lists.sort(Comparator.comparingInt(id -> Integer.parseInt(id.substring(prefix.length()))));
    String text = manager.revocationList(listId, issuer.get().id(), lists).toJson().toString();
    published.merge(key, new Published(gen, now, text),
        (old, mine) -> old.generation() != mine.generation() ? (old.generation() > mine.generation() ? old : mine)
            : old.at().isAfter(mine.at()) ? old : mine);
    return text;
  }

  /** Whether a path is under the Token Status List prefix. */
  static boolean isTokenListPath(String path) {
    return path.startsWith(TOKEN_PATH);
  }

  /**
   * The Status List Token at a request path, when it is one of this service's Token Status Lists.
   *
   * @param path the path in context, starting with {@code /token-status-lists/}
   * @return the signed token ({@code statuslist+jwt}), or empty when there is no such list
   * @throws VcException on a storage or signing failure
   */
  public Optional<String> tokenAt(String path) throws VcException {
    String id = base + path;
    if (issuerOf(id, TOKEN_PATH).isEmpty() || store.findList(id).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(tokenText(id));
  }

  private Optional<ServerConfig.Issuer> issuerOf(String listId) {
    return issuerOf(listId, PATH);
  }

  private Optional<ServerConfig.Issuer> issuerOf(String listId, String path) {
    if (!listId.startsWith(base + path)) {
      return Optional.empty();
    }
    String rest = listId.substring(base.length() + path.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.ofNullable(issuersBySegment.get(rest.substring(0, slash)));
  }

  /** The current Status List Token of one of this service's Token Status Lists (cached like the other lists). */
  private String tokenText(String listId) throws VcException {
    Optional<ServerConfig.Issuer> issuer = issuerOf(listId, TOKEN_PATH);
    if (issuer.isEmpty()) {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, "Status List Token " + listId + " is not published by "
          + "this service (it fetches nothing remote; its tokens are under " + base + TOKEN_PATH + ")");
    }
    long gen = generation(listId).get();
    Instant now = clock.instant();
    String key = "tsl " + listId;
    Published p = published.get(key);
    if (p != null && p.generation() == gen && now.isBefore(p.at().plus(REPUBLISH_AFTER))) {
      return p.text();
    }
    Instant iat = now.truncatedTo(ChronoUnit.SECONDS);
    String text = manager.tokenStatusList(listId).signer(listId, issuer.get().key())
        .withClock(Clock.fixed(iat, ZoneOffset.UTC)).withTtl(REPUBLISH_AFTER)
        .withExpiry(iat.plus(TOKEN_VALIDITY)).get();
    published.merge(key, new Published(gen, now, text),
        (old, mine) -> old.generation() != mine.generation() ? (old.generation() > mine.generation() ? old : mine)
            : old.at().isAfter(mine.at()) ? old : mine);
    return text;
  }

  /**
   * Updates a Token Status List entry: REVOKE sets INVALID (final), SUSPEND sets SUSPENDED, RESUME sets VALID.
   *
   * @param uri the {@code status_list.uri}
   * @param idx the {@code status_list.idx}
   * @param action what to do
   * @return the new status value (0 VALID, 1 INVALID, 2 SUSPENDED)
   * @throws VcException when the list is not this service's, the index was never allocated, the entry is revoked
   *     (suspend / resume), or on a storage failure
   */
  public int updateToken(String uri, long idx, Action action) throws VcException {
    if (issuerOf(uri, TOKEN_PATH).isEmpty() || store.findList(uri).isEmpty()) {
      throw new VcException(VcErrorCode.STATUS_LIST_UNKNOWN, "Token Status List " + uri + " is not one of this "
          + "service's lists");
    }
    int now = manager.status(uri, idx);
    int value = switch (action) {
      case REVOKE -> TokenStatusList.INVALID;
      case SUSPEND -> TokenStatusList.SUSPENDED;
      case RESUME -> TokenStatusList.VALID;
    };
    if (now == TokenStatusList.INVALID && value != TokenStatusList.INVALID) {
      throw new VcException(VcErrorCode.STATUS_VALUE_NOT_ALLOWED, "idx " + idx + " of " + uri + " is revoked "
          + "(INVALID), which is final: it cannot be " + (action == Action.SUSPEND ? "suspended" : "resumed"));
    }
    manager.setMessage(uri, idx, value);
    generation(uri).incrementAndGet();
    check = freshCheck();
    return manager.status(uri, idx);
  }

  private String publishedText(String listId, boolean jwt) throws VcException {
    Optional<ServerConfig.Issuer> issuer = issuerOf(listId);
    if (issuer.isEmpty()) {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, "status list " + listId + " is not published by this "
          + "service (it fetches nothing remote; its lists are under " + base + PATH + ")");
    }
    long gen = generation(listId).get();
    Instant now = clock.instant();
    String key = (jwt ? "jwt " : "di ") + listId;
    Published p = published.get(key);
    if (p != null && p.generation() == gen && now.isBefore(p.at().plus(REPUBLISH_AFTER))) {
      return p.text();
    }
    String text = jwt ? manager.publishJwt(listId, issuer.get().key(), now)
        : manager.publishDataIntegrity(listId, issuer.get().key(), now).toString();
    published.merge(key, new Published(gen, now, text),
        (old, mine) -> old.generation() != mine.generation() ? (old.generation() > mine.generation() ? old : mine)
            : old.at().isAfter(mine.at()) ? old : mine);
    return text;
  }

  private AtomicLong generation(String listId) {
    return generations.computeIfAbsent(listId, k -> new AtomicLong());
  }

  /** What {@link #update} does to an entry. */
  public enum Action {
    /** Sets a revocation entry (final). */
    REVOKE,
    /** Sets a suspension entry. */
    SUSPEND,
    /** Clears a suspension entry. */
    RESUME
  }

  /**
   * Updates the status of one of this service's entries.
   *
   * @param listId the {@code statusListCredential}
   * @param index the {@code statusListIndex}
   * @param action what to do
   * @return the new status value
   * @throws VcException when the list is not this service's, the purpose does not fit the action, the index was
   *     never allocated, or on a storage failure
   */
  public int update(String listId, long index, Action action) throws VcException {
    if (issuerOf(listId).isEmpty() || store.findList(listId).isEmpty()) {
      throw new VcException(VcErrorCode.STATUS_LIST_UNKNOWN, "status list " + listId + " is not one of this "
          + "service's lists");
    }
    switch (action) {
      case REVOKE -> manager.revoke(listId, index);
      case SUSPEND -> manager.suspend(listId, index);
      case RESUME -> manager.resume(listId, index);
      default -> throw new IllegalStateException(action.name());
    }
    // order matters: the store first, then the generation (a list built before this cannot be cached after it),
    // then a fresh check (no decoded list from before this change)
    generation(listId).incrementAndGet();
    if (action == Action.REVOKE) {
      generation(revocationListId(issuerOf(listId).orElseThrow())).incrementAndGet();
    }
    check = freshCheck();
    return manager.status(listId, index);
  }

  /**
   * The current status value of an entry.
   *
   * @param listId the list
   * @param index the index
   * @return the value
   * @throws VcException when unknown
   */
  public int status(String listId, long index) throws VcException {
    return manager.status(listId, index);
  }

  /**
   * The store.
   *
   * @return the store
   */
  public StatusStore store() {
    return store;
  }

  @Override
  public void close() throws VcException {
    if (ownsStore) {
      store.close();
    }
  }
}
