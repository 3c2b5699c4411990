package io.github.microcred.server.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.server.ServerConfig;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.OpenBadges;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.ob3.MicroCredentials;
import io.github.microcred.vc.ob3.Profile;
import io.github.microcred.vc.presentation.PresentationVerification;
import io.github.microcred.vc.presentation.PresentationVerifyOperation;
import io.github.microcred.vc.presentation.Presentations;
import io.github.microcred.vc.sdjwt.SdJwt;
import io.github.microcred.vc.sdjwt.SdJwtIssueOperation;
import io.github.microcred.vc.sdjwt.SdJwtVerification;
import io.github.microcred.vc.sdjwt.SdJwtVerifyOperation;
import io.github.microcred.vc.status.RevocationList;
import io.github.microcred.vc.status.TokenStatusList;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The VC-API routes. Each request is answered with JSON; every error is an RFC 9457 problem detail
 * ({@code application/problem+json}). Bodies are read up to the configured limit and no further (413 beyond).
 * Verification never fetches anything remote: the library's pinned contexts and did:key only.
 */
public final class ApiHandler extends Handler.Abstract {
  static final String PROBLEM = "application/problem+json";
  static final String JSON_TYPE = "application/json";
  static final String ENVELOPED_PREFIX = "data:application/vc+jwt,";
  /** {@code options.format} of an SD-JWT VC. */
  static final String SD_JWT_FORMAT = "dc+sd-jwt";
  /** The data URL of an enveloped SD-JWT VC. */
  static final String SD_JWT_PREFIX = "data:application/dc+sd-jwt,";
  /** The id prefix of an enveloped OB 3.0 JWT (the profile's {@code typ} is {@code JWT}). */
  static final String OB3_ENVELOPED_PREFIX = "data:application/jwt,";

  /**
   * The deepest nesting of arrays and objects a request body may have: the library's bound on a document
   * ({@code CanonicalizationLimits.DEFAULT}, 64) plus the request object that wraps it. Deeper bodies are refused
   * while parsing, before anything recurses through them.
   */
  public static final int MAX_DEPTH = Json.MAX_DEPTH;

  private static final ObjectMapper JSON = Json.MAPPER;

  /** Reads request bodies: decimals exactly (then {@link #exactNumbers}); made once, not per request. */
  private static final ObjectReader BODY_READER = JSON.reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Writes answers straight to UTF-8 bytes (no intermediate String). */
  private static final ObjectWriter ANSWER_WRITER = JSON.writer();

  private final ServerConfig config;
  private final String version;
  private final StatusService status;
  private final Authenticator auth;
  private final AccessLog log;
  /** The configured issuers by id (the first of a repeated id), in configuration order: made once, not per request. */
  private final Map<String, ServerConfig.Issuer> issuersById;

  /**
   * Creates the handler.
   *
   * @param config the configuration
   * @param version the version reported by {@code GET /version}
   * @param status the status lists, or {@code null} when no issuer has any
   * @param log the access log, or {@code null} for none
   */
  public ApiHandler(ServerConfig config, String version, StatusService status, AccessLog log) {
    super(InvocationType.BLOCKING);
    this.config = config;
    this.version = version;
    this.status = status;
    this.log = log;
    this.auth = new Authenticator(config);
    Map<String, ServerConfig.Issuer> byId = new LinkedHashMap<>();
    for (ServerConfig.Issuer i : config.issuers()) {
      byId.putIfAbsent(i.id(), i);
    }
    this.issuersById = Collections.unmodifiableMap(byId);
  }

  /** The verification options: defaults, with this service's status lists when it keeps any. */
  private VerifyOptions verifyOptions() {
    return status == null ? VerifyOptions.defaults() : VerifyOptions.defaults().withStatus(status.check());
  }

  /** An answer: status, content type, body. */
  record Answer(int status, String type, JsonNode body) {}

