package io.github.microcred.vc;

import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonInput;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.NestedCredentials;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A configured verification of one credential. Immutable: each {@code with...} returns a new operation.
 * {@link #get()} never throws for a bad credential: every problem becomes a failed {@link VerificationCheck}.
 * Obtained from {@link Credentials#verify}.
 */
public final class VerifyOperation {
  /** The VC 2.0 base context. */
  public static final String VC2 = "https://www.w3.org/ns/credentials/v2";
  /** The VC 1.1 base context. */
  public static final String VC1 = "https://www.w3.org/2018/credentials/v1";
  /** The largest clock skew {@link #withMaxClockSkew} accepts. */
  public static final Duration MAX_SKEW = Duration.ofHours(1);

  private static final JsonString VERIFIABLE_CREDENTIAL = JsonSupport.PROVIDER.createValue("VerifiableCredential");

  private final JsonInput input;
  private final Clock clock;
  private final Duration skew;
  private final ContextLoader loader;
  private final CanonicalizationLimits limits;
  private final DidResolver resolver;
  private final Map<String, ControllerDocument> controllers;
  private final String purpose;
  private final StatusCheck status;

  VerifyOperation(JsonInput input, Clock clock, Duration skew, ContextLoader loader, CanonicalizationLimits limits,
      DidResolver resolver, Map<String, ControllerDocument> controllers, String purpose, StatusCheck status) {
    this.input = input;
    this.clock = clock;
    this.skew = skew;
    this.loader = loader;
    this.limits = limits;
    this.resolver = resolver;
    this.controllers = controllers;
    this.purpose = purpose;
    this.status = status;
  }

  private VerifyOperation copy(Clock c, Duration s, ContextLoader l, CanonicalizationLimits lim, DidResolver r,
      Map<String, ControllerDocument> ctl, String p, StatusCheck st) {
    return new VerifyOperation(input, c, s, l, lim, r, ctl, p, st);
  }

  /**
   * Sets the clock for validity checks (default: system UTC).
   *
   * @param c the clock
   * @return a new operation
   */
  public VerifyOperation withClock(Clock c) {
    return copy(Objects.requireNonNull(c), skew, loader, limits, resolver, controllers, purpose, status);
  }

  /**
   * Sets the tolerated clock skew (default 5 minutes, at most {@link #MAX_SKEW}).
   *
   * @param s the skew
   * @return a new operation
   * @throws IllegalArgumentException if negative or above {@link #MAX_SKEW}
   */
  public VerifyOperation withMaxClockSkew(Duration s) {
    if (s.isNegative() || s.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("clock skew must be in [0, 1 hour]");
    }
    return copy(clock, s, loader, limits, resolver, controllers, purpose, status);
  }

  /**
   * Sets the context loader (default {@link ContextLoader#pinned()}).
   *
   * @param l the loader
   * @return a new operation
   */
  public VerifyOperation withDocumentLoader(ContextLoader l) {
    return copy(clock, skew, Objects.requireNonNull(l), limits, resolver, controllers, purpose, status);
  }

  /**
   * Sets the canonicalization bounds.
   *
   * @param l the limits
   * @return a new operation
   */
  public VerifyOperation withLimits(CanonicalizationLimits l) {
    return copy(clock, skew, loader, Objects.requireNonNull(l), resolver, controllers, purpose, status);
  }

  /**
   * Sets the DID resolver (default {@link DidResolvers#offline()}).
   *
   * @param r the resolver
   * @return a new operation
   */
  public VerifyOperation withDidResolver(DidResolver r) {
    return copy(clock, skew, loader, limits, Objects.requireNonNull(r), controllers, purpose, status);
  }

  /**
   * Adds a controller document the caller trusts (e.g. an {@code https:} issuer's), used for verification methods
   * whose id, without fragment, equals the document id.
   *
   * @param doc the document
   * @return a new operation
   */
  public VerifyOperation withControllerDocument(ControllerDocument doc) {
    Map<String, ControllerDocument> m = new LinkedHashMap<>(controllers);
    m.put(doc.id(), doc);
    return copy(clock, skew, loader, limits, resolver, Map.copyOf(m), purpose, status);
  }

  /**
   * Sets the expected proof purpose (default {@code assertionMethod}).
   *
   * @param p the purpose
   * @return a new operation
   */
  public VerifyOperation withProofPurpose(String p) {
    return copy(clock, skew, loader, limits, resolver, controllers, Objects.requireNonNull(p), status);
  }

  /**
   * Sets the status checker. Without one, a credential that has {@code credentialStatus} fails the
   * {@link CheckName#STATUS} check (fail closed).
   *
   * @param s the checker
   * @return a new operation
   */
  public VerifyOperation withStatus(StatusCheck s) {
    return copy(clock, skew, loader, limits, resolver, controllers, purpose, Objects.requireNonNull(s));
  }

  /**
   * Verifies. Never throws for a bad credential.
   *
   * @return the result with every check
   */
  public VerificationResult get() {
    List<VerificationCheck> checks = new ArrayList<>();
    JsonObject doc;
    try {
      // strict: one JSON object, no trailing content, no duplicate keys, valid UTF-8, size and depth bounded
      doc = input.readObject("credential", JsonSupport.readLimits(limits));
    } catch (VcException e) {
      checks.add(VerificationCheck.failed(CheckName.SYNTAX, "$", e.code() + ": " + e.getMessage()));
      return VerificationResult.of(checks);
    }
    List<String> syntax = syntaxProblems(doc);
    checks.add(syntax.isEmpty() ? VerificationCheck.passed(CheckName.SYNTAX, "$", "well-formed credential")
        : VerificationCheck.failed(CheckName.SYNTAX, "$", String.join("; ", syntax)));
    String ctxProblem = contextProblem(doc);
    checks.add(ctxProblem == null ? VerificationCheck.passed(CheckName.CONTEXTS, "$.@context", "all contexts pinned")
        : VerificationCheck.failed(CheckName.CONTEXTS, "$.@context", ctxProblem));
    if (!syntax.isEmpty() || ctxProblem != null) {
      return VerificationResult.of(checks);
    }
    List<JsonObject> proofs = proofs(doc);
    JsonObject unsecured = DataIntegrity.withoutProof(doc);
    boolean proofsOk = true;
    Map<KeyType, DataIntegrity.HashData> docHashes = new HashMap<>();
    for (int i = 0; i < proofs.size(); i++) {
      String path = proofs.size() == 1 && doc.get("proof").getValueType() == JsonValue.ValueType.OBJECT
          ? "$.proof" : "$.proof[" + i + "]";
      proofsOk &= verifyProof(doc, unsecured, proofs.get(i), path, checks, docHashes);
    }
    checks.add(validity(doc, proofs));
    if (!doc.containsKey("credentialStatus")) {
      checks.add(VerificationCheck.notApplicable(CheckName.STATUS, "$.credentialStatus", "no credentialStatus"));
    } else if (status == null) {
      checks.add(VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus",
          "credentialStatus present but no status checker configured (fails closed)"));
    } else if (!proofsOk) {
      checks.add(VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus",
          "not checked: the proof did not verify"));
    } else {
      VerificationCheck c;
      try {
        c = status.check(JsonSupport.toJackson(doc), clock.instant());
      } catch (RuntimeException e) {
        c = VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus", "status checker failed: " + e);
      }
      checks.add(c == null || c.name() != CheckName.STATUS
          ? VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus", "status checker returned no STATUS check")
          : c);
    }
    return VerificationResult.of(checks, nested(doc, proofsOk, checks));
  }

  /** The embedded credentials (CLR {@code credentialSubject.verifiableCredential}), verified with these options. */
  private List<VerificationResult.Nested> nested(JsonObject doc, boolean proofsOk, List<VerificationCheck> checks) {
    if (!NestedCredentials.embedsCredentials(doc)) {
      return List.of();
    }
    if (!proofsOk) {
      checks.add(VerificationCheck.failed(CheckName.NESTED_CREDENTIALS, "$.credentialSubject",
          "embedded credentials not checked: the proof did not verify"));
      return List.of();
    }
    return NestedCredentials.verify(JsonSupport.toJackson(doc), false, new NestedCredentials.Verifier() {
      @Override
      public VerificationResult dataIntegrity(com.fasterxml.jackson.databind.node.ObjectNode credential) {
        return new VerifyOperation(JsonInput.of(credential.toString()), clock, skew, loader, limits, resolver, controllers,
            "assertionMethod", status).get();
      }

      @Override
      public VerificationResult jwt(String jwt) {
        io.github.microcred.vc.jose.JwtVerifyOperation op = io.github.microcred.vc.jose.VcJwt.verify(jwt)
            .withClock(clock).withMaxClockSkew(skew).withDidResolver(resolver);
        for (ControllerDocument d : controllers.values()) {
          op = op.withControllerDocument(d);
        }
        return (status == null ? op : op.withStatus(status)).get().result();
      }
    }, checks);
  }

  private static List<JsonObject> proofs(JsonObject doc) {
    JsonValue p = doc.get("proof");
    List<JsonObject> out = new ArrayList<>();
    if (p == null) {
      return out;
    }
    if (p.getValueType() == JsonValue.ValueType.OBJECT) {
      out.add(p.asJsonObject());
    } else if (p.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue v : p.asJsonArray()) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
          out.add(v.asJsonObject());
        }
      }
    }
    return out;
  }

  private static boolean isIri(String s) {
    if (s.startsWith("_:") && s.length() > 2) {
      return true; // blank node identifier
    }
    int colon = s.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      boolean ok = Character.isLetter(c) && c < 128 || i > 0 && (Character.isDigit(c) || c == '+' || c == '-'
          || c == '.');
      if (!ok) {
        return false;
      }
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\'
          || c == '^' || c == '`') {
        return false;
      }
    }
    return true;
  }

  /**
   * The terms that the document's own contexts define as JSON literals ({@code "@type": "@json"}), in any context
   * of the tree, type- and property-scoped contexts included. Values under such a term are data, not graph nodes,
   * so an {@code id} inside them is not an {@code @id} (e.g. the microcred OB3 extension carries the core model,
   * whose rubric criteria have plain ids, as a JSON literal). A term that is {@code @json} in one scope only is
   * skipped everywhere; the canonicalizer's safe-mode check on the expanded document still refuses any relative
   * {@code @id} there.
   */
  Set<String> jsonLiteralTerms(JsonObject doc) {
    Set<String> out = new HashSet<>();
    JsonValue ctx = doc.get("@context");
    if (ctx == null) {
      return out;
    }
    for (JsonValue e : ctx.getValueType() == JsonValue.ValueType.ARRAY ? ctx.asJsonArray() : List.of(ctx)) {
      if (e.getValueType() == JsonValue.ValueType.STRING) {
        try {
          collectJsonLiteralTerms(loader.load(((JsonString) e).getString()), out);
        } catch (VcException ex) {
          // reported by the contexts check
        }
      }
    }
    return out;
  }

  private static void collectJsonLiteralTerms(JsonValue v, Set<String> out) {
    if (v.getValueType() == JsonValue.ValueType.OBJECT) {
      for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
        JsonValue def = e.getValue();
        if (!e.getKey().startsWith("@") && def.getValueType() == JsonValue.ValueType.OBJECT
            && JSON_TYPE.equals(def.asJsonObject().get("@type"))) {
          out.add(e.getKey());
        }
        collectJsonLiteralTerms(def, out);
      }
    } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
      v.asJsonArray().forEach(x -> collectJsonLiteralTerms(x, out));
    }
  }

  private static final JsonString JSON_TYPE = JsonSupport.PROVIDER.createValue("@json");

  private static void idProblems(JsonValue v, String path, Set<String> jsonLiterals, List<String> out) {
    if (v.getValueType() == JsonValue.ValueType.OBJECT) {
      for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
        String k = e.getKey();
        if ("@context".equals(k) || "@value".equals(k) || jsonLiterals.contains(k)) {
          // JSON literals (@type @json) are data, not graph nodes: an "id" inside them is not an @id
          continue;
        }
        if (("id".equals(k) || "@id".equals(k)) && e.getValue().getValueType() == JsonValue.ValueType.STRING
            && !isIri(((JsonString) e.getValue()).getString())) {
          out.add(path + "." + k + " must be an absolute IRI");
        }
        idProblems(e.getValue(), path + "." + k, jsonLiterals, out);
      }
    } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
      JsonArray a = v.asJsonArray();
      for (int i = 0; i < a.size(); i++) {
        idProblems(a.get(i), path + "[" + i + "]", jsonLiterals, out);
      }
    }
  }

  List<String> syntaxProblems(JsonObject doc) {
    List<String> p = new ArrayList<>();
    JsonValue ctx = doc.get("@context");
    String first = null;
    if (ctx == null) {
      p.add("$.@context is missing");
    } else if (ctx.getValueType() == JsonValue.ValueType.STRING) {
      first = ((JsonString) ctx).getString();
    } else if (ctx.getValueType() == JsonValue.ValueType.ARRAY && !ctx.asJsonArray().isEmpty()
        && ctx.asJsonArray().get(0).getValueType() == JsonValue.ValueType.STRING) {
      first = ctx.asJsonArray().getString(0);
    }
    if (ctx != null && !VC2.equals(first) && !VC1.equals(first)) {
      p.add("$.@context[0] must be " + VC2 + " (or " + VC1 + ")");
    }
    JsonValue type = doc.get("type");
    boolean vc = type != null && (type.equals(VERIFIABLE_CREDENTIAL)
        || type.getValueType() == JsonValue.ValueType.ARRAY
        && type.asJsonArray().contains(VERIFIABLE_CREDENTIAL));
    if (!vc) {
      p.add("$.type must include VerifiableCredential");
    }
    JsonValue issuer = doc.get("issuer");
    if (issuer == null) {
      p.add("$.issuer is missing");
    } else if (issuerId(doc) == null) {
      p.add("$.issuer must be an IRI or an object with an IRI id");
    }
    JsonValue subj = doc.get("credentialSubject");
    if (subj == null || subj.getValueType() != JsonValue.ValueType.OBJECT
        && subj.getValueType() != JsonValue.ValueType.ARRAY) {
      p.add("$.credentialSubject must be an object or an array of objects");
    }
    if (VC1.equals(first) && !doc.containsKey("issuanceDate")) {
      p.add("$.issuanceDate is required by VC 1.1");
    }
    JsonValue proof = doc.get("proof");
    if (proof == null) {
      p.add("$.proof is missing: the credential is not secured");
    } else {
      List<JsonObject> proofs = proofs(doc);
      int n = proof.getValueType() == JsonValue.ValueType.ARRAY ? proof.asJsonArray().size() : 1;
      if (proofs.isEmpty() || proofs.size() != n) {
        p.add("$.proof must be an object or an array of objects");
      }
      for (int i = 0; i < proofs.size(); i++) {
        for (String m : List.of("type", "cryptosuite", "verificationMethod", "proofPurpose", "proofValue")) {
          if (proofs.get(i).get(m) == null || proofs.get(i).get(m).getValueType() != JsonValue.ValueType.STRING) {
            p.add("$.proof" + (n > 1 || proof.getValueType() == JsonValue.ValueType.ARRAY ? "[" + i + "]" : "")
                + "." + m + " must be a string");
          }
        }
      }
    }
    idProblems(doc, "$", jsonLiteralTerms(doc), p);
    return p;
  }

  static String issuerId(JsonObject doc) {
    JsonValue issuer = doc.get("issuer");
    String id = null;
    if (issuer != null && issuer.getValueType() == JsonValue.ValueType.STRING) {
      id = ((JsonString) issuer).getString();
    } else if (issuer != null && issuer.getValueType() == JsonValue.ValueType.OBJECT
        && issuer.asJsonObject().get("id") instanceof JsonString) {
      id = issuer.asJsonObject().getString("id");
    }
    return id != null && isIri(id) ? id : null;
  }

  private String contextProblem(JsonObject doc) {
    JsonValue ctx = doc.get("@context");
    if (ctx == null) {
      return "$.@context is missing";
    }
    List<JsonValue> entries = ctx.getValueType() == JsonValue.ValueType.ARRAY ? ctx.asJsonArray() : List.of(ctx);
    for (int i = 0; i < entries.size(); i++) {
      JsonValue e = entries.get(i);
      if (e.getValueType() != JsonValue.ValueType.STRING) {
        return "$.@context[" + i + "] is an inline context; only pinned context URLs are accepted (context injection)";
      }
      String url = ((JsonString) e).getString();
      try {
        loader.load(url);
      } catch (VcException ex) {
        return "$.@context[" + i + "]: " + ex.getMessage();
      }
    }
    return null;
  }

  private boolean verifyProof(JsonObject doc, JsonObject unsecured, JsonObject proof, String path,
      List<VerificationCheck> checks, Map<KeyType, DataIntegrity.HashData> docHashes) {
    // purpose and controller
    String vmId = proof.getString("verificationMethod");
    VerificationMethod vm = null;
    String purposeProblem = null;
    if (!"DataIntegrityProof".equals(proof.getString("type"))) {
      purposeProblem = null;
    }
    if (!purpose.equals(proof.getString("proofPurpose"))) {
      purposeProblem = "proofPurpose is '" + proof.getString("proofPurpose") + "', expected '" + purpose + "'";
    }
    ControllerDocument cd = null;
    try {
      cd = controllerFor(vmId);
      vm = cd.method(vmId).orElse(null);
      if (vm == null) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, "verification method " + vmId
            + " is not in the controller document " + cd.id());
      }
    } catch (VcException e) {
      if (purposeProblem == null) {
        purposeProblem = e.getMessage();
      }
    }
    if (purposeProblem == null && !cd.authorizes(vmId, purpose)) {
      purposeProblem = "verification method " + vmId + " is not authorised for " + purpose + " by " + cd.id();
    }
    String issuer = issuerId(doc);
    if (purposeProblem == null && !cd.id().equals(vm.controller())) {
      purposeProblem = "verification method controller " + vm.controller() + " is not the document " + cd.id();
    }
    if (purposeProblem == null && !cd.id().equals(issuer)) {
      purposeProblem = "issuer " + issuer + " is not the controller " + cd.id() + " of the verification method";
    }
    checks.add(purposeProblem == null
        ? VerificationCheck.passed(CheckName.PURPOSE_AND_CONTROLLER, path,
            vmId + " is authorised for " + purpose + " by the issuer")
        : VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, path, purposeProblem));
    // signature
    checks.add(signature(doc, unsecured, proof, path, vm, docHashes));
    return purposeProblem == null && checks.get(checks.size() - 1).outcome() == VerificationCheck.Outcome.PASSED;
  }

  private VerificationCheck signature(JsonObject doc, JsonObject unsecured, JsonObject proof, String path,
      VerificationMethod vm, Map<KeyType, DataIntegrity.HashData> docHashes) {
    if (!"DataIntegrityProof".equals(proof.getString("type"))) {
      return VerificationCheck.failed(CheckName.PROOF, path, "proof type '" + proof.getString("type")
          + "' is not supported; expected DataIntegrityProof");
    }
    Cryptosuite suite = Cryptosuite.byId(proof.getString("cryptosuite")).orElse(null);
    if (suite == null) {
      return VerificationCheck.failed(CheckName.PROOF, path, "cryptosuite '" + proof.getString("cryptosuite")
          + "' is not supported; expected eddsa-rdfc-2022 or ecdsa-rdfc-2019");
    }
    if (vm == null) {
      return VerificationCheck.failed(CheckName.PROOF, path, "no key: the verification method did not resolve");
    }
    KeyType kt = vm.publicKey().type();
    if (!suite.accepts(kt)) {
      return VerificationCheck.failed(CheckName.PROOF, path, suite.id() + " cannot be verified with a " + kt
          + " key");
    }
    if (proof.containsKey("previousProof")) {
      return VerificationCheck.failed(CheckName.PROOF, path, "proof chains (previousProof) are not supported");
    }
    JsonValue pctx = proof.get("@context");
    if (pctx != null) {
      List<JsonValue> d = doc.get("@context").getValueType() == JsonValue.ValueType.ARRAY
          ? doc.get("@context").asJsonArray() : List.of(doc.get("@context"));
      List<JsonValue> pc = pctx.getValueType() == JsonValue.ValueType.ARRAY ? pctx.asJsonArray() : List.of(pctx);
      if (pc.size() > d.size() || !d.subList(0, pc.size()).equals(pc)) {
        return VerificationCheck.failed(CheckName.PROOF, path,
            "proof @context is not a prefix of the document's @context");
      }
    }
    byte[] sig;
    try {
      sig = Base58.decodeMultibase(proof.getString("proofValue"));
    } catch (IllegalArgumentException e) {
      return VerificationCheck.failed(CheckName.PROOF, path, "proofValue: " + e.getMessage());
    }
    try {
      DataIntegrity.HashData h = DataIntegrity.hash(unsecured,
          DataIntegrity.proofConfig(proof, unsecured.get("@context")), kt, loader, limits);
      docHashes.put(kt, h);
      if (!vm.publicKey().verify(h.combined(), sig)) {
        return VerificationCheck.failed(CheckName.PROOF, path, "signature does not verify (" + suite.id() + ")");
      }
    } catch (VcException e) {
      return VerificationCheck.failed(CheckName.PROOF, path, e.code() + ": " + e.getMessage());
    }
    return VerificationCheck.passed(CheckName.PROOF, path, suite.id() + " signature verified with " + vm.id());
  }

  private ControllerDocument controllerFor(String vmId) throws VcException {
    int hash = vmId.indexOf('#');
    String base = hash < 0 ? vmId : vmId.substring(0, hash);
    ControllerDocument cd = controllers.get(base);
    if (cd != null) {
      return cd;
    }
    if (base.startsWith("did:")) {
      return resolver.resolve(base);
    }
    throw new VcException(VcErrorCode.RESOLUTION_FAILED, "no controller document for " + base
        + "; supply it with withControllerDocument(..)");
  }

  private static Instant parseTime(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }

  private VerificationCheck validity(JsonObject doc, List<JsonObject> proofs) {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    String[][] fields = {{"validFrom", "from"}, {"issuanceDate", "from"}, {"validUntil", "until"},
      {"expirationDate", "until"}};
    for (String[] f : fields) {
      JsonValue v = doc.get(f[0]);
      if (v == null) {
        continue;
      }
      if (!(v instanceof JsonString)) {
        problems.add("$." + f[0] + " must be a dateTime string");
        continue;
      }
      Instant t;
      try {
        t = parseTime(((JsonString) v).getString());
      } catch (DateTimeParseException e) {
        problems.add("$." + f[0] + " is not an XML Schema dateTime: " + ((JsonString) v).getString());
        continue;
      }
      if ("from".equals(f[1]) && t.isAfter(now.plus(skew))) {
        problems.add("$." + f[0] + " " + t + " is in the future (now " + now + ")");
      }
      if ("until".equals(f[1]) && t.isBefore(now.minus(skew))) {
        problems.add("$." + f[0] + " " + t + " has passed (now " + now + "): expired");
      }
    }
    for (int i = 0; i < proofs.size(); i++) {
      for (String f : List.of("created", "expires")) {
        JsonValue v = proofs.get(i).get(f);
        if (v == null) {
          continue;
        }
        try {
          Instant t = parseTime(((JsonString) v).getString());
          if ("created".equals(f) && t.isAfter(now.plus(skew))) {
            problems.add("$.proof[" + i + "].created is in the future");
          }
          if ("expires".equals(f) && t.isBefore(now.minus(skew))) {
            problems.add("$.proof[" + i + "].expires has passed");
          }
        } catch (DateTimeParseException | ClassCastException e) {
          problems.add("$.proof[" + i + "]." + f + " is not a dateTime string");
        }
      }
    }
    return problems.isEmpty()
        ? VerificationCheck.passed(CheckName.VALIDITY_PERIOD, "$", "valid at " + now + " (skew " + skew + ")")
        : VerificationCheck.failed(CheckName.VALIDITY_PERIOD, "$", String.join("; ", problems));
  }
}
