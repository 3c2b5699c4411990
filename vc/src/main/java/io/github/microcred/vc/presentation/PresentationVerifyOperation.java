package io.github.microcred.vc.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.DidResolver;
import io.github.microcred.vc.DidResolvers;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.VerifyOperation;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.JwtVerifyOperation;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Verifies a presentation ({@code vp+jwt} or Data Integrity JSON) and its credentials. Immutable; {@link #get()} never throws. */
public final class PresentationVerifyOperation {
  private final String presentation;
  private final Clock clock;
  private final DidResolver resolver;
  private final StatusCheck status;
  private final String nonce;
  private final String audience;
  private final boolean holderIsSubject;

  PresentationVerifyOperation(String presentation) {
    this(presentation, Clock.systemUTC(), DidResolvers.offline(), null, null, null, false);
  }

  private PresentationVerifyOperation(String presentation, Clock clock, DidResolver resolver, StatusCheck status,
      String nonce, String audience, boolean holderIsSubject) {
    this.presentation = presentation;
    this.clock = clock;
    this.resolver = resolver;
    this.status = status;
    this.nonce = nonce;
    this.audience = audience;
    this.holderIsSubject = holderIsSubject;
  }

  /**
   * Sets the clock.
   *
   * @param c the clock
   * @return a new operation
   */
  public PresentationVerifyOperation withClock(Clock c) {
    return new PresentationVerifyOperation(presentation, Objects.requireNonNull(c), resolver, status, nonce,
        audience, holderIsSubject);
  }

  /**
   * Sets the DID resolver (default offline did:key / did:jwk).
   *
   * @param r the resolver
   * @return a new operation
   */
  public PresentationVerifyOperation withDidResolver(DidResolver r) {
    return new PresentationVerifyOperation(presentation, clock, Objects.requireNonNull(r), status, nonce,
        audience, holderIsSubject);
  }

  /**
   * Sets the status check for the embedded credentials (without one, credentials with status fail closed).
   *
   * @param s the check
   * @return a new operation
   */
  public PresentationVerifyOperation withStatus(StatusCheck s) {
    return new PresentationVerifyOperation(presentation, clock, resolver, Objects.requireNonNull(s), nonce,
        audience, holderIsSubject);
  }

  /**
   * Requires the {@code nonce} the verifier issued (required for replay protection).
   *
   * @param n the nonce
   * @return a new operation
   */
  public PresentationVerifyOperation withNonce(String n) {
    return new PresentationVerifyOperation(presentation, clock, resolver, status, Objects.requireNonNull(n),
        audience, holderIsSubject);
  }

  /**
   * Requires the verifier's id in {@code aud}.
   *
   * @param aud the audience
   * @return a new operation
   */
  public PresentationVerifyOperation withAudience(String aud) {
    return new PresentationVerifyOperation(presentation, clock, resolver, status, nonce,
        Objects.requireNonNull(aud), holderIsSubject);
  }

  /**
   * Requires the verifier's challenge: the {@code nonce} of a {@code vp+jwt} or the {@code challenge} of a Data
   * Integrity proof (same as {@link #withNonce}).
   *
   * @param challenge the challenge
   * @return a new operation
   */
  public PresentationVerifyOperation withChallenge(String challenge) {
    return withNonce(challenge);
  }

  /**
   * Requires the verifier's domain: {@code aud} of a {@code vp+jwt} or {@code domain} of a Data Integrity proof
   * (same as {@link #withAudience}).
   *
   * @param domain the domain
   * @return a new operation
   */
  public PresentationVerifyOperation withDomain(String domain) {
    return withAudience(domain);
  }

  /**
   * Requires the holder to be a subject ({@code credentialSubject.id}) of every credential.
   *
   * @return a new operation
   */
  public PresentationVerifyOperation requireHolderIsSubject() {
    return new PresentationVerifyOperation(presentation, clock, resolver, status, nonce, audience, true);
  }

  /**
   * Verifies.
   *
   * @return the outcome
   */
  public PresentationVerification get() {
    JwtVerification holderJwt = null;
    VerificationResult holderResult;
    ObjectNode vp;
    List<VerificationResult> results = new ArrayList<>();
    List<VerificationCheck> binding = new ArrayList<>();
    if (VcJwt.looksLikeJwt(presentation)) {
      JwtVerifyOperation op = VcJwt.verifyPresentation(presentation).withClock(clock).withDidResolver(resolver);
      if (nonce != null) {
        op = op.withNonce(nonce);
      }
      if (audience != null) {
        op = op.withAudience(audience);
      }
      holderJwt = op.get();
      holderResult = holderJwt.result();
      if (holderJwt.document().isEmpty()) {
        return new PresentationVerification(holderResult, holderJwt, results, binding);
      }
      vp = holderJwt.document().get();
      if (nonce == null) {
        binding.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "nonce",
            "no nonce was required: a presentation without a verifier-issued nonce can be replayed"));
      }
    } else {
      List<VerificationCheck> checks = new ArrayList<>();
      JsonNode parsed;
      try {
        parsed = Presentations.JSON.readTree(presentation);
      } catch (java.io.IOException e) {
        parsed = null;
      }
      if (parsed == null || !parsed.isObject()) {
        checks.add(VerificationCheck.failed(CheckName.SYNTAX, "$", "neither a vp+jwt nor a JSON presentation"));
        return new PresentationVerification(VerificationResult.of(checks), null, results, binding);
      }
      vp = (ObjectNode) parsed;
      DataIntegrityPresentations.verify(vp, holderOf(vp), resolver, nonce, audience, clock.instant(),
          JwtVerifyOperation.DEFAULT_SKEW, checks);
      holderResult = VerificationResult.of(checks);
    }
    String holder = holderOf(vp);
    JsonNode vcs = vp.path("verifiableCredential");
    List<JsonNode> list = new ArrayList<>();
    if (vcs.isArray()) {
      vcs.forEach(list::add);
    } else if (vcs.isObject()) {
      list.add(vcs);
    }
    if (list.isEmpty()) {
      binding.add(VerificationCheck.failed(CheckName.SYNTAX, "verifiableCredential", "the presentation holds no credential"));
    }
    Clock at = Clock.fixed(clock.instant(), ZoneOffset.UTC);
    for (int i = 0; i < list.size(); i++) {
      String path = "verifiableCredential[" + i + "]";
      JsonNode c = list.get(i);
      ObjectNode credential = null;
      String id = c.path("id").asText("");
      if (c.path("type").asText("").equals("EnvelopedVerifiableCredential")
          && id.startsWith(Presentations.ENVELOPED_JWT_PREFIX)) {
        JwtVerifyOperation cop = VcJwt.verify(id.substring(Presentations.ENVELOPED_JWT_PREFIX.length()))
            .withClock(at).withDidResolver(resolver);
        if (status != null) {
          cop = cop.withStatus(status);
        }
        JwtVerification cv = cop.get();
        results.add(cv.result());
        credential = cv.document().orElse(null);
      } else if (c.isObject() && c.has("proof")) {
        VerifyOperation dop = Credentials.verify(c).withClock(at).withDidResolver(resolver);
        if (status != null) {
          dop = dop.withStatus(status);
        }
        results.add(dop.get());
        credential = (ObjectNode) c;
      } else {
        results.add(VerificationResult.of(List.of(VerificationCheck.failed(CheckName.PROOF, path,
            "neither an enveloped vc+jwt nor a credential with a Data Integrity proof"))));
      }
      if (holderIsSubject) {
        binding.add(subjectCheck(credential, holder, path));
      }
    }
    return new PresentationVerification(holderResult, holderJwt, results, binding);
  }

  private static String holderOf(JsonNode vp) {
    return vp.path("holder").isObject() ? vp.path("holder").path("id").asText(null)
        : vp.path("holder").asText(null);
  }

  private static VerificationCheck subjectCheck(ObjectNode credential, String holder, String path) {
    if (credential == null || holder == null) {
      return VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, path, "holder or credential unreadable");
    }
    JsonNode subject = credential.path("credentialSubject");
    List<JsonNode> subjects = new ArrayList<>();
    if (subject.isArray()) {
      subject.forEach(subjects::add);
    } else {
      subjects.add(subject);
    }
    for (JsonNode s : subjects) {
      if (holder.equals(s.path("id").asText(null))) {
        return VerificationCheck.passed(CheckName.PURPOSE_AND_CONTROLLER, path + ".credentialSubject.id",
            "the holder " + holder + " is the subject");
      }
    }
    return VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, path + ".credentialSubject.id",
        "the holder " + holder + " is not a subject of this credential");
  }
}
