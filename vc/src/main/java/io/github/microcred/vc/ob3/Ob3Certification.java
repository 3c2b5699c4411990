package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.verify.DataModel;
import io.github.microcred.vc.jose.JwtRejection;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.RevocationList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The 1EdTech OB 3.0 certification profile check: which {@link CertificationRule}s a credential meets, one typed
 * outcome each.
 *
 * <pre>{@code
 * VerificationResult r = Credentials.verify(badge).get();
 * CertificationReport report = Ob3Certification.check(badge, r);   // or check(jwt, Ob3Jwt.verify(jwt).get())
 * report.meets(CertificationRule.PROOF_SUITE);  report.notMet();
 * }</pre>
 *
 * <p>It is a form check, not a trust decision: it reads the JSON as written (run it on a credential that verified,
 * whose compact form the verifier checked), and it says nothing a verification does not (the {@code VERIFIED} rule
 * only reports the result it is given). A {@code refreshService} is reported, never fetched.
 */
public final class Ob3Certification {
  private static final Set<String> OB3_CONTEXTS = Set.of(
      "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
  /** The JWT rejections that are about the OB 3.0 JWT profile itself (the rest are about trust). */
  private static final Set<JwtRejection> PROFILE_REJECTIONS = Set.of(JwtRejection.HEADER_NOT_ALLOWED,
      JwtRejection.KEY_HEADER_MISSING, JwtRejection.CLAIM_MISSING, JwtRejection.CLAIM_CONFLICT,
      JwtRejection.ISS_MISMATCH, JwtRejection.TYP_MISMATCH, JwtRejection.CRIT_UNKNOWN);

  /** Rejections the JWT verifier reaches before it compares the profile's claims with the credential. */
  private static final Set<JwtRejection> BEFORE_CLAIMS = Set.of(JwtRejection.MALFORMED, JwtRejection.TOO_LARGE,
      JwtRejection.ALG_NONE, JwtRejection.ALG_NOT_ALLOWED, JwtRejection.DATA_MODEL, JwtRejection.NOT_COMPACT,
      JwtRejection.ISSUER_MISSING);

  private Ob3Certification() {}

  /**
   * Checks a JSON credential (Data Integrity, or unsecured) without a verification result: {@code VERIFIED} is then
   * not applicable.
   *
   * @param credential the credential
   * @return the report
   */
  public static CertificationReport check(JsonNode credential) {
    return check(credential, null);
  }

  /**
   * Checks a JSON credential and reports the verification result given.
   *
   * @param credential the credential
   * @param verification its verification result, or null
   * @return the report
   */
  public static CertificationReport check(JsonNode credential, VerificationResult verification) {
    Objects.requireNonNull(credential, "credential");
    List<CertificationReport.RuleOutcome> out = new ArrayList<>();
    credentialRules(credential, out);
    out.add(proofSuite(credential));
    out.add(na(CertificationRule.JWT_PROFILE, "$", "not a JWT"));
    out.add(na(CertificationRule.JWT_ALGORITHM, "$", "not a JWT"));
    out.add(statusMethod(credential));
    out.add(refresh(credential));
    out.add(verified(verification));
    return sorted(out);
  }

  /**
   * Checks a compact JWT: the OB 3.0 JWT profile (from the verification given, which must come from
   * {@link Ob3Jwt#verify}) and the credential it carries.
   *
   * @param jwt the compact serialization
   * @param verification {@code Ob3Jwt.verify(jwt)...get()}
   * @return the report
   */
  public static CertificationReport check(String jwt, JwtVerification verification) {
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(verification, "verification");
    List<CertificationReport.RuleOutcome> out = new ArrayList<>();
    JsonNode header = verification.header().orElse(null);
    JsonNode credential = verification.document().orElse(null);
    if (credential == null) {
      credential = JsonSupport.MAPPER.createObjectNode();
    }
    credentialRules(credential, out);
    JsonNode proof = credential.get("proof");
    out.add(proof == null ? na(CertificationRule.PROOF_SUITE, "$.proof", "no embedded proof (the JWT is the proof)")
        : proofSuite(credential));
    List<JwtRejection> profile = verification.rejections().stream().filter(PROFILE_REJECTIONS::contains).toList();
    if (header == null || !VcJwt.looksLikeJwt(jwt)) {
      out.add(notMet(CertificationRule.JWT_PROFILE, "$", "not a readable JWS compact serialization: "
          + verification.rejections()));
    } else if (!profile.isEmpty()) {
      out.add(notMet(CertificationRule.JWT_PROFILE, "$", "rejected for " + profile + ": "
          + firstMessage(verification, profile)));
    } else if (!verification.rejections().isEmpty() && BEFORE_CLAIMS.contains(verification.rejections().get(0))) {
      out.add(notMet(CertificationRule.JWT_PROFILE, "$", "not determined: verification stopped at "
          + verification.rejections().get(0) + " before the profile's claims were compared"));
    } else if (credential.isEmpty()) {
      out.add(notMet(CertificationRule.JWT_PROFILE, "$", "the token carries no credential: "
          + verification.rejections()));
    } else {
      out.add(met(CertificationRule.JWT_PROFILE, "header", "header " + names(header) + "; claims from the credential"
          + (verification.rejections().isEmpty() ? "" : " (verification stopped at " + verification.rejections()
              .get(0) + "; the profile checks before it passed)")));
    }
    String alg = header == null ? null : header.path("alg").asText(null);
    out.add("RS256".equals(alg) || "ES256".equals(alg)
        ? met(CertificationRule.JWT_ALGORITHM, "header.alg", alg)
        : notMet(CertificationRule.JWT_ALGORITHM, "header.alg", "alg " + alg
            + ": the 1EdTech validator reads RS256 and ES256 only"));
    out.add(statusMethod(credential));
    out.add(refresh(credential));
    out.add(verification.verified() ? met(CertificationRule.VERIFIED, "$", "verified")
        : notMet(CertificationRule.VERIFIED, "$", "not verified: " + verification.rejections()));
    return sorted(out);
  }

  private static void credentialRules(JsonNode c, List<CertificationReport.RuleOutcome> out) {
    boolean typed = DataModel.hasType(c, "OpenBadgeCredential") || DataModel.hasType(c, "AchievementCredential");
    out.add(typed ? met(CertificationRule.CREDENTIAL_TYPE, "$.type", c.get("type").toString())
        : notMet(CertificationRule.CREDENTIAL_TYPE, "$.type", "type " + c.path("type")
            + " has neither OpenBadgeCredential nor AchievementCredential"));
    JsonNode ctx = c.path("@context");
    String first = DataModel.firstContext(c);
    String second = ctx.isArray() && ctx.size() > 1 && ctx.get(1).isTextual() ? ctx.get(1).asText() : null;
    boolean vc1 = DataModel.VC1.equals(first);
    if ((DataModel.VC2.equals(first) || vc1) && second != null && OB3_CONTEXTS.contains(second)) {
      out.add(met(CertificationRule.CONTEXTS, "$.@context", (vc1 ? "VC 1.1" : "VC 2.0") + " + " + second));
    } else {
      out.add(notMet(CertificationRule.CONTEXTS, "$.@context", "expected the VC 2.0 (or 1.1) context then an OB 3.0"
          + " context, got " + ctx));
    }
    List<String> missing = new ArrayList<>();
    for (String m : List.of("id", "type", "issuer", vc1 ? "issuanceDate" : "validFrom", "credentialSubject")) {
      if (!c.has(m)) {
        missing.add("$." + m);
      }
    }
    JsonNode issuer = c.path("issuer");
    if (issuer.isObject()) {
      for (String m : List.of("id", "type")) {
        if (!issuer.has(m)) {
          missing.add("$.issuer." + m);
        }
      }
    } else if (c.has("issuer")) {
      missing.add("$.issuer (a Profile object with id and type, not a string)");
    }
    JsonNode subject = c.path("credentialSubject");
    if (subject.isObject()) {
      for (String m : List.of("type", "achievement")) {
        if (!subject.has(m)) {
          missing.add("$.credentialSubject." + m);
        }
      }
      JsonNode a = subject.path("achievement");
      if (a.isObject()) {
        for (String m : List.of("id", "type", "criteria", "description", "name")) {
          if (!a.has(m)) {
            missing.add("$.credentialSubject.achievement." + m);
          }
        }
      }
    }
    out.add(missing.isEmpty() ? met(CertificationRule.SCHEMA_REQUIRED_MEMBERS, "$", "every required member present")
        : notMet(CertificationRule.SCHEMA_REQUIRED_MEMBERS, missing.get(0), "missing " + missing));
    out.add(recipient(subject));
    List<String> display = new ArrayList<>();
    if (!text(c, "name") && !text(subject.path("achievement"), "name")) {
      display.add("name");
    }
    if (!text(c, "description") && !text(subject.path("achievement"), "description")) {
      display.add("description");
    }
    if (!text(issuer, "name")) {
      display.add("issuer.name");
    }
    if (!text(c, vc1 ? "issuanceDate" : "validFrom") && !text(c, "awardedDate")) {
      display.add(vc1 ? "issuanceDate" : "validFrom");
    }
    out.add(display.isEmpty() ? met(CertificationRule.DISPLAY_FIELDS, "$", "name, description, issuer name, issued on")
        : notMet(CertificationRule.DISPLAY_FIELDS, "$", "a displayer cannot show " + display));
  }

  private static CertificationReport.RuleOutcome recipient(JsonNode subject) {
    if (subject.path("id").isTextual()) {
      return met(CertificationRule.RECIPIENT, "$.credentialSubject.id", subject.get("id").asText());
    }
    JsonNode ids = subject.path("identifier");
    for (int i = 0; i < ids.size(); i++) {
      JsonNode e = ids.get(i);
      if (e.has("type") && e.path("hashed").isBoolean() && e.path("identityHash").isTextual()
          && e.path("identityType").isTextual()) {
        return met(CertificationRule.RECIPIENT, "$.credentialSubject.identifier[" + i + "]",
            e.get("identityType").asText() + (e.get("hashed").asBoolean() ? " (hashed)" : ""));
      }
    }
    return notMet(CertificationRule.RECIPIENT, "$.credentialSubject", "no id and no complete IdentityObject"
        + " (type, hashed, identityHash, identityType)");
  }

  private static CertificationReport.RuleOutcome proofSuite(JsonNode c) {
    JsonNode proof = c.get("proof");
    if (proof == null) {
      return notMet(CertificationRule.PROOF_SUITE, "$.proof", "no proof");
    }
    List<String> seen = new ArrayList<>();
    JsonNode list = proof.isArray() ? proof : JsonSupport.MAPPER.createArrayNode().add(proof);
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String type = p.path("type").asText();
      String suite = p.path("cryptosuite").asText();
      if ("DataIntegrityProof".equals(type) && ("eddsa-rdfc-2022".equals(suite) || "ecdsa-sd-2023".equals(suite))) {
        return met(CertificationRule.PROOF_SUITE, proof.isArray() ? "$.proof[" + i + "]" : "$.proof", suite);
      }
      seen.add(suite.isEmpty() ? type : type + "/" + suite);
    }
    return notMet(CertificationRule.PROOF_SUITE, "$.proof", seen + ": certification asks for eddsa-rdfc-2022"
        + " (or ecdsa-sd-2023)");
  }

