package io.github.microcred.vc.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.DidResolver;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.NestedCredentials;
import io.github.microcred.vc.internal.jose.JwtDocuments;
import io.github.microcred.vc.internal.verify.CompactForm;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.JwtVerifyOperation;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Verifies a presentation ({@code vp+jwt} or Data Integrity JSON) and its credentials. Immutable; {@link #get()} never throws. */
public final class PresentationVerifyOperation {
  private final String presentation;
  private final VerifyOptions options;
  private final String nonce;
  private final String audience;
  private final boolean holderIsSubject;

  PresentationVerifyOperation(String presentation) {
    this(presentation, VerifyOptions.defaults(), null, null, false);
  }

  private PresentationVerifyOperation(String presentation, VerifyOptions options, String nonce, String audience,
      boolean holderIsSubject) {
    this.presentation = presentation;
    this.options = options;
    this.nonce = nonce;
    this.audience = audience;
    this.holderIsSubject = holderIsSubject;
  }

  /**
   * Replaces the shared verification configuration, used for the presentation and every credential in it (clock,
   * skew, resolver, controller documents, status check, ...); nonce, audience and the holder rule are kept.
   *
   * @param o the options
   * @return a new operation
   */
  public PresentationVerifyOperation withOptions(VerifyOptions o) {
    return new PresentationVerifyOperation(presentation, Objects.requireNonNull(o, "options"), nonce, audience,
        holderIsSubject);
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
  public PresentationVerifyOperation withClock(Clock c) {
    return withOptions(options.withClock(c));
  }

  /**
   * Sets the DID resolver (default offline did:key / did:jwk).
   *
   * @param r the resolver
   * @return a new operation
   */
  public PresentationVerifyOperation withDidResolver(DidResolver r) {
    return withOptions(options.withDidResolver(r));
  }

  /**
   * Sets the status check for the embedded credentials (without one, credentials with status fail closed).
   *
   * @param s the check
   * @return a new operation
   */
  public PresentationVerifyOperation withStatus(StatusCheck s) {
    return withOptions(options.withStatus(s));
  }

  /**
   * Requires the {@code nonce} the verifier issued (required for replay protection).
   *
   * @param n the nonce
   * @return a new operation
   */
  public PresentationVerifyOperation withNonce(String n) {
    return new PresentationVerifyOperation(presentation, options, Objects.requireNonNull(n), audience,
        holderIsSubject);
  }

  /**
   * Requires the verifier's id in {@code aud}.
   *
   * @param aud the audience
   * @return a new operation
   */
  public PresentationVerifyOperation withAudience(String aud) {
    return new PresentationVerifyOperation(presentation, options, nonce, Objects.requireNonNull(aud),
        holderIsSubject);
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
   * Requires the holder to be a subject ({@code credentialSubject.id}) of every credential. A presentation that names
   * no {@code holder} fails this even when its signer's controller is a subject (it claims no holder, so it binds no
   * subject), as does one that holds no credential.
   *
   * @return a new operation
   */
  public PresentationVerifyOperation requireHolderIsSubject() {
    return new PresentationVerifyOperation(presentation, options, nonce, audience, true);
  }

  /**
   * Verifies: the holder's proof and binding, then every embedded credential with the same clock, resolver and
   * status check (a presentation whose proof fails has its credentials left unchecked).
   *
   * @return the outcome
   */
  public PresentationVerification get() {
    JwtVerification holderJwt = null;
    VerificationResult holderResult;
    ObjectNode vp;
    String presenter;
    List<VerificationCheck> binding = new ArrayList<>();
    if (VcJwt.looksLikeJwt(presentation)) {
      JwtVerifyOperation op = VcJwt.verifyPresentation(presentation).withOptions(options);
      if (nonce != null) {
        op = op.withNonce(nonce);
      }
      if (audience != null) {
        op = op.withAudience(audience);
      }
      holderJwt = op.get(); // verifies the embedded credentials too
      holderResult = holderJwt.result();
      if (holderJwt.document().isEmpty()) {
        return new PresentationVerification(holderResult, holderJwt, binding, null, null, 0);
      }
      vp = holderJwt.document().get();
      // the JWT verifier binds the key to the holder, or to iss when the presentation names none
      presenter = !holderJwt.verified() ? null : holderOf(vp) != null ? holderOf(vp) : vp.path("iss").asText(null);
      if (nonce == null) {
        binding.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "nonce",
            VerificationCode.CHALLENGE_MISMATCH,
            "no nonce was required: a presentation without a verifier-issued nonce can be replayed"));
      }
    } else {
      List<VerificationCheck> checks = new ArrayList<>();
      JsonNode parsed;
      try {
        parsed = JsonSupport.readTree(presentation, "presentation");
      } catch (VcException e) {
        checks.add(VerificationCheck.failed(CheckName.SYNTAX, "$", VerificationCode.MALFORMED,
            "neither a vp+jwt nor a JSON presentation: "
            + e.getMessage()));
        return new PresentationVerification(VerificationResult.of(checks), null, binding, null, null, 0);
      }
      if (!parsed.isObject()) {
        checks.add(VerificationCheck.failed(CheckName.SYNTAX, "$", VerificationCode.MALFORMED,
            "neither a vp+jwt nor a JSON presentation"));
        return new PresentationVerification(VerificationResult.of(checks), null, binding, null, null, 0);
      }
      vp = (ObjectNode) parsed;
      Instant now = options.clock().instant();
      presenter = DataIntegrityPresentations.verify(vp, holderOf(vp), options, nonce, audience, checks);
      List<VerificationResult.Nested> nested = List.of();
      if (checks.stream().noneMatch(VerificationCheck::failed)
          && options.nestedCredentials() == VerifyOptions.NestedCredentials.VERIFY) {
        nested = NestedCredentials.verify(vp,
            CompactForm.jsonLiteralTerms(vp.get("@context"), options.documentLoader()),
            nestedVerifier(Clock.fixed(now, ZoneOffset.UTC)), checks);
      }
      holderResult = VerificationResult.of(checks, nested);
    }
    String holder = holderOf(vp);
    List<JsonNode> list = new ArrayList<>();
    JsonNode vcs = vp.path("verifiableCredential");
    if (vcs.isArray()) {
      vcs.forEach(list::add);
    } else if (!vcs.isMissingNode() && !vcs.isNull()) {
      list.add(vcs);
    }
    // VC 2.0: verifiableCredential is optional (a presentation may only authenticate its signer)
    if (holderIsSubject) {
      if (list.isEmpty()) {
        binding.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "$.verifiableCredential",
            VerificationCode.HOLDER_NOT_SUBJECT,
            "the holder was required to be the subject of the credentials, but the presentation holds none"));
      }
      for (int i = 0; i < list.size(); i++) {
        String path = vcs.isArray() ? "$.verifiableCredential[" + i + "]" : "$.verifiableCredential";
        binding.add(subjectCheck(document(list.get(i)), holder, path));
      }
    }
    return new PresentationVerification(holderResult, holderJwt, binding, presenter == null ? null : holder,
        presenter, list.size());
  }

  /** The embedded credentials of a Data Integrity presentation, verified with this operation's options. */
  private NestedCredentials.Verifier nestedVerifier(Clock at) {
    return new NestedCredentials.Verifier() {
      @Override
      public VerificationResult dataIntegrity(ObjectNode credential) {
        return Credentials.verify(credential).withOptions(options.withClock(at)
            .withProofPurpose("assertionMethod")).get();
      }

      @Override
      public VerificationResult jwt(String jwt) {
        return VcJwt.verify(jwt).withOptions(options.withClock(at).withProofPurpose("assertionMethod")).get()
            .result();
      }

      @Override
      public VerificationResult ob3Jwt(String jwt) {
        return Ob3Jwt.verify(jwt).withOptions(options.withClock(at)
            .withProofPurpose("assertionMethod")).get().result();
      }
    };
  }

  /** The credential an embedded entry carries (an enveloped JWT's payload is read unverified: it was verified). */
  private static ObjectNode document(JsonNode entry) {
    if (entry.isTextual()) {
      return JwtDocuments.unverifiedDocument(entry.asText()).orElse(null);
    }
    String id = entry.path("id").asText("");
    if (id.startsWith(Presentations.ENVELOPED_JWT_PREFIX)) {
      return JwtDocuments.unverifiedDocument(id.substring(Presentations.ENVELOPED_JWT_PREFIX.length())).orElse(null);
    }
    return entry.isObject() ? (ObjectNode) entry : null;
  }

  private static String holderOf(JsonNode vp) {
    return vp.path("holder").isObject() ? vp.path("holder").path("id").asText(null)
        : vp.path("holder").asText(null);
  }

  private static VerificationCheck subjectCheck(ObjectNode credential, String holder, String path) {
    if (holder == null) {
      // a holder-less presentation proves who signed it, not who holds the credentials: never bound to a subject,
      // even when the signing key's controller is one
      return VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, path + ".credentialSubject.id",
          VerificationCode.HOLDER_NOT_SUBJECT,
          "the presentation names no holder, so it is bound to no credential subject (the holder must be named and"
              + " be a subject)");
    }
    if (credential == null) {
      return VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, path, VerificationCode.HOLDER_NOT_SUBJECT,
          "holder or credential unreadable");
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
        VerificationCode.HOLDER_NOT_SUBJECT,
        "the holder " + holder + " is not a subject of this credential");
  }
}
