package io.github.microcred.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.microcred.server.ServerConfig;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusListSource;
import io.github.microcred.vc.status.StatusPurpose;
import io.github.microcred.vc.status.StatusStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's Bitstring Status Lists, over the vc module's {@link StatusListManager} and a {@link StatusStore}:
 * allocates the entries of issued credentials (a new list when one is full), publishes each list as a Data
 * Integrity {@code BitstringStatusListCredential} signed by its issuer at
 * {@code {publicUrl}/status-lists/{did:key id}/{purpose}/{n}}, updates statuses, and gives the verify endpoints a
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
  static final String PATH = "/status-lists/";

  private final StatusStore store;
  private final boolean ownsStore;
  private final StatusListManager manager;
  private final String base;
  private final Clock clock;
  private final Map<String, ServerConfig.Issuer> issuersBySegment = new HashMap<>();
  private final Map<String, Map<StatusPurpose, Current>> current = new HashMap<>();
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
  private final Map<String, Published> published = new ConcurrentHashMap<>();
  private final BitstringStatusCheck baseCheck;
  private volatile BitstringStatusCheck check;

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
        int n = 1;
        for (String id : ids) {
          if (id.startsWith(prefix) && id.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
            n = Math.max(n, Integer.parseInt(id.substring(prefix.length())));
          }
        }
        Current c = new Current();
        c.n = n;
        c.listId = prefix + n;
        manager.createList(definition(c.listId, p));
        byPurpose.put(p, c);
      }
      current.put(issuer.id(), byPurpose);
    }
    // the verify endpoints read the lists as vc+jwt (a JWS is checked in a fraction of a Data Integrity proof's
    // time); GET serves the Data Integrity form that JSON-LD verifiers and the W3C suite dereference
    StatusListSource source = id -> publishedText(id, true);
    this.baseCheck = BitstringStatusCheck.create(source).withTtl(REPUBLISH_AFTER);
    this.check = baseCheck.withTtl(REPUBLISH_AFTER);
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
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    for (Map.Entry<StatusPurpose, Current> e : current.get(issuer.id()).entrySet()) {
      entries.add(allocate(e.getKey(), e.getValue()).toJson());
    }
    return entries.size() == 1 ? entries.get(0) : entries;
  }

  private StatusEntry allocate(StatusPurpose purpose, Current c) throws VcException {
    while (true) {
      String id;
      int n;
      synchronized (c) {
        id = c.listId;
        n = c.n;
      }
      try {
        return manager.allocate(id);
      } catch (VcException e) {
        if (e.code() != VcErrorCode.STATUS_LIST_FULL) {
          throw e;
        }
        synchronized (c) {
          if (c.n == n) { // nobody moved on yet: start the next list (idempotent across servers sharing the store)
            String next = id.substring(0, id.lastIndexOf('/') + 1) + (n + 1);
            manager.createList(definition(next, purpose));
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

  private Optional<ServerConfig.Issuer> issuerOf(String listId) {
    if (!listId.startsWith(base + PATH)) {
      return Optional.empty();
    }
    String rest = listId.substring(base.length() + PATH.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.ofNullable(issuersBySegment.get(rest.substring(0, slash)));
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
    check = baseCheck.withTtl(REPUBLISH_AFTER);
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