  /** A problem raised while handling; becomes a problem-details answer. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String kind;
    final String title;
    final transient ObjectNode extra;

    Problem(int status, String kind, String title, String detail) {
      this(status, kind, title, detail, null);
    }

    Problem(int status, String kind, String title, String detail, ObjectNode extra) {
      super(detail);
      this.status = status;
      this.kind = kind;
      this.title = title;
      this.extra = extra;
    }

    Answer answer() {
      ObjectNode n = JSON.createObjectNode().put("type", "urn:microcred:problem:" + kind).put("title", title)
          .put("status", status).put("detail", getMessage());
      if (extra != null) {
        n.setAll(extra);
      }
      return new Answer(status, PROBLEM, n);
    }
  }

  /** The answers' constant header fields, encoded once. */
  private static final HttpField JSON_CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
      JSON_TYPE + ";charset=utf-8");
  private static final HttpField PROBLEM_CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
      PROBLEM + ";charset=utf-8");
  private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

  private static final String SUBJECT = "io.github.microcred.server.subject";
  private static final String BODY_READ = "io.github.microcred.server.bodyRead";

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long t0 = System.nanoTime();
    Instant time = Instant.now();
    Answer a;
    String path = Request.getPathInContext(request);
    try {
      a = route(request, path);
    } catch (Problem p) {
      a = p.answer();
    } catch (RuntimeException e) {
      a = new Problem(500, "internal-error", "Internal error", "the request could not be handled: "
          + e.getClass().getSimpleName()).answer();
    }
    if (a.status == 401 || a.status == 403) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, challenge(a));
    }
    if (a.status == 415) {
      response.getHeaders().put(HttpHeader.ACCEPT, JSON_TYPE); // RFC 9110 15.5.16: what would have been accepted
    }
    if (request.getAttribute(BODY_READ) != Boolean.TRUE && request.getLength() != 0 && a.status >= 400
        && !drainUnreadBody(request)) {
      // refused before its body was read (401, 403, 413, ...) and the body is too large to drain: the unread body
      // makes the connection unusable, so say so before the response is committed, or a client that reuses the
      // connection reads no response at all
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.setStatus(a.status);
    response.getHeaders().put(a.type.equals(JSON_TYPE) ? JSON_CONTENT_TYPE : a.type.equals(PROBLEM)
        ? PROBLEM_CONTENT_TYPE : new HttpField(HttpHeader.CONTENT_TYPE, a.type + ";charset=utf-8"));
    response.getHeaders().put(NO_STORE);
    // a text body (a Status List Token) is sent as it is; JSON bodies are serialised
    byte[] out = a.body.isTextual() ? a.body.asText().getBytes(StandardCharsets.UTF_8) : bytes(a.body);
    if (log != null) {
      long id = log.nextId();
      response.getHeaders().put("X-Request-Id", Long.toString(id));
      Object subject = request.getAttribute(SUBJECT);
      log.log(id, time, request.getMethod(), path, a.status, (System.nanoTime() - t0) / 1_000,
          Math.max(0, request.getLength()), out.length, subject == null ? null : subject.toString(),
          a.type.equals(PROBLEM) ? a.body.path("type").asText(null) : null);
    }
    response.write(true, ByteBuffer.wrap(out), callback);
    return true;
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return ANSWER_WRITER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written: " + e.getOriginalMessage(), e);
    }
  }

  private Answer route(Request request, String path) throws Problem {
    String method = request.getMethod();
    switch (path) {
      case "/health":
        requireMethod(method, "GET");
        return new Answer(200, JSON_TYPE, JSON.createObjectNode().put("status", "ok"));
      case "/version":
        requireMethod(method, "GET");
        return new Answer(200, JSON_TYPE, JSON.createObjectNode().put("name", "microcred-server")
            .put("version", version));
      case "/credentials/issue":
        requireMethod(method, "POST");
        authorize(request, Authenticator.ISSUE);
        return issue(body(request));
      case "/credentials/derive":
        requireMethod(method, "POST");
        if (!config.openVerify()) {
          authorize(request, Authenticator.VERIFY);
        }
        return derive(body(request));
      case "/credentials/status":
        requireMethod(method, "POST");
        authorize(request, Authenticator.STATUS);
        return updateStatus(body(request));
      case "/credentials/verify":
        requireMethod(method, "POST");
        if (!config.openVerify()) {
          authorize(request, Authenticator.VERIFY);
        }
        return verifyCredential(body(request));
      case "/presentations/verify":
        requireMethod(method, "POST");
        if (!config.openVerify()) {
          authorize(request, Authenticator.VERIFY);
        }
        return verifyPresentation(body(request));
      case "/audits":
        requireMethod(method, "POST");
        if (!config.openVerify()) {
          authorize(request, Authenticator.AUDIT);
        }
        return audit(body(request));
      default:
        if (path.startsWith("/microcredentials/") && path.endsWith("/awards")) {
          requireMethod(method, "POST");
          authorize(request, Authenticator.ISSUE);
          return award(path.substring("/microcredentials/".length(), path.length() - "/awards".length()),
              body(request));
        }
        if (status != null && StatusService.isListPath(path)) {
          requireMethod(method, "GET");
          return statusList(path);
        }
        if (status != null && StatusService.isTokenListPath(path)) {
          requireMethod(method, "GET");
          return tokenStatusList(path);
        }
        if (status != null && StatusService.isRevocationListPath(path)) {
          requireMethod(method, "GET");
          return revocationList(path);
        }
        throw new Problem(404, "not-found", "Not found", "no endpoint " + path + " (expected /credentials/issue, "
            + "/credentials/derive, /credentials/status, /credentials/verify, /presentations/verify, /microcredentials/{name}/awards, "
            + "/audits, "
            + "/status-lists/..., /token-status-lists/..., /revocation-lists/..., /health or /version)");
    }
  }

  /** {@code GET /revocation-lists/{did:key id}}: the issuer's 1EdTech Revocation List, plain JSON. */
  private Answer revocationList(String path) throws Problem {
    Optional<String> text;
    try {
      text = status.revocationListAt(path);
    } catch (VcException e) {
      throw new Problem(500, "status-list-unavailable", "Status list unavailable", "the 1EdTech Revocation List "
          + "cannot be published: " + e.getMessage());
    }
    if (text.isEmpty()) {
      throw new Problem(404, "not-found", "Not found", "no 1EdTech Revocation List at " + path);
    }
    try {
      return new Answer(200, JSON_TYPE, JSON.readTree(text.get()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The credential types whose specs (OB 3.0, CLR 2.0) define the {@code 1EdTechRevocationList} status method. */
  private static final Set<String> ONE_EDTECH_TYPES = Set.of("OpenBadgeCredential",
      "AchievementCredential", "EndorsementCredential", "ClrCredential");

  private static boolean isOneEdTechCredential(JsonNode credential) {
    JsonNode type = credential.get("type");
    if (type != null && type.isTextual()) {
      return ONE_EDTECH_TYPES.contains(type.asText());
    }
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (t.isTextual() && ONE_EDTECH_TYPES.contains(t.asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code GET /token-status-lists/...}: the Status List Token, {@code application/statuslist+jwt}. */
  private Answer tokenStatusList(String path) throws Problem {
    Optional<String> text;
    try {
      text = status.tokenAt(path);
    } catch (VcException e) {
      throw new Problem(500, "status-list-unavailable", "Status list unavailable", "the Status List Token cannot "
          + "be published: " + e.getMessage());
    }
    if (text.isEmpty()) {
      throw new Problem(404, "not-found", "Not found", "no Token Status List at " + path);
    }
    return new Answer(200, TokenStatusList.MEDIA_TYPE,
        TextNode.valueOf(text.get()));
  }

  private Answer statusList(String path) throws Problem {
    Optional<String> text;
    try {
      text = status.publishedAt(path);
    } catch (VcException e) {
      throw new Problem(500, "status-list-unavailable", "Status list unavailable", "the status list cannot be "
          + "published: " + e.getMessage());
    }
    if (text.isEmpty()) {
      throw new Problem(404, "not-found", "Not found", "no status list at " + path);
    }
    try {
      return new Answer(200, JSON_TYPE, JSON.readTree(text.get()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code POST /credentials/status}: {@code {"credentialStatus": entry | [entries], "action": "revoke" | "suspend" |
   * "resume"}}, the entries as the issued credential carries them; the action applies to the entries of its purpose
   * (revocation for revoke, suspension for suspend and resume).
   */
  private Answer updateStatus(ObjectNode body) throws Problem {
    if (status == null) {
      throw new Problem(422, "no-status-lists", "No status lists", "no issuer of this service keeps status lists "
          + "(configure \"status\" on an issuer)");
    }
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!n.equals("credentialStatus") && !n.equals("status") && !n.equals("action")) {
        throw new Problem(400, "malformed-request", "Malformed request", "$." + n + ": unknown member (expected "
            + "credentialStatus or status, and action)");
      }
    }
    JsonNode a = body.get("action");
    StatusService.Action action;
    if (a == null || !a.isTextual()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.action: expected \"revoke\", "
          + "\"suspend\" or \"resume\"");
    }
    switch (a.asText()) {
      case "revoke" -> action = StatusService.Action.REVOKE;
      case "suspend" -> action = StatusService.Action.SUSPEND;
      case "resume" -> action = StatusService.Action.RESUME;
      default -> throw new Problem(400, "malformed-request", "Malformed request", "$.action: expected \"revoke\", "
          + "\"suspend\" or \"resume\", got " + a);
    }
    if (body.has("status") && body.has("credentialStatus")) {
      throw new Problem(400, "malformed-request", "Malformed request", "$: send either credentialStatus (a W3C "
          + "credential's entries) or status (an SD-JWT VC's status claim), not both");
    }
    if (body.has("status")) {
      return updateTokenStatus(body.get("status"), action);
    }
    String purpose = action == StatusService.Action.REVOKE ? "revocation" : "suspension";
    JsonNode cs = body.get("credentialStatus");
    if (cs == null || !(cs.isObject() || cs.isArray()) || cs.isEmpty()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.credentialStatus: expected the "
          + "credential's BitstringStatusListEntry object or array of them");
    }
    record Target(String path, String list, long index, ObjectNode entry) {}
    List<Target> targets = new ArrayList<>();
    int i = 0;
    for (JsonNode e : cs.isArray() ? cs : JSON.createArrayNode().add(cs)) {
      String at = cs.isArray() ? "$.credentialStatus[" + i + "]" : "$.credentialStatus";
      i++;
      if (e.isObject() && e.path("type").asText().equals(RevocationList.TYPE)) {
        // the issuer's 1EdTech Revocation List follows the credential's revocation entry, which this request
        // must carry too: nothing to update here
        continue;
      }
      if (!e.isObject() || !e.path("type").asText().equals("BitstringStatusListEntry")) {
        throw new Problem(400, "malformed-request", "Malformed request", at + ".type: expected "
            + "BitstringStatusListEntry (or " + RevocationList.TYPE + ", which "
            + "follows the revocation entry)");
      }
      String list = e.path("statusListCredential").asText("");
      String index = e.path("statusListIndex").asText("");
      if (!e.path("statusListCredential").isTextual() || list.isEmpty()) {
        throw new Problem(400, "malformed-request", "Malformed request", at + ".statusListCredential: expected "
            + "the status list URL");
      }
      if (!e.path("statusListIndex").isTextual() || !index.matches("[0-9]{1,10}")) {
        throw new Problem(400, "malformed-request", "Malformed request", at + ".statusListIndex: expected a "
            + "non-negative integer as a string, got " + e.get("statusListIndex"));
      }
      if (!e.path("statusPurpose").isTextual()) {
        throw new Problem(400, "malformed-request", "Malformed request", at + ".statusPurpose: expected "
            + "revocation or suspension");
      }
      if (e.path("statusPurpose").asText().equals(purpose)) {
        targets.add(new Target(at, list, Long.parseLong(index), (ObjectNode) e));
      }
    }
    if (targets.isEmpty()) {
      throw new Problem(422, "no-matching-entry", "No matching status entry", "$.credentialStatus: no "
          + "BitstringStatusListEntry with statusPurpose " + purpose + " to " + a.asText() + " (a "
          + RevocationList.TYPE + " entry is revoked through the credential's "
          + "revocation entry)");
    }
    ArrayNode done = JSON.createArrayNode();
    for (Target t : targets) {
      int value;
      try {
        value = status.update(t.list(), t.index(), action);
      } catch (VcException e) {
        int code = e.code() == VcErrorCode.STATUS_STORE_FAILURE ? 503 : 422;
        throw new Problem(code, code == 503 ? "status-store-unavailable" : "invalid-status-entry",
            code == 503 ? "Status store unavailable" : "Invalid status entry", t.path() + ": " + e.getMessage());
      }
      ObjectNode r = t.entry().deepCopy();
      r.put("status", value);
      done.add(r);
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("credentialStatus", done);
    return new Answer(200, JSON_TYPE, out);
  }

  /**
   * The {@code status} form of {@code POST /credentials/status}: {@code {"status": {"status_list": {"idx": n,
   * "uri": ".."}}, "action": ..}}, the SD-JWT VC's claim as issued; answers the claim with {@code status_list.status}
   * the new value (0 VALID, 1 INVALID, 2 SUSPENDED).
   */
  private Answer updateTokenStatus(JsonNode claim, StatusService.Action action) throws Problem {
    JsonNode ref = claim.path("status_list");
    if (!claim.isObject() || claim.size() != 1 || !ref.isObject()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.status: expected the SD-JWT VC's status "
          + "claim {\"status_list\": {\"idx\": n, \"uri\": \"...\"}}");
    }
    JsonNode idx = ref.get("idx");
    JsonNode uri = ref.get("uri");
    if (idx == null || !idx.isIntegralNumber() || !idx.canConvertToLong() || idx.asLong() < 0) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.status.status_list.idx: expected a "
          + "non-negative integer, got " + idx);
    }
    if (uri == null || !uri.isTextual() || uri.asText().isEmpty()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.status.status_list.uri: expected the "
          + "Status List Token's URI");
    }
    int value;
    try {
      value = status.updateToken(uri.asText(), idx.asLong(), action);
    } catch (VcException e) {
      int code = e.code() == VcErrorCode.STATUS_STORE_FAILURE ? 503 : 422;
      throw new Problem(code, code == 503 ? "status-store-unavailable" : "invalid-status-entry",
          code == 503 ? "Status store unavailable" : "Invalid status entry", "$.status.status_list: "
              + e.getMessage());
    }
    ObjectNode out = JSON.createObjectNode();
    ObjectNode done = ((ObjectNode) ref).deepCopy();
    done.put("status", value);
    out.putObject("status").set("status_list", done);
    return new Answer(200, JSON_TYPE, out);
  }

  private static void requireMethod(String method, String expected) throws Problem {
    if (!method.equals(expected)) {
      throw new Problem(405, "method-not-allowed", "Method not allowed", method + " is not allowed here; use "
          + expected);
    }
  }

  private void authorize(Request request, String scope) throws Problem {
    Authenticator.Outcome o = auth.check(request.getHeaders().get(HttpHeader.AUTHORIZATION), scope);
    if (o.subject() != null) {
      request.setAttribute(SUBJECT, o.subject());
    }
    if (o.ok()) {
      return;
    }
    ObjectNode extra = JSON.createObjectNode();
    if (o.error() != null) {
      extra.put("error", o.error());
    }
    if (o.status() == 403) {
      extra.put("scope", scope);
      throw new Problem(403, "insufficient-scope", "Forbidden", o.detail(), extra);
    }
    throw new Problem(401, o.error() == null ? "unauthorized" : "invalid-token", "Unauthorized", o.detail(), extra);
  }

  /** The RFC 6750 challenge of a 401 / 403 problem. */
  private static String challenge(Answer a) {
    StringBuilder c = new StringBuilder("Bearer realm=\"microcred\"");
    String error = a.body.path("error").asText("");
    if (!error.isEmpty()) {
      c.append(", error=\"").append(error).append('"');
    }
    if (a.status == 403) {
      c.append(", scope=\"").append(a.body.path("scope").asText()).append('"');
    }
    return c.toString();
  }

  /**
   * Reads the body as a JSON object, refusing more than the limit without reading past it, a media type other than
   * JSON (415; a body without {@code Content-Type} is read as JSON), and nesting deeper than {@link #MAX_DEPTH}.
   */
  private ObjectNode body(Request request) throws Problem {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type != null && !isJson(type)) {
      throw new Problem(415, "unsupported-media-type", "Unsupported media type", "Content-Type " + type
          + ": expected application/json (or an application/*+json type)");
    }
    long declared = request.getLength();
    int limit = config.maxBodyBytes();
    if (declared > limit) {
      throw tooLarge(declared + " bytes declared");
    }
    byte[] buf;
    try {
      // the first limit + 1 bytes are kept; beyond the limit the rest is read and dropped (up to the drain bound) so
      // that the 413 reaches the client
      RequestDeadline.Read r = RequestDeadline.read(request, drainBound(), limit, deadline(request));
      buf = r.bytes();
      if (r.count() > limit) {
        request.setAttribute(BODY_READ, r.ended());
        throw tooLarge("more than " + limit + " bytes sent");
      }
    } catch (TimeoutException e) {
      request.setAttribute(BODY_READ, Boolean.FALSE);
      throw requestTimeout();
    } catch (IOException e) {
      request.setAttribute(BODY_READ, Boolean.FALSE);
      throw new Problem(400, "malformed-request", "Malformed request", "the body could not be read: "
          + e.getMessage());
    }
    request.setAttribute(BODY_READ, Boolean.TRUE);
    JsonNode n;
    JsonParser parser = null;
    try {
      parser = BODY_READER.createParser(buf);
      n = BODY_READER.readTree(parser);
    } catch (StreamConstraintsException e) {
      throw new Problem(400, "nesting-too-deep", "Nesting too deep", where(e, parser) + ": nested deeper than "
          + MAX_DEPTH + " arrays and objects (the limit of a request body)");
    } catch (JsonProcessingException e) {
      throw new Problem(400, "malformed-json", "Malformed JSON", where(e, parser) + ": the body is not JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Problem(400, "malformed-json", "Malformed JSON", "the body is not JSON: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$: expected a JSON object");
    }
    exactNumbers(n, "$");
    return (ObjectNode) n;
  }

  /**
   * Replaces each decimal number of a body (read exactly) by the double it denotes, refusing one whose value a double
   * does not keep ({@code 1e400}, {@code 1e-400}, {@code 0.1000000000000000000001}): read as a double it would be
   * signed and returned as another value ({@code "Infinity"}, {@code 0.0}, {@code 0.1}) than the one sent, and
   * verifiers, which read JSON numbers as doubles, would read that other value.
   */
  private static void exactNumbers(JsonNode node, String path) throws Problem {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isBigDecimal()) {
          e.setValue(exactDouble(e.getValue(), path + "." + e.getKey()));
        } else {
          exactNumbers(e.getValue(), path + "." + e.getKey());
        }
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isBigDecimal()) {
          a.set(i, exactDouble(a.get(i), path + "[" + i + "]"));
        } else {
          exactNumbers(a.get(i), path + "[" + i + "]");
        }
      }
    }
  }

  private static JsonNode exactDouble(JsonNode decimal, String path) throws Problem {
    BigDecimal exact = decimal.decimalValue();
    double d = exact.doubleValue();
    boolean same = !Double.isInfinite(d) && BigDecimal.valueOf(d).compareTo(exact) == 0;
    // up to 15 significant digits of a normal double always come back (a mismatch is Double.toString's spelling);
    // more digits, underflow to 0, subnormals and overflow lose the value sent
    if (Double.isInfinite(d) || d == 0 && exact.signum() != 0
        || !same && (exact.precision() > 15 || Math.abs(d) < Double.MIN_NORMAL)) {
      String text = exact.toString();
      throw new Problem(400, "inexact-number", "Number not exact", path + ": " + (text.length() > 40
          ? text.substring(0, 40) + "..." : text) + " is not exactly a JSON number a verifier reads alike (a double: "
          + (Double.isInfinite(d) ? "beyond its range" : "it would be read as " + d) + "); send the double's own digits (at most 17 "
          + "significant, within 1e-308..1e308), or a string");
    }
    return DoubleNode.valueOf(d);
  }

  /**
   * The most bytes of a refused body read and dropped so that the connection stays usable and the client, still
   * sending, reads the answer: closing a socket with unread input resets it, and the client may then lose the
   * response. Bodies larger than this get {@code Connection: close} instead.
   */
  private long drainBound() {
    return 2L * config.maxBodyBytes();
  }

  /**
   * Reads and drops a body that was not read because the request was refused first; true when it was read to its
   * end within {@link #drainBound()}.
   */
  private boolean drainUnreadBody(Request request) {
    if (request.getAttribute(BODY_READ) != null) {
      return request.getAttribute(BODY_READ) == Boolean.TRUE;
    }
    long declared = request.getLength();
    if (declared > drainBound()) {
      return false;
    }
    try {
      return RequestDeadline.read(request, drainBound(), 0, deadline(request)).ended();
    } catch (TimeoutException | IOException e) {
      return false;
    }
  }

  /** When the request's headers and body must have arrived ({@link System#nanoTime()} scale). */
  private long deadline(Request request) {
    return request.getBeginNanoTime() + config.requestDeadline().toNanos();
  }

  private Problem requestTimeout() {
    Duration d = config.requestDeadline();
    return new Problem(408, "request-timeout", "Request timeout", "the request was not received in full within "
        + "its deadline of " + (d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms")
        + " (headers and body, counted from its first byte); the connection is closed");
  }

  /** Whether a Content-Type names JSON: application/json or application/*+json, parameters aside. */
  static boolean isJson(String contentType) {
    String t = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return t.equals("application/json") || t.startsWith("application/") && t.endsWith("+json")
        && t.indexOf('/') == t.lastIndexOf('/');
  }

  /**
   * Where a parse failed: the JSON path of the value being read ({@code $.credential.proof[0]}; an array or object
   * just opened, with no member read yet, is named by the path that holds it), then line and column. The location is
   * the exception's, or else the parser's: Jackson's {@code StreamConstraintsException} (nesting too deep) carries
   * none.
   */
  static String where(JsonProcessingException e, JsonParser parser) {
    StringBuilder at = new StringBuilder("$");
    if (parser != null) {
      ArrayDeque<String> steps = new ArrayDeque<>();
      for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot();
          c = c.getParent()) {
        if (c.inArray() && c.hasCurrentIndex()) { // getCurrentIndex() says 0 before the first element too
          steps.push("[" + c.getCurrentIndex() + "]");
        } else if (c.inObject() && c.getCurrentName() != null) {
          steps.push("." + c.getCurrentName());
        }
      }
      steps.forEach(at::append);
    }
    JsonLocation l = e.getLocation();
    if ((l == null || l.getLineNr() <= 0) && parser != null) {
      l = parser.currentLocation();
    }
    if (l != null && l.getLineNr() > 0) {
      at.append(" (line ").append(l.getLineNr()).append(", column ").append(l.getColumnNr()).append(')');
    }
    return at.toString();
  }

  private Problem tooLarge(String what) {
    return new Problem(413, "body-too-large", "Request body too large", what + "; the limit is "
        + config.maxBodyBytes() + " bytes");
  }

  private static ObjectNode options(ObjectNode body) throws Problem {
    JsonNode o = body.get("options");
    if (o == null || o.isNull()) {
      return JSON.createObjectNode();
    }
    if (!o.isObject()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.options: expected an object");
    }
    return (ObjectNode) o;
  }

  /** An optional array of strings in the options, e.g. {@code mandatoryPointers}. */
  private static List<String> optionalStrings(ObjectNode options, String name) throws Problem {
    JsonNode v = options.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.options." + name
          + ": expected an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw new Problem(400, "malformed-request", "Malformed request", "$.options." + name + "[" + i
            + "]: expected a string (a JSON pointer)");
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  /**
   * {@code POST /credentials/derive} (VC-API, ecdsa-sd-2023 holders): {@code {"verifiableCredential": base,
   * "options": {"selectivePointers": [...]}}} answers 201 with the derived credential, which discloses the issuer's
   * mandatory parts and the selected ones. The base proof is not verified here (POST /credentials/verify the
   * result); a credential without an ecdsa-sd-2023 base proof, a pointer that does not match and a proof value
   * that does not fit are 422 problems naming the cause.
   */
  private Answer derive(ObjectNode body) throws Problem {
    JsonNode c = body.get("verifiableCredential");
    if (c == null || !c.isObject()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.verifiableCredential: expected a "
          + "credential object with an ecdsa-sd-2023 base proof");
    }
    List<String> pointers = optionalStrings(options(body), "selectivePointers");
    try {
      return new Answer(201, JSON_TYPE, Credentials.derive(c, pointers).get());
    } catch (VcException e) {
      throw new Problem(422, "invalid-credential", "Invalid credential", e.code() + ": " + e.getMessage());
    }
  }

  private static String optionalText(ObjectNode options, String name) throws Problem {
    JsonNode v = options.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.options." + name + ": expected a string");
    }
    return v.asText();
  }

  private Answer issue(ObjectNode body) throws Problem {
    JsonNode c = body.get("credential");
    if (c == null || !c.isObject()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.credential: expected a credential object");
    }
    return issue((ObjectNode) c, options(body));
  }

  /** Issues a credential: the issuer named by its {@code issuer}, the format of the issuer or the options. */
  private Answer issue(ObjectNode credential, ObjectNode options) throws Problem {
    if (credential.has("proof")) {
      throw new Problem(422, "invalid-credential", "Invalid credential", "$.credential.proof: the credential to "
          + "issue must not already carry a proof");
    }
    JsonNode iss = credential.get("issuer");
    String issuerId = iss == null ? null : iss.isTextual() ? iss.asText()
        : iss.isObject() && iss.path("id").isTextual() ? iss.get("id").asText() : null;
    if (issuerId == null) {
      throw new Problem(422, "invalid-credential", "Invalid credential", "$.credential.issuer: expected the "
          + "issuer's id (a string, or an object with an id)");
    }
    ServerConfig.Issuer issuer = issuersById.get(issuerId);
    if (issuer == null) {
      throw new Problem(422, "unknown-issuer", "Unknown issuer", "$.credential.issuer: '" + issuerId
          + "' is not an issuer of this service (configured: " + List.copyOf(issuersById.keySet()) + ")");
    }
    boolean withStatus = status != null && status.issuesStatus(issuer);
    if (withStatus && credential.has("credentialStatus")) {
      throw new Problem(422, "invalid-credential", "Invalid credential", "$.credential.credentialStatus: this "
          + "issuer assigns the status entries itself (" + issuer.status().stream().map(p -> p.term()).toList()
          + "); send the credential without credentialStatus");
    }
    String format = optionalText(options, "format");
    String suiteName = optionalText(options, "cryptosuite");
    ServerConfig.Format mode = issuer.format();
    boolean sdJwt = false;
    if (format != null) {
      if (!format.equals("vc+jwt") && !format.equals("data-integrity") && !format.equals(SD_JWT_FORMAT)
          && !format.equals("ob3-jwt")) {
        throw new Problem(400, "malformed-request", "Malformed request", "$.options.format: expected vc+jwt, "
            + "data-integrity, ob3-jwt or dc+sd-jwt, got '" + format + "'");
      }
      mode = format.equals("vc+jwt") ? ServerConfig.Format.VC_JWT : format.equals("ob3-jwt")
          ? ServerConfig.Format.OB3_JWT : ServerConfig.Format.DATA_INTEGRITY;
      sdJwt = format.equals(SD_JWT_FORMAT);
    }
    for (String n : List.of("disclose", "holderJwk", "vct")) {
      if (!sdJwt && options.has(n)) {
        throw new Problem(400, "malformed-request", "Malformed request", "$.options." + n + ": applies to "
            + "options.format dc+sd-jwt only");
      }
    }
    Cryptosuite suite = issuer.cryptosuite().orElse(null);
    if (suiteName != null) {
      suite = Cryptosuite.byId(suiteName).filter(s -> s.accepts(issuer.key().type())).orElseThrow(() ->
          new Problem(422, "unsupported-cryptosuite", "Unsupported cryptosuite", "$.options.cryptosuite: '"
              + suiteName + "' is not available for this issuer's " + issuer.key().type() + " key"));
      mode = ServerConfig.Format.DATA_INTEGRITY;
    }
    if (!sdJwt && mode == ServerConfig.Format.DATA_INTEGRITY && suite == null) {
      throw new Problem(422, "unsupported-cryptosuite", "Unsupported cryptosuite", "$.options.format: this "
          + "issuer's " + issuer.key().type() + " key signs JWTs only (vc+jwt, ob3-jwt)");
    }
    try {
      if (withStatus && !sdJwt) {
        credential = credential.deepCopy();
        // an Open Badges 3.0 / CLR 2.0 credential also gets a 1EdTechRevocationList entry (what 1EdTech
        // displayers read): its revocation entry is bound to its id, so revoking it revokes in both lists
        String credentialId = null;
        if (status.publishesRevocationList(issuer) && isOneEdTechCredential(credential)) {
          JsonNode id = credential.get("id");
          if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new Problem(422, "invalid-credential", "Invalid credential", "$.credential.id: an Open Badges "
                + "or CLR credential of an issuer with revocation status needs its id (the issuer's 1EdTech "
                + "Revocation List names revoked credentials by id)");
          }
          credentialId = id.asText();
          JsonNode ctx = credential.get("@context");
          if (ctx == null || !ctx.isArray()) {
            throw new Problem(422, "invalid-credential", "Invalid credential", "$.credential.@context: expected "
                + "an array of contexts");
          }
          boolean listed = false;
          for (JsonNode c : ctx) {
            listed |= c.isTextual() && c.asText().equals(RevocationList.CONTEXT);
          }
          if (!listed) {
            ((ArrayNode) ctx).add(RevocationList.CONTEXT);
          }
        }
        credential.set("credentialStatus", status.allocate(issuer, credentialId));
      }
      JsonNode issued;
      VerificationResult self;
      if (sdJwt) {
        // an SD-JWT VC carries the IETF Token Status List status claim (what SD-JWT VC verifiers read)
        String token = sdJwt(credential, issuer, options, withStatus ? status.allocateToken(issuer) : null);
        self = SdJwt.verify(token).withoutKeyBinding().get().result();
        issued = JSON.createObjectNode().put("@context", "https://www.w3.org/ns/credentials/v2")
            .put("id", SD_JWT_PREFIX + token).put("type", "EnvelopedVerifiableCredential");
      } else if (mode == ServerConfig.Format.VC_JWT) {
        String token = VcJwt.sign(credential, issuer.key()).get();
        self = VcJwt.verify(token).get().result();
        issued = JSON.createObjectNode().put("@context", "https://www.w3.org/ns/credentials/v2")
            .put("id", ENVELOPED_PREFIX + token).put("type", "EnvelopedVerifiableCredential");
      } else if (mode == ServerConfig.Format.OB3_JWT) {
        String token = Ob3Jwt.sign(credential, issuer.key()).get();
        self = Ob3Jwt.verify(token).get().result();
        issued = JSON.createObjectNode().put("@context", "https://www.w3.org/ns/credentials/v2")
            .put("id", OB3_ENVELOPED_PREFIX + token).put("type", "EnvelopedVerifiableCredential");
      } else {
        List<String> mandatory = optionalStrings(options, "mandatoryPointers");
        if (!mandatory.isEmpty() && suite != Cryptosuite.ECDSA_SD_2023) {
          throw new Problem(422, "invalid-options", "Invalid options", "$.options.mandatoryPointers: only the "
              + "ecdsa-sd-2023 cryptosuite takes mandatory pointers (this issuance uses " + suite.id() + ")");
        }
        ObjectNode signed = Credentials.sign(credential, issuer.key(), suite).withMandatoryPointers(mandatory)
            .get();
        if (suite == Cryptosuite.ECDSA_SD_2023) {
          // a base proof is for the holder, whom verifiers never accept it from: check it by deriving a proof that
          // discloses every member, and verifying that
          List<String> all = new ArrayList<>();
          signed.fieldNames().forEachRemaining(f -> {
            if (!f.equals("@context") && !f.equals("proof")) {
              all.add("/" + f.replace("~", "~0").replace("/", "~1"));
            }
          });
          self = Credentials.verify(Credentials.derive(signed, all).get()).get();
        } else {
          self = Credentials.verify(signed).get();
        }
        issued = signed;
      }
      // the issuer hands out nothing its own verifier rejects (the validity window and status aside: a credential
      // may be valid from a future date, and its status list is checked where it is published)
      List<VerificationCheck> bad = self.failures().stream()
          .filter(f -> f.name() != CheckName.VALIDITY_PERIOD && f.name() != CheckName.STATUS).toList();
      if (!bad.isEmpty()) {
        ObjectNode extra = JSON.createObjectNode();
        extra.set("checks", checks(bad));
        throw new Problem(422, "invalid-credential", "Invalid credential", "the credential is not a valid "
            + "verifiable credential: " + bad.get(0).path() + ": " + bad.get(0).message(), extra);
      }
      return new Answer(201, JSON_TYPE, JSON.createObjectNode().set("verifiableCredential", issued));
    } catch (VcException e) {
      throw new Problem(422, "invalid-credential", "Invalid credential", e.getMessage());
    }
  }

  /**
   * Issues as SD-JWT VC: {@code options.disclose} (JSON Pointers), {@code options.holderJwk} (cnf key),
   * {@code options.vct} (default for Open Badges 3.0 / CLR 2.0 credentials).
   */
  private static String sdJwt(ObjectNode credential, ServerConfig.Issuer issuer, ObjectNode options,
      StatusService.TokenEntry statusEntry) throws Problem, VcException {
    List<String> pointers = new ArrayList<>();
    JsonNode d = options.get("disclose");
    if (d != null) {
      if (!d.isArray()) {
        throw new Problem(400, "malformed-request", "Malformed request", "$.options.disclose: expected an array of "
            + "JSON Pointers");
      }
      for (int i = 0; i < d.size(); i++) {
        if (!d.get(i).isTextual()) {
          throw new Problem(400, "malformed-request", "Malformed request", "$.options.disclose[" + i
              + "]: expected a JSON Pointer string");
        }
        pointers.add(d.get(i).asText());
      }
    }
    SdJwtIssueOperation op = SdJwt.issue(credential,
        issuer.key()).withDisclosable(pointers);
    String vct = optionalText(options, "vct");
    if (vct != null) {
      op = op.withVct(vct);
    }
    if (statusEntry != null) {
      op = op.withStatusListEntry(statusEntry.uri(), statusEntry.idx());
    }
    JsonNode h = options.get("holderJwk");
    if (h != null) {
      if (!h.isObject() || h.has("d")) {
        throw new Problem(400, "malformed-request", "Malformed request", "$.options.holderJwk: expected the "
            + "holder's public JWK");
      }
      op = op.withHolderKey(PublicKey.fromJwk(h));
    }
    return op.get();
  }

  /**
   * {@code POST /microcredentials/{name}/awards}: {@code {"learner": IRI, "issuer": DID (optional: the first issuer),
   * "options": {...}}} awards the configured core {@code MicroCredential} to the learner as an Open Badges 3.0
   * {@code OpenBadgeCredential} (the vc module's mapping) and issues it like {@code /credentials/issue}.
   */
  private Answer award(String name, ObjectNode body) throws Problem {
    MicroCredential mc = config.microCredentials().get(name);
    if (mc == null) {
      throw new Problem(404, "not-found", "Not found", "no micro-credential '" + name + "' (configured: "
          + config.microCredentials().keySet() + ")");
    }
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!List.of("learner", "issuer", "options").contains(n)) {
        throw new Problem(400, "malformed-request", "Malformed request", "$." + n + ": unknown member (expected "
            + "learner, issuer, options)");
      }
    }
    JsonNode l = body.get("learner");
    if (l == null || !l.isTextual() || !l.asText().matches("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+")) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.learner: expected the learner's IRI "
          + "(e.g. a DID), got " + l);
    }
    ObjectNode options = options(body);
    JsonNode iss = body.get("issuer");
    if (iss != null && !iss.isTextual()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.issuer: expected the issuer's DID");
    }
    String issuerId = iss == null ? null : iss.asText();
    if (config.issuers().isEmpty()) {
      throw new Problem(422, "unknown-issuer", "Unknown issuer", "this service has no issuer");
    }
    ServerConfig.Issuer issuer = issuerId == null ? config.issuers().get(0) : issuersById.get(issuerId);
    if (issuer == null) {
      throw new Problem(422, "unknown-issuer", "Unknown issuer", "$.issuer: '" + issuerId + "' is not an issuer of "
          + "this service (configured: " + List.copyOf(issuersById.keySet()) + ")");
    }
    String profileName = mc.awardingBodies().isEmpty() ? issuer.id() : mc.awardingBodies().get(0).name();
    ObjectNode credential;
    try {
      credential = MicroCredentials.toOpenBadge(mc,
          Profile.of(issuer.id(), profileName), l.asText(),
          "urn:uuid:" + UUID.randomUUID(),
          Instant.now().truncatedTo(ChronoUnit.SECONDS)).toJson();
    } catch (VcException e) {
      throw new Problem(422, "mapping-failed", "Mapping failed", "micro-credential '" + name + "': "
          + e.getMessage());
    }
    return issue(credential, options);
  }

  private static ArrayNode checks(List<VerificationCheck> list) {
    ArrayNode a = JSON.createArrayNode();
    for (VerificationCheck c : list) {
      a.addObject().put("check", c.name().name().toLowerCase(Locale.ROOT))
          .put("outcome", c.outcome().name().toLowerCase(Locale.ROOT)).put("path", c.path())
          .put("message", c.message());
    }
    return a;
  }

  private Answer verifyCredential(ObjectNode body) throws Problem {
    options(body);
    VerificationResult r = verifyAny(body.get("verifiableCredential"), "$.verifiableCredential").result();
    return verificationAnswer(r, r.verified());
  }

  /** A verification and the verified document (the JWT payload, or the Data Integrity document). */
  private record Checked(VerificationResult result, JsonNode document) {}

  /** Verifies a Data Integrity credential, a {@code vc+jwt} string, or an {@code EnvelopedVerifiableCredential}. */
  private Checked verifyAny(JsonNode vc, String at) throws Problem {
    if (vc != null && vc.isTextual() && SdJwt.looksLikeSdJwt(vc.asText())) {
      return sdJwt(vc.asText());
    } else if (vc != null && vc.isTextual() && VcJwt.looksLikeJwt(vc.asText())) {
      return jwt(vc.asText());
    } else if (vc != null && vc.isObject() && isEnveloped(vc)) {
      String id = vc.path("id").asText("");
      if (id.startsWith(SD_JWT_PREFIX)) {
        return sdJwt(id.substring(SD_JWT_PREFIX.length()));
      }
      if (id.startsWith(OB3_ENVELOPED_PREFIX)) {
        JwtVerification v = Ob3Jwt.verify(
            id.substring(OB3_ENVELOPED_PREFIX.length())).withOptions(verifyOptions()).get();
        return new Checked(v.result(), v.document().orElse(null));
      }
      if (!id.startsWith(ENVELOPED_PREFIX)) {
        throw new Problem(400, "malformed-request", "Malformed request", at + ".id: expected "
            + ENVELOPED_PREFIX + "<jwt> (or " + OB3_ENVELOPED_PREFIX + "<OB 3.0 JWT>)");
      }
      return jwt(id.substring(ENVELOPED_PREFIX.length()));
    } else if (vc != null && vc.isObject()) {
      return new Checked(Credentials.verify(vc).withOptions(verifyOptions()).get(), vc);
    }
    throw new Problem(400, "malformed-request", "Malformed request", at + ": expected a credential object or a "
        + "vc+jwt");
  }

  /** An SD-JWT VC as a credential (Key Binding is a presentation's: not required here, verified when present). */
  private Checked sdJwt(String token) {
    SdJwtVerifyOperation op = SdJwt.verify(token).withOptions(verifyOptions()).withoutKeyBinding();
    if (!config.trustAnchors().isEmpty()) {
      op = op.withX509TrustAnchors(config.trustAnchors());
      if (!config.crls().isEmpty()) {
        op = op.withX509Crls(config.crls());
      }
    }
    SdJwtVerification v = op.get();
    return new Checked(v.result(), v.claims().orElse(null));
  }

  private Checked jwt(String token) {
    JwtVerification v = VcJwt.verify(token).withOptions(verifyOptions()).get();
    return new Checked(v.result(), v.document().orElse(null));
  }

  /**
   * {@code POST /audits}: {@code {"rules": {...}, "credentials": [...], "asOf": "YYYY-MM-DD"?, "options":
   * {"budgetMillis": n}?}}. Each credential is verified as {@code /credentials/verify} does (status included); the
   * verified Open Badges 3.0 credentials become the transcript through stacking's {@code OpenBadges} mapping, the
   * others are reported as exclusions (not verified, revoked, suspended, not mappable; of credentials repeating an
   * id, the most recently issued counts and the others are DUPLICATE, as in {@code mcred audit}); the answer is the
   * stacking audit result.
   */
  private Answer audit(ObjectNode body) throws Problem {
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!List.of("rules", "credentials", "asOf", "options").contains(n)) {
        throw new Problem(400, "malformed-request", "Malformed request", "$." + n + ": unknown member (expected "
            + "rules, credentials, asOf, options)");
      }
    }
    JsonNode rulesNode = body.get("rules");
    if (rulesNode == null || !rulesNode.isObject()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.rules: expected the stacking rules "
          + "object");
    }
    JsonNode creds = body.get("credentials");
    if (creds == null || !creds.isArray()) {
      throw new Problem(400, "malformed-request", "Malformed request", "$.credentials: expected an array of "
          + "credentials (Data Integrity objects, vc+jwt strings or EnvelopedVerifiableCredential)");
    }
    LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
    if (body.has("asOf")) {
      try {
        asOf = LocalDate.parse(body.get("asOf").asText(""));
      } catch (DateTimeParseException e) {
        throw new Problem(400, "malformed-request", "Malformed request", "$.asOf: expected a date YYYY-MM-DD, got "
            + body.get("asOf"));
      }
    }
    ObjectNode options = options(body);
    Duration budget = AUDIT_BUDGET;
    if (options.has("budgetMillis")) {
      JsonNode b = options.get("budgetMillis");
      if (!b.canConvertToInt() || !b.isIntegralNumber() || b.intValue() < 1
          || b.intValue() > MAX_AUDIT_BUDGET.toMillis()) {
        throw new Problem(400, "malformed-request", "Malformed request", "$.options.budgetMillis: expected an "
            + "integer in [1, " + MAX_AUDIT_BUDGET.toMillis() + "], got " + b);
      }
      budget = Duration.ofMillis(b.intValue());
    }
    Rules rules;
    try {
      rules = Rules.fromJson(rulesNode.toString());
    } catch (StackingException e) {
      throw new Problem(422, "invalid-rules", "Invalid rules", "$.rules: " + e.getMessage());
    }
    List<Credential> transcript = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Exclusion> excluded = new ArrayList<>();
    OpenBadges mapping = OpenBadges.mapping();
    for (int i = 0; i < creds.size(); i++) {
      String at = "$.credentials[" + i + "]";
      Checked c = verifyAny(creds.get(i), at);
      if (!c.result().verified() || c.document() == null) {
        excluded.add(new Exclusion(at, exclusionReason(c.result()),
            c.result().failures().isEmpty() ? "not verified" : c.result().failures().get(0).name() + ": "
                + c.result().failures().get(0).message()));
        continue;
      }
      OpenBadges.Mapped m = mapping.map(c.document());
      if (m.credential().isPresent()) {
        transcript.add(m.credential().get());
        sources.add(at);
      } else {
        Exclusion x = m.exclusion().get();
        excluded.add(new Exclusion(at, x.reason(), x.credentialId() + ": "
            + x.detail()));
      }
    }
    Transcript.Deduplicated newest =
        Transcript.newestPerId(transcript, sources);
    excluded.addAll(newest.duplicates());
    AuditResult result;
    try {
      result = Stacking.auditor(rules).withBudget(budget)
          .audit(newest.transcript(), asOf).withExclusions(excluded);
    } catch (StackingException e) {
      throw new Problem(422, "audit-failed", "Audit failed", e.getMessage());
    }
    return new Answer(200, JSON_TYPE, result.toJson());
  }

  /** The default and the largest time budget of one audit. */
  static final Duration AUDIT_BUDGET = Duration.ofSeconds(2);
  static final Duration MAX_AUDIT_BUDGET = Duration.ofSeconds(10);

  /** Revoked / suspended when the status check says so (the vc module's message); otherwise not verified. */
  private static Exclusion.Reason exclusionReason(VerificationResult r) {
    for (VerificationCheck c : r.failures()) {
      if (c.name() == CheckName.STATUS && c.message().startsWith("revoked (")) {
        return Exclusion.Reason.REVOKED;
      }
      if (c.name() == CheckName.STATUS && c.message().startsWith("suspended (")) {
        return Exclusion.Reason.SUSPENDED;
      }
    }
    return Exclusion.Reason.NOT_VERIFIED;
  }

  private static boolean isEnveloped(JsonNode vc) {
    JsonNode t = vc.get("type");
    if (t == null) {
      return false;
    }
    if (t.isTextual()) {
      return t.asText().equals("EnvelopedVerifiableCredential");
    }
    for (JsonNode x : t) {
      if (x.asText().equals("EnvelopedVerifiableCredential")) {
        return true;
      }
    }
    return false;
  }

  /** 200 with the result when verified; otherwise a 422 problem detail carrying the same result. */
  private static Answer verificationAnswer(VerificationResult r, boolean verified) {
    ObjectNode result = r.toJson();
    result.put("verified", verified);
    ArrayNode details = result.putArray("problemDetails");
    for (VerificationCheck f : r.failures()) {
      details.addObject().put("type", "urn:microcred:problem:" + f.name().name().toLowerCase(Locale.ROOT))
          .put("title", f.name().name()).put("detail", f.path() + ": " + f.message());
    }
    if (verified) {
      return new Answer(200, JSON_TYPE, result);
    }
    String first = r.failures().isEmpty() ? "not verified"
        : r.failures().get(0).path() + ": " + r.failures().get(0).message();
    return new Problem(422, "verification-failed", "Verification failed", first, result).answer();
  }

  private Answer verifyPresentation(ObjectNode body) throws Problem {
    JsonNode vp = body.get("verifiablePresentation");
    ObjectNode options = options(body);
    String challenge = optionalText(options, "challenge");
    String domain = optionalText(options, "domain");
    PresentationVerifyOperation op;
    boolean jwt;
    if (vp != null && vp.isTextual() && VcJwt.looksLikeJwt(vp.asText())) {
      op = Presentations.verify(vp.asText());
      jwt = true;
    } else if (vp != null && vp.isObject()) {
      op = Presentations.verify(vp.toString());
      jwt = false;
    } else {
      throw new Problem(400, "malformed-request", "Malformed request", "$.verifiablePresentation: expected a "
          + "presentation object or a vp+jwt");
    }
    if (challenge != null) {
      op = jwt ? op.withNonce(challenge) : op.withChallenge(challenge);
    }
    if (domain != null) {
      op = jwt ? op.withAudience(domain) : op.withDomain(domain);
    }
    PresentationVerification v = op.withOptions(verifyOptions()).get();
    VerificationResult own = v.holder();
    for (VerificationCheck c : v.binding()) {
      own = own.with(c);
    }
    Answer a = verificationAnswer(own, v.verified());
    ArrayNode creds = ((ObjectNode) a.body).putArray("credentials");
    for (VerificationResult c : v.credentials()) {
      creds.add(c.toJson());
    }
    return a;
  }
}
