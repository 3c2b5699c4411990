package io.github.microcred.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.server.internal.Json;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.sdjwt.X509Files;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.StatusPurpose;
import io.github.microcred.vc.status.StatusStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a {@link VcApiServer}: where it listens, whether it serves TLS, the request size limit, the
 * issuers (their keys and how they secure credentials) and the bearer tokens accepted on the issue endpoint.
 * Immutable; built with {@link #builder()} or read from a JSON file with {@link #read(Path)}. API tokens are kept
 * only as SHA-256 digests and never printed.
 */
public final class ServerConfig {
  /** The default request body limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  /**
   * The default whole-request deadline: 30 s for the headers and the body of one request, counted from its first
   * byte (from the connection's opening for its first request, TLS handshake included).
   */
  public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(30);

  private static final List<String> MEMBERS = List.of("host", "port", "http", "maxBodyBytes", "tokens", "issuers",
      "publicUrl", "statusStore", "tls", "auth", "microcredentials", "accessLog", "requestDeadlineSeconds",
      "trustAnchors", "crls");

  /** The JWS algorithms OAuth access tokens may use by default (asymmetric only: never HMAC, never none). */
  public static final List<String> DEFAULT_OAUTH_ALGORITHMS = List.of("RS256", "PS256", "ES256", "ES384");

  /**
   * OAuth 2.0 access tokens (JWTs of the client-credentials grant, RFC 9068) accepted as bearer tokens.
   *
   * @param keys the authorization server's public keys (a JWKS read from a file; private parts are dropped)
   * @param issuer the required {@code iss}
   * @param audience the required {@code aud} (this service's identifier at the authorization server)
   * @param algorithms the allowed JWS algorithms (asymmetric)
   */
  public record OAuth(JWKSet keys, String issuer, String audience, List<String> algorithms) {
    /** Checks the values; keeps the public keys only. */
    public OAuth {
      keys = Objects.requireNonNull(keys, "keys").toPublicJWKSet();
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(audience, "audience");
      algorithms = List.copyOf(algorithms);
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("keys: the JWKS has no public key");
      }
      for (String a : algorithms) {
        JWSAlgorithm alg = JWSAlgorithm.parse(a);
        if (!JWSAlgorithm.Family.RSA.contains(alg)
            && !JWSAlgorithm.Family.EC.contains(alg)) {
          throw new IllegalArgumentException("algorithms: expected RSA or EC JWS algorithms (RS256, PS256, ES256, "
              + "...), got '" + a + "'");
        }
      }
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("algorithms: expected at least one");
      }
    }
  }

  /**
   * The environment variables {@link Builder#environment(Map)} reads, each overriding the file member of the same
   * meaning: {@code MCRED_SERVER_HOST}, {@code MCRED_SERVER_PORT}, {@code MCRED_SERVER_HTTP} ({@code true} /
   * {@code false}), {@code MCRED_SERVER_MAX_BODY_BYTES}, {@code MCRED_SERVER_PUBLIC_URL},
   * {@code MCRED_SERVER_STATUS_STORE}, {@code MCRED_SERVER_TOKENS} (comma-separated, added to the file's),
   * {@code MCRED_SERVER_TLS_KEYSTORE}, {@code MCRED_SERVER_TLS_KEYSTORE_PASSWORD}, {@code MCRED_SERVER_ACCESS_LOG},
   * {@code MCRED_SERVER_REQUEST_DEADLINE_SECONDS}, {@code MCRED_SERVER_TRUST_ANCHORS} and
   * {@code MCRED_SERVER_CRLS} (comma-separated PEM / DER files, replacing the file's).
   */
  public static final List<String> ENVIRONMENT = List.of("MCRED_SERVER_HOST", "MCRED_SERVER_PORT",
      "MCRED_SERVER_HTTP", "MCRED_SERVER_MAX_BODY_BYTES", "MCRED_SERVER_PUBLIC_URL", "MCRED_SERVER_STATUS_STORE",
      "MCRED_SERVER_TOKENS", "MCRED_SERVER_TLS_KEYSTORE", "MCRED_SERVER_TLS_KEYSTORE_PASSWORD",
      "MCRED_SERVER_ACCESS_LOG", "MCRED_SERVER_REQUEST_DEADLINE_SECONDS", "MCRED_SERVER_TRUST_ANCHORS",
      "MCRED_SERVER_CRLS");

  /** How an issuer secures what it issues by default. */
  public enum Format {
    /** A Data Integrity proof with the issuer's cryptosuite. */
    DATA_INTEGRITY,
    /** VC-JOSE-COSE {@code vc+jwt}. */
    VC_JWT,
    /**
     * The Open Badges 3.0 JWT profile ({@code typ: JWT}, {@code vc} claim; RS256 with an RSA key), answered as an
     * {@code EnvelopedVerifiableCredential} with a {@code data:application/jwt,} id.
     */
    OB3_JWT
  }

  /**
   * How an issuer secures the credentials it issues (unless the request's {@code options} say otherwise), and which
   * Bitstring Status List entries it puts in each of them.
   *
   * @param key the issuer's key; the issuer id is its {@code did:key}
   * @param format Data Integrity, {@code vc+jwt} or the OB 3.0 JWT profile
   * @param cryptosuite the Data Integrity cryptosuite (must accept the key type); empty only for an RSA key, which
   *     no Data Integrity suite takes and which signs JWTs only
   * @param status the status purposes ({@code revocation}, {@code suspension}) each issued credential gets a
   *     {@code BitstringStatusListEntry} for, in lists this service keeps and publishes; empty for none (and for RSA
   *     issuers: the lists are published with Data Integrity)
   */
  public record Issuer(KeyPair key, Format format, Optional<Cryptosuite> cryptosuite, List<StatusPurpose> status) {
    /** Checks the suite fits the key, an RSA issuer signs JWTs, and the purposes are revocation / suspension. */
    public Issuer {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(cryptosuite, "cryptosuite");
      status = List.copyOf(Objects.requireNonNull(status, "status"));
      if (cryptosuite.isPresent() && !cryptosuite.get().accepts(key.type())) {
        throw new IllegalArgumentException(cryptosuite.get().id() + " does not accept a " + key.type() + " key");
      }
      if (cryptosuite.isEmpty() && key.type() != KeyType.RSA) {
        throw new IllegalArgumentException("a " + key.type() + " issuer needs its Data Integrity cryptosuite");
      }
      if (key.type() == KeyType.RSA && (format == Format.DATA_INTEGRITY || !status.isEmpty())) {
        throw new IllegalArgumentException(format == Format.DATA_INTEGRITY
            ? "an RSA key signs JWTs only: format vc+jwt or OB 3.0 JWT"
            : "an RSA issuer cannot have status entries: this service publishes its lists with Data Integrity");
      }
      if (status.contains(StatusPurpose.MESSAGE) || status.stream().distinct().count() != status.size()) {
        throw new IllegalArgumentException("status: expected revocation and/or suspension, each once, got "
            + status);
      }
    }

    /**
     * An issuer with status entries, Data Integrity or {@code vc+jwt}.
     *
     * @param key the key
     * @param jwt {@code vc+jwt} when true, Data Integrity otherwise
     * @param cryptosuite the Data Integrity cryptosuite
     * @param status the status purposes
     */
    public Issuer(KeyPair key, boolean jwt, Cryptosuite cryptosuite, List<StatusPurpose> status) {
      this(key, jwt ? Format.VC_JWT : Format.DATA_INTEGRITY, Optional.of(cryptosuite), status);
    }

    /**
     * An issuer without status entries.
     *
     * @param key the key
     * @param jwt {@code vc+jwt} when true, Data Integrity otherwise
     * @param cryptosuite the Data Integrity cryptosuite
     */
    public Issuer(KeyPair key, boolean jwt, Cryptosuite cryptosuite) {
      this(key, jwt, cryptosuite, List.of());
    }

    /**
     * A Data Integrity issuer with the key type's default suite (eddsa-rdfc-2022 or ecdsa-rdfc-2019), without
     * status entries.
     *
     * @param key the key
     * @return the issuer
     */
    public static Issuer dataIntegrity(KeyPair key) {
      return new Issuer(key, false, Cryptosuite.forKey(key.type()));
    }

    /**
     * An issuer of OB 3.0 JWTs (RS256 with an RSA key; ES256 / ES384 / EdDSA otherwise, with the key type's Data
     * Integrity suite for requests that ask for one), without status entries.
     *
     * @param key the key
     * @return the issuer
     */
    public static Issuer ob3Jwt(KeyPair key) {
      return new Issuer(key, Format.OB3_JWT, key.type() == KeyType.RSA ? Optional.empty()
          : Optional.of(Cryptosuite.forKey(key.type())), List.of());
    }

    /**
     * Whether the default is a JWT ({@code vc+jwt} or the OB 3.0 profile).
     *
     * @return true unless Data Integrity
     */
    public boolean jwt() {
      return format != Format.DATA_INTEGRITY;
    }

    /**
     * The same issuer, putting a status entry of each purpose into every credential it issues.
     *
     * @param purposes {@link StatusPurpose#REVOCATION} and/or {@link StatusPurpose#SUSPENSION}
     * @return a new issuer
     */
    public Issuer withStatus(StatusPurpose... purposes) {
      return new Issuer(key, format, cryptosuite, List.of(purposes));
    }

    /**
     * The issuer id: the key's {@code did:key}.
     *
     * @return the DID
     */
    public String id() {
      return key.publicKey().didKey();
    }
  }

  private final String host;
  private final int port;
  private final boolean tls;
  private final int maxBodyBytes;
  private final List<Issuer> issuers;
  private final List<byte[]> tokenDigests;
  private final String statusJdbcUrl;
  private final StatusStore statusStore;
  private final URI publicUrl;
  private final Path keystore;
  private final char[] keystorePassword;
  private final OAuth oauth;
  private final boolean openVerify;
  private final Map<String, MicroCredential> microCredentials;
  private final String accessLog;
  private final Duration requestDeadline;
  private final List<X509Certificate> trustAnchors;
  private final List<X509CRL> crls;

  private ServerConfig(Builder b) {
    this.trustAnchors = List.copyOf(b.trustAnchors);
    this.crls = List.copyOf(b.crls);
    this.host = b.host;
    this.port = b.port;
    this.tls = b.tls;
    this.maxBodyBytes = b.maxBodyBytes;
    this.issuers = List.copyOf(b.issuers);
    this.tokenDigests = List.copyOf(b.tokenDigests);
    this.statusJdbcUrl = b.statusJdbcUrl;
    this.statusStore = b.statusStore;
    this.publicUrl = b.publicUrl;
    this.keystore = b.keystore;
    this.keystorePassword = b.keystorePassword == null ? null : b.keystorePassword.clone();
    this.oauth = b.oauth;
    this.openVerify = b.openVerify;
    this.microCredentials = Collections.unmodifiableMap(new LinkedHashMap<>(b.microCredentials));
    this.accessLog = b.accessLog;
    this.requestDeadline = b.requestDeadline;
  }

  /**
   * A builder: 127.0.0.1, an ephemeral port, TLS on, 1 MiB bodies, no issuers, no tokens.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a JSON configuration file:
   * {@code {"host":"127.0.0.1","port":8443,"http":false,"maxBodyBytes":1048576,"tokens":["..."],
   * "publicUrl":"https://issuer.example","statusStore":"mcred-status",
   * "issuers":[{"key":"issuer.key.json","format":"di","cryptosuite":"eddsa-rdfc-2022","status":["revocation"]}]}};
   * every member is optional; {@code "trustAnchors": ["root.pem"]} and {@code "crls": ["ca.crl"]} (PEM or DER
   * files) configure the X.509 trust of {@code x5c} SD-JWT VC issuers; {@code format} is {@code di} or {@code jwt}; relative paths are resolved against the
   * file's folder. {@code statusStore} is a JDBC URL ({@code jdbc:postgresql:...}), {@code memory}, or the path of
   * an embedded H2 file (the default: {@code mcred-status} beside the file); it is opened only when an issuer has
   * {@code status}.
   *
   * @param file the file
   * @return the builder holding the file's settings (callers may override them)
   * @throws ServerException naming the member when the file is malformed
   */
  public static Builder read(Path file) throws ServerException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": not readable JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $: expected a JSON object");
    }
    Builder b = builder();
    var names = root.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!MEMBERS.contains(n)) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $." + n + ": unknown member (expected "
            + String.join(", ", MEMBERS) + ")");
      }
    }
    if (root.has("host")) {
      b.host(text(file, root, "host"));
    }
    if (root.has("port")) {
      b.port(integer(file, root, "port", 0, 65535));
    }
    if (root.has("http")) {
      if (!root.get("http").isBoolean()) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.http: expected true or false");
      }
      b.tls(!root.get("http").booleanValue());
    }
    if (root.has("maxBodyBytes")) {
      b.maxBodyBytes(integer(file, root, "maxBodyBytes", 1024, 64 << 20));
    }
    if (root.has("requestDeadlineSeconds")) {
      b.requestDeadline(Duration.ofSeconds(integer(file, root, "requestDeadlineSeconds", 1, 3600)));
    }
    JsonNode tokens = root.path("tokens");
    if (root.has("tokens") && !tokens.isArray()) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.tokens: expected an array of strings");
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isTextual() || tokens.get(i).asText().length() < 16) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.tokens[" + i
            + "]: expected a string of at least 16 characters");
      }
      b.token(tokens.get(i).asText());
    }
    JsonNode issuers = root.path("issuers");
    if (root.has("issuers") && !issuers.isArray()) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.issuers: expected an array");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (root.has("publicUrl")) {
      String u = text(file, root, "publicUrl");
      try {
        b.publicUrl(URI.create(u));
      } catch (IllegalArgumentException e) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.publicUrl: " + e.getMessage(), e);
      }
    }
    b.statusStoreSetting(root.has("statusStore") ? text(file, root, "statusStore") : "mcred-status", dir);
    if (root.has("tls")) {
      JsonNode tls = root.get("tls");
      if (!tls.isObject() || !tls.path("keystore").isTextual()) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.tls: expected {\"keystore\": "
            + "\"FILE.p12\", \"password\": \"...\"} (the password may come from "
            + "MCRED_SERVER_TLS_KEYSTORE_PASSWORD instead)");
      }
      for (var it = tls.fieldNames(); it.hasNext(); ) {
        String n = it.next();
        if (!n.equals("keystore") && !n.equals("password")) {
          throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.tls." + n + ": unknown member "
              + "(expected keystore, password)");
        }
      }
      if (tls.has("password") && !tls.get("password").isTextual()) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.tls.password: expected a string");
      }
      b.keystore(dir.resolve(tls.get("keystore").asText()), tls.path("password").asText("").toCharArray());
    }
    if (root.has("auth")) {
      readAuth(file, root.get("auth"), dir, b);
    }
    if (root.has("accessLog")) {
      String t = text(file, root, "accessLog");
      b.accessLog(List.of("off", "stdout", "stderr").contains(t) ? t : dir.resolve(t).toString());
    }
    for (String member : List.of("trustAnchors", "crls")) {
      JsonNode files = root.path(member);
      if (root.has(member) && (!files.isArray() || files.isEmpty())) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $." + member + ": expected a non-empty "
            + "array of PEM or DER file paths");
      }
      List<Path> paths = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        if (!files.get(i).isTextual() || files.get(i).asText().isBlank()) {
          throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $." + member + "[" + i + "]: expected "
              + "a file path");
        }
        paths.add(dir.resolve(files.get(i).asText()));
      }
      if (!paths.isEmpty()) {
        b.x509(member.equals("crls"), paths, file + ": $." + member);
      }
    }
    if (root.has("microcredentials")) {
      Path folder = dir.resolve(text(file, root, "microcredentials"));
      List<Path> files;
      try (var list = Files.list(folder)) {
        files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
      } catch (IOException e) {
        throw new ServerException(ServerErrorCode.UNREADABLE_FILE, file + ": $.microcredentials: " + folder
            + ": not a readable folder: " + e.getMessage(), e);
      }
      for (Path f : files) {
        String name = f.getFileName().toString();
        name = name.substring(0, name.length() - ".json".length());
        try {
          b.microCredential(name, MicroCredential.fromJson(Files.readString(f)));
        } catch (IOException | CoreException e) {
          throw new ServerException(ServerErrorCode.UNREADABLE_FILE, file + ": $.microcredentials: " + f + ": "
              + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
          throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $.microcredentials: " + f + ": "
              + e.getMessage(), e);
        }
      }
    }
    for (int i = 0; i < issuers.size(); i++) {
      String at = file + ": $.issuers[" + i + "]";
      JsonNode is = issuers.get(i);
      if (!is.isObject() || !is.path("key").isTextual()) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ".key: expected the key file's path");
      }
      Path keyFile = dir.resolve(is.get("key").asText());
      KeyPair key;
      try {
        key = KeyPair.fromKeyFile(keyFile);
      } catch (VcException e) {
        throw new ServerException(ServerErrorCode.UNREADABLE_FILE, at + ".key: " + keyFile + ": " + e.getMessage(), e);
      }
      String format = is.path("format").asText(key.type() == KeyType.RSA ? "ob3-jwt" : "di");
      if (!format.equals("di") && !format.equals("jwt") && !format.equals("ob3-jwt")) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ".format: expected di, jwt or ob3-jwt, got '"
            + format + "'");
      }
      if (key.type() == KeyType.RSA && (format.equals("di") || is.has("cryptosuite") || is.has("status"))) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ": an RSA key (" + keyFile + ") signs JWTs"
            + " only: format jwt or ob3-jwt, no cryptosuite, no status (lists are published with Data Integrity)");
      }
      Cryptosuite suite = key.type() == KeyType.RSA ? null : Cryptosuite.forKey(key.type());
      if (is.has("cryptosuite")) {
        String s = is.path("cryptosuite").asText();
        suite = Cryptosuite.byId(s).filter(c -> c.accepts(key.type())).orElseThrow(() -> new ServerException(
            ServerErrorCode.INVALID_CONFIG, at + ".cryptosuite: '" + s + "' is not a supported suite for a "
                + key.type() + " key"));
      }
      List<StatusPurpose> status = new ArrayList<>();
      JsonNode st = is.path("status");
      if (is.has("status") && !st.isArray()) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ".status: expected an array of "
            + "\"revocation\" / \"suspension\"");
      }
      for (int j = 0; j < st.size(); j++) {
        String term = st.get(j).asText("");
        Optional<StatusPurpose> p = StatusPurpose.fromTerm(term).filter(x -> x != StatusPurpose.MESSAGE);
        if (p.isEmpty() || status.contains(p.get())) {
          throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ".status[" + j + "]: expected "
              + "\"revocation\" or \"suspension\" (each once), got " + st.get(j));
        }
        status.add(p.get());
      }
      b.issuer(new Issuer(key, format.equals("di") ? Format.DATA_INTEGRITY : format.equals("jwt") ? Format.VC_JWT
          : Format.OB3_JWT, Optional.ofNullable(suite), status));
    }
    return b;
  }

  private static void readAuth(Path file, JsonNode auth, Path dir, Builder b) throws ServerException {
    String at = file + ": $.auth";
    if (!auth.isObject()) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ": expected an object (openVerify, oauth)");
    }
    for (var it = auth.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!n.equals("openVerify") && !n.equals("oauth")) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + "." + n + ": unknown member (expected "
            + "openVerify, oauth)");
      }
    }
    if (auth.has("openVerify")) {
      if (!auth.get("openVerify").isBoolean()) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ".openVerify: expected true or false");
      }
      b.openVerify(auth.get("openVerify").booleanValue());
    }
    if (!auth.has("oauth")) {
      return;
    }
    JsonNode o = auth.get("oauth");
    at += ".oauth";
    if (!o.isObject()) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ": expected {\"jwks\": FILE, \"issuer\", "
          + "\"audience\"}");
    }
    for (var it = o.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!List.of("jwks", "issuer", "audience", "algorithms").contains(n)) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + "." + n + ": unknown member (expected jwks, "
            + "issuer, audience, algorithms)");
      }
    }
    for (String n : List.of("jwks", "issuer", "audience")) {
      if (!o.path(n).isTextual() || o.get(n).asText().isBlank()) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + "." + n + ": expected a non-empty string");
      }
    }
    List<String> algs = new ArrayList<>(DEFAULT_OAUTH_ALGORITHMS);
    if (o.has("algorithms")) {
      algs.clear();
      JsonNode a = o.get("algorithms");
      for (int i = 0; a.isArray() && i < a.size(); i++) {
        algs.add(a.get(i).asText(""));
      }
      if (!a.isArray()) {
        throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ".algorithms: expected an array");
      }
    }
    Path jwks = dir.resolve(o.get("jwks").asText());
    JWKSet set;
    try {
      set = JWKSet.load(jwks.toFile());
    } catch (IOException | ParseException e) {
      throw new ServerException(ServerErrorCode.UNREADABLE_FILE, at + ".jwks: " + jwks + ": not a readable JWK "
          + "set: " + e.getMessage(), e);
    }
    try {
      b.oauth(new OAuth(set, o.get("issuer").asText(), o.get("audience").asText(), algs));
    } catch (IllegalArgumentException e) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + "." + e.getMessage(), e);
    }
  }

  private static String text(Path file, JsonNode root, String name) throws ServerException {
    if (!root.get(name).isTextual()) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $." + name + ": expected a string");
    }
    return root.get(name).asText();
  }

  private static int integer(Path file, JsonNode root, String name, int min, int max) throws ServerException {
    JsonNode v = root.get(name);
    if (!v.isInt() || v.intValue() < min || v.intValue() > max) {
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, file + ": $." + name + ": expected an integer in ["
          + min + ", " + max + "], got " + v);
    }
    return v.intValue();
  }

  /**
   * The interface address (default 127.0.0.1).
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  /**
   * The port; 0 picks an ephemeral one (see {@link VcApiServer#port()}).
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Whether HTTPS is served (with a self-signed certificate for the host, generated at start).
   *
   * @return true for https
   */
  public boolean tls() {
    return tls;
  }

  /**
   * The largest request body accepted; larger ones get 413.
   *
   * @return bytes
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The whole-request deadline: a request's headers and body must arrive within it, counted from the request's
   * first byte (for a connection's first request, from the connection's opening, TLS handshake included). A request
   * whose headers are late has its connection closed (there is no request yet to answer, as with an idle timeout);
   * one whose body is late is answered 408 {@code request-timeout} and its connection closed. A client sending one
   * byte a second, which no per-read idle timeout stops, is bounded by it. Idle keep-alive connections between
   * requests are left to the idle timeout (30 s).
   *
   * @return the deadline (default {@link #DEFAULT_REQUEST_DEADLINE})
   */
  public Duration requestDeadline() {
    return requestDeadline;
  }

  /**
   * The issuers.
   *
   * @return an unmodifiable list
   */
  public List<Issuer> issuers() {
    return issuers;
  }

  /**
   * Whether a presented bearer token is one of the configured tokens (constant-time comparison of digests).
   *
   * @param token the token
   * @return true when accepted
   */
  public boolean acceptsToken(String token) {
    byte[] d = sha256(token);
    boolean ok = false;
    for (byte[] t : tokenDigests) {
      ok |= MessageDigest.isEqual(t, d);
    }
    return ok;
  }

  /**
   * How many tokens are configured (with none, the issue endpoint refuses every request).
   *
   * @return the count
   */
  public int tokenCount() {
    return tokenDigests.size();
  }

  /**
   * The JDBC URL of the status store the server opens (and closes) itself, when configured so.
   *
   * @return the URL, or empty
   */
  public Optional<String> statusJdbcUrl() {
    return Optional.ofNullable(statusJdbcUrl);
  }

  /**
   * The status store supplied by the caller (who keeps owning it), when configured so. With neither this nor a
   * {@link #statusJdbcUrl()}, issuers with status use an in-memory store that lives as long as the server.
   *
   * @return the store, or empty
   */
  public Optional<StatusStore> statusStore() {
    return Optional.ofNullable(statusStore);
  }

  /**
   * The public base URL status list URLs are made from ({@code {publicUrl}/status-lists/...}); by default the
   * server's own {@link VcApiServer#uri()}. Set it when the service is reached through a proxy or a stable name,
   * since issued credentials keep pointing at it.
   *
   * @return the URL, or empty
   */
  public Optional<URI> publicUrl() {
    return Optional.ofNullable(publicUrl);
  }

  /**
   * The TLS key store (PKCS#12 or JKS) served instead of the self-signed loopback certificate, when configured.
   *
   * @return the file, or empty
   */
  public Optional<Path> keystore() {
    return Optional.ofNullable(keystore);
  }

  /**
   * The key store password (a copy).
   *
   * @param access the explicit secret access token
   * @return the password, empty when no key store is configured
   */
  public char[] keystorePassword(SecretKeyAccess access) {
    Objects.requireNonNull(access, "access");
    return keystorePassword == null ? new char[0] : keystorePassword.clone();
  }

  /**
   * The OAuth 2.0 access tokens accepted besides the static API tokens, when configured.
   *
   * @return the settings, or empty
   */
  public Optional<OAuth> oauth() {
    return Optional.ofNullable(oauth);
  }

  /**
   * Whether the verify endpoints ({@code /credentials/verify}, {@code /presentations/verify}) and {@code /audits}
   * answer without a token (default true); when false they need a token with the {@code credentials:verify} (or
   * {@code audits}) scope. Status lists, health and version are always open.
   *
   * @return true when open
   */
  public boolean openVerify() {
    return openVerify;
  }

  /**
   * The micro-credentials awarded by {@code POST /microcredentials/{name}/awards}, by name.
   *
   * @return an unmodifiable map, in configuration order
   */
  public Map<String, MicroCredential> microCredentials() {
    return microCredentials;
  }

  /**
   * Where the access log goes: {@code off} (the default), {@code stdout}, {@code stderr}, or the path of a file
   * appended to (one JSON object per line and per request).
   *
   * @return the target
   */
  public String accessLog() {
    return accessLog;
  }

  /**
   * The X.509 trust anchors of SD-JWT VC issuers that sign with an {@code x5c} certificate chain: the verify
   * endpoints verify such a token with its end-entity certificate's key when the chain validates (PKIX) to one of
   * them and the certificate names the issuer. Empty (the default): {@code x5c} is not read.
   *
   * @return the anchors' certificates, unmodifiable
   */
  public List<X509Certificate> trustAnchors() {
    return trustAnchors;
  }

  /**
   * The certificate revocation lists {@code x5c} chains are checked against, offline (every certificate of a chain
   * then needs a current CRL of its issuer); empty (the default): revocation of certificates is not checked.
   *
   * @return the CRLs, unmodifiable
   */
  public List<X509CRL> crls() {
    return crls;
  }

  @Override
  public String toString() {
    return "ServerConfig[" + (tls ? "https" : "http") + "://" + host + ":" + port + ", maxBodyBytes " + maxBodyBytes
        + ", requestDeadline " + requestDeadline
        + ", issuers " + issuers.stream().map(Issuer::id).toList() + ", " + tokenDigests.size()
        + " token(s) redacted" + (keystore != null ? ", keystore " + keystore + " (password redacted)" : "")
        + (publicUrl != null ? ", publicUrl " + publicUrl : "")
        + (oauth != null ? ", oauth " + oauth.issuer() + " -> " + oauth.audience() : "")
        + (openVerify ? "" : ", verify needs a token")
        + (trustAnchors.isEmpty() ? "" : ", " + trustAnchors.size() + " X.509 trust anchor(s)")
        + (crls.isEmpty() ? "" : ", " + crls.size() + " CRL(s)") + "]";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds a {@link ServerConfig}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private boolean tls = true;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private final List<Issuer> issuers = new ArrayList<>();
    private final List<byte[]> tokenDigests = new ArrayList<>();
    private String statusJdbcUrl;
    private StatusStore statusStore;
    private URI publicUrl;
    private Path keystore;
    private char[] keystorePassword;
    private OAuth oauth;
    private boolean openVerify = true;
    private final Map<String, MicroCredential> microCredentials =
        new LinkedHashMap<>();

    private String accessLog = "off";
    private Duration requestDeadline = DEFAULT_REQUEST_DEADLINE;
    private final List<X509Certificate> trustAnchors = new ArrayList<>();
    private final List<X509CRL> crls = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the X.509 trust anchors of {@code x5c} SD-JWT VC issuers (see {@link ServerConfig#trustAnchors()}),
     * replacing any set before.
     *
     * @param anchors the certificates (empty: none)
     * @return this
     */
    public Builder trustAnchors(List<X509Certificate> anchors) {
      List<X509Certificate> copy = List.copyOf(anchors);
      trustAnchors.clear();
      trustAnchors.addAll(copy);
      return this;
    }

    /**
     * Sets the CRLs {@code x5c} chains are checked against (see {@link ServerConfig#crls()}), replacing any set
     * before; they need trust anchors.
     *
     * @param lists the CRLs (empty: none)
     * @return this
     */
    public Builder crls(List<X509CRL> lists) {
      List<X509CRL> copy = List.copyOf(lists);
      crls.clear();
      crls.addAll(copy);
      return this;
    }

    /** Reads certificate or CRL files into the anchors or the CRLs, replacing them. */
    Builder x509(boolean crl, List<Path> files, String at) throws ServerException {
      List<X509Certificate> certs = new ArrayList<>();
      List<X509CRL> lists = new ArrayList<>();
      for (Path f : files) {
        byte[] bytes;
        try {
          if (Files.size(f) > X509Files.MAX_BYTES) {
            throw new ServerException(ServerErrorCode.INVALID_CONFIG, at + ": " + f + ": larger than "
                + X509Files.MAX_BYTES + " bytes");
          }
          bytes = Files.readAllBytes(f);
        } catch (IOException e) {
          throw new ServerException(ServerErrorCode.UNREADABLE_FILE, at + ": " + f + ": not readable: "
              + e.getMessage(), e);
        }
        try {
          if (crl) {
            lists.addAll(X509Files.crls(bytes, at + ": " + f));
          } else {
            certs.addAll(X509Files.certificates(bytes, at + ": " + f));
          }
        } catch (VcException e) {
          throw new ServerException(ServerErrorCode.INVALID_CONFIG, e.getMessage(), e);
        }
      }
      return crl ? crls(lists) : trustAnchors(certs);
    }

    /**
     * Sets the whole-request deadline (see {@link ServerConfig#requestDeadline()}).
     *
     * @param d a positive duration, at most one hour
     * @return this
     */
    public Builder requestDeadline(Duration d) {
      Objects.requireNonNull(d, "requestDeadline");
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("requestDeadline: expected a positive duration of at most 1 h, got " + d);
      }
      this.requestDeadline = d;
      return this;
    }

    /**
     * Sets the access log: {@code off}, {@code stdout}, {@code stderr}, or a file path (appended to).
     *
     * @param target the target
     * @return this
     */
    public Builder accessLog(String target) {
      if (Objects.requireNonNull(target, "target").isBlank()) {
        throw new IllegalArgumentException("accessLog: expected off, stdout, stderr or a file path");
      }
      this.accessLog = target;
      return this;
    }

    /**
     * Adds a micro-credential the awards endpoint can award.
     *
     * @param name its name in the URL ({@code [A-Za-z0-9._-]+}, unique)
     * @param mc the micro-credential (with an IRI id)
     * @return this
     */
    public Builder microCredential(String name, MicroCredential mc) {
      Objects.requireNonNull(mc, "microCredential");
      if (!Objects.requireNonNull(name, "name").matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("name: expected letters, digits, '.', '_' or '-', got '" + name + "'");
      }
      if (microCredentials.putIfAbsent(name, mc) != null) {
        throw new IllegalArgumentException("name: '" + name + "' is configured twice");
      }
      return this;
    }

    /**
     * Accepts OAuth 2.0 JWT access tokens verified against a JWKS.
     *
     * @param o the settings
     * @return this
     */
    public Builder oauth(OAuth o) {
      this.oauth = Objects.requireNonNull(o, "oauth");
      return this;
    }

    /**
     * Opens (default) or protects the verify and audit endpoints.
     *
     * @param open true for no token needed
     * @return this
     */
    public Builder openVerify(boolean open) {
      this.openVerify = open;
      return this;
    }

    /**
     * Serves TLS with the first private key entry of a key store (PKCS#12 or JKS) instead of the self-signed
     * loopback certificate.
     *
     * @param file the key store
     * @param password its password (copied)
     * @return this
     */
    public Builder keystore(Path file, char[] password) {
      this.keystore = Objects.requireNonNull(file, "file");
      this.keystorePassword = Objects.requireNonNull(password, "password").clone();
      return this;
    }

    /**
     * Applies the {@link ServerConfig#ENVIRONMENT} overrides found in an environment (usually
     * {@code System.getenv()}); variables that are absent or empty leave the setting as it is.
     *
     * @param env the environment
     * @return this
     * @throws ServerException {@link ServerErrorCode#INVALID_CONFIG} naming the variable when a value is malformed
     */
    public Builder environment(Map<String, String> env) throws ServerException {
      Objects.requireNonNull(env, "env");
      String v;
      if ((v = value(env, "MCRED_SERVER_HOST")) != null) {
        host(v);
      }
      if ((v = value(env, "MCRED_SERVER_PORT")) != null) {
        port(envInt("MCRED_SERVER_PORT", v, 0, 65535));
      }
      if ((v = value(env, "MCRED_SERVER_HTTP")) != null) {
        if (!v.equals("true") && !v.equals("false")) {
          throw new ServerException(ServerErrorCode.INVALID_CONFIG, "MCRED_SERVER_HTTP: expected true or false, "
              + "got '" + v + "'");
        }
        tls(v.equals("false"));
      }
      if ((v = value(env, "MCRED_SERVER_MAX_BODY_BYTES")) != null) {
        maxBodyBytes(envInt("MCRED_SERVER_MAX_BODY_BYTES", v, 1024, 64 << 20));
      }
      if ((v = value(env, "MCRED_SERVER_REQUEST_DEADLINE_SECONDS")) != null) {
        requestDeadline(Duration.ofSeconds(envInt("MCRED_SERVER_REQUEST_DEADLINE_SECONDS", v, 1, 3600)));
      }
      if ((v = value(env, "MCRED_SERVER_PUBLIC_URL")) != null) {
        try {
          publicUrl(URI.create(v));
        } catch (IllegalArgumentException e) {
          throw new ServerException(ServerErrorCode.INVALID_CONFIG, "MCRED_SERVER_PUBLIC_URL: " + e.getMessage(), e);
        }
      }
      if ((v = value(env, "MCRED_SERVER_STATUS_STORE")) != null) {
        statusStoreSetting(v, Path.of("").toAbsolutePath());
      }
      if ((v = value(env, "MCRED_SERVER_TOKENS")) != null) {
        String[] tokens = v.split(",");
        for (int i = 0; i < tokens.length; i++) {
          String t = tokens[i].strip();
          if (t.length() < 16) {
            throw new ServerException(ServerErrorCode.INVALID_CONFIG, "MCRED_SERVER_TOKENS: token " + (i + 1)
                + " of " + tokens.length + ": expected at least 16 characters");
          }
          token(t);
        }
      }
      if ((v = value(env, "MCRED_SERVER_ACCESS_LOG")) != null) {
        accessLog(List.of("off", "stdout", "stderr").contains(v) ? v : Path.of(v).toAbsolutePath().toString());
      }
      for (String name : List.of("MCRED_SERVER_TRUST_ANCHORS", "MCRED_SERVER_CRLS")) {
        if ((v = value(env, name)) != null) {
          List<Path> files = new ArrayList<>();
          for (String f : v.split(",")) {
            if (!f.isBlank()) {
              files.add(Path.of(f.strip()).toAbsolutePath());
            }
          }
          x509(name.endsWith("CRLS"), files, name);
        }
      }
      String ks = value(env, "MCRED_SERVER_TLS_KEYSTORE");
      String pw = value(env, "MCRED_SERVER_TLS_KEYSTORE_PASSWORD");
      if (ks != null) {
        keystore(Path.of(ks).toAbsolutePath(), pw != null ? pw.toCharArray()
            : keystorePassword != null ? keystorePassword : new char[0]);
      } else if (pw != null) {
        if (keystore == null) {
          throw new ServerException(ServerErrorCode.INVALID_CONFIG, "MCRED_SERVER_TLS_KEYSTORE_PASSWORD: set, but "
              + "no key store is configured (MCRED_SERVER_TLS_KEYSTORE or $.tls.keystore)");
        }
        keystorePassword = pw.toCharArray();
      }
      return this;
    }

    private static String value(Map<String, String> env, String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? null : v.strip();
    }

    private static int envInt(String name, String v, int min, int max) throws ServerException {
      try {
        int n = Integer.parseInt(v);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // below
      }
      throw new ServerException(ServerErrorCode.INVALID_CONFIG, name + ": expected an integer in [" + min + ", "
          + max + "], got '" + v + "'");
    }

    /** A status store setting: {@code memory}, a JDBC URL, or an H2 file path resolved against {@code dir}. */
    Builder statusStoreSetting(String store, Path dir) {
      if (store.equals("memory")) {
        return statusStore(new InMemoryStatusStore());
      }
      if (store.startsWith("jdbc:")) {
        return statusJdbcUrl(store);
      }
      return statusJdbcUrl(JdbcStatusStore.embeddedH2Url(dir.resolve(store)));
    }

    /**
     * How many tokens are configured so far.
     *
     * @return the count
     */
    public int tokenCount() {
      return tokenDigests.size();
    }

    /**
     * Keeps status lists in the database at a JDBC URL (opened at start, closed at stop; the driver must be on the
     * class path: H2 comes with the server, PostgreSQL's driver is the caller's). Replaces a supplied store.
     *
     * @param jdbcUrl the URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/microcred?user=...}
     * @return this
     */
    public Builder statusJdbcUrl(String jdbcUrl) {
      if (!Objects.requireNonNull(jdbcUrl, "jdbcUrl").startsWith("jdbc:")) {
        throw new IllegalArgumentException("statusJdbcUrl: expected a jdbc: URL");
      }
      this.statusJdbcUrl = jdbcUrl;
      this.statusStore = null;
      return this;
    }

    /**
     * Keeps status lists in a store the caller owns (and closes). Replaces a JDBC URL.
     *
     * @param store the store
     * @return this
     */
    public Builder statusStore(StatusStore store) {
      this.statusStore = Objects.requireNonNull(store, "store");
      this.statusJdbcUrl = null;
      return this;
    }

    /**
     * Sets the public base URL of status lists (absolute http(s), no query or fragment).
     *
     * @param url the URL
     * @return this
     */
    public Builder publicUrl(URI url) {
      Objects.requireNonNull(url, "url");
      if (!url.isAbsolute() || !(url.getScheme().equals("https") || url.getScheme().equals("http"))
          || url.getRawQuery() != null || url.getRawFragment() != null || url.getHost() == null) {
        throw new IllegalArgumentException("publicUrl: expected an absolute http(s) URL without query or "
            + "fragment, got " + url);
      }
      this.publicUrl = url;
      return this;
    }

    /**
     * Sets the interface address.
     *
     * @param h the host
     * @return this
     */
    public Builder host(String h) {
      this.host = Objects.requireNonNull(h, "host");
      return this;
    }

    /**
     * Sets the port (0: ephemeral).
     *
     * @param p the port
     * @return this
     */
    public Builder port(int p) {
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("port: expected 0..65535, got " + p);
      }
      this.port = p;
      return this;
    }

    /**
     * HTTPS (default) or plain HTTP.
     *
     * @param on true for HTTPS
     * @return this
     */
    public Builder tls(boolean on) {
      this.tls = on;
      return this;
    }

    /**
     * Sets the request body limit.
     *
     * @param n bytes, at least 1024
     * @return this
     */
    public Builder maxBodyBytes(int n) {
      if (n < 1024) {
        throw new IllegalArgumentException("maxBodyBytes: expected at least 1024, got " + n);
      }
      this.maxBodyBytes = n;
      return this;
    }

    /**
     * Adds an issuer.
     *
     * @param i the issuer
     * @return this
     */
    public Builder issuer(Issuer i) {
      issuers.add(Objects.requireNonNull(i, "issuer"));
      return this;
    }

    /**
     * Adds an accepted bearer token (kept as its SHA-256 digest).
     *
     * @param token the token
     * @return this
     */
    public Builder token(String token) {
      if (Objects.requireNonNull(token, "token").isBlank()) {
        throw new IllegalArgumentException("token: must not be blank");
      }
      tokenDigests.add(sha256(token));
      return this;
    }

    /**
     * Builds.
     *
     * @return the configuration
     * @throws IllegalArgumentException when CRLs are set without trust anchors
     */
    public ServerConfig build() {
      if (!crls.isEmpty() && trustAnchors.isEmpty()) {
        throw new IllegalArgumentException("crls: CRLs are read for x5c chains, which need trustAnchors");
      }
      return new ServerConfig(this);
    }
  }
}
