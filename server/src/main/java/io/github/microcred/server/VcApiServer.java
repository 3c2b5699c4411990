package io.github.microcred.server;

import io.github.microcred.server.internal.ApiHandler;
import io.github.microcred.server.internal.SelfSignedCertificate;
import io.github.microcred.server.internal.StatusService;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.StatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
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

  private VcApiServer(Server jetty, ServerConnector connector, ServerConfig config, StatusService status) {
    this.jetty = jetty;
    this.connector = connector;
    this.config = config;
    this.status = status;
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
        } catch (java.security.GeneralSecurityException | IOException e) {
          throw new ServerException(ServerErrorCode.UNREADABLE_FILE, "TLS key store " + file + ": cannot be read "
              + "(expected PKCS#12 or JKS with the configured password): " + e.getMessage(), e);
        }
        password = new String(pw);
      } else {
        try {
          ks = SelfSignedCertificate.create(config.host());
        } catch (java.security.GeneralSecurityException | IOException e) {
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
    try {
      connector.open(); // binds now: the port is known before the status lists' URLs are made from it
      String base = config.publicUrl().map(URI::toString)
          .orElseGet(() -> baseUri(config, connector.getLocalPort()).toString());
      status = openStatus(config, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
      jetty.setHandler(new ApiHandler(config, version(), status));
      jetty.start();
    } catch (ServerException e) {
      stopQuietly(jetty, status);
      throw e;
    } catch (Exception e) {
      stopQuietly(jetty, status);
      throw new ServerException(ServerErrorCode.START_FAILED, "cannot listen on " + config.host() + ":"
          + config.port() + ": " + e.getMessage(), e);
    }
    return new VcApiServer(jetty, connector, config, status);
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

  private static void stopQuietly(Server jetty, StatusService status) {
    try {
      jetty.stop();
    } catch (Exception ignored) {
      // already failing
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

  /** Stops gracefully. */
  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the server failed: " + e.getMessage(), e);
    } finally {
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