  private static CertificationReport.RuleOutcome statusMethod(JsonNode c) {
    JsonNode status = c.get("credentialStatus");
    if (status == null) {
      return na(CertificationRule.STATUS_METHOD, "$.credentialStatus", "no credentialStatus");
    }
    JsonNode list = status.isArray() ? status : JsonSupport.MAPPER.createArrayNode().add(status);
    List<String> types = new ArrayList<>();
    for (JsonNode e : list) {
      String t = e.path("type").asText();
      if (!RevocationList.TYPE.equals(t) && !"BitstringStatusListEntry".equals(t)) {
        return notMet(CertificationRule.STATUS_METHOD, "$.credentialStatus", "type '" + t + "': a certified"
            + " displayer checks 1EdTechRevocationList and BitstringStatusListEntry");
      }
      types.add(t);
    }
    return types.isEmpty() ? notMet(CertificationRule.STATUS_METHOD, "$.credentialStatus", "empty")
        : met(CertificationRule.STATUS_METHOD, "$.credentialStatus", String.join(", ", types));
  }

  private static CertificationReport.RuleOutcome refresh(JsonNode c) {
    JsonNode r = c.get("refreshService");
    if (r == null) {
      return na(CertificationRule.REFRESH_SERVICE, "$.refreshService", "no refreshService");
    }
    JsonNode first = r.isArray() ? r.path(0) : r;
    if ("1EdTechCredentialRefresh".equals(first.path("type").asText()) && first.path("id").isTextual()
        && DataModel.isIri(first.get("id").asText())) {
      return met(CertificationRule.REFRESH_SERVICE, "$.refreshService", "1EdTechCredentialRefresh at "
          + first.get("id").asText() + " (reported; microcred never fetches it)");
    }
    return notMet(CertificationRule.REFRESH_SERVICE, "$.refreshService", "expected a 1EdTechCredentialRefresh with"
        + " an id URL, got " + r);
  }

