package io.github.microcred.vc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote fetches' one reader against a server on 127.0.0.1 (plain HTTP: the reader does not care for the scheme;
 * {@code DidResolvers.web} and {@code ContextLoader} add https and their host lists): a body dripped a byte at a time
 * is cut at the whole-exchange deadline (a request timeout would have waited for each byte anew), an oversized body
 * is cut at the bound, a good one is returned whole. No timed assertion: the outcome is checked, not the time.
 */
class BoundedFetchTest {
  static HttpServer server;
  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", x -> {
      byte[] b = "{\"id\":\"did:web:example.com\"}".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, b.length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(b);
      }
    });
    server.createContext("/drip", x -> {
      // headers at once, then one byte every 50 ms until released: 10,000 bytes would take over 8 minutes
      x.sendResponseHeaders(200, 0);
      try (OutputStream o = x.getResponseBody()) {
        for (int i = 0; i < 10_000 && RELEASE.getCount() > 0; i++) {
          o.write(' ');
          o.flush();
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      } catch (IOException e) {
        // the client went away: expected
      }
    });
    server.createContext("/big", x -> {
      x.sendResponseHeaders(200, 0);
      try (OutputStream o = x.getResponseBody()) {
        byte[] kb = new byte[1024];
        for (int i = 0; i < 4096; i++) {
          o.write(kb);
        }
      } catch (IOException e) {
        // the client stopped reading: expected
      }
    });
    server.createContext("/missing", x -> {
      x.sendResponseHeaders(404, -1);
      x.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "bounded-fetch-test");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  @AfterAll
  static void stop() {
    RELEASE.countDown();
    server.stop(0);
  }

  static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
        .timeout(Duration.ofSeconds(30)).GET().build();
  }

  @Test
  void aCompleteBodyWithinTheBoundsIsReturned() throws Exception {
    BoundedFetch.Response r = BoundedFetch.get(HTTP, get("/ok"), 1 << 10, Duration.ofSeconds(20));
    assertEquals(200, r.status());
    assertArrayEquals("{\"id\":\"did:web:example.com\"}".getBytes(StandardCharsets.UTF_8), r.body());
    assertEquals(404, BoundedFetch.get(HTTP, get("/missing"), 1 << 10, Duration.ofSeconds(20)).status());
  }

  @Test
  void aDrippedBodyIsCutAtTheWholeExchangeDeadline() {
    // the request timeout (30 s) is met by the headers; only the whole-exchange deadline ends the drip
    IOException e = assertThrows(IOException.class,
        () -> BoundedFetch.get(HTTP, get("/drip"), 1 << 20, Duration.ofMillis(700)));
    assertTrue(e.getMessage().contains("no complete response within 700 ms"), e::getMessage);
  }

  @Test
  void anOversizedBodyIsCutAtTheBound() {
    IOException e = assertThrows(BoundedFetch.TooLarge.class,
        () -> BoundedFetch.get(HTTP, get("/big"), 1 << 20, Duration.ofSeconds(20)));
    assertTrue(e.getMessage().contains("larger than 1048576 bytes"), e::getMessage);
  }
}
