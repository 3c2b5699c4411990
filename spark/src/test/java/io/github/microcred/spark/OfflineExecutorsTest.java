package io.github.microcred.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.stacking.Rules;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No network from executors, shown directly, by two recorders that see every connection attempt in this JVM (in
 * local mode the executors are its threads): a listening socket on 127.0.0.1 that every URL in the tempting
 * credentials points at (an {@code https:} issuer that was not broadcast, a {@code did:web} issuer, a status list
 * that was not broadcast, a {@code @context} that is not pinned), which counts each connection it accepts, even
 * one from a client told to use no proxy; and a default {@link ProxySelector} that records what every
 * {@code java.net} URL connection, socket and {@code java.net.http.HttpClient} built without a proxy of its own (as
 * vc's remote context and DID loaders build theirs) asks for, for any host (it answers with a proxy on
 * 127.0.0.1:9 that is not there, so an attempt fails rather than reaches out). A probe
 * task first proves that both see a connection an executor opens; then a verification of those credentials and an
 * audit record none.
 */
class OfflineExecutorsTest {
  static final long SEED = 0x18_0ff1L;

  /** What the selector was asked, and the selector itself (the default while a test runs). */
  static final class Recorder extends ProxySelector {
    final List<URI> asked = new CopyOnWriteArrayList<>();

