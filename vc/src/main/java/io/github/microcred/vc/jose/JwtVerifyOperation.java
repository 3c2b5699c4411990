package io.github.microcred.vc.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.DidResolver;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationMethod;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.NestedCredentials;
import io.github.microcred.vc.internal.StrictJson;
import io.github.microcred.vc.internal.jose.JwtDocuments;
import io.github.microcred.vc.internal.verify.CompactForm;
import io.github.microcred.vc.internal.verify.DataModel;
import io.github.microcred.vc.internal.verify.StatusGate;
import io.github.microcred.vc.internal.verify.ValidityWindow;
import io.github.microcred.vc.internal.verify.XsdDateTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies a {@code vc+jwt} / {@code vp+jwt}. Immutable; {@link #get()} never throws for a bad token.
 *
 * <p>What is checked, each failure named by a {@link JwtRejection}: three base64url parts with JSON header and
 * payload; {@code alg} in the allow-list ({@code none} and {@code HS*} never); {@code crit} only with understood
 * parameters (none are); {@code typ} / {@code cty}; {@code iss} equal to the issuer (holder); the key bound to the
 * issuer: {@code kid} must be a verification method of the issuer's DID, controlled by the issuer and authorised for
 * {@code assertionMethod} ({@code authentication} for presentations), and a {@code jwk} header is accepted only if it
 * is such a key; the key type matches {@code alg}; the signature; {@code exp} / {@code nbf} / {@code iat} and
 * {@code validFrom} / {@code validUntil} within the clock skew; the presentation's {@code nonce} / {@code aud};
 * and the credential status. {@code jku}, {@code x5u} and {@code x5c} are never followed. An operation from
 * {@link Ob3Jwt#verify} checks the OB 3.0 JWT profile's header and claims instead of {@code typ} / {@code cty},
 * then runs the same checks.
 */
public final class JwtVerifyOperation {
  /** The default clock skew ({@link VerifyOptions#DEFAULT_SKEW}, the same for every verifier). */
  public static final Duration DEFAULT_SKEW = VerifyOptions.DEFAULT_SKEW;
  /** The largest clock skew a caller may allow ({@link VerifyOptions#MAX_SKEW}). */
  public static final Duration MAX_SKEW = VerifyOptions.MAX_SKEW;
  /** The largest token read, in characters (a 4 MiB payload in base64url, with header and signature). */
  static final int MAX_TOKEN_CHARS = (CanonicalizationLimits.DEFAULT.maxDocumentBytes() / 3 + 1) * 4 + 16 * 1024;
  /** The largest decoded payload: the document limit of Data Integrity credentials. */
  static final int MAX_PAYLOAD_BYTES = CanonicalizationLimits.DEFAULT.maxDocumentBytes();
  /** The largest decoded protected header. */
  static final int MAX_HEADER_BYTES = 8 * 1024;

  private final JwtKind kind;
  private final String jwt;
  private final VerifyOptions options;
  private final Set<String> algorithms;
  private final String nonce;
  private final String audience;
  private final JwtProfile profile;

  JwtVerifyOperation(JwtKind kind, String jwt) {
    this(kind, jwt, VerifyOptions.defaults(), VcJwt.ALGORITHMS, null, null, JwtProfile.VC_JOSE_COSE);
  }

  JwtVerifyOperation(JwtProfile profile, String jwt) {
    this(JwtKind.CREDENTIAL, jwt, VerifyOptions.defaults(), VcJwt.ALGORITHMS, null, null, profile);
  }

  private JwtVerifyOperation(JwtKind kind, String jwt, VerifyOptions options, Set<String> algorithms, String nonce,
      String audience, JwtProfile profile) {
    this.profile = profile;
    this.kind = kind;
    this.jwt = jwt;
    this.options = options;
    this.algorithms = algorithms;
    this.nonce = nonce;
    this.audience = audience;
  }

  /**
   * Replaces the shared verification configuration (clock, skew, resolver, controller documents, status check,
   * ...); the algorithm allow-list, nonce and audience are kept.
   *
   * @param o the options
   * @return a new operation
   */
  public JwtVerifyOperation withOptions(VerifyOptions o) {
    return new JwtVerifyOperation(kind, jwt, Objects.requireNonNull(o, "options"), algorithms, nonce, audience,
        profile);
  }

  /**
   * The shared verification configuration.
   *
   * @return the options
   */
  public VerifyOptions options() {
    return options;
  }

  /**
   * Sets the clock.
   *
   * @param c the clock
   * @return a new operation
   */
  public JwtVerifyOperation withClock(Clock c) {
    return withOptions(options.withClock(c));
  }

  /**
   * Sets the allowed clock skew (0 to {@link #MAX_SKEW}).
   *
   * @param s the skew
   * @return a new operation
   */
  public JwtVerifyOperation withMaxClockSkew(Duration s) {
    return withOptions(options.withMaxClockSkew(s));
  }

  /**
   * Sets the DID resolver (default: offline {@code did:key} / {@code did:jwk}).
   *
   * @param r the resolver
   * @return a new operation
   */
  public JwtVerifyOperation withDidResolver(DidResolver r) {
    return withOptions(options.withDidResolver(r));
  }

  /**
   * Supplies a controller document for an issuer that is not a resolvable DID (for example an https URL).
   *
   * @param doc the document; its id is the issuer id
   * @return a new operation
   */
  public JwtVerifyOperation withControllerDocument(ControllerDocument doc) {
    return withOptions(options.withControllerDocument(doc));
  }

  /**
   * Narrows the algorithm allow-list to a subset of {@link VcJwt#ALGORITHMS}. {@code none} and HMAC algorithms
   * cannot be allowed.
   *
   * @param algs the algorithms
   * @return a new operation
   */
  public JwtVerifyOperation withAllowedAlgorithms(Set<String> algs) {
    if (algs.isEmpty() || !VcJwt.ALGORITHMS.containsAll(algs)) {
      throw new IllegalArgumentException("allowed algorithms must be a non-empty subset of " + VcJwt.ALGORITHMS
          + ", got " + algs);
    }
    return new JwtVerifyOperation(kind, jwt, options, Set.copyOf(algs), nonce, audience, profile);
  }

  /**
   * Sets the status check run on credentials with a {@code credentialStatus}. Without one, such a credential fails
   * the status check (fail closed).
   *
   * @param s the check
   * @return a new operation
   */
  public JwtVerifyOperation withStatus(StatusCheck s) {
    return withOptions(options.withStatus(s));
  }

  /**
   * Requires this {@code nonce} (presentations).
   *
   * @param n the nonce the verifier issued
   * @return a new operation
   */
  public JwtVerifyOperation withNonce(String n) {
    return new JwtVerifyOperation(kind, jwt, options, algorithms, Objects.requireNonNull(n), audience, profile);
  }

  /**
   * Requires this audience in {@code aud} (presentations).
   *
   * @param aud the verifier's id
   * @return a new operation
   */
  public JwtVerifyOperation withAudience(String aud) {
    return new JwtVerifyOperation(kind, jwt, options, algorithms, nonce, Objects.requireNonNull(aud), profile);
  }

  /** Collects checks and rejections. */
  private static final class Acc {
    final List<VerificationCheck> checks = new ArrayList<>();
    final Set<JwtRejection> rejections = new LinkedHashSet<>();
    ObjectNode header;
    ObjectNode document;
    boolean legacy;
    List<VerificationResult.Nested> nested = List.of();

    void fail(CheckName name, String path, JwtRejection why, String message) {
      checks.add(VerificationCheck.failed(name, path, why, why.name() + ": " + message));
      rejections.add(why);
    }

    void pass(CheckName name, String path, String message) {
      checks.add(VerificationCheck.passed(name, path, message));
    }

    JwtVerification done() {
      return new JwtVerification(VerificationResult.of(checks, nested), new ArrayList<>(rejections), header, document,
          legacy);
    }
  }

  /**
   * Verifies.
   *
   * @return the outcome; never throws for bad input
   */
  public JwtVerification get() {
    Acc acc = new Acc();
    try {
      run(acc);
    } catch (RuntimeException e) {
      acc.fail(CheckName.SYNTAX, "$", JwtRejection.MALFORMED, "unexpected input: " + e);
    }
    return acc.done();
  }

  private void run(Acc acc) {
    String token = jwt.strip();
    if (token.length() > MAX_TOKEN_CHARS) {
      acc.fail(CheckName.SYNTAX, "$", JwtRejection.TOO_LARGE, "the token has " + token.length()
          + " characters; at most " + MAX_TOKEN_CHARS + " are read");
      return;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      acc.fail(CheckName.SYNTAX, "$", JwtRejection.MALFORMED,
          "expected a JWS compact serialization of 3 parts, got " + parts.length);
      return;
    }
    ObjectNode header = jsonPart(acc, parts[0], "header", MAX_HEADER_BYTES);
    ObjectNode payload = header == null ? null : jsonPart(acc, parts[1], "payload", MAX_PAYLOAD_BYTES);
    byte[] signature = b64(parts[2]);
    if (signature == null) {
      acc.fail(CheckName.SYNTAX, "signature", JwtRejection.MALFORMED, "the signature is not base64url");
    }
    if (header == null || payload == null || signature == null) {
      return;
    }
    acc.header = header;

    // --- header: alg, crit, typ, cty
    JsonNode algNode = header.get("alg");
    if (algNode == null || !algNode.isTextual()) {
      acc.fail(CheckName.PROOF, "header.alg", JwtRejection.MALFORMED, "alg is missing");
      return;
    }
    String alg = algNode.asText();
    if (alg.equalsIgnoreCase("none")) {
      acc.fail(CheckName.PROOF, "header.alg", JwtRejection.ALG_NONE, "alg 'none' (unsecured JWS) is never accepted");
      return;
    }
    if (!algorithms.contains(alg)) {
      acc.fail(CheckName.PROOF, "header.alg", JwtRejection.ALG_NOT_ALLOWED,
          "alg '" + alg + "' is not in the allow-list " + new TreeSet<>(algorithms));
      return;
    }
    if (profile == JwtProfile.OB3 && !ob3Header(acc, header)) {
      return;
    }
    if (header.has("crit")) {
      JsonNode crit = header.get("crit");
      if (!crit.isArray() || crit.isEmpty()) {
        acc.fail(CheckName.SYNTAX, "header.crit", JwtRejection.CRIT_UNKNOWN, "crit must be a non-empty array");
        return;
      }
      List<String> names = new ArrayList<>();
      crit.forEach(n -> names.add(n.asText()));
      acc.fail(CheckName.SYNTAX, "header.crit", JwtRejection.CRIT_UNKNOWN,
          "critical header parameter(s) " + names + " are not understood by this verifier");
      return;
    }
    if (header.has("b64")) {
      // RFC 7797 section 6: "b64" changes the signing input and MUST be listed in crit; outside crit an RFC 7797
      // verifier would read b64=false as an unencoded payload while this one decodes it: two readings, refused
      acc.fail(CheckName.SYNTAX, "header.b64", JwtRejection.HEADER_NOT_ALLOWED,
          "the b64 header (RFC 7797 unencoded payload) is not supported, and without crit it is not valid JWS");
      return;
    }
    JsonNode legacyClaim = payload.get(kind.legacyClaim);
    boolean legacy = legacyClaim != null && legacyClaim.isObject() && !payload.has("@context");
    acc.legacy = legacy;
    String typ = header.path("typ").asText(null);
    if (profile == JwtProfile.OB3) {
      // typ (JWT or absent) was checked with the OB 3.0 header; the credential is the vc claim or the payload
    } else if (legacy) {
      if (typ != null && !typ.equalsIgnoreCase("JWT")) {
        acc.fail(CheckName.SYNTAX, "header.typ", JwtRejection.TYP_MISMATCH,
            "a legacy VC-JWT 1.1 token has typ JWT or none, got '" + typ + "'");
        return;
      }
    } else {
      if (typ == null || !(typ.equals(kind.typ) || typ.equals("application/" + kind.typ))) {
        acc.fail(CheckName.SYNTAX, "header.typ", JwtRejection.TYP_MISMATCH,
            "expected typ '" + kind.typ + "', got " + (typ == null ? "none" : "'" + typ + "'"));
        return;
      }
      String cty = header.path("cty").asText(null);
      if (cty != null && !(cty.equals(kind.cty) || cty.equals("application/" + kind.cty))) {
        acc.fail(CheckName.SYNTAX, "header.cty", JwtRejection.CTY_MISMATCH,
            "expected cty '" + kind.cty + "', got '" + cty + "'");
        return;
      }
    }

    // --- the document and its issuer / holder
    if (!legacy && (payload.has("vc") || payload.has("vp"))) {
      acc.fail(CheckName.SYNTAX, "payload." + (payload.has("vc") ? "vc" : "vp"), JwtRejection.DATA_MODEL,
          "the JWT claims vc and vp must not be present in a " + kind.typ + " (VC-JOSE-COSE)");
      return;
    }
    // the OB 3.0 profile's vc claim is the whole credential: nothing is filled in from the claims, they must agree
    ObjectNode document = !legacy ? payload.deepCopy() : profile == JwtProfile.OB3
        ? ((ObjectNode) legacyClaim).deepCopy() : JwtDocuments.fromLegacy(payload, (ObjectNode) legacyClaim);
    acc.document = document;
    // the one data-model check of every verifier (VC 1.1 first only in a legacy VC-JWT 1.1 claim)
    Set<String> jsonLiterals = CompactForm.jsonLiteralTerms(document.get("@context"), options.documentLoader());
    List<VerificationCheck> model = DataModel.problems(document, kind == JwtKind.CREDENTIAL
        ? DataModel.Kind.CREDENTIAL : DataModel.Kind.PRESENTATION, legacy, options.documentLoader(), jsonLiterals);
    if (!model.isEmpty()) {
      for (VerificationCheck c : model) {
        acc.fail(c.name(), c.path(), JwtRejection.DATA_MODEL, c.message());
      }
      return;
    }
    Optional<String> party = partyId(document, kind);
    if (party.isEmpty() && kind == JwtKind.PRESENTATION && payload.path("iss").isTextual()) {
      party = Optional.of(payload.get("iss").asText());
    }
    String who = kind == JwtKind.CREDENTIAL ? "issuer" : "holder";
    if (party.isEmpty()) {
      acc.fail(CheckName.SYNTAX, "payload." + who, JwtRejection.ISSUER_MISSING,
          "no " + who + " (a string or an object with an id)");
      return;
    }
    String issuer = party.get();
    acc.pass(CheckName.SYNTAX, "$", profile == JwtProfile.OB3
        ? "OB 3.0 JWT profile (" + (legacy ? "vc claim" : "the payload is the credential") + "), typ "
            + (typ == null ? "none" : typ) + ", alg " + alg
        : legacy ? "legacy VC-JWT 1.1 token (" + kind.legacyClaim + " claim), typ " + (typ == null ? "none" : typ)
        : "typ " + typ + ", alg " + alg);
    // --- compact form: the JSON keys read below (and by the caller) are the terms the pinned contexts define
    List<String> compact = CompactForm.problems(document, jsonLiterals, true);
    if (!compact.isEmpty()) {
      acc.fail(CheckName.COMPACT_FORM, "$", JwtRejection.NOT_COMPACT, String.join("; ", compact));
      return;
    }
    acc.pass(CheckName.COMPACT_FORM, "$", "compact form of the pinned contexts");
    if (payload.has("iss") && !payload.get("iss").asText().equals(issuer)) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "payload.iss", JwtRejection.ISS_MISMATCH,
          "iss '" + payload.get("iss").asText() + "' differs from the " + who + " '" + issuer + "'");
      return;
    }
    if (!claimsAgree(acc, payload, document, legacy)) {
      return;
    }
    if (profile == JwtProfile.OB3 && !ob3Claims(acc, payload, document, issuer)) {
      return;
    }

    // --- the key, bound to the issuer
    VerificationMethod vm = bindKey(acc, header, issuer);
    if (vm == null) {
      return;
    }
    KeyType expected = keyTypeOf(alg);
    if (vm.publicKey().type() != expected) {
      acc.fail(CheckName.PROOF, "header.alg", JwtRejection.ALG_KEY_MISMATCH,
          "alg " + alg + " needs a " + expected + " key, " + vm.id() + " is " + vm.publicKey().type());
      return;
    }
    // an RSA signature is as long as the modulus: PublicKey.verify refuses any other length
    int sigLen = expected == KeyType.P384 ? 96 : expected == KeyType.RSA ? signature.length : 64;
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (signature.length != sigLen) {
      acc.fail(CheckName.PROOF, "signature", JwtRejection.SIGNATURE_INVALID,
          "an " + alg + " signature is " + sigLen + " bytes, got " + signature.length);
      return;
    }
    if (!vm.publicKey().verify(input, signature)) {
      acc.fail(CheckName.PROOF, "signature", JwtRejection.SIGNATURE_INVALID,
          "the signature does not verify with " + vm.id());
      return;
    }
    acc.pass(CheckName.PURPOSE_AND_CONTROLLER, "header.kid",
        vm.id() + " is controlled by the " + who + " and authorised for " + kind.relationship);
    acc.pass(CheckName.PROOF, "signature", alg + " signature verified with " + vm.id());

    // --- time: the shared validity window (one parser, one skew)
    Instant now = options.clock().instant();
    List<ValidityWindow.Bound> bounds = new ArrayList<>();
    for (String[] c : new String[][] {{"exp", "u"}, {"nbf", "l"}, {"iat", "l"}}) {
      JsonNode n = payload.get(c[0]);
      if (n == null) {
        continue;
      }
      Instant at = ValidityWindow.numericDate(n);
      if (at == null) {
        acc.fail(CheckName.VALIDITY_PERIOD, "payload." + c[0], JwtRejection.BAD_TIME,
            c[0] + " must be NumericDate seconds within " + Instant.MIN + " .. " + Instant.MAX + ", got "
            + brief(n));
        continue;
      }
      bounds.add(ValidityWindow.Bound.instant("payload." + c[0], c[0], at, c[1].equals("u")));
    }
    List<String> members = legacy ? List.of("validFrom", "validUntil", "issuanceDate", "expirationDate")
        : List.of("validFrom", "validUntil");
    for (String m : members) {
      JsonNode n = document.get(m);
      if (n != null) {
        bounds.add(ValidityWindow.Bound.dateTime("$." + m, m, n.isTextual() ? n.asText() : null,
            m.equals("validUntil") || m.equals("expirationDate")));
      }
    }
    int before = acc.rejections.size();
    for (ValidityWindow.Problem p : ValidityWindow.problems(bounds, now, options.maxClockSkew())) {
      acc.fail(CheckName.VALIDITY_PERIOD, p.path(), p.reason() == ValidityWindow.Reason.EXPIRED
          ? JwtRejection.EXPIRED : p.reason() == ValidityWindow.Reason.NOT_YET_VALID ? JwtRejection.NOT_YET_VALID
          : JwtRejection.BAD_TIME, p.message());
    }
    if (acc.rejections.size() == before) {
      acc.pass(CheckName.VALIDITY_PERIOD, "$", "within the validity period at " + now + " (skew "
          + options.maxClockSkew() + ")");
    }

    // --- presentation binding
    if (kind == JwtKind.PRESENTATION) {
      if (nonce != null && !nonce.equals(payload.path("nonce").asText(null))) {
        acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "payload.nonce", JwtRejection.NONCE_MISMATCH,
            "expected nonce '" + nonce + "', got " + describe(payload.get("nonce")));
      }
      if (audience != null && !audienceContains(payload.get("aud"), audience)) {
        acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "payload.aud", JwtRejection.AUDIENCE_MISMATCH,
            "expected aud '" + audience + "', got " + describe(payload.get("aud")));
      }
    }

    // --- status (credentials): the shared gate, fails closed
    if (kind == JwtKind.CREDENTIAL && document.has("credentialStatus")) {
      VerificationCheck c = StatusGate.check(true, "credentialStatus", options.status().orElse(null), true, null,
          document::deepCopy, now);
      if (c.failed()) {
        acc.fail(CheckName.STATUS, c.path(), JwtRejection.STATUS, c.message());
      } else {
        acc.checks.add(c);
      }
    }

    // --- embedded credentials (a presentation's verifiableCredential, a CLR's credentialSubject.verifiableCredential,
    // OB 3.0 endorsement / endorsementJwt)
    if (options.nestedCredentials() == VerifyOptions.NestedCredentials.IGNORE) {
      return;
    }
    int checksBefore = acc.checks.size();
    acc.nested = NestedCredentials.verify(document, jsonLiterals, nestedVerifier(), acc.checks);
    for (int i = checksBefore; i < acc.checks.size(); i++) {
      if (acc.checks.get(i).failed()) {
        acc.rejections.add(JwtRejection.NESTED_CREDENTIAL);
      }
    }
  }

  /** Verifies an embedded credential with this operation's clock, skew, resolver, controllers and status check. */
  private NestedCredentials.Verifier nestedVerifier() {
    return new NestedCredentials.Verifier() {
      @Override
      public VerificationResult dataIntegrity(ObjectNode credential) {
        return Credentials.verify(credential).withOptions(options.withProofPurpose("assertionMethod")).get();
      }

      @Override
      public VerificationResult jwt(String token) {
        return new JwtVerifyOperation(JwtKind.CREDENTIAL, token, options, algorithms, null, null,
            JwtProfile.VC_JOSE_COSE).get().result();
      }

      @Override
      public VerificationResult ob3Jwt(String token) {
        return new JwtVerifyOperation(JwtKind.CREDENTIAL, token, options, algorithms, null, null,
            JwtProfile.OB3).get().result();
      }
    };
  }

  /** The JOSE headers the OB 3.0 JWT profile allows ("Additional JOSE Headers are NOT allowed"). */
  private static final Set<String> OB3_HEADERS = Set.of("alg", "kid", "jwk", "typ");

  /** The OB 3.0 header: only alg, kid, jwk, typ; typ, if present, JWT; kid or jwk. */
  private static boolean ob3Header(Acc acc, ObjectNode header) {
    List<String> extra = new ArrayList<>();
    header.fieldNames().forEachRemaining(n -> {
      if (!OB3_HEADERS.contains(n)) {
        extra.add(n);
      }
    });
    if (!extra.isEmpty()) {
      acc.fail(CheckName.SYNTAX, "header." + extra.get(0), JwtRejection.HEADER_NOT_ALLOWED,
          "the OB 3.0 JWT profile allows only the JOSE headers alg, kid, jwk and typ; got " + extra);
      return false;
    }
    JsonNode typ = header.get("typ");
    if (typ != null && !(typ.isTextual() && typ.asText().equals("JWT"))) {
      acc.fail(CheckName.SYNTAX, "header.typ", JwtRejection.TYP_MISMATCH,
          "the OB 3.0 JWT profile's typ, if present, is JWT; got " + typ);
      return false;
    }
    if (!header.has("kid") && !header.has("jwk")) {
      acc.fail(CheckName.SYNTAX, "header", JwtRejection.KEY_HEADER_MISSING,
          "the OB 3.0 JWT profile requires a kid or a jwk header");
      return false;
    }
    return true;
  }

  /**
   * The OB 3.0 registered claims: iss, jti, nbf, sub required and equal to what the credential says; exp required
   * when the credential has a validUntil (expirationDate) and then equal to it.
   */
  private boolean ob3Claims(Acc acc, ObjectNode payload, ObjectNode document, String issuer) {
    boolean vc1 = isVc1(document);
    // OB 3.0 s8.2 (Verify a Credential VC-JWT Signature): "If the JSON object has the exp claim, the NumericDate MUST
    // be converted to a DateTime, and MUST be used to set the value of the expirationDate": a token with exp and a
    // credential without an expiry is a credential that expires (exp is compared below when the member is present)
    Instant expClaim = ValidityWindow.numericDate(payload.get("exp"));
    if (expClaim != null && !document.has(Ob3Claims.untilMember(vc1))) {
      document.put(Ob3Claims.untilMember(vc1), expClaim.toString());
    }
    Ob3Claims.Expected e = Ob3Claims.expected(document, vc1);
    if (e.problem() != null) {
      acc.fail(CheckName.SYNTAX, e.problem().substring(0, e.problem().indexOf(':')), JwtRejection.DATA_MODEL,
          e.problem().substring(e.problem().indexOf(':') + 2));
      return false;
    }
    List<String> missing = new ArrayList<>();
    for (String c : List.of("iss", "jti", "nbf", "sub")) {
      if (!payload.has(c)) {
        missing.add(c);
      }
    }
    if (e.exp() != null && !payload.has("exp")) {
      missing.add("exp");
    }
    if (!missing.isEmpty()) {
      acc.fail(CheckName.SYNTAX, "payload." + missing.get(0), JwtRejection.CLAIM_MISSING,
          "the OB 3.0 JWT profile requires the claim(s) " + missing + (missing.contains("exp")
              ? " (exp because the credential has a " + Ob3Claims.untilMember(vc1) + ")" : ""));
      return false;
    }
    // iss was compared with the issuer above; jti and sub by claimsAgree, which compares only what is present
    if (!payload.get("jti").asText().equals(e.jti()) || !payload.get("sub").asText().equals(e.sub())
        || !payload.get("iss").asText().equals(issuer)) {
      acc.fail(CheckName.SYNTAX, "payload", JwtRejection.CLAIM_CONFLICT,
          "iss / jti / sub differ from the credential's issuer / id / credentialSubject.id");
      return false;
    }
    Long nbf = Ob3Claims.numericDate(payload.get("nbf"));
    if (nbf == null || nbf != e.nbf()) {
      acc.fail(CheckName.SYNTAX, "payload.nbf", JwtRejection.CLAIM_CONFLICT, "nbf " + describe(payload.get("nbf"))
          + " is not the credential's " + Ob3Claims.fromMember(vc1) + " " + describe(document.get(
              Ob3Claims.fromMember(vc1))) + " (" + e.nbf() + ")");
      return false;
    }
    if (e.exp() != null) {
      Long exp = Ob3Claims.numericDate(payload.get("exp"));
      if (exp == null || !exp.equals(e.exp())) {
        acc.fail(CheckName.SYNTAX, "payload.exp", JwtRejection.CLAIM_CONFLICT, "exp " + describe(payload.get("exp"))
            + " is not the credential's " + Ob3Claims.untilMember(vc1) + " " + describe(document.get(
                Ob3Claims.untilMember(vc1))) + " (" + e.exp() + ")");
        return false;
      }
    }
    return true;
  }

  /** Whether a document is a VC Data Model 1.1 document (its first context is the 1.1 context). */
  static boolean isVc1(JsonNode doc) {
    return "https://www.w3.org/2018/credentials/v1".equals(DataModel.firstContext(doc));
  }

  /**
   * The JWT claims that name the same thing as a credential property must agree with it (VC-JOSE-COSE: avoid
   * {@code sub} vs {@code credentialSubject.id} and {@code jti} vs {@code id} conflicts). A verifier that reads
   * {@code sub} must not learn a subject the credential does not name.
   */
  private boolean claimsAgree(Acc acc, ObjectNode payload, ObjectNode document, boolean legacy) {
    JsonNode jti = payload.get("jti");
    String what = kind == JwtKind.CREDENTIAL ? "credential" : "presentation";
    if (jti != null && (!jti.isTextual() || document.has("id") && !jti.asText().equals(document.path("id").asText(null)))) {
      acc.fail(CheckName.SYNTAX, "payload.jti", JwtRejection.CLAIM_CONFLICT,
          "jti " + describe(jti) + " differs from the " + what + "'s id " + describe(document.get("id")));
      return false;
    }
    // a vc+jwt credential is the payload: a jti beside no id names the credential with an identifier it does not
    // state (as a sub naming no credentialSubject would); a legacy token's jti became its id above (VC 1.1 JWT
    // decoding), so this is the VC-JOSE-COSE payload only
    if (jti != null && !document.has("id") && kind == JwtKind.CREDENTIAL) {
      acc.fail(CheckName.SYNTAX, "payload.jti", JwtRejection.CLAIM_CONFLICT,
          "jti " + describe(jti) + " names an id the credential does not have (no id member); expected no jti, or"
              + " the credential's id");
      return false;
    }
    // VC 1.1 JWT: nbf represents issuanceDate and exp expirationDate; decoding sets the members from them, so a
    // token whose vc claim states other dates is two credentials in one (the claim read by JWT libraries, the member
    // by applications): refused. Equal to the second, as NumericDate counts
    if (legacy) {
      for (String[] pair : new String[][] {{"nbf", "issuanceDate"}, {"exp", "expirationDate"}}) {
        JsonNode claim = payload.get(pair[0]);
        JsonNode member = document.get(pair[1]);
        if (claim == null || member == null || !member.isTextual()) {
          continue;
        }
        Instant c = ValidityWindow.numericDate(claim);
        Instant m;
        try {
          m = XsdDateTime.parse(member.asText());
        } catch (RuntimeException e) {
          continue; // the time check reports the member (BAD_TIME)
        }
        if (c != null && c.getEpochSecond() != m.getEpochSecond()) {
          acc.fail(CheckName.SYNTAX, "payload." + pair[0], JwtRejection.CLAIM_CONFLICT, pair[0] + " "
              + describe(claim) + " (" + c + ") is not the " + what + "'s " + pair[1] + " " + describe(member));
          return false;
        }
      }
    }
    JsonNode sub = payload.get("sub");
    if (sub == null || kind != JwtKind.CREDENTIAL) {
      return true;
    }
    List<String> ids = new ArrayList<>();
    JsonNode subjects = document.path("credentialSubject");
    for (JsonNode s : subjects.isArray() ? subjects : List.of(subjects)) {
      if (s.path("id").isTextual()) {
        ids.add(s.get("id").asText());
      }
    }
    if (!sub.isTextual() || !ids.contains(sub.asText())) {
      acc.fail(CheckName.SYNTAX, "payload.sub", JwtRejection.CLAIM_CONFLICT,
          "sub " + describe(sub) + " is not the id of a credentialSubject " + ids);
      return false;
    }
    return true;
  }

  private VerificationMethod bindKey(Acc acc, ObjectNode header, String issuer) {
    String who = kind == JwtKind.CREDENTIAL ? "issuer" : "holder";
    JsonNode kidNode = header.get("kid");
    JsonNode jwkNode = header.get("jwk");
    PublicKey headerKey = null;
    if (jwkNode != null) {
      if (!jwkNode.isObject() || jwkNode.has("d")) {
        acc.fail(CheckName.SYNTAX, "header.jwk", JwtRejection.MALFORMED, "jwk must be a public JWK object");
        return null;
      }
      try {
        headerKey = PublicKey.fromJwk(jwkNode);
      } catch (VcException e) {
        acc.fail(CheckName.SYNTAX, "header.jwk", JwtRejection.MALFORMED, e.getMessage());
        return null;
      }
    }
    ControllerDocument doc;
    VerificationMethod vm;
    if (kidNode != null) {
      if (!kidNode.isTextual()) {
        acc.fail(CheckName.SYNTAX, "header.kid", JwtRejection.MALFORMED, "kid must be a string");
        return null;
      }
      String kid = kidNode.asText();
      String absolute = kid.startsWith("#") ? issuer + kid : kid;
      int hash = absolute.indexOf('#');
      String controllerId = hash < 0 ? absolute : absolute.substring(0, hash);
      if (!controllerId.equals(issuer)) {
        acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "header.kid", JwtRejection.KID_NOT_ISSUER,
            "kid '" + kid + "' belongs to '" + controllerId + "', not to the " + who + " '" + issuer + "'");
        return null;
      }
      doc = resolve(acc, issuer, "header.kid");
      if (doc == null) {
        return null;
      }
      Optional<VerificationMethod> found = doc.method(absolute);
      if (found.isEmpty()) {
        acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "header.kid", JwtRejection.KEY_UNRESOLVED,
            "'" + issuer + "' has no verification method '" + absolute + "'");
        return null;
      }
      vm = found.get();
      if (!issuer.equals(vm.controller()) || !doc.authorizes(vm.id(), kind.relationship)) {
        acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "header.kid", JwtRejection.KID_NOT_ISSUER,
            "verification method '" + vm.id() + "' (controller '" + vm.controller() + "') is not the " + who
                + "'s " + kind.relationship + " key");
        return null;
      }
      if (headerKey != null && !headerKey.equals(vm.publicKey())) {
        acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "header.jwk", JwtRejection.JWK_NOT_ISSUER,
            "the jwk header key differs from the key of '" + vm.id() + "'");
        return null;
      }
      return vm;
    }
    doc = resolve(acc, issuer, headerKey != null ? "header.jwk" : "header");
    if (doc == null) {
      if (headerKey != null) {
        // report the self-asserted key as the reason, not only the resolution failure
        acc.rejections.add(JwtRejection.JWK_NOT_ISSUER);
      }
      return null;
    }
    List<VerificationMethod> candidates = new ArrayList<>();
    for (VerificationMethod m : doc.verificationMethods()) {
      if (issuer.equals(m.controller()) && doc.authorizes(m.id(), kind.relationship)
          && (headerKey == null || headerKey.equals(m.publicKey()))) {
        candidates.add(m);
      }
    }
    if (headerKey != null && candidates.isEmpty()) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "header.jwk", JwtRejection.JWK_NOT_ISSUER,
          "the self-asserted jwk header key is not an " + kind.relationship + " key of the " + who + " '" + issuer
              + "'");
      return null;
    }
    if (candidates.size() != 1) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "header.kid", candidates.isEmpty()
              ? JwtRejection.KEY_UNRESOLVED : JwtRejection.KEY_AMBIGUOUS,
          "no kid, and the " + who + " has " + candidates.size() + " " + kind.relationship + " keys");
      return null;
    }
    return candidates.get(0);
  }

  private ControllerDocument resolve(Acc acc, String id, String path) {
    try {
      return options.controllerDocument(id);
    } catch (VcException | RuntimeException e) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, path, JwtRejection.KEY_UNRESOLVED,
          "cannot resolve '" + id + "': " + e.getMessage());
      return null;
    }
  }

  private static boolean audienceContains(JsonNode aud, String expected) {
    if (aud == null) {
      return false;
    }
    if (aud.isTextual()) {
      return aud.asText().equals(expected);
    }
    if (aud.isArray()) {
      for (JsonNode a : aud) {
        if (a.asText().equals(expected)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A value for a message, at most 64 characters of it. */
  private static String brief(JsonNode n) {
    String t = describe(n);
    return t.length() <= 64 ? t : t.substring(0, 64) + "... (" + t.length() + " characters)";
  }

  private static String describe(JsonNode n) {
    return n == null ? "nothing" : n.toString();
  }

  private static KeyType keyTypeOf(String alg) {
    switch (alg) {
      case "EdDSA":
        return KeyType.ED25519;
      case "ES256":
        return KeyType.P256;
      case "RS256":
        return KeyType.RSA;
      case "ES384":
        return KeyType.P384;
      default:
        throw new IllegalStateException("alg " + alg + " passed the allow-list but has no key type");
    }
  }

  private static byte[] b64(String part) {
    for (int i = 0; i < part.length(); i++) {
      char ch = part.charAt(i);
      if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'
          || ch == '_')) {
        return null;
      }
    }
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ObjectNode jsonPart(Acc acc, String part, String what, int maxBytes) {
    // 4 base64url characters carry 3 bytes: refuse before decoding anything larger than the limit
    if ((long) part.length() * 3 / 4 > maxBytes) {
      acc.fail(CheckName.SYNTAX, what, JwtRejection.TOO_LARGE, "the " + what + " is larger than " + maxBytes
          + " bytes");
      return null;
    }
    byte[] raw = b64(part);
    if (raw == null) {
      acc.fail(CheckName.SYNTAX, what, JwtRejection.MALFORMED, "the " + what + " is not base64url");
      return null;
    }
    try {
      // the module's strict reader: duplicate keys (RFC 7515 section 4 requires refusing them in the header),
      // trailing content, invalid UTF-8 and unpaired surrogates are refused; size and depth bounded while reading
      return StrictJson.readObjectTree(raw, what,
          new StrictJson.Limits(maxBytes, CanonicalizationLimits.DEFAULT.maxNestingDepth()));
    } catch (VcException e) {
      acc.fail(CheckName.SYNTAX, what, e.code() == VcErrorCode.LIMIT_EXCEEDED ? JwtRejection.TOO_LARGE
          : JwtRejection.MALFORMED, "the " + what + " is not strict JSON: " + e.getMessage());
      return null;
    }
  }

  /** The issuer (credentials) or holder (presentations) id of a document, when it is an IRI. */
  static Optional<String> partyId(JsonNode doc, JwtKind kind) {
    return Optional.ofNullable(DataModel.partyId(doc.get(kind == JwtKind.CREDENTIAL ? "issuer" : "holder")));
  }
}
