package io.github.microcred.vc.ob3;

/**
 * The 1EdTech Open Badges 3.0 certification rules a single credential can be checked against (OB 3.0 Conformance and
 * Certification, cert v1.2; the public validator's probes; the OB 3.0 data model and JSON schema). Each names where
 * it comes from. Rules about a product (its API, OAuth, videos) are not about a credential and are not listed.
 */
public enum CertificationRule {
  /** {@code type} includes {@code OpenBadgeCredential} or {@code AchievementCredential} (OB 3.0 §8.1). */
  CREDENTIAL_TYPE("OB 3.0 data model, AchievementCredential"),
  /**
   * {@code @context} starts with the VC 2.0 context followed by an OB 3.0 context, or (the displayer's VC 1.1 test
   * badges) the VC 1.1 context followed by one.
   */
  CONTEXTS("OB 3.0 data model, @context; displayer tests 1 and 3"),
  /**
   * The members the 1EdTech AchievementCredential JSON schema requires: {@code id}, {@code type}, {@code issuer}
   * ({@code id}, {@code type}), {@code validFrom} ({@code issuanceDate} for VC 1.1), {@code credentialSubject}
   * ({@code type}, {@code achievement} with {@code id}, {@code type}, {@code criteria}, {@code description},
   * {@code name}).
   */
  SCHEMA_REQUIRED_MEMBERS("1EdTech ob_v3p0_achievementcredential_schema.json, required"),
  /**
   * The recipient is identified: {@code credentialSubject.id}, or an {@code identifier} IdentityObject with
   * {@code type}, {@code hashed}, {@code identityHash}, {@code identityType} (the issuer test awards to the e-mail
   * address {@code conformance@imsglobal.org}).
   */
  RECIPIENT("issuer test 1; OB 3.0 verification, verify the recipient"),
  /**
   * What a displayer shows: the credential's (or achievement's) {@code name} and {@code description}, the issuer's
   * {@code name}, the issuance date ({@code validFrom} / {@code awardedDate}).
   */
  DISPLAY_FIELDS("displayer test 1: name, description, issuer name, issuedOn"),
  /**
   * An embedded proof uses a suite certification supports: {@code DataIntegrityProof} with {@code eddsa-rdfc-2022}
   * (required of issuers) or {@code ecdsa-sd-2023} (cert v1.2).
   */
  PROOF_SUITE("issuer / displayer conformance, supported proof mechanisms"),
  /**
   * A JWT meets the OB 3.0 JWT proof format (header {@code alg} and {@code kid} or {@code jwk}, {@code typ} only
   * {@code JWT}, no other header; {@code iss}, {@code jti}, {@code nbf}, {@code sub}, {@code exp} from the
   * credential).
   */
  JWT_PROFILE("OB 3.0 §8.2 JSON Web Token Proof Format"),
  /** A JWT's {@code alg} is one the 1EdTech validator reads: {@code RS256} (the profile's minimum) or {@code ES256}. */
  JWT_ALGORITHM("OB 3.0 §8.2.3 alg; digital-credentials-public-validator ExternalProofProbe"),
  /**
   * A {@code credentialStatus} is one a certified displayer checks: {@code 1EdTechRevocationList} or
   * {@code BitstringStatusListEntry}.
   */
  STATUS_METHOD("displayer verification and status; validator RevocationListProbe"),
  /** A {@code refreshService} is a {@code 1EdTechCredentialRefresh} with an {@code id} URL (reported, never fetched). */
  REFRESH_SERVICE("OB 3.0 §9.1 refresh the credential"),
  /** The credential verified (a {@link io.github.microcred.vc.VerificationResult} given to the check). */
  VERIFIED("issuer test 1: a valid badge; displayer tests: valid, expired, revoked");

  private final String source;

  CertificationRule(String source) {
    this.source = source;
  }

  /**
   * Where the rule comes from.
   *
   * @return the section or document
   */
  public String source() {
    return source;
  }
}
