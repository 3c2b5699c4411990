package io.github.microcred.server;

import io.github.microcred.server.internal.AccessLog;
import io.github.microcred.server.internal.ApiHandler;
import io.github.microcred.server.internal.RequestDeadline;
import io.github.microcred.server.internal.SelfSignedCertificate;
import io.github.microcred.server.internal.StatusService;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.StatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running W3C VC-API service (embedded Jetty 12): {@code POST /credentials/issue} (bearer token required),
 * {@code POST /credentials/verify}, {@code POST /presentations/verify}, {@code GET /health}, {@code GET /version}.
 * HTTPS by default, with a self-signed certificate for the configured host generated at start. Close it to stop
 * (graceful: requests in flight finish, up to 5 s).
 *
 * <pre>{@code
 * try (VcApiServer s = VcApiServer.start(ServerConfig.builder().issuer(Issuer.dataIntegrity(key))
 *     .token(token).build())) {
 *   URI issue = s.uri().resolve("/credentials/issue");
 * }
 * }</pre>
 */
public final class VcApiServer implements AutoCloseable {
  private final Server jetty;
  private final ServerConnector connector;
  private final ServerConfig config;

  private final StatusService status;
  private final AccessLog log;
  private final GracefulHandler graceful;
  private boolean closed;

  private VcApiServer(Server jetty, ServerConnector connector, ServerConfig config, StatusService status,
      AccessLog log, GracefulHandler graceful) {
    this.jetty = jetty;
    this.connector = connector;
    this.config = config;
    this.status = status;
    this.log = log;
    this.graceful = graceful;
  }

  /**
   * How many requests are being handled now.
   *
   * @return the count
   */
  public long inFlight() {
    return graceful.getCurrentRequestCount();
  }