  private static CertificationReport.RuleOutcome verified(VerificationResult r) {
    if (r == null) {
      return na(CertificationRule.VERIFIED, "$", "no verification result given");
    }
    if (r.verified()) {
      return met(CertificationRule.VERIFIED, "$", "verified");
    }
    VerificationCheck f = r.failures().isEmpty() ? null : r.failures().get(0);
    return notMet(CertificationRule.VERIFIED, f == null ? "$" : f.path(), f == null ? "not verified"
        : f.name() + ": " + f.message());
  }

  private static String firstMessage(JwtVerification v, List<JwtRejection> which) {
    for (VerificationCheck c : v.result().failures()) {
      for (JwtRejection j : which) {
        if (c.message().startsWith(j.name())) {
          return c.message();
        }
      }
    }
    return "";
  }

  private static boolean text(JsonNode n, String member) {
    return n != null && n.path(member).isTextual() && !n.get(member).asText().isBlank();
  }

  private static String names(JsonNode o) {
    List<String> n = new ArrayList<>();
    o.fieldNames().forEachRemaining(n::add);
    return n.toString();
  }

  private static CertificationReport sorted(List<CertificationReport.RuleOutcome> out) {
    out.sort(Comparator.comparing(o -> o.rule().ordinal()));
    return new CertificationReport(out);
  }

  private static CertificationReport.RuleOutcome met(CertificationRule r, String path, String m) {
    return new CertificationReport.RuleOutcome(r, CertificationReport.Outcome.MET, path, m);
  }

  private static CertificationReport.RuleOutcome notMet(CertificationRule r, String path, String m) {
    return new CertificationReport.RuleOutcome(r, CertificationReport.Outcome.NOT_MET, path, m);
  }

  private static CertificationReport.RuleOutcome na(CertificationRule r, String path, String m) {
    return new CertificationReport.RuleOutcome(r, CertificationReport.Outcome.NOT_APPLICABLE, path, m);
  }
}