    @Override
    public List<Proxy> select(URI uri) {
      asked.add(uri);
      return List.of(new Proxy(Proxy.Type.HTTP, new java.net.InetSocketAddress("127.0.0.1", 9)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException e) {
      // recorded in select
    }
  }

  /** A listening socket on 127.0.0.1 that counts (and closes) every connection it accepts. */
  static final class Trap implements AutoCloseable {
    final java.net.ServerSocket socket;
    final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

    Trap() throws IOException {
      socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> {
        while (!socket.isClosed()) {
          try (java.net.Socket c = socket.accept()) {
            accepted.incrementAndGet();
            answer(c);
          } catch (IOException e) {
            // closed
          }
        }
      }, "offline-trap");
      t.setDaemon(true);
      t.start();
    }

    /**
     * Reads the request's head and answers 204, so that a client's request completes on this one connection (an
     * HttpClient retries a GET once on a connection closed without an answer, which would be counted twice).
     */
    static void answer(java.net.Socket c) throws IOException {
      c.setSoTimeout(5000);
      java.io.InputStream in = c.getInputStream();
      int seen = 0; // how much of "\r\n\r\n" was just read
      while (seen < 4) {
        int b = in.read();
        if (b == -1) {
          return;
        }
        seen = b == (seen % 2 == 0 ? '\r' : '\n') ? seen + 1 : b == '\r' ? 1 : 0;
      }
      c.getOutputStream().write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      c.getOutputStream().flush();
    }

    String base() {
      return "127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /**
   * An executor task that sends a request to the trap with an {@code HttpClient} (as vc's remote loaders build
   * one), through the default proxy selector or, {@code direct}, with none (which only the trap sees).
   */
  static String knock(String base, boolean direct) {
    try {
      java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder()
          .connectTimeout(java.time.Duration.ofSeconds(5));
      (direct ? b.proxy(java.net.http.HttpClient.Builder.NO_PROXY) : b).build()
          .send(java.net.http.HttpRequest.newBuilder(URI.create("http://" + base + "/probe")).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
      return "answered";
    } catch (IOException e) {
      return "closed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** An executor task that opens a URL connection, to show that the proxy recorder sees one. */
  static String probe(long i) {
    try {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) new URI("http://probe" + i + ".invalid/")
          .toURL().openConnection();
      c.setConnectTimeout(2000);
      c.connect();
      c.disconnect();
      return "connected";
    } catch (IOException | java.net.URISyntaxException e) {
      return "failed: " + e.getClass().getSimpleName();
    }
  }

  @Test
  void executorsOpenNoConnectionWhileVerifyingAndAuditing(@TempDir Path dir) throws Exception {
    System.out.println("OfflineExecutorsTest seed " + Long.toHexString(SEED));
    var spark = LocalSpark.get();
    try (Trap trap = new Trap()) {
    // the credentials (signed here, on the driver, before the recorders are in place); every URL points at the trap
    SparkVerifyTest v = new SparkVerifyTest();
    String list2 = "http://" + trap.base() + "/status/not-broadcast";
    v.manager.createList(StatusListDefinition.revocation(SparkVerifyTest.LIST));
    v.manager.createList(StatusListDefinition.revocation(list2));
    List<String> lines = new ArrayList<>();
    for (int k = 0; k <= 10; k++) {
      lines.add(k == 9 ? v.di(v.credential("https://" + trap.base() + "/issuer", k, null), v.uniKey,
          "https://" + trap.base() + "/issuer#key-1") : v.make(k, k)); // 9: an https: issuer nobody broadcast
    }
    StatusEntry e = v.manager.allocate(list2);
    lines.add(v.di(v.withStatus(v.credential(v.issuer, 20, null), e), v.didKey, null));
    String didWeb = "did:web:" + trap.base().replace(":", "%3A");
    lines.add(v.di(v.credential(didWeb, 21, null), v.uniKey, didWeb + "#key-1"));
    ObjectNode unpinned = (ObjectNode) SparkVerifyTest.JSON.readTree(v.di(v.credential(v.issuer, 22, null),
        v.didKey, null));
    ((com.fasterxml.jackson.databind.node.ArrayNode) unpinned.get("@context"))
        .add("http://" + trap.base() + "/contexts/not-pinned/v1");
    lines.add(unpinned.toString());
    Path credentials = dir.resolve("credentials.txt");
    Files.write(credentials, lines, StandardCharsets.UTF_8);
    String list = v.manager.publishJwt(SparkVerifyTest.LIST, v.didKey, SparkVerifyTest.NOW.minusSeconds(60));
    Path transcripts = SparkAuditTest.write(dir, SEED, 500);
    List<Rules> rules = SparkAuditTest.sortedRules();

    Recorder recorder = new Recorder();
    ProxySelector before = ProxySelector.getDefault();
    ProxySelector.setDefault(recorder);
    List<VerifyRow> verified;
    long audited;
    try {
      // the recorder sees what an executor asks for
      List<String> probed = spark.range(2).map((MapFunction<Long, String>) OfflineExecutorsTest::probe,
          Encoders.STRING()).collectAsList();
      assertEquals(List.of("failed: ConnectException", "failed: ConnectException"), probed);
      assertEquals(2, recorder.asked.stream().filter(u -> u.getHost().endsWith(".invalid")).count(),
          "the probe's connections were not seen: " + recorder.asked);
      recorder.asked.clear();
      String base = trap.base();
      // an HttpClient built as vc's loaders build theirs asks the default selector
      List<String> knocked = spark.range(1).map((MapFunction<Long, String>) i -> knock(base, false),
          Encoders.STRING()).collectAsList();
      assertEquals(List.of("closed"), knocked);
      assertEquals(1, recorder.asked.size(), recorder.asked.toString());
      assertEquals(trap.socket.getLocalPort(), recorder.asked.get(0).getPort(), recorder.asked.toString());
      recorder.asked.clear();
      // one with no proxy at all reaches the trap, which counts it (before it answers)
      assertEquals(List.of("answered"), spark.range(1).map((MapFunction<Long, String>) i -> knock(base, true),
          Encoders.STRING()).collectAsList());
      assertEquals(1, trap.accepted.get(), "the trap did not see the executor's connection");
      assertEquals(List.of(), recorder.asked, "a NO_PROXY client asked the selector: " + recorder.asked);
      trap.accepted.set(0);

      verified = SparkCredentials.verifier(SparkVerifyTest.NOW)
          .withControllerDocument(v.uniDoc.toJson().toString()).withStatusList(list)
          .verify(SparkCredentials.lines(spark, credentials.toString())).collectAsList().stream()
          .map(VerifyRow::of).toList();
      audited = SparkStacking.auditor(rules).withAsOf(Generated.AS_OF)
          .audit(SparkStacking.jsonLines(spark, transcripts.toString())).count();
    } finally {
      ProxySelector.setDefault(before);
    }
    assertEquals(List.of(), recorder.asked, "an executor asked for a connection");
    assertEquals(0, trap.accepted.get(), "an executor connected to " + trap.base());
    assertEquals(lines.size(), verified.size());
    assertEquals(1000, audited);
    java.util.Map<String, VerifyRow> byId = new java.util.HashMap<>();
    verified.forEach(r -> byId.put(r.id(), r));
    // what would have needed a fetch fails instead: an unknown https: issuer, did:web, an unbroadcast list, a context
    for (int line : new int[] {10, 12, 13, 14}) {
      VerifyRow r = byId.get("line:" + line);
      assertFalse(r.verified(), "line " + line + ": " + r);
    }
    assertTrue(byId.get("line:12").failures().stream().anyMatch(f -> f.check().equals("STATUS")),
        byId.get("line:12").toString());
    assertTrue(byId.get("line:1").verified(), byId.get("line:1").toString());
    }
  }
}
