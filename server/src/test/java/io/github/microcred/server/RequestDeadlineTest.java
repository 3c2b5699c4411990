package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-request deadline against slow-drip clients on raw sockets: a client that sends a byte every 20 ms is
 * never idle, so only a deadline over the whole request (here a tiny one, 300 ms, and 5 s for the TLS server; the
 * idle timeout stays 30 s)
 * ends it. The outcome is asserted (408 and a closed connection, or a closed connection), never a duration: each
 * socket's read timeout (20 s) is only there so that a missing deadline fails the test instead of hanging it.
 */
class RequestDeadlineTest {
  static final String TOKEN = "deadline-api-token-0123456789";
  static final Duration DEADLINE = Duration.ofMillis(300);
  static final KeyPair ED = KeyPair.generate(KeyType.ED25519);
  static VcApiServer plain;
  static VcApiServer tls;

  @BeforeAll
  static void start() throws Exception {
    plain = VcApiServer.start(ServerConfig.builder().tls(false).token(TOKEN)
        .issuer(ServerConfig.Issuer.dataIntegrity(ED)).requestDeadline(DEADLINE).build());
    // 5 s: a real handshake on a loaded machine may take longer than 300 ms, and the deadline counts it
    tls = VcApiServer.start(ServerConfig.builder().token(TOKEN).issuer(ServerConfig.Issuer.dataIntegrity(ED))
        .requestDeadline(Duration.ofSeconds(5)).build());
  }

  @AfterAll
  static void stop() {
    plain.close();
    tls.close();
  }

  @Test
  void aBodyDrippedPastTheDeadlineIs408AndItsConnectionClosed() throws Exception {
    try (Socket s = socket(plain)) {
      s.getOutputStream().write(("POST /credentials/verify HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"verifiableCredential\":")
          .getBytes(StandardCharsets.US_ASCII));
      try (Drip drip = new Drip(s.getOutputStream(), (byte) ' ')) {
        Answer a = Answer.read(s.getInputStream());
        assertEquals(408, a.status(), a.toString());
        assertEquals("close", a.headers().get("connection"), a.toString());
        assertEquals("urn:microcred:problem:request-timeout", a.body().path("type").asText(), a.toString());
        assertTrue(a.body().path("detail").asText().contains("300 ms"), a.toString());
        assertClosed(s.getInputStream());
      }
    }
    assertStillServes(plain);
  }

