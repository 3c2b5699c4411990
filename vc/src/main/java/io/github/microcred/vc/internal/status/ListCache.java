package io.github.microcred.vc.internal.status;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.status.StatusListOptions;
import io.github.microcred.vc.status.StatusListSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The one fetch-and-cache of the status checks: a list is fetched through the caller's {@link StatusListSource}
 * only on a miss (the source decides whether anything is remote; a {@code null} answer fails closed), read and
 * checked by the caller's loader before it is kept, kept for the shorter of the options' TTL and the list's own
 * {@code ttl}, never past its {@code exp}, and the cache is bounded by {@link StatusListOptions#maxCachedLists()}
 * lists and {@link StatusListOptions#maxCachedBytes()} bytes, least recently used evicted first. Thread-safe; a
 * fetch runs outside the lock (two threads missing at once may both fetch). Internal.
 *
 * @param <T> the checked list
 */
public final class ListCache<T> {
  /**
   * Reads and checks a fetched list.
   *
   * @param <T> the checked list
   */
  @FunctionalInterface
  public interface Loader<T> {
    /**
     * Reads, verifies and decodes the published text of a list.
     *
     * @param text what the source returned (not null)
     * @return the list with its own lifetime
     * @throws VcException when the list is unusable (nothing is cached then)
     */
    Loaded<T> load(String text) throws VcException;
  }

  /**
   * A checked list and how long it may be kept.
   *
   * @param value the list
   * @param ttl the list's own time to live, or null
   * @param expires the list's expiry, or null
   * @param bytes about the memory it holds (decoded bytes)
   * @param <T> the checked list
   */
  public record Loaded<T>(T value, Duration ttl, Instant expires, long bytes) {}

  private record Entry<T>(T value, Instant until, long bytes) {}

  private final String what;
  private final StatusListSource source;
  private final StatusListOptions options;
  private final LinkedHashMap<String, Entry<T>> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  /**
   * A cache.
   *
   * @param what the kind of list, for messages ("status list", "Status List Token", ...)
   * @param source where lists come from
   * @param options TTL, clock and bounds
   */
  public ListCache(String what, StatusListSource source, StatusListOptions options) {
    this.what = what;
    this.source = source;
    this.options = options;
  }

  /**
   * The list at a URL: a kept one that has not expired and that {@code usable} accepts, else fetched and loaded.
   *
   * @param url the list's URL
   * @param usable whether a kept list serves this request (else it is fetched again and replaced)
   * @param loader reads and checks fetched text
   * @return the list
   * @throws VcException when the source fails or returns nothing, or the loader refuses the list
   */
  public T get(String url, Predicate<T> usable, Loader<T> loader) throws VcException {
    Instant t = options.clock().instant();
    Entry<T> hit;
    synchronized (this) {
      hit = entries.get(url);
    }
    if (hit != null && t.isBefore(hit.until()) && usable.test(hit.value())) {
      return hit.value();
    }
    String text = source.fetch(url);
    if (text == null) {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, what + " " + url + ": the source returned nothing");
    }
    Loaded<T> v = loader.load(text);
    Duration life = options.ttl();
    if (v.ttl() != null && v.ttl().compareTo(life) < 0) {
      life = v.ttl();
    }
    Instant until = t.plus(life);
    if (v.expires() != null && v.expires().isBefore(until)) {
      until = v.expires();
    }
    if (!life.isZero() && until.isAfter(t) && v.bytes() <= options.maxCachedBytes()) {
      put(url, new Entry<>(v.value(), until, Math.max(0, v.bytes())));
    }
    return v.value();
  }

  private synchronized void put(String url, Entry<T> e) {
    Entry<T> old = entries.put(url, e);
    bytes += e.bytes() - (old == null ? 0 : old.bytes());
    Iterator<Map.Entry<String, Entry<T>>> it = entries.entrySet().iterator();
    while ((entries.size() > options.maxCachedLists() || bytes > options.maxCachedBytes()) && it.hasNext()) {
      Map.Entry<String, Entry<T>> eldest = it.next();
      if (eldest.getKey().equals(url)) {
        continue;
      }
      bytes -= eldest.getValue().bytes();
      it.remove();
    }
  }

  /**
   * How many lists are kept (for tests).
   *
   * @return the count
   */
  public synchronized int size() {
    return entries.size();
  }
}
