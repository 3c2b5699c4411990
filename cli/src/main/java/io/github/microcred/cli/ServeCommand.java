package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.server.ServerConfig;
import io.github.microcred.server.ServerException;
import io.github.microcred.server.VcApiServer;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcred serve}: the W3C VC-API service (microcred-server) on loopback until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the W3C VC-API (POST /credentials/issue, /credentials/derive, /credentials/status, "
        + "/credentials/verify, "
        + "/presentations/verify, /microcredentials/NAME/awards, /audits; GET /status-lists/..., /health, /version) "
        + "on 127.0.0.1, HTTPS with a self-signed "
        + "certificate unless --http or a configured key store. Without "
        + "--config, one Ed25519 and one P-256 issuer with keys made for this run and one random API token are used "
        + "(printed). Environment variables MCRED_SERVER_* override the file (HOST, PORT, HTTP, MAX_BODY_BYTES, "
        + "PUBLIC_URL, STATUS_STORE, TOKENS, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, ACCESS_LOG); the options override "
        + "both. Without --config the access log (one JSON line per request) goes to standard output. "
        + "Prints one JSON line (url, issuers, token if generated), then runs until stopped (Ctrl-C).")
public final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The server configuration (JSON: host, port, http, maxBodyBytes, tokens, issuers, publicUrl, "
          + "statusStore, tls; see the README)")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "Port (overrides the file; 0: any free port; "
      + "default 8443 without --config)")
  Integer port;

  @Option(names = "--http", description = "Plain HTTP instead of HTTPS")
  boolean http;

  @CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() throws CliException {
    ServerConfig.Builder b;
    String token = null;
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new CliException(Main.FAILED, config + ": no such file");
      }
      try {
        b = ServerConfig.read(config);
      } catch (ServerException e) {
        throw new CliException(Main.FAILED, e.getMessage());
      }
    } else {
      b = ServerConfig.builder().port(8443)
          .issuer(ServerConfig.Issuer.dataIntegrity(KeyPair.generate(KeyType.ED25519)))
          .issuer(ServerConfig.Issuer.dataIntegrity(KeyPair.generate(KeyType.P256)));
    }
    if (config == null) {
      b.accessLog("stdout"); // one JSON line per request after the start line; a configuration file chooses its own
    }
    try {
      b.environment(System.getenv());
    } catch (ServerException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    if (config == null && b.tokenCount() == 0) {
      byte[] t = new byte[24];
      new SecureRandom().nextBytes(t);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
      b.token(token);
    }
    if (port != null) {
      if (port < 0 || port > 65535) {
        throw new CliException(Main.USAGE, "--port: expected 0..65535, got " + port);
      }
      b.port(port);
    }
    if (http) {
      b.tls(false);
    }
    ServerConfig cfg;
    try {
      cfg = b.build();
    } catch (IllegalArgumentException e) {
      throw new CliException(Main.FAILED, "configuration: " + e.getMessage());
    }
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR"); // no "no SLF4J providers" notice on stderr
    }
    VcApiServer server;
    try {
      server = VcApiServer.start(cfg);
    } catch (ServerException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    Thread hook = new Thread(server::close, "mcred-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    if (report.text) {
      out.println("serving the VC-API at " + server.uri() + " (issuers: " + cfg.issuers().stream()
          .map(ServerConfig.Issuer::id).toList() + (token != null ? ", API token: " + token : "") + ")");
    } else {
      ObjectNode j = CliFiles.JSON.createObjectNode().put("serving", server.uri().toString());
      ArrayNode is = j.putArray("issuers");
      for (ServerConfig.Issuer i : cfg.issuers()) {
        is.addObject().put("id", i.id()).put("format", i.format() == ServerConfig.Format.VC_JWT ? "vc+jwt"
            : i.format() == ServerConfig.Format.OB3_JWT ? "ob3-jwt" : "data-integrity")
            .put("cryptosuite", i.cryptosuite().map(c -> c.id()).orElse("none (RSA: JWTs only)"));
      }
      if (token != null) {
        j.put("token", token);
      }
      out.println(j);
    }
    out.flush();
    boolean interrupted = false;
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      interrupted = true; // stop: close first (a graceful stop waits), then keep the flag for the caller
    }
    server.close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return Main.OK;
  }
}
