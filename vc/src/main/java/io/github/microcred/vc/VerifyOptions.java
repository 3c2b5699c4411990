package io.github.microcred.vc;

import io.github.microcred.vc.internal.jose.OfflineDids;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of every verification in the vc module, as one immutable value: Data Integrity credentials
 * ({@link Credentials#verify}), {@code vc+jwt} / {@code vp+jwt} ({@code VcJwt.verify}), presentations
 * ({@code Presentations.verify}) and the status list credentials that a {@code BitstringStatusCheck} fetches all hold
 * one {@code VerifyOptions} and read their clock, skew, key resolution, contexts, limits, status check, proof purpose
 * and nested-credential policy from it, the way Jackson's {@code ObjectReader} holds its configuration. Each
 * {@code with...} returns a new value; the operations' own {@code with...} methods delegate here, and
 * {@code withOptions(VerifyOptions)} on an operation replaces the whole configuration at once.
 *
 * <pre>{@code
 * VerifyOptions options = VerifyOptions.defaults().withClock(clock).withStatus(statusCheck)
 *     .withControllerDocument(issuerDoc);
 * VerificationResult r = Credentials.verify(json).withOptions(options).get();
 * JwtVerification j = VcJwt.verify(jwt).withOptions(options).get();
 * }</pre>
 *
 * <p>Defaults: the system UTC clock; a clock skew of {@link #DEFAULT_SKEW} (60 seconds) for every time comparison
 * (validity period, proof {@code created} / {@code expires}, JWT {@code exp} / {@code nbf} / {@code iat}); offline
 * DID resolution ({@link DidResolvers#offline()}: {@code did:key}, {@code did:jwk}, memoised); no extra controller documents; the pinned context loader; the
 * default canonicalization limits; no status check (a credential whose signed data has a {@code credentialStatus}
 * then fails closed); proof purpose {@code assertionMethod}; nested credentials verified
 * ({@link NestedCredentials#VERIFY}).
 */
public final class VerifyOptions {
  /** The default clock skew, used by every verifier: 60 seconds. */
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
  /** The largest clock skew {@link #withMaxClockSkew} accepts: one hour (time checks cannot be switched off). */
  public static final Duration MAX_SKEW = Duration.ofHours(1);

  /**
   * What a verifier does with credentials embedded in the one it verifies: a presentation's
   * {@code verifiableCredential}, a CLR's {@code credentialSubject.verifiableCredential}, and Open Badges 3.0
   * {@code endorsement} / {@code endorsementJwt} wherever they appear (on the credential, its
   * {@code credentialSubject.achievement}, an issuer or creator {@code Profile}, ...).
   */
  public enum NestedCredentials {
    /**
     * Every embedded credential (Data Integrity, or an {@code EnvelopedVerifiableCredential} / compact JWT) is
     * verified with these same options (proof purpose {@code assertionMethod}) and listed with its JSON path in
     * {@link VerificationResult#nested()}; a failed nested credential fails the whole, with its path. At most 4
     * levels of nesting and 256 embedded credentials per top-level document are verified; beyond that the
     * {@link CheckName#NESTED_CREDENTIALS} check fails with {@code LIMIT_EXCEEDED} and the path.
     */
    VERIFY,
    /**
     * Embedded credentials are not verified; only the outer proof is. The caller takes responsibility for them.
     */
    IGNORE
  }

  private static final VerifyOptions DEFAULTS = new VerifyOptions(Clock.systemUTC(), DEFAULT_SKEW,
      OfflineDids.RESOLVER, Map.of(), ContextLoader.pinned(), CanonicalizationLimits.DEFAULT, null,
      "assertionMethod", NestedCredentials.VERIFY);

  private final Clock clock;
  private final Duration skew;
  private final DidResolver resolver;
  private final Map<String, ControllerDocument> controllers;
  private final ContextLoader loader;
  private final CanonicalizationLimits limits;
  private final StatusCheck status;
  private final String proofPurpose;
  private final NestedCredentials nested;

  private VerifyOptions(Clock clock, Duration skew, DidResolver resolver, Map<String, ControllerDocument> controllers,
      ContextLoader loader, CanonicalizationLimits limits, StatusCheck status, String proofPurpose,
      NestedCredentials nested) {
    this.clock = clock;
    this.skew = skew;
    this.resolver = resolver;
    this.controllers = controllers;
    this.loader = loader;
    this.limits = limits;
    this.status = status;
    this.proofPurpose = proofPurpose;
    this.nested = nested;
  }

  /**
   * The defaults (see the class description).
   *
   * @return the default options
   */
  public static VerifyOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the clock that "now" is read from.
   *
   * @param c the clock
   * @return new options
   */
  public VerifyOptions withClock(Clock c) {
    return new VerifyOptions(Objects.requireNonNull(c, "clock"), skew, resolver, controllers, loader, limits, status,
        proofPurpose, nested);
  }

  /**
   * Sets the tolerated clock skew, applied to every time comparison.
   *
   * @param s the skew, 0 to {@link #MAX_SKEW}
   * @return new options
   * @throws IllegalArgumentException if negative or above {@link #MAX_SKEW}
   */
  public VerifyOptions withMaxClockSkew(Duration s) {
    Objects.requireNonNull(s, "skew");
    if (s.isNegative() || s.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_SKEW + ", got " + s);
    }
    return new VerifyOptions(clock, s, resolver, controllers, loader, limits, status, proofPurpose, nested);
  }

  /**
   * Sets the DID resolver.
   *
   * @param r the resolver
   * @return new options
   */
  public VerifyOptions withDidResolver(DidResolver r) {
    return new VerifyOptions(clock, skew, Objects.requireNonNull(r, "resolver"), controllers, loader, limits, status,
        proofPurpose, nested);
  }

  /**
   * Adds a controller document the caller trusts (for example an {@code https:} issuer's), used for verification
   * methods whose id without fragment equals the document id, before any DID resolution.
   *
   * @param doc the document
   * @return new options
   */
  public VerifyOptions withControllerDocument(ControllerDocument doc) {
    Objects.requireNonNull(doc, "doc");
    Map<String, ControllerDocument> m = new LinkedHashMap<>(controllers);
    m.put(doc.id(), doc);
    return new VerifyOptions(clock, skew, resolver, Map.copyOf(m), loader, limits, status, proofPurpose, nested);
  }

  /**
   * Sets the JSON-LD context loader.
   *
   * @param l the loader
   * @return new options
   */
  public VerifyOptions withDocumentLoader(ContextLoader l) {
    return new VerifyOptions(clock, skew, resolver, controllers, Objects.requireNonNull(l, "loader"), limits, status,
        proofPurpose, nested);
  }

  /**
   * Sets the canonicalization limits.
   *
   * @param l the limits
   * @return new options
   */
  public VerifyOptions withLimits(CanonicalizationLimits l) {
    return new VerifyOptions(clock, skew, resolver, controllers, loader, Objects.requireNonNull(l, "limits"), status,
        proofPurpose, nested);
  }

  /**
   * Sets the status check. Without one, a credential whose signed data has a {@code credentialStatus} fails the
   * {@link CheckName#STATUS} check (fail closed).
   *
   * @param s the check
   * @return new options
   */
  public VerifyOptions withStatus(StatusCheck s) {
    return new VerifyOptions(clock, skew, resolver, controllers, loader, limits, Objects.requireNonNull(s, "status"),
        proofPurpose, nested);
  }

  /**
   * Removes the status check (credentials with a {@code credentialStatus} then fail closed).
   *
   * @return new options
   */
  public VerifyOptions withoutStatus() {
    return new VerifyOptions(clock, skew, resolver, controllers, loader, limits, null, proofPurpose, nested);
  }

  /**
   * Sets the proof purpose a credential's proof must have (default {@code assertionMethod}).
   *
   * @param p the purpose
   * @return new options
   */
  public VerifyOptions withProofPurpose(String p) {
    return new VerifyOptions(clock, skew, resolver, controllers, loader, limits, status,
        Objects.requireNonNull(p, "proofPurpose"), nested);
  }

  /**
   * Sets what happens to embedded credentials.
   *
   * @param n the policy
   * @return new options
   */
  public VerifyOptions withNestedCredentials(NestedCredentials n) {
    return new VerifyOptions(clock, skew, resolver, controllers, loader, limits, status, proofPurpose,
        Objects.requireNonNull(n, "nested"));
  }

  /**
   * The clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The tolerated clock skew.
   *
   * @return the skew
   */
  public Duration maxClockSkew() {
    return skew;
  }

  /**
   * The DID resolver.
   *
   * @return the resolver
   */
  public DidResolver didResolver() {
    return resolver;
  }

  /**
   * The controller documents the caller supplied, by id.
   *
   * @return an unmodifiable map
   */
  public Map<String, ControllerDocument> controllerDocuments() {
    return controllers;
  }

  /**
   * The context loader.
   *
   * @return the loader
   */
  public ContextLoader documentLoader() {
    return loader;
  }

  /**
   * The canonicalization limits.
   *
   * @return the limits
   */
  public CanonicalizationLimits limits() {
    return limits;
  }

  /**
   * The status check, if one is set.
   *
   * @return the check
   */
  public Optional<StatusCheck> status() {
    return Optional.ofNullable(status);
  }

  /**
   * The expected proof purpose of a credential's proof.
   *
   * @return the purpose
   */
  public String proofPurpose() {
    return proofPurpose;
  }

  /**
   * The nested-credential policy.
   *
   * @return the policy
   */
  public NestedCredentials nestedCredentials() {
    return nested;
  }

  /**
   * The controller document for an id: a supplied one, else a DID resolved with the resolver.
   *
   * @param id the controller id (a verification method id without its fragment)
   * @return the document
   * @throws VcException {@link VcErrorCode#RESOLUTION_FAILED} when neither applies
   */
  public ControllerDocument controllerDocument(String id) throws VcException {
    ControllerDocument cd = controllers.get(id);
    if (cd != null) {
      return cd;
    }
    if (id.startsWith("did:")) {
      try {
        return resolver.resolve(id);
      } catch (RuntimeException e) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, "resolving " + id + " failed: " + e);
      }
    }
    throw new VcException(VcErrorCode.RESOLUTION_FAILED, "no controller document for " + id
        + "; supply it with withControllerDocument(..)");
  }

  @Override
  public String toString() {
    return "VerifyOptions{skew=" + skew + ", controllers=" + controllers.keySet() + ", status="
        + (status == null ? "none (fails closed)" : status.getClass().getSimpleName()) + ", proofPurpose="
        + proofPurpose + ", nested=" + nested + ", limits=" + limits + "}";
  }
}
