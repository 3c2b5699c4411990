package io.github.microcred.vc.status;

import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.DidResolver;
import io.github.microcred.vc.VerifyOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a status check reads published lists: one immutable value held by {@link BitstringStatusCheck},
 * {@link TokenStatusListCheck} and {@link RevocationListCheck} (their {@code with…} methods return a check holding
 * changed options, with an empty cache).
 *
 * <p>Defaults: lists are cached for {@link #DEFAULT_TTL} (or a list's own shorter {@code ttl} / {@code exp}), at
 * most {@link #DEFAULT_MAX_CACHED_LISTS} lists and about {@link #DEFAULT_MAX_CACHED_BYTES} of decoded lists per
 * check (least recently used evicted first; a larger list is read but not kept), the cache clock is the system
 * clock, signed lists are verified with {@link VerifyOptions#defaults()} (offline DID resolution), and a Token
 * Status List inflates to at most {@link TokenStatusList#MAX_DECODED_BYTES}.
 */
public final class StatusListOptions {
  /** The default cache lifetime of a list. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  /** The default bound on the number of lists a check keeps. */
  public static final int DEFAULT_MAX_CACHED_LISTS = 1024;
  /** The default bound on the decoded bytes of the lists a check keeps (64 MiB). */
  public static final long DEFAULT_MAX_CACHED_BYTES = 64L << 20;

  private static final StatusListOptions DEFAULTS = new StatusListOptions(DEFAULT_TTL, Clock.systemUTC(),
      VerifyOptions.defaults(), TokenStatusList.MAX_DECODED_BYTES, DEFAULT_MAX_CACHED_LISTS,
      DEFAULT_MAX_CACHED_BYTES);

  private final Duration ttl;
  private final Clock clock;
  private final VerifyOptions listVerifyOptions;
  private final int maxListBytes;
  private final int maxCachedLists;
  private final long maxCachedBytes;

  private StatusListOptions(Duration ttl, Clock clock, VerifyOptions listVerifyOptions, int maxListBytes,
      int maxCachedLists, long maxCachedBytes) {
    this.ttl = ttl;
    this.clock = clock;
    this.listVerifyOptions = listVerifyOptions;
    this.maxListBytes = maxListBytes;
    this.maxCachedLists = maxCachedLists;
    this.maxCachedBytes = maxCachedBytes;
  }

  /**
   * The defaults (see the class description).
   *
   * @return the default options
   */
  public static StatusListOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the cache lifetime of a list (zero disables caching); a list's own shorter {@code ttl} or earlier
   * {@code exp} wins.
   *
   * @param t the TTL, not negative
   * @return new options
   */
  public StatusListOptions withTtl(Duration t) {
    if (Objects.requireNonNull(t, "ttl").isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative: " + t);
    }
    return new StatusListOptions(t, clock, listVerifyOptions, maxListBytes, maxCachedLists, maxCachedBytes);
  }

  /**
   * Sets the clock of the cache (verification times come from the caller).
   *
   * @param c the clock
   * @return new options
   */
  public StatusListOptions withClock(Clock c) {
    return new StatusListOptions(ttl, Objects.requireNonNull(c, "clock"), listVerifyOptions, maxListBytes,
        maxCachedLists, maxCachedBytes);
  }

  /**
   * Sets the options signed lists are verified with (resolver, controller documents, clock skew, contexts, limits;
   * the verification time is the credential's, and lists are verified without a status check of their own).
   *
   * @param o the options
   * @return new options
   */
  public StatusListOptions withListVerifyOptions(VerifyOptions o) {
    return new StatusListOptions(ttl, clock, Objects.requireNonNull(o, "options"), maxListBytes, maxCachedLists,
        maxCachedBytes);
  }

  /**
   * Sets the DID resolver signed lists are verified with.
   *
   * @param r the resolver
   * @return new options
   */
  public StatusListOptions withDidResolver(DidResolver r) {
    return withListVerifyOptions(listVerifyOptions.withDidResolver(r));
  }

  /**
   * Supplies the controller document of a list issuer that is not a resolvable DID.
   *
   * @param doc the document
   * @return new options
   */
  public StatusListOptions withControllerDocument(ControllerDocument doc) {
    return withListVerifyOptions(listVerifyOptions.withControllerDocument(doc));
  }

  /**
   * Sets the largest Token Status List inflated (the token text is bounded accordingly); Bitstring Status Lists
   * have their own fixed 16 MiB bound and 1EdTech lists 64 MiB of text.
   *
   * @param bytes 1 to {@link TokenStatusList#MAX_DECODED_BYTES}
   * @return new options
   */
  public StatusListOptions withMaxListBytes(int bytes) {
    if (bytes < 1 || bytes > TokenStatusList.MAX_DECODED_BYTES) {
      throw new IllegalArgumentException("maxListBytes: expected 1.." + TokenStatusList.MAX_DECODED_BYTES + ", got "
          + bytes);
    }
    return new StatusListOptions(ttl, clock, listVerifyOptions, bytes, maxCachedLists, maxCachedBytes);
  }

  /**
   * Bounds the cache of a check: at most {@code lists} lists and about {@code bytes} decoded bytes, least recently
   * used evicted first; a list larger than {@code bytes} is read each time it is needed.
   *
   * @param lists 1 or more
   * @param bytes 1 or more
   * @return new options
   */
  public StatusListOptions withCacheBounds(int lists, long bytes) {
    if (lists < 1 || bytes < 1) {
      throw new IllegalArgumentException("cache bounds: expected at least 1 list and 1 byte, got " + lists + " / "
          + bytes);
    }
    return new StatusListOptions(ttl, clock, listVerifyOptions, maxListBytes, lists, bytes);
  }

  /**
   * The cache lifetime of a list.
   *
   * @return the TTL
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * The clock of the cache.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The options signed lists are verified with.
   *
   * @return the options
   */
  public VerifyOptions listVerifyOptions() {
    return listVerifyOptions;
  }

  /**
   * The largest Token Status List inflated.
   *
   * @return bytes
   */
  public int maxListBytes() {
    return maxListBytes;
  }

  /**
   * The most lists a check keeps.
   *
   * @return lists
   */
  public int maxCachedLists() {
    return maxCachedLists;
  }

  /**
   * About the most decoded bytes a check keeps.
   *
   * @return bytes
   */
  public long maxCachedBytes() {
    return maxCachedBytes;
  }

  @Override
  public String toString() {
    return "StatusListOptions[ttl=" + ttl + ", maxListBytes=" + maxListBytes + ", maxCachedLists=" + maxCachedLists
        + ", maxCachedBytes=" + maxCachedBytes + ", listVerifyOptions=" + listVerifyOptions + "]";
  }
}