  @Test
  void aRefusedRequestWhoseBodyDripsIsAnsweredAndItsConnectionClosed() throws Exception {
    // 401 is decided before the body; draining the unread body is bounded by the same deadline
    try (Socket s = socket(plain)) {
      s.getOutputStream().write(("POST /credentials/issue HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      try (Drip drip = new Drip(s.getOutputStream(), (byte) ' ')) {
        Answer a = Answer.read(s.getInputStream());
        assertEquals(401, a.status(), a.toString());
        assertEquals("close", a.headers().get("connection"), a.toString());
        assertClosed(s.getInputStream());
      }
    }
  }

  @Test
  void headersDrippedPastTheDeadlineCloseTheConnection() throws Exception {
    try (Socket s = socket(plain)) {
      s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
          .getBytes(StandardCharsets.US_ASCII));
      try (Drip drip = new Drip(s.getOutputStream(), (byte) 'a')) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertClosed(s.getInputStream(), got);
        assertEquals("", got.toString(StandardCharsets.US_ASCII), "nothing is answered to headers never ended");
      }
    }
    assertStillServes(plain);
  }

  @Test
  void aDrippedTlsHandshakeIsClosed() throws Exception {
    try (Socket s = socket(tls)) {
      // a TLS handshake record header announcing 16 KiB, then its bytes one at a time: the TLS layer waits for the
      // whole record, and no idle timeout fires while bytes keep coming
      s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x40, 0x00, 0x01});
      try (Drip drip = new Drip(s.getOutputStream(), (byte) 0)) {
        assertClosed(s.getInputStream());
      }
    }
    Http http = new Http(tls, TOKEN);
    assertEquals(200, http.get(tls.uri().resolve("/health")).status());
  }

  @Test
  void aKeptAliveConnectionOutlivesTheDeadlineBetweenRequests() throws Exception {
    try (Socket s = socket(plain)) {
      for (int i = 0; i < 2; i++) {
        s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        Answer a = Answer.read(s.getInputStream());
        assertEquals(200, a.status(), a.toString());
        assertEquals("ok", a.body().path("status").asText(), a.toString());
        if (i == 0) {
          Thread.sleep(4 * DEADLINE.toMillis()); // idle between requests: the idle timeout's (30 s), not the deadline's
        }
      }
    }
  }

  @Test
  void theDeadlineIsConfiguredByFileAndEnvironmentAndChecked(@TempDir Path dir) throws Exception {
    assertEquals(ServerConfig.DEFAULT_REQUEST_DEADLINE, ServerConfig.builder().build().requestDeadline());
    Path f = dir.resolve("server.json");
    Files.writeString(f, "{\"requestDeadlineSeconds\": 12}");
    assertEquals(Duration.ofSeconds(12), ServerConfig.read(f).build().requestDeadline());
    assertEquals(Duration.ofSeconds(7), ServerConfig.read(f)
        .environment(Map.of("MCRED_SERVER_REQUEST_DEADLINE_SECONDS", "7")).build().requestDeadline());
    Files.writeString(f, "{\"requestDeadlineSeconds\": 0}");
    ServerException zero = org.junit.jupiter.api.Assertions.assertThrows(ServerException.class,
        () -> ServerConfig.read(f));
    assertTrue(zero.getMessage().contains("$.requestDeadlineSeconds"), zero.getMessage());
    ServerException env = org.junit.jupiter.api.Assertions.assertThrows(ServerException.class,
        () -> ServerConfig.builder().environment(Map.of("MCRED_SERVER_REQUEST_DEADLINE_SECONDS", "soon")));
    assertTrue(env.getMessage().contains("MCRED_SERVER_REQUEST_DEADLINE_SECONDS"), env.getMessage());
    assertTrue(ServerConfig.ENVIRONMENT.contains("MCRED_SERVER_REQUEST_DEADLINE_SECONDS"));
  }

  private static void assertStillServes(VcApiServer server) throws Exception {
    try (Socket s = socket(server)) {
      s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      assertEquals(200, Answer.read(s.getInputStream()).status());
    }
  }

  private static Socket socket(VcApiServer server) throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    s.setSoTimeout(20_000); // far beyond the deadline: reached only when the deadline is not enforced
    return s;
  }

  private static void assertClosed(InputStream in) throws IOException {
    assertClosed(in, new ByteArrayOutputStream());
  }

  /** Reads to the end: the server closed the connection (end of stream, or a reset since the drip still writes). */
  private static void assertClosed(InputStream in, ByteArrayOutputStream got) throws IOException {
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        got.write(buf, 0, n);
      }
    } catch (SocketTimeoutException e) {
      fail("the connection was not closed by the deadline: still open after the socket's 20 s read timeout");
    } catch (SocketException e) {
      // reset: closed by the server while the drip was writing
    }
  }

  /** Writes one byte every 20 ms on its own thread until closed or the connection fails. */
  static final class Drip implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    Drip(OutputStream out, byte b) {
      thread = new Thread(() -> {
        try {
          while (!stop.get()) {
            out.write(b);
            out.flush();
            Thread.sleep(20);
          }
        } catch (IOException | InterruptedException e) {
          // closed
        }
      }, "drip");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join(5_000);
      assertFalse(thread.isAlive());
    }
  }

  /** An HTTP/1.1 response read from a socket: status, lower-cased headers, JSON body (by Content-Length). */
  record Answer(int status, Map<String, String> headers, JsonNode body) {
    static Answer read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int state = 0;
      while (state < 4) {
        int c = in.read();
        if (c < 0) {
          fail("the connection closed before a response: " + head.toString(StandardCharsets.US_ASCII));
        }
        head.write(c);
        state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1
            : c == '\r' ? 1 : 0;
      }
      String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
      Map<String, String> headers = new java.util.HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).strip().toLowerCase(Locale.ROOT).equals("close") ? "close"
                  : lines[i].substring(colon + 1).strip());
        }
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
          Http.JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.US_ASCII) : body));
    }
  }
}
