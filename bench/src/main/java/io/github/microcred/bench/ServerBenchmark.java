package io.github.microcred.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.server.ServerConfig;
import io.github.microcred.server.ServerException;
import io.github.microcred.server.VcApiServer;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The VC-API service's cost over HTTP: {@code httpIssueVerify} posts a credential to {@code /credentials/issue}
 * (Ed25519, eddsa-rdfc-2022, bearer token) on loopback and the issued credential to {@code /credentials/verify}
 * with the JDK {@code HttpClient}, {@code httpKeepAliveIssueVerify} the same with a blocking client on one kept-alive
 * connection ({@link KeepAliveClient}, the way a load generator measures a service);
 * {@code baselineInProcess} makes the same library calls in the same JVM: the signature, the issuer's own check of
 * what it signed, and the verification. Report {@code httpIssueVerify / baselineInProcess} (median; the target,
 * HTTP throughput at least 0.7 of in-process, is a time ratio of at most 1.43) and the p99 of both (JMH prints the
 * percentiles in sample mode). Plain HTTP on 127.0.0.1: TLS is a deployment choice measured apart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServerBenchmark {
  private static final ObjectMapper JSON = BenchJson.MAPPER;
  private static final String TOKEN = "bench-token-0123456789abcdef";

  private KeyPair key;
  private VcApiServer server;
  private HttpClient client;
  private URI issue;
  private URI verify;
  private ObjectNode credential;
  private String issueBody;
  private byte[] issueBytes;
  private KeepAliveClient keepAlive;

  /**
   * Starts the service on an ephemeral loopback port.
   *
   * @throws ServerException when it cannot start
   */
  @Setup
  public void setup() throws ServerException {
    key = KeyPair.generate(KeyType.ED25519);
    server = VcApiServer.start(ServerConfig.builder().tls(false).token(TOKEN)
        .issuer(ServerConfig.Issuer.dataIntegrity(key)).build());
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    issue = server.uri().resolve("/credentials/issue");
    verify = server.uri().resolve("/credentials/verify");
    credential = JSON.createObjectNode();
    credential.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    credential.putArray("type").add("VerifiableCredential");
    credential.put("issuer", key.publicKey().didKey()).put("validFrom", "2026-01-01T00:00:00Z");
    credential.putObject("credentialSubject").put("id", "did:example:learner").put("name", "Ada Lovelace");
    ObjectNode body = JSON.createObjectNode();
    body.set("credential", credential);
    issueBody = body.toString();
    issueBytes = issueBody.getBytes(StandardCharsets.UTF_8);
    try {
      keepAlive = new KeepAliveClient(server.uri());
    } catch (IOException e) {
      server.close();
      throw new IllegalStateException("cannot connect to the service: " + e.getMessage(), e);
    }
  }

  /** Stops the service. */
  @TearDown
  public void tearDown() {
    try {
      keepAlive.close();
    } catch (IOException e) {
      // closing anyway
    }
    server.close();
  }

  /**
   * Issue then verify over HTTP with a blocking HTTP/1.1 client on one kept-alive connection
   * ({@link KeepAliveClient}): the service's own cost, without the JDK {@code HttpClient}'s thread hand-offs.
   *
   * @return whether it verified
   * @throws IOException on a transport failure
   */
  @Benchmark
  public boolean httpKeepAliveIssueVerify() throws IOException {
    KeepAliveClient.Answer issued = keepAlive.post("/credentials/issue", issueBytes, TOKEN);
    if (issued.status() != 201) {
      throw new IllegalStateException("issue: " + issued.status() + " " + issued.text());
    }
    JsonNode vc = JSON.readTree(issued.body()).get("verifiableCredential");
    ObjectNode req = JSON.createObjectNode();
    req.set("verifiableCredential", vc);
    KeepAliveClient.Answer verified = keepAlive.post("/credentials/verify", JSON.writeValueAsBytes(req), null);
    if (verified.status() != 200) { // 200 only when verified (422 otherwise)
      throw new IllegalStateException("verify: " + verified.status() + " " + verified.text());
    }
    return true;
  }

  /**
   * Issue then verify over HTTP.
   *
   * @return whether it verified
   * @throws IOException on a transport failure
   * @throws InterruptedException when interrupted
   */
  @Benchmark
  public boolean httpIssueVerify() throws IOException, InterruptedException {
    HttpResponse<String> issued = client.send(HttpRequest.newBuilder(issue).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(issueBody)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (issued.statusCode() != 201) {
      throw new IllegalStateException("issue: " + issued.statusCode() + " " + issued.body());
    }
    JsonNode vc = JSON.readTree(issued.body()).get("verifiableCredential");
    ObjectNode req = JSON.createObjectNode();
    req.set("verifiableCredential", vc);
    HttpResponse<String> verified = client.send(HttpRequest.newBuilder(verify)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(req.toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (verified.statusCode() != 200) { // 200 only when verified (422 otherwise)
      throw new IllegalStateException("verify: " + verified.statusCode() + " " + verified.body());
    }
    return true;
  }

  /**
   * The same calls in process: sign, the issuer's self-check, verify.
   *
   * @return whether it verified
   * @throws VcException never
   */
  @Benchmark
  public boolean baselineInProcess() throws VcException {
    ObjectNode signed = Credentials.sign(credential, key, Cryptosuite.EDDSA_RDFC_2022).get();
    VerificationResult self = Credentials.verify(signed).get();
    if (!self.passed(CheckName.PROOF)) {
      throw new IllegalStateException(self.toString());
    }
    VerificationResult r = Credentials.verify(signed).get();
    if (!r.verified()) {
      throw new IllegalStateException(r.toString());
    }
    return true;
  }
}
