package io.github.microcred.vc.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationMethod;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.internal.NestedCredentials;
import io.github.microcred.vc.internal.StrictJson;
import io.github.microcred.vc.internal.sdjwt.CompactJws;
import io.github.microcred.vc.internal.sdjwt.SdJwtCodec;
import io.github.microcred.vc.internal.sdjwt.SdJwtFailure;
import io.github.microcred.vc.internal.sdjwt.X5cChain;
import io.github.microcred.vc.internal.verify.CompactForm;
import io.github.microcred.vc.internal.verify.DataModel;
import io.github.microcred.vc.internal.verify.KeyBinding;
import io.github.microcred.vc.internal.verify.StatusGate;
import io.github.microcred.vc.internal.verify.ValidityWindow;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies an SD-JWT VC ({@code typ: dc+sd-jwt}) with or without a Key Binding JWT. Immutable; {@link #get()} never
 * throws for a bad token.
 *
 * <p>Checked, each failure named by an {@link SdJwtRejection}: the size of the token (before decoding) and the
 * number of Disclosures; the Issuer-signed JWT (strict JSON header and payload, {@code alg} in EdDSA / ES256 /
 * ES384, never {@code none} or HMAC, no {@code crit}, {@code typ}); the key bound to {@code iss} ({@code kid} an
 * {@code assertionMethod} method of the issuer, resolved through the shared {@link VerifyOptions}: DIDs and
 * configured controller documents, the trusted keys); the signature; {@code _sd_alg}; every Disclosure (strict
 * JSON, referenced exactly once, no digest twice, no reserved or overwriting claim name, never-disclosable claims
 * visible); {@code vct}; {@code exp} / {@code nbf} / {@code iat} and {@code validFrom} / {@code validUntil} in the
 * shared validity window; a credential with {@code @context} against the VC Data Model 2.0 check and compact form;
 * the {@code status} claim (IETF Token Status List: plug in
 * {@link io.github.microcred.vc.status.TokenStatusListCheck}) and {@code credentialStatus} through the shared status
 * gate, each on its own, failing closed without a check that reads it; and Key Binding: the KB-JWT's {@code typ}, signature by
 * the {@code cnf.jwk} key, {@code nonce}, {@code aud}, {@code iat} freshness and {@code sd_hash}.
 */
public final class SdJwtVerifyOperation {
  /** The most Disclosures read. */
  public static final int MAX_DISCLOSURES = 4096;
  /** The default age a KB-JWT may have ({@code iat}), beyond the clock skew. */
  public static final Duration DEFAULT_KB_MAX_AGE = Duration.ofMinutes(5);
  private static final int MAX_HEADER_BYTES = 8 * 1024;

  private record Settings(VerifyOptions options, boolean requireKeyBinding, String nonce, String audience,
      Duration kbMaxAge, Set<TrustAnchor> x5cAnchors, List<X509CRL> crls) {}

  private final String token;
  private final Settings s;

  SdJwtVerifyOperation(String token) {
    this(token, new Settings(VerifyOptions.defaults(), true, null, null, DEFAULT_KB_MAX_AGE, Set.of(), List.of()));
  }

  private SdJwtVerifyOperation(String token, Settings s) {
    this.token = token;
    this.s = s;
  }

  /**
   * Replaces the shared verification configuration (clock, skew, DID resolver, controller documents = trusted
   * issuer keys, status check, limits); the Key Binding expectations are kept.
   *
   * @param o the options
   * @return a new operation
   */
  public SdJwtVerifyOperation withOptions(VerifyOptions o) {
    return new SdJwtVerifyOperation(token, new Settings(Objects.requireNonNull(o, "options"), s.requireKeyBinding,
        s.nonce, s.audience, s.kbMaxAge, s.x5cAnchors, s.crls));
  }

  /**
   * The shared verification configuration.
   *
   * @return the options
   */
  public VerifyOptions options() {
    return s.options;
  }

  /**
   * Sets the clock.
   *
   * @param c the clock
   * @return a new operation
   */
  public SdJwtVerifyOperation withClock(Clock c) {
    return withOptions(s.options.withClock(c));
  }

  /**
   * Supplies a controller document (a trusted issuer and its keys) for an issuer that is not a resolvable DID.
   *
   * @param doc the document; its id is the {@code iss}
   * @return a new operation
   */
  public SdJwtVerifyOperation withControllerDocument(ControllerDocument doc) {
    return withOptions(s.options.withControllerDocument(doc));
  }

  /**
   * Requires a KB-JWT with this {@code nonce} and {@code aud} (the default requires Key Binding; without expected
   * values it fails closed).
   *
   * @param nonce the nonce the Verifier issued
   * @param audience the Verifier's identifier
   * @return a new operation
   */
  public SdJwtVerifyOperation withKeyBinding(String nonce, String audience) {
    return new SdJwtVerifyOperation(token, new Settings(s.options, true, Objects.requireNonNull(nonce, "nonce"),
        Objects.requireNonNull(audience, "audience"), s.kbMaxAge, s.x5cAnchors, s.crls));
  }

  /**
   * Accepts an SD-JWT without a KB-JWT (for example the Holder checking what was issued). A KB-JWT that is present
   * is still verified, except its nonce and audience when none are set.
   *
   * @return a new operation
   */
  public SdJwtVerifyOperation withoutKeyBinding() {
    return new SdJwtVerifyOperation(token, new Settings(s.options, false, s.nonce, s.audience, s.kbMaxAge,
        s.x5cAnchors, s.crls));
  }

  /**
   * Sets how old a KB-JWT may be ({@code iat}), beyond the clock skew.
   *
   * @param age 1 second to 1 day
   * @return a new operation
   */
  public SdJwtVerifyOperation withKeyBindingMaxAge(Duration age) {
    if (age.isNegative() || age.isZero() || age.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("KB-JWT max age must be within (0, 1 day], got " + age);
    }
    return new SdJwtVerifyOperation(token, new Settings(s.options, s.requireKeyBinding, s.nonce, s.audience, age,
        s.x5cAnchors, s.crls));
  }

  /**
   * Trusts issuers whose Issuer-signed JWT carries an {@code x5c} certificate chain (SD-JWT VC "Inline X.509
   * Certificates") that validates with PKIX (RFC 5280) to one of these anchors at the verification time. The
   * end-entity certificate's key then verifies the signature, instead of a {@code kid} or controller document; it
   * must name {@code iss} (a URI subject alternative name equal to it, or for an {@code https} issuer a DNS name equal
   * to its host) and, when it has a key usage, allow {@code digitalSignature}. A token without {@code iss} is
   * accepted when the end-entity certificate names one issuer (draft-ietf-oauth-sd-jwt-vc, Issuer Verification Key
   * Discovery: "the Issuer of the Verifiable Digital Credential is the subject of the end-entity certificate"): its
   * one URI subject alternative name, or without one its one DNS name as {@code dns:NAME}; never its subject's CN
   * ({@link SdJwtVerification#issuer()}). Revocation of certificates is checked only against CRLs given with
   * {@link #withX509Crls}; OCSP is not used, as it needs the network. Without anchors (the default) {@code x5c} is
   * not read.
   * Failures: {@link SdJwtRejection#X5C_INVALID}, {@link SdJwtRejection#X5C_UNTRUSTED},
   * {@link SdJwtRejection#X5C_NOT_ISSUER}.
   *
   * @param anchors the root (or other trusted) certificates, at least one
   * @return a new operation
   * @throws IllegalArgumentException when {@code anchors} is empty
   */
  public SdJwtVerifyOperation withX509TrustAnchors(Collection<X509Certificate> anchors) {
    return new SdJwtVerifyOperation(token, new Settings(s.options, s.requireKeyBinding, s.nonce, s.audience,
        s.kbMaxAge, X5cChain.anchors(List.copyOf(anchors)), s.crls));
  }

  /**
   * Checks the revocation of {@code x5c} certificates against these certificate revocation lists, offline: every
   * certificate of the validated path (the end-entity and each intermediate) must be covered by a current CRL of its
   * issuer among them, signed by that issuer; a revoked certificate fails {@link SdJwtRejection#X5C_REVOKED}, one
   * without a current CRL (none given, or past its {@code nextUpdate} at the verification time) fails closed with
   * {@link SdJwtRejection#X5C_REVOCATION_UNKNOWN}. No CRL distribution point is fetched and OCSP is not used (both
   * need the network). Without CRLs (the default) revocation is not checked. Applies with
   * {@link #withX509TrustAnchors}.
   *
   * @param crls the CRLs, at least one (replacing any set before)
   * @return a new operation
   * @throws IllegalArgumentException when {@code crls} is empty
   */
  public SdJwtVerifyOperation withX509Crls(Collection<X509CRL> crls) {
    if (crls.isEmpty()) {
      throw new IllegalArgumentException("CRLs: expected at least one");
    }
    for (X509CRL c : crls) {
      Objects.requireNonNull(c, "crl");
    }
    return new SdJwtVerifyOperation(token, new Settings(s.options, s.requireKeyBinding, s.nonce, s.audience,
        s.kbMaxAge, s.x5cAnchors, List.copyOf(crls)));
  }

  /** Collects checks and rejections. */
  private static final class Acc {
    final List<VerificationCheck> checks = new ArrayList<>();
    final Set<SdJwtRejection> rejections = new LinkedHashSet<>();
    ObjectNode claims;
    Set<String> jsonLiterals;
    List<VerificationResult.Nested> nested = List.of();
    boolean keyBound;
    int disclosures;
    String issuer;
    X509Certificate leaf;

    void fail(CheckName name, String path, SdJwtRejection why, String message) {
      checks.add(VerificationCheck.failed(name, path, why, why.name() + ": " + message));
      rejections.add(why);
    }

    void pass(CheckName name, String path, String message) {
      checks.add(VerificationCheck.passed(name, path, message));
    }

    SdJwtVerification done() {
      return new SdJwtVerification(VerificationResult.of(checks, nested), new ArrayList<>(rejections), claims, keyBound,
          disclosures, issuer);
    }
  }

  /**
   * Verifies.
   *
   * @return the outcome; never throws for bad input
   */
  public SdJwtVerification get() {
    Acc acc = new Acc();
    try {
      run(acc);
    } catch (SdJwtFailure e) {
      acc.fail(CheckName.SYNTAX, e.path(), e.reason(), e.getMessage());
    } catch (RuntimeException e) {
      acc.fail(CheckName.SYNTAX, "$", SdJwtRejection.MALFORMED, "unexpected input: " + e);
    }
    if (acc.checks.isEmpty() || acc.rejections.isEmpty() && acc.checks.stream().noneMatch(VerificationCheck::failed)
        && acc.checks.stream().noneMatch(c -> c.name() == CheckName.PROOF)) {
      acc.fail(CheckName.PROOF, "$", SdJwtRejection.MALFORMED, "no proof was checked");
    }
    return acc.done();
  }

  private int maxTokenChars() {
    return (s.options.limits().maxDocumentBytes() / 3 + 1) * 4 + 64 * 1024;
  }

  private StrictJson.Limits jsonLimits() {
    return new StrictJson.Limits(s.options.limits().maxDocumentBytes(), s.options.limits().maxNestingDepth());
  }

  private void run(Acc acc) throws SdJwtFailure {
    String t = token.strip();
    if (t.length() > maxTokenChars()) {
      throw new SdJwtFailure(SdJwtRejection.TOO_LARGE, "$", "the token has " + t.length() + " characters; at most "
          + maxTokenChars() + " are read");
    }
    SdJwtCodec.Split split = SdJwtCodec.split(t, MAX_DISCLOSURES);
    acc.disclosures = split.disclosures().size();
    String[] parts = split.jwt().split("\\.", -1);
    if (parts.length != 3) {
      throw new SdJwtFailure(SdJwtRejection.MALFORMED, "jwt", "the Issuer-signed JWT must have 3 parts, got "
          + parts.length);
    }
    ObjectNode header = jsonPart(parts[0], "jwt.header", MAX_HEADER_BYTES);
    ObjectNode payload = jsonPart(parts[1], "jwt.payload", s.options.limits().maxDocumentBytes());
    String alg = algorithm(header, "jwt.header");
    byte[] signature = SdJwtCodec.base64url(parts[2]);
    if (signature == null) {
      throw new SdJwtFailure(SdJwtRejection.MALFORMED, "jwt.signature", "the signature is not base64url");
    }
    String typ = header.path("typ").asText(null);
    if (!SdJwt.TYP.equals(typ)) {
      throw new SdJwtFailure(SdJwtRejection.TYP_MISMATCH, "jwt.header.typ", "expected typ '" + SdJwt.TYP + "', got "
          + (typ == null ? "none" : "'" + typ + "'"));
    }
    // --- the key, bound to iss
    JsonNode iss = payload.get("iss");
    boolean x5c = !s.x5cAnchors.isEmpty() && header.has("x5c");
    if (iss != null ? !iss.isTextual() || iss.asText().isEmpty() : !x5c) {
      throw new SdJwtFailure(SdJwtRejection.ISSUER_MISSING, "jwt.payload.iss", "iss must be the issuer's id"
          + (iss == null ? " (or an x5c chain to a configured X.509 trust anchor must name the issuer)" : ""));
    }
    String issuer;
    VerificationMethod vm;
    if (x5c) {
      X5cChain.Validated chain = X5cChain.validate(header.get("x5c"), s.x5cAnchors, s.crls,
          iss == null ? null : iss.asText(), s.options.clock().instant());
      vm = chain.method();
      issuer = chain.issuer();
      acc.leaf = iss == null ? chain.leaf() : null;
    } else {
      issuer = iss.asText();
      vm = bindKey(header, issuer);
    }
    if (vm.publicKey().type() != CompactJws.keyType(alg)) {
      throw new SdJwtFailure(SdJwtRejection.ALG_KEY_MISMATCH, "jwt.header.alg", "alg " + alg + " needs a "
          + CompactJws.keyType(alg) + " key, " + vm.id() + " is " + vm.publicKey().type());
    }
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (signature.length != CompactJws.signatureLength(alg) || !vm.publicKey().verify(input, signature)) {
      acc.fail(CheckName.PROOF, "jwt.signature", SdJwtRejection.SIGNATURE_INVALID,
          "the signature does not verify with " + vm.id());
      return;
    }
    if (vm.type().equals(X5cChain.METHOD_TYPE)) {
      acc.pass(CheckName.PURPOSE_AND_CONTROLLER, "jwt.header.x5c", "the x5c end-entity certificate names " + issuer
          + (iss == null ? " (no iss: the certificate names the issuer)" : "") + " and its chain validates to a "
          + "configured trust anchor" + (s.crls.isEmpty() ? "" : ", no certificate revoked by the configured CRLs"));
    } else {
      acc.pass(CheckName.PURPOSE_AND_CONTROLLER, "jwt.header.kid", vm.id() + " is an assertionMethod key of "
          + issuer);
    }
    acc.pass(CheckName.PROOF, "jwt.signature", alg + " signature verified with " + vm.id());
    acc.issuer = issuer;

    // --- disclosures
    String digestAlg = sdAlg(payload);
    List<SdJwtCodec.Disclosure> ds = new ArrayList<>();
    for (int i = 0; i < split.disclosures().size(); i++) {
      ds.add(SdJwtCodec.decode(split.disclosures().get(i), "disclosures[" + i + "]", jsonLimits(), digestAlg));
    }
    SdJwtCodec.Processed processed = SdJwtCodec.process(payload, ds);
    for (String name : processed.topLevelNames()) {
      if (SdJwtCodec.NEVER_DISCLOSABLE.contains(name)) {
        throw new SdJwtFailure(SdJwtRejection.NOT_DISCLOSABLE, "/" + SdJwtCodec.escape(name), "'" + name
            + "' must not be selectively disclosable (a Holder could hide it)");
      }
    }
    ObjectNode claims = processed.claims();
    acc.claims = claims;
    acc.pass(CheckName.SYNTAX, "disclosures", ds.size() + " Disclosure(s), each referenced once by a "
        + digestAlg + " digest");
    JsonNode vct = claims.get("vct");
    if (vct == null || !vct.isTextual() || vct.asText().isEmpty()) {
      acc.fail(CheckName.SYNTAX, "/vct", SdJwtRejection.VCT_MISSING, "vct (the credential type) must be a string");
    }

    // --- the credential (VC Data Model 2.0) when it is one
    if (claims.has("@context")) {
      dataModel(acc, claims, issuer);
    } else {
      acc.checks.add(VerificationCheck.notApplicable(CheckName.CONTEXTS, "$",
          "no @context: an SD-JWT VC that is not a W3C credential; its claims are read as SD-JWT VC claims"));
    }

    // --- time
    Instant now = s.options.clock().instant();
    List<ValidityWindow.Bound> bounds = new ArrayList<>();
    for (String[] c : new String[][] {{"exp", "u"}, {"nbf", "l"}, {"iat", "l"}}) {
      JsonNode n = payload.get(c[0]);
      if (n == null) {
        continue;
      }
      Instant at = ValidityWindow.numericDate(n);
      if (at == null) {
        String text = n.toString();
        acc.fail(CheckName.VALIDITY_PERIOD, "/" + c[0], SdJwtRejection.BAD_TIME, c[0]
            + " must be NumericDate seconds within " + Instant.MIN + " .. " + Instant.MAX + ", got "
            + (text.length() <= 64 ? text : text.substring(0, 64) + "..."));
        continue;
      }
      bounds.add(ValidityWindow.Bound.instant("/" + c[0], c[0], at, c[1].equals("u")));
    }
    for (String m : List.of("validFrom", "validUntil")) {
      JsonNode n = claims.get(m);
      if (n != null) {
        bounds.add(ValidityWindow.Bound.dateTime("/" + m, m, n.isTextual() ? n.asText() : null,
            m.equals("validUntil")));
      }
    }
    int before = acc.rejections.size();
    for (ValidityWindow.Problem p : ValidityWindow.problems(bounds, now, s.options.maxClockSkew())) {
      acc.fail(CheckName.VALIDITY_PERIOD, p.path(), p.reason() == ValidityWindow.Reason.EXPIRED
          ? SdJwtRejection.EXPIRED : p.reason() == ValidityWindow.Reason.NOT_YET_VALID ? SdJwtRejection.NOT_YET_VALID
          : SdJwtRejection.BAD_TIME, p.message());
    }
    if (acc.rejections.size() == before) {
      acc.pass(CheckName.VALIDITY_PERIOD, "$", "within the validity period at " + now + " (skew "
          + s.options.maxClockSkew() + ")");
    }

    // --- status: the status claim (Token Status List) and credentialStatus, each handed to the status check alone,
    // so a check that reads one kind never passes the other unread (StatusGate fails "not applicable" closed)
    for (String[] m : new String[][] {{"status", "credentialStatus"}, {"credentialStatus", "status"}}) {
      if (claims.has(m[0])) {
        VerificationCheck c = StatusGate.check(true, "/" + m[0], s.options.status().orElse(null), true, null, () -> {
          ObjectNode one = claims.deepCopy();
          one.remove(m[1]);
          return one;
        }, now);
        if (c.failed()) {
          acc.fail(CheckName.STATUS, c.path(), SdJwtRejection.STATUS, c.message());
        } else {
          acc.checks.add(c);
        }
      }
    }

    // --- embedded credentials (OB 3.0 endorsement / endorsementJwt, a CLR's credentials), with the same options
    if (acc.jsonLiterals != null && s.options.nestedCredentials() != VerifyOptions.NestedCredentials.IGNORE) {
      int checksBefore = acc.checks.size();
      acc.nested = NestedCredentials.verify(claims, acc.jsonLiterals, nestedVerifier(), acc.checks);
      for (int i = checksBefore; i < acc.checks.size(); i++) {
        if (acc.checks.get(i).failed()) {
          acc.rejections.add(SdJwtRejection.NESTED_CREDENTIAL);
        }
      }
    }

    // --- key binding
    keyBinding(acc, split, claims, now, digestAlg);
  }

  /**
   * The {@code _sd_alg} of a payload: {@code sha-256} when absent (RFC 9901 section 4.1.1), else exactly one of
   * {@link SdJwt#SD_ALGORITHMS}; anything else (another name, another spelling, not a string) is refused.
   */
  static String sdAlg(ObjectNode payload) throws SdJwtFailure {
    JsonNode sdAlg = payload.get("_sd_alg");
    if (sdAlg == null) {
      return SdJwt.SD_ALG;
    }
    if (!sdAlg.isTextual() || !SdJwt.SD_ALGORITHMS.contains(sdAlg.asText())) {
      throw new SdJwtFailure(SdJwtRejection.SD_ALG_UNSUPPORTED, "jwt.payload._sd_alg", "_sd_alg must be one of "
          + new TreeSet<>(SdJwt.SD_ALGORITHMS) + " (IANA names, exactly), got " + sdAlg);
    }
    return sdAlg.asText();
  }

  private NestedCredentials.Verifier nestedVerifier() {
    return new NestedCredentials.Verifier() {
      @Override
      public VerificationResult dataIntegrity(ObjectNode credential) {
        return Credentials.verify(credential).withOptions(s.options.withProofPurpose("assertionMethod")).get();
      }

      @Override
      public VerificationResult jwt(String jwt) {
        return VcJwt.verify(jwt).withOptions(s.options).get().result();
      }

      @Override
      public VerificationResult ob3Jwt(String jwt) {
        return Ob3Jwt.verify(jwt).withOptions(s.options).get().result();
      }
    };
  }

  private void dataModel(Acc acc, ObjectNode claims, String issuer) {
    Set<String> jsonLiterals = CompactForm.jsonLiteralTerms(claims.get("@context"), s.options.documentLoader());
    List<VerificationCheck> model = DataModel.problems(claims, DataModel.Kind.CREDENTIAL, false,
        s.options.documentLoader(), jsonLiterals);
    for (VerificationCheck c : model) {
      acc.fail(c.name(), c.path(), SdJwtRejection.DATA_MODEL, c.message());
    }
    if (!model.isEmpty()) {
      return;
    }
    List<String> compact = CompactForm.problems(claims, jsonLiterals, true);
    if (!compact.isEmpty()) {
      acc.fail(CheckName.COMPACT_FORM, "$", SdJwtRejection.NOT_COMPACT, String.join("; ", compact));
      return;
    }
    acc.pass(CheckName.COMPACT_FORM, "$", "compact form of the pinned contexts");
    acc.jsonLiterals = jsonLiterals;
    String credIssuer = DataModel.partyId(claims.get("issuer"));
    if (acc.leaf != null && credIssuer != null && X5cChain.namesIssuer(acc.leaf, credIssuer)) {
      // no iss: the credential's issuer must be one the end-entity certificate names
      acc.issuer = credIssuer;
      return;
    }
    if (!issuer.equals(credIssuer)) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "/iss", SdJwtRejection.ISS_MISMATCH, "iss '" + issuer
          + "' differs from the credential's issuer '" + credIssuer + "'" + (acc.leaf == null ? ""
              : " (no iss: the x5c end-entity certificate names '" + issuer + "', not the credential's issuer)"));
    }
  }

  private void keyBinding(Acc acc, SdJwtCodec.Split split, ObjectNode claims, Instant now, String sdAlg)
      throws SdJwtFailure {
    String kb = split.kbJwt();
    if (kb == null) {
      if (s.requireKeyBinding) {
        acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt", SdJwtRejection.KB_MISSING,
            "Key Binding is required and no KB-JWT was presented");
      } else {
        acc.checks.add(VerificationCheck.notApplicable(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt",
            "no KB-JWT (Key Binding not required)"));
      }
      return;
    }
    JsonNode jwk = claims.path("cnf").get("jwk");
    PublicKey holder = null;
    if (jwk != null && jwk.isObject() && !jwk.has("d")) {
      try {
        holder = PublicKey.fromJwk(jwk);
      } catch (VcException e) {
        holder = null;
      }
    }
    if (holder == null) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "/cnf/jwk", SdJwtRejection.CNF_MISSING,
          "a KB-JWT needs the Holder's public key in cnf.jwk (EdDSA, P-256 or P-384)");
      return;
    }
    String[] parts = kb.split("\\.", -1);
    if (parts.length != 3) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt", SdJwtRejection.KB_MALFORMED, "the KB-JWT must have 3 "
          + "parts, got " + parts.length);
      return;
    }
    ObjectNode header;
    ObjectNode payload;
    String alg;
    try {
      header = jsonPart(parts[0], "kb-jwt.header", MAX_HEADER_BYTES);
      payload = jsonPart(parts[1], "kb-jwt.payload", MAX_HEADER_BYTES);
      alg = algorithm(header, "kb-jwt.header");
    } catch (SdJwtFailure e) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, e.path(), e.reason() == SdJwtRejection.MALFORMED
          ? SdJwtRejection.KB_MALFORMED : e.reason(), e.getMessage());
      return;
    }
    if (!SdJwt.KB_TYP.equals(header.path("typ").asText(null))) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.header.typ", SdJwtRejection.KB_MALFORMED,
          "expected typ '" + SdJwt.KB_TYP + "', got " + header.get("typ"));
      return;
    }
    if (holder.type() != CompactJws.keyType(alg)) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.header.alg", SdJwtRejection.ALG_KEY_MISMATCH,
          "alg " + alg + " does not fit the cnf key (" + holder.type() + ")");
      return;
    }
    byte[] sig = SdJwtCodec.base64url(parts[2]);
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (sig == null || sig.length != CompactJws.signatureLength(alg) || !holder.verify(input, sig)) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.signature", SdJwtRejection.KB_SIGNATURE_INVALID,
          "the KB-JWT signature does not verify with the cnf key");
      return;
    }
    int before = acc.rejections.size();
    JsonNode sdHash = payload.get("sd_hash");
    String expectedHash = SdJwtCodec.digest(sdAlg, split.signedPart()); // sd_hash uses _sd_alg (RFC 9901 4.3.1)
    if (sdHash == null || !sdHash.isTextual() || !sdHash.asText().equals(expectedHash)) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.payload.sd_hash", SdJwtRejection.KB_SD_HASH_MISMATCH,
          "sd_hash " + sdHash + " does not cover this SD-JWT and its Disclosures (expected " + expectedHash + ")");
    }
    JsonNode nonce = payload.get("nonce");
    if (nonce == null || !nonce.isTextual()) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.payload.nonce", SdJwtRejection.KB_MALFORMED,
          "nonce must be a string");
    } else if (s.nonce != null ? !s.nonce.equals(nonce.asText()) : s.requireKeyBinding) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.payload.nonce", SdJwtRejection.KB_NONCE_MISMATCH,
          s.nonce == null ? "no expected nonce configured (withKeyBinding(nonce, audience)): fails closed"
              : "expected nonce '" + s.nonce + "', got '" + nonce.asText() + "'");
    }
    JsonNode aud = payload.get("aud");
    if (aud == null || !aud.isTextual()) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.payload.aud", SdJwtRejection.KB_MALFORMED,
          "aud must be a string");
    } else if (s.audience != null ? !s.audience.equals(aud.asText()) : s.requireKeyBinding) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.payload.aud", SdJwtRejection.KB_AUDIENCE_MISMATCH,
          s.audience == null ? "no expected audience configured (withKeyBinding(nonce, audience)): fails closed"
              : "expected aud '" + s.audience + "', got '" + aud.asText() + "'");
    }
    JsonNode iat = payload.get("iat");
    Instant at = iat != null && iat.isIntegralNumber() ? ValidityWindow.numericDate(iat) : null;
    if (at == null) {
      acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.payload.iat", SdJwtRejection.KB_MALFORMED,
          "iat must be NumericDate seconds");
    } else {
      Duration skew = s.options.maxClockSkew();
      if (at.isAfter(now.plus(skew)) || at.isBefore(now.minus(s.kbMaxAge).minus(skew))) {
        acc.fail(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt.payload.iat", SdJwtRejection.KB_STALE,
            "iat " + at + " is outside [now - " + s.kbMaxAge + ", now] (skew " + skew + ") at " + now);
      }
    }
    if (acc.rejections.size() == before) {
      acc.keyBound = true;
      acc.pass(CheckName.PURPOSE_AND_CONTROLLER, "kb-jwt", "KB-JWT signed by the cnf key, nonce, aud, iat and "
          + "sd_hash verified");
    }
  }

  private String algorithm(ObjectNode header, String path) throws SdJwtFailure {
    JsonNode a = header.get("alg");
    if (a == null || !a.isTextual()) {
      throw new SdJwtFailure(SdJwtRejection.MALFORMED, path + ".alg", "alg is missing");
    }
    String alg = a.asText();
    if (alg.equalsIgnoreCase("none")) {
      throw new SdJwtFailure(SdJwtRejection.ALG_NONE, path + ".alg", "alg 'none' is never accepted");
    }
    if (!SdJwt.ALGORITHMS.contains(alg)) {
      throw new SdJwtFailure(SdJwtRejection.ALG_NOT_ALLOWED, path + ".alg", "alg '" + alg
          + "' is not in the allow-list " + new TreeSet<>(SdJwt.ALGORITHMS));
    }
    if (header.has("crit")) {
      throw new SdJwtFailure(SdJwtRejection.CRIT_UNKNOWN, path + ".crit", "critical header parameter(s) "
          + header.get("crit") + " are not understood by this verifier");
    }
    if (header.has("b64")) {
      // RFC 7797 section 6: b64 changes the signing input and MUST be listed in crit (refused above)
      throw new SdJwtFailure(SdJwtRejection.MALFORMED, path + ".b64", "the b64 header (RFC 7797 unencoded payload)"
          + " is not supported, and without crit it is not valid JWS");
    }
    return alg;
  }

  private VerificationMethod bindKey(ObjectNode header, String issuer) throws SdJwtFailure {
    JsonNode kid = header.get("kid");
    if (kid != null) {
      if (!kid.isTextual()) {
        throw new SdJwtFailure(SdJwtRejection.MALFORMED, "jwt.header.kid", "kid must be a string");
      }
      String vmId = kid.asText().startsWith("#") ? issuer + kid.asText() : kid.asText();
      if (!KeyBinding.controllerId(vmId).equals(issuer)) {
        throw new SdJwtFailure(SdJwtRejection.KID_NOT_ISSUER, "jwt.header.kid", "kid '" + kid.asText()
            + "' belongs to '" + KeyBinding.controllerId(vmId) + "', not to the issuer '" + issuer + "'");
      }
      KeyBinding.Binding b = KeyBinding.bind(s.options, vmId, "assertionMethod", issuer, "issuer");
      if (!b.bound()) {
        throw new SdJwtFailure(b.method() == null ? SdJwtRejection.KEY_UNRESOLVED : SdJwtRejection.KID_NOT_ISSUER,
            "jwt.header.kid", b.problem());
      }
      return b.method();
    }
    ControllerDocument doc;
    try {
      doc = s.options.controllerDocument(issuer);
    } catch (VcException | RuntimeException e) {
      throw new SdJwtFailure(SdJwtRejection.KEY_UNRESOLVED, "jwt.payload.iss", "cannot resolve '" + issuer + "': "
          + e.getMessage());
    }
    List<VerificationMethod> candidates = new ArrayList<>();
    for (VerificationMethod m : doc.verificationMethods()) {
      if (issuer.equals(m.controller()) && doc.authorizes(m.id(), "assertionMethod")) {
        candidates.add(m);
      }
    }
    if (candidates.size() != 1) {
      throw new SdJwtFailure(candidates.isEmpty() ? SdJwtRejection.KEY_UNRESOLVED : SdJwtRejection.KEY_AMBIGUOUS,
          "jwt.header.kid", "no kid, and the issuer has " + candidates.size() + " assertionMethod keys");
    }
    return candidates.get(0);
  }

  private static ObjectNode jsonPart(String part, String what, int maxBytes) throws SdJwtFailure {
    if ((long) part.length() * 3 / 4 > maxBytes) {
      throw new SdJwtFailure(SdJwtRejection.TOO_LARGE, what, "larger than " + maxBytes + " bytes");
    }
    byte[] raw = SdJwtCodec.base64url(part);
    if (raw == null) {
      throw new SdJwtFailure(SdJwtRejection.MALFORMED, what, "not base64url");
    }
    try {
      return StrictJson.readObjectTree(raw, what, new StrictJson.Limits(maxBytes, 64));
    } catch (VcException e) {
      throw new SdJwtFailure(e.code() == VcErrorCode.LIMIT_EXCEEDED ? SdJwtRejection.TOO_LARGE
          : SdJwtRejection.MALFORMED, what, "not a strict JSON object: " + e.getMessage());
    }
  }
}
