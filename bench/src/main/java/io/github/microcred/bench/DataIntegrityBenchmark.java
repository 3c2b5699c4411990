package io.github.microcred.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.Canonicalizer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Data Integrity sign + verify of an Open Badges 3.0 credential (both suites), next to the raw BouncyCastle signature
 * sign + verify of a 64/96-byte message with the same key in the same run: the ratio
 * {@code signAndVerify / rawSignAndVerify} is the figure to report (issue 15 target: at most 2 for Ed25519 and P-256,
 * {@code verify / rawVerify} at most 1.5). {@code ...GeneralPath} run the same with the compiled-context fast path off
 * (the figure before it, same run). Iron 0.14.0 does the same sign + verify of the same document in
 * {@link #ironSignAndVerify()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataIntegrityBenchmark {
  /** The key type: ED25519 (eddsa-rdfc-2022), P256 / P384 (ecdsa-rdfc-2019). */
  @Param({"ED25519", "P256", "P384"})
  public String keyType;

  private KeyPair key;
  private Cryptosuite suite;
  private ObjectNode unsigned;
  private String signed;
  private byte[] message;
  private byte[] signature;
  private Clock clock;
  private IronPeer iron;
  private JsonObject unsignedJsonP;

  /**
   * Builds the OB3 credential and the keys.
   *
   * @throws Exception if setup fails
   */
  @Setup
  public void setup() throws Exception {
    key = KeyPair.generate(KeyType.valueOf(keyType));
    suite = Cryptosuite.forKey(key.type());
    ObjectMapper m = BenchJson.MAPPER;
    unsigned = (ObjectNode) m.readTree(("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
        + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
        + "\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\","
        + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
        + "\"issuer\":{\"id\":\"" + key.publicKey().didKey() + "\",\"type\":[\"Profile\"],\"name\":\"Example U\"},"
        + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Teamwork Badge\","
        + "\"credentialSubject\":{\"id\":\"did:example:learner\",\"type\":[\"AchievementSubject\"],"
        + "\"achievement\":{\"id\":\"https://example.edu/achievements/1\",\"type\":[\"Achievement\"],"
        + "\"achievementType\":\"MicroCredential\",\"name\":\"Teamwork\",\"description\":\"Works in teams.\","
        + "\"criteria\":{\"narrative\":\"Team project with peer review.\"},\"creditsAvailable\":2.5,"
        + "\"alignment\":[{\"type\":[\"Alignment\"],\"targetName\":\"Teamwork\","
        + "\"targetUrl\":\"http://data.europa.eu/esco/skill/1\"}]}}}").getBytes(StandardCharsets.UTF_8));
    clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    signed = Credentials.sign(unsigned, key, suite).withClock(clock).getJson();
    message = new byte[key.type() == KeyType.P384 ? 96 : 64];
    signature = key.sign(message);
    iron = new IronPeer(key, clock.instant());
    unsignedJsonP = Json.createReader(new StringReader(unsigned.toString())).readObject();
    long fastBefore = Canonicalizer.pathCounts().fast();
    if (!Credentials.verify(signed).withClock(clock).get().verified()
        || Canonicalizer.pathCounts().fast() < fastBefore + 2) {
      throw new IllegalStateException("the benchmark credential does not verify on the fast path");
    }
    if (!iron.verify(iron.sign(unsignedJsonP))) {
      throw new IllegalStateException("Iron does not verify its own signature of the benchmark document");
    }
  }

  /**
   * The job of the JavaScript reference stack's driver ({@code interop/di/bench.mjs}): this benchmark's unsigned
   * credential and key, so both stacks are measured on the same document.
   *
   * @param contextsDir the directory of microcred's pinned contexts ({@code contexts.tsv})
   * @param rounds interleaved rounds
   * @param block calls per block
   * @return the job
   */
  ObjectNode jsJob(String contextsDir, int rounds, int block) {
    ObjectNode job = BenchJson.MAPPER.createObjectNode();
    job.put("contextsDir", contextsDir).put("now", clock.instant().toString()).put("rounds", rounds)
        .put("block", block);
    job.set("credential", unsigned.deepCopy());
    job.putObject("key").put("type", key.type().name()).put("publicKeyMultibase", key.publicKey().toMultibase())
        .put("secretKeyMultibase", key.secretKeyMultibase(SecretKeyAccess.get()));
    return job;
  }

  /**
   * Data Integrity sign then verify.
   *
   * @return whether it verified (consumed by JMH)
   * @throws VcException never for this input
   */
  @Benchmark
  public boolean signAndVerify() throws VcException {
    String s = Credentials.sign(unsigned, key, suite).withClock(clock).getJson();
    return Credentials.verify(s).withClock(clock).get().verified();
  }

  /**
   * Data Integrity verify only.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean verify() {
    return Credentials.verify(signed).withClock(clock).get().verified();
  }

  /**
   * Data Integrity sign then verify on the general titanium path (the fast path off for this call): the figure
   * before the compiled-context fast path, in the same run.
   *
   * @return whether it verified
   * @throws VcException never for this input
   */
  @Benchmark
  public boolean signAndVerifyGeneralPath() throws VcException {
    Canonicalizer.setFastPathEnabled(false);
    try {
      return signAndVerify();
    } finally {
      Canonicalizer.setFastPathEnabled(true);
    }
  }

  /**
   * Data Integrity verify only, on the general titanium path.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean verifyGeneralPath() {
    Canonicalizer.setFastPathEnabled(false);
    try {
      return verify();
    } finally {
      Canonicalizer.setFastPathEnabled(true);
    }
  }

  /**
   * The same operation with Iron 0.14.0 (its eddsa-rdfc-2022 / ecdsa-rdfc-2019 suite, same key, same document, same
   * pinned contexts): sign, then verify what it signed.
   *
   * @return whether Iron verified its own signature
   */
  @Benchmark
  public boolean ironSignAndVerify() {
    return iron.verify(iron.sign(unsignedJsonP));
  }

  /**
   * The baseline: raw BouncyCastle signature and verification of the hash-sized message.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean rawSignAndVerify() {
    byte[] sig = key.sign(message);
    return key.publicKey().verify(message, sig);
  }

  /**
   * The baseline for verify: raw BouncyCastle verification.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean rawVerify() {
    return key.publicKey().verify(message, signature);
  }
}
