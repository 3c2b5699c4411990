package io.github.microcred.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.BulkProgress;
import io.github.microcred.vc.BulkSigned;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk issuance throughput on all cores: {@code signAll} ({@link Credentials#signAll}, 256 distinct OB3 credentials
 * per call, Data Integrity) in credentials per second, next to {@code rawSignParallel} (256 raw BouncyCastle
 * signatures of hash-sized messages, in parallel on the common pool) in signatures per second, same key, same run.
 * The ratio printed by {@code Ratios} is throughput over throughput: the share of raw signing speed bulk issuance
 * keeps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class BulkSigningBenchmark {
  private static final int N = 256;

  /** The key type: ED25519 (eddsa-rdfc-2022) or P256 (ecdsa-rdfc-2019). */
  @Param({"ED25519", "P256"})
  public String keyType;

  private KeyPair key;
  private Cryptosuite suite;
  private List<String> documents;
  private byte[][] messages;

  /**
   * Builds 256 credentials that differ in id, subject and name.
   *
   * @throws Exception if setup fails
   */
  @Setup
  public void setup() throws Exception {
    key = KeyPair.generate(KeyType.valueOf(keyType));
    suite = Cryptosuite.forKey(key.type());
    ObjectMapper m = BenchJson.MAPPER;
    documents = new ArrayList<>();
    messages = new byte[N][];
    for (int i = 0; i < N; i++) {
      ObjectNode c = (ObjectNode) m.readTree("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
          + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
          + "\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-" + String.format("%012d", i) + "\","
          + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
          + "\"issuer\":{\"id\":\"" + key.publicKey().didKey() + "\",\"type\":[\"Profile\"],\"name\":\"Example U\"},"
          + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Teamwork Badge " + i + "\","
          + "\"credentialSubject\":{\"id\":\"did:example:learner" + i + "\",\"type\":[\"AchievementSubject\"],"
          + "\"achievement\":{\"id\":\"https://example.edu/achievements/1\",\"type\":[\"Achievement\"],"
          + "\"achievementType\":\"MicroCredential\",\"name\":\"Teamwork\",\"description\":\"Works in teams.\","
          + "\"criteria\":{\"narrative\":\"Team project with peer review.\"},\"creditsAvailable\":2.5}}}");
      documents.add(c.toString());
      messages[i] = new byte[key.type() == KeyType.P384 ? 96 : 64];
      messages[i][0] = (byte) i;
    }
    try (Stream<BulkSigned> s = Credentials.signAll(documents.stream(), key, suite, BulkProgress.NONE)) {
      if (s.filter(BulkSigned::isSigned).count() != N) {
        throw new IllegalStateException("the benchmark documents do not all sign");
      }
    }
  }

  /**
   * Signs the 256 credentials with {@link Credentials#signAll}.
   *
   * @return how many were signed
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public long signAll() {
    try (Stream<BulkSigned> s = Credentials.signAll(documents.stream(), key, suite, BulkProgress.NONE)) {
      return s.filter(BulkSigned::isSigned).count();
    }
  }

  /**
   * The baseline: 256 raw signatures in parallel.
   *
   * @return a checksum of the signatures
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public long rawSignParallel() {
    return IntStream.range(0, N).parallel().mapToLong(i -> key.sign(messages[i])[0]).sum();
  }
}
