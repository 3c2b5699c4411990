package io.github.microcred.spark.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What each executor JVM builds once from a broadcast value (compiled rules, verify options with decoded status
 * lists), keyed by the broadcast content's digest, so every task of the executor reuses it.
 */
public final class ExecutorCache {
  private static final int MAX = 64;
  private static final ConcurrentHashMap<String, Object> CACHE = new ConcurrentHashMap<>();
  private static final AtomicLong BUILDS = new AtomicLong();

  private ExecutorCache() {}

  /**
   * The value built from a key, built on first use in this JVM.
   *
   * @param <T> the value type
   * @param key the digest of what the value is built from
   * @param build builds it
   * @return the value
   */
  @SuppressWarnings("unchecked")
  public static <T> T get(String key, Function<String, T> build) {
    Object v = CACHE.get(key);
    if (v == null) {
      if (CACHE.size() >= MAX) {
        CACHE.clear(); // a long-lived executor serving many jobs: bounded, rebuilt on demand
      }
      v = CACHE.computeIfAbsent(key, k -> {
        BUILDS.incrementAndGet();
        return build.apply(k);
      });
    }
    return (T) v;
  }

  /**
   * How many values this JVM has built so far (what a test reads to see that a broadcast is compiled once per
   * executor, not once per task).
   *
   * @return the count
   */
  public static long builds() {
    return BUILDS.get();
  }

  /**
   * The SHA-256 of the parts, hex, as a cache key.
   *
   * @param parts the content
   * @return the digest
   */
  public static String digest(Iterable<String> parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
