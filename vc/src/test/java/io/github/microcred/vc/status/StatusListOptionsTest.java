package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.internal.status.ListCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one options value of the three status checks and their one fetch-and-cache ({@link ListCache}): the
 * options travel through every {@code with…}, the cache is bounded by lists and by bytes (least recently used
 * evicted first, a list larger than the byte bound never kept), and nothing is kept for a zero TTL or past a list's
 * expiry.
 */
class StatusListOptionsTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  final KeyPair key = KeyPair.generate(KeyType.ED25519);
  final String issuer = key.publicKey().didKey();

  @Test
  void everyCheckHoldsTheOneOptionsValueThroughItsWithMethods() {
    StatusListSource none = url -> null;
    StatusListOptions o = StatusListOptions.defaults().withTtl(Duration.ofSeconds(7)).withClock(CLOCK)
        .withMaxListBytes(4096).withCacheBounds(3, 1000);
    assertSame(o, BitstringStatusCheck.create(none).withOptions(o).options());
    assertSame(o, TokenStatusListCheck.create(none).withOptions(o).options());
    assertSame(o, RevocationListCheck.create(none).withOptions(o).options());
    TokenStatusListCheck t = TokenStatusListCheck.create(none, o);
    t = t.withOptions(t.options().withTtl(Duration.ofSeconds(9)));
    assertEquals(Duration.ofSeconds(9), t.options().ttl());
    assertEquals(4096, t.options().maxListBytes(), "a with… method keeps the other options");
    assertEquals(3, t.options().maxCachedLists());
    assertSame(CLOCK, t.options().clock());
    BitstringStatusCheck b = BitstringStatusCheck.create(none, StatusListOptions.defaults().withListVerifyOptions(
        VerifyOptions.defaults().withMaxClockSkew(Duration.ofSeconds(5))).withTtl(Duration.ZERO));
    assertEquals(Duration.ofSeconds(5), b.options().listVerifyOptions().maxClockSkew());
    assertEquals(Duration.ZERO, b.options().ttl());
    StatusListOptions d = StatusListOptions.defaults();
    assertEquals(StatusListOptions.DEFAULT_TTL, d.ttl());
    assertEquals(TokenStatusList.MAX_DECODED_BYTES, d.maxListBytes());
    assertEquals(StatusListOptions.DEFAULT_MAX_CACHED_LISTS, d.maxCachedLists());
    assertEquals(StatusListOptions.DEFAULT_MAX_CACHED_BYTES, d.maxCachedBytes());
  }

  @Test
  void badOptionsAreRefusedNamingTheOption() {
    StatusListOptions d = StatusListOptions.defaults();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withTtl(Duration.ofSeconds(-1))).getMessage()
        .contains("ttl"));
    for (int bad : new int[] {0, -1, TokenStatusList.MAX_DECODED_BYTES + 1}) {
      assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withMaxListBytes(bad)).getMessage()
          .contains("maxListBytes"));
    }
    assertThrows(IllegalArgumentException.class, () -> d.withCacheBounds(0, 10));
    assertThrows(IllegalArgumentException.class, () -> d.withCacheBounds(10, 0));
    assertThrows(NullPointerException.class, () -> d.withClock(null));
    assertThrows(NullPointerException.class, () -> d.withListVerifyOptions(null));
  }

  ObjectNode credential(String id, String list) {
    ObjectNode vc = io.github.microcred.vc.jose.JwtTestAccess.credential(issuer);
    vc.put("id", id);
    ((ArrayNode) vc.get("@context")).add(RevocationList.CONTEXT);
    vc.set("credentialStatus", RevocationList.create(list, issuer).statusEntry());
    return vc;
  }

  /** A cache bounded to {@code lists} lists never holds more, and serves the most recently used ones. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theCacheIsBoundedByListsAndEvictsTheLeastRecentlyUsed(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    int bound = 1 + random.nextInt(4);
    int urls = bound + 1 + random.nextInt(4);
    Map<String, String> published = new HashMap<>();
    for (int i = 0; i < urls; i++) {
      String url = "https://example.edu/revocations/" + i;
      published.put(url, RevocationList.create(url, issuer).toJson().toString());
    }
    Map<String, AtomicInteger> fetches = new HashMap<>();
    StatusListSource counting = url -> {
      fetches.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
      return published.get(url);
    };
    RevocationListCheck check = RevocationListCheck.create(counting).withOptions(StatusListOptions.defaults()
        .withClock(CLOCK).withCacheBounds(bound, Long.MAX_VALUE));
    // oracle: a least-recently-used list of at most `bound` URLs
    List<String> lru = new java.util.ArrayList<>();
    Map<String, Integer> expected = new HashMap<>();
    for (int step = 0; step < 60; step++) {
      String url = "https://example.edu/revocations/" + random.nextInt(urls);
      if (!lru.remove(url)) {
        expected.merge(url, 1, Integer::sum);
      }
      lru.add(url);
      if (lru.size() > bound) {
        lru.remove(0);
      }
      VerificationCheck c = check.check(credential("urn:uuid:" + step, url), NOW);
      assertEquals(VerificationCheck.Outcome.PASSED, c.outcome(), "seed " + seed + ": " + c);
      assertEquals(expected.get(url), fetches.get(url).get(), "seed " + seed + " step " + step + " " + url);
    }
  }

  @Test
  void aListLargerThanTheByteBoundIsReadEachTimeAndNothingIsKeptForAZeroTtl() throws Exception {
    String small = "https://example.edu/revocations/small";
    RevocationList big = RevocationList.create("https://example.edu/revocations/big", issuer);
    for (int i = 0; i < 50; i++) {
      big = big.revoke("urn:uuid:revoked-" + i, null);
    }
    Map<String, String> published = Map.of(small, RevocationList.create(small, issuer).toJson().toString(),
        "https://example.edu/revocations/big", big.toJson().toString());
    Map<String, AtomicInteger> fetches = new HashMap<>();
    StatusListSource counting = url -> {
      fetches.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
      return published.get(url);
    };
    long bound = published.get(small).length() + 10;
    assertTrue(published.get("https://example.edu/revocations/big").length() > bound);
    RevocationListCheck check = RevocationListCheck.create(counting).withOptions(StatusListOptions.defaults()
        .withClock(CLOCK).withCacheBounds(100, bound));
    for (int i = 0; i < 3; i++) {
      assertFalse(check.check(credential("urn:uuid:ok", small), NOW).failed());
      assertFalse(check.check(credential("urn:uuid:ok", "https://example.edu/revocations/big"), NOW).failed());
    }
    assertEquals(1, fetches.get(small).get());
    assertEquals(3, fetches.get("https://example.edu/revocations/big").get());
  }

  @Test
  void theSharedCacheKeepsNothingPastExpiryOrForAZeroTtlAndFailsClosedOnNothing() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    StatusListSource source = url -> {
      fetches.incrementAndGet();
      return url.endsWith("null") ? null : "text";
    };
    Instant[] now = {NOW};
    Clock moving = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    ListCache<String> cache = new ListCache<>("test list", source, StatusListOptions.defaults().withClock(moving)
        .withTtl(Duration.ofMinutes(10)));
    // the list's own ttl (1 min) is shorter than the options' (10 min); its expiry (30 s) is earlier still
    ListCache.Loader<String> loader = t -> new ListCache.Loaded<>(t, Duration.ofMinutes(1), NOW.plusSeconds(30), 4);
    cache.get("https://l/1", v -> true, loader);
    now[0] = NOW.plusSeconds(29);
    cache.get("https://l/1", v -> true, loader);
    assertEquals(1, fetches.get());
    now[0] = NOW.plusSeconds(30);
    cache.get("https://l/1", v -> true, loader);
    assertEquals(2, fetches.get(), "kept past its expiry");
    // a kept list the caller does not accept is fetched again
    cache.get("https://l/1", v -> false, loader);
    assertEquals(3, fetches.get());
    // an already expired list is never kept
    ListCache.Loader<String> expired = t -> new ListCache.Loaded<>(t, null, NOW, 4);
    cache.get("https://l/2", v -> true, expired);
    cache.get("https://l/2", v -> true, expired);
    assertEquals(5, fetches.get());
    ListCache<String> uncached = new ListCache<>("test list", source, StatusListOptions.defaults()
        .withTtl(Duration.ZERO));
    uncached.get("https://l/3", v -> true, loader);
    assertEquals(0, uncached.size());
    io.github.microcred.vc.VcException e = assertThrows(io.github.microcred.vc.VcException.class,
        () -> cache.get("https://l/null", v -> true, loader));
    assertEquals(io.github.microcred.vc.VcErrorCode.RESOLUTION_FAILED, e.code());
    assertTrue(e.getMessage().contains("test list https://l/null: the source returned nothing"), e.getMessage());
  }
}