  /**
   * Starts the service.
   *
   * @param config the configuration
   * @return the running service
   * @throws ServerException {@link ServerErrorCode#START_FAILED} when it cannot listen or set up TLS
   */
  public static VcApiServer start(ServerConfig config) throws ServerException {
    Objects.requireNonNull(config, "config");
    QueuedThreadPool pool = new QueuedThreadPool(32, 4);
    pool.setName("mcred-server");
    Server jetty = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector;
    if (config.tls()) {
      KeyStore ks;
      String password;
      if (config.keystore().isPresent()) {
        Path file = config.keystore().get();
        char[] pw = config.keystorePassword(SecretKeyAccess.get());
        try {
          ks = KeyStore.getInstance(file.toFile(), pw);
        } catch (GeneralSecurityException | IOException e) {
          throw new ServerException(ServerErrorCode.UNREADABLE_FILE, "TLS key store " + file + ": cannot be read "
              + "(expected PKCS#12 or JKS with the configured password): " + e.getMessage(), e);
        }
        password = new String(pw);
      } else {
        try {
          ks = SelfSignedCertificate.create(config.host());
        } catch (GeneralSecurityException | IOException e) {
          throw new ServerException(ServerErrorCode.START_FAILED, "cannot make the self-signed certificate: "
              + e.getMessage(), e);
        }
        password = SelfSignedCertificate.PASSWORD;
      }
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(ks);
      ssl.setKeyStorePassword(password);
      SecureRequestCustomizer src = new SecureRequestCustomizer();
      src.setSniHostCheck(false);
      http.addCustomizer(src);
      connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
          new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    connector.setHost(config.host());
    connector.setPort(config.port());
    jetty.addConnector(connector);
    jetty.setStopTimeout(5_000);
    StatusService status = null;
    AccessLog log = null;
    Graceful graceful;
    try {
      connector.open(); // binds now: the port is known before the status lists' URLs are made from it
      String base = config.publicUrl().map(URI::toString)
          .orElseGet(() -> baseUri(config, connector.getLocalPort()).toString());
      status = openStatus(config, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
      log = openLog(config);
      graceful = new Graceful(new ApiHandler(config, version(), status, log));
      jetty.setHandler(graceful);
      jetty.start();
      RequestDeadline.watch(connector, config.requestDeadline());
    } catch (ServerException e) {
      stopQuietly(jetty, status, log);
      throw e;
    } catch (Exception e) {
      stopQuietly(jetty, status, log);
      throw new ServerException(ServerErrorCode.START_FAILED, "cannot listen on " + config.host() + ":"
          + config.port() + ": " + e.getMessage(), e);
    }
    return new VcApiServer(jetty, connector, config, status, log, graceful);
  }

  /** Refuses requests that arrive while stopping with a 503 problem detail; counts those in flight. */
  private static final class Graceful extends GracefulHandler {
    Graceful(Handler h) {
      super(h);
    }

    @Override
    protected void handleShutdownRejection(Request request,
        Response response, Callback callback) {
      response.setStatus(503);
      response.getHeaders().put("Content-Type", "application/problem+json;charset=utf-8");
      response.getHeaders().put("Connection", "close");
      response.write(true, ByteBuffer.wrap(("{\"type\":\"urn:microcred:problem:shutting-down\","
          + "\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"the service is stopping\"}")
          .getBytes(StandardCharsets.UTF_8)), callback);
    }
  }

  private static AccessLog openLog(ServerConfig config) throws ServerException {
    switch (config.accessLog()) {
      case "off":
        return null;
      case "stdout":
        return new AccessLog(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
            false);
      case "stderr":
        return new AccessLog(new OutputStreamWriter(System.err, StandardCharsets.UTF_8),
            false);
      default:
        Path file = Path.of(config.accessLog());
        try {
          return new AccessLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
              StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
        } catch (IOException e) {
          throw new ServerException(ServerErrorCode.UNREADABLE_FILE, "access log " + file + ": cannot be opened "
              + "for appending: " + e.getMessage(), e);
        }
    }
  }

  private static StatusService openStatus(ServerConfig config, String base) throws ServerException {
    if (config.issuers().stream().allMatch(i -> i.status().isEmpty())) {
      return null;
    }
    StatusStore store;
    boolean owned;
    try {
      if (config.statusStore().isPresent()) {
        store = config.statusStore().get();
        owned = false;
      } else if (config.statusJdbcUrl().isPresent()) {
        store = JdbcStatusStore.open(config.statusJdbcUrl().get());
        owned = true;
      } else {
        store = new InMemoryStatusStore();
        owned = true;
      }
    } catch (VcException e) {
      throw new ServerException(ServerErrorCode.START_FAILED, "cannot open the status store: " + e.getMessage(), e);
    }
    try {
      return new StatusService(store, owned, base, config.issuers(), Clock.systemUTC());
    } catch (VcException e) {
      if (owned) {
        try {
          store.close();
        } catch (VcException ignored) {
          // already failing
        }
      }
      throw new ServerException(ServerErrorCode.START_FAILED, "cannot set up the status lists: " + e.getMessage(),
          e);
    }
  }

  private static void stopQuietly(Server jetty, StatusService status, AccessLog log) {
    try {
      jetty.stop();
    } catch (Exception ignored) {
      // already failing
    }
    if (log != null) {
      try {
        log.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
    if (status != null) {
      try {
        status.close();
      } catch (VcException ignored) {
        // already failing
      }
    }
  }

  private static URI baseUri(ServerConfig config, int port) {
    String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create((config.tls() ? "https" : "http") + "://" + h + ":" + port + "/");
  }

  /**
   * The port listened on (the ephemeral one when the configuration said 0).
   *
   * @return the port
   */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * The base URI, e.g. {@code https://127.0.0.1:8443/}.
   *
   * @return the URI
   */
  public URI uri() {
    return baseUri(config, port());
  }

  /**
   * The configuration it runs with.
   *
   * @return the configuration
   */
  public ServerConfig config() {
    return config;
  }

  /**
   * The microcred version this server reports.
   *
   * @return the version
   */
  public static String version() {
    try (InputStream in = VcApiServer.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Stops gracefully: new requests are refused (503 problem detail, or the connection is refused once the listener
   * is closed), requests in flight finish (up to 5 s), then the status store and the access log are closed.
   * Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the server failed: " + e.getMessage(), e);
    } finally {
      if (log != null) {
        try {
          log.close();
        } catch (IOException e) {
          System.err.println("microcred-server: closing the access log failed: " + e.getMessage());
        }
      }
      if (status != null) {
        try {
          status.close();
        } catch (VcException e) {
          throw new IllegalStateException("closing the status store failed: " + e.getMessage(), e);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "VcApiServer[" + uri() + "]";
  }
}
