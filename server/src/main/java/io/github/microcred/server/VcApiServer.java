package io.github.microcred.server;

import io.github.microcred.server.internal.ApiHandler;
import io.github.microcred.server.internal.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.KeyStore;
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

  private VcApiServer(Server jetty, ServerConnector connector, ServerConfig config) {
    this.jetty = jetty;
    this.connector = connector;
    this.config = config;
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
      try {
        ks = SelfSignedCertificate.create(config.host());
      } catch (java.security.GeneralSecurityException | IOException e) {
        throw new ServerException(ServerErrorCode.START_FAILED, "cannot make the self-signed certificate: "
            + e.getMessage(), e);
      }
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(ks);
      ssl.setKeyStorePassword(SelfSignedCertificate.PASSWORD);
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
    jetty.setHandler(new ApiHandler(config, version()));
    jetty.setStopTimeout(5_000);
    try {
      jetty.start();
    } catch (Exception e) {
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // already failing
      }
      throw new ServerException(ServerErrorCode.START_FAILED, "cannot listen on " + config.host() + ":"
          + config.port() + ": " + e.getMessage(), e);
    }
    return new VcApiServer(jetty, connector, config);
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
    String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create((config.tls() ? "https" : "http") + "://" + h + ":" + port() + "/");
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
    }
  }

  @Override
  public String toString() {
    return "VcApiServer[" + uri() + "]";
  }
}
