package io.github.microcred.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.BitstringStatusList;
import io.github.microcred.vc.status.StatusListOptions;
import io.github.microcred.vc.status.StatusListSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Status checks on a 1,048,576-entry list and a 131,072-entry list (1 % revoked). {@code decodeList} is the one-off cost (GZIP + base64url);
 * {@code cachedStatusCheck} is a full {@link BitstringStatusCheck} of a credential once the list is cached, which
 * must be O(1) and independent of the list size: compare it with {@code baselineBitLookup} (a bare array read in
 * the same run) rather than with {@code decodeList}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatusListBenchmark {
  /** List size: the minimum (131,072) and 1,048,576 entries; the cached check must not depend on it. */
  @Param({"131072", "1048576"})
  public int entries;

  static final String URL = "https://example.edu/status/big";

  private String encoded;
  private BitstringStatusList decoded;
  private BitstringStatusCheck check;
  private ObjectNode[] credentials;
  private long[] indexes;
  private byte[] raw;
  private int next;
  private Instant now;

  /**
   * Builds and publishes the list (signed vc+jwt), primes the cache.
   *
   * @throws VcException never
   */
  @Setup
  public void setup() throws VcException {
    SplittableRandom rnd = new SplittableRandom(7);
    Map<Long, Integer> revoked = new HashMap<>();
    for (int i = 0; i < entries / 100; i++) {
      revoked.put((long) rnd.nextInt(entries), 1);
    }
    decoded = BitstringStatusList.of(entries, 1, revoked);
    encoded = decoded.encode();
    raw = decoded.toBytes();
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    String issuer = key.publicKey().didKeyVerificationMethod().split("#")[0];
    ObjectNode list = new ObjectMapper().createObjectNode();
    list.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    list.put("id", URL);
    list.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
    list.put("issuer", issuer);
    list.put("validFrom", "2026-01-01T00:00:00Z");
    list.putObject("credentialSubject").put("id", URL + "#list").put("type", "BitstringStatusList")
        .put("statusPurpose", "revocation").put("encodedList", encoded);
    now = Instant.parse("2026-06-01T12:00:00Z");
    String published = VcJwt.sign(list, key)
        .withClock(Clock.fixed(now.minusSeconds(3600), ZoneOffset.UTC)).get();
    check = BitstringStatusCheck.create(StatusListSource.offline(Map.of(URL, published)),
        StatusListOptions.defaults().withTtl(Duration.ofDays(365)));
    credentials = new ObjectNode[1024];
    indexes = new long[1024];
    for (int i = 0; i < credentials.length; i++) {
      indexes[i] = rnd.nextInt(entries);
      ObjectNode c = new ObjectMapper().createObjectNode();
      c.put("issuer", issuer);
      c.putObject("credentialStatus").put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
          .put("statusListIndex", Long.toString(indexes[i])).put("statusListCredential", URL);
      credentials[i] = c;
    }
    VerificationCheck first = check.check(credentials[0], now); // fetch, verify, decode and cache once
    if (first.failed()) {
      throw new IllegalStateException("the benchmark list does not verify: " + first);
    }
  }

  /**
   * One-off: decode the list.
   *
   * @return the list
   * @throws VcException never
   */
  @Benchmark
  public BitstringStatusList decodeList() throws VcException {
    return BitstringStatusList.decode(encoded, 1);
  }

  /**
   * A full status check against the cached list.
   *
   * @return the check
   */
  @Benchmark
  public VerificationCheck cachedStatusCheck() {
    next = (next + 1) & 1023;
    return check.check(credentials[next], now);
  }

  /**
   * A lookup on the decoded list.
   *
   * @return the status
   * @throws VcException never
   */
  @Benchmark
  public int decodedLookup() throws VcException {
    next = (next + 1) & 1023;
    return decoded.status(indexes[next]);
  }

  /**
   * Baseline: a bare bit read from a byte array.
   *
   * @return the bit
   */
  @Benchmark
  public int baselineBitLookup() {
    next = (next + 1) & 1023;
    long i = indexes[next];
    return (raw[(int) (i >>> 3)] >> (7 - (int) (i & 7))) & 1;
  }
}
