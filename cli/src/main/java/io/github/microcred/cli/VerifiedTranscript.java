package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Award;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.Transcript;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.ob3.Awards;
import io.github.microcred.vc.ob3.Profile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transcript built from signed Open Badges 3.0 credentials (Data Integrity JSON or {@code vc+jwt}): each one is
 * verified offline with the vc module, the verified ones are read back to core {@link Award}s and become the stacking
 * transcript; the others are excluded with the reason ({@link Exclusion.Reason#NOT_VERIFIED}). Only credentials that verify
 * (and, when trusted issuers are named, come from one of them) count.
 */
final class VerifiedTranscript {
  /** A credential that counts: where it came from and its award. */
  record Verified(String source, Award award) {}

  /** A credential that does not count, and why. */
  record Excluded(String source, String reason) {}

  final List<Verified> verified = new ArrayList<>();
  final List<Excluded> excluded = new ArrayList<>();
  private final java.util.Set<String> trusted;

  /** A transcript that counts every credential that verifies, whoever issued it. */
  VerifiedTranscript() {
    this(java.util.Set.of());
  }

  /**
   * A transcript that counts only credentials from trusted issuers.
   *
   * @param trusted the issuer ids to trust; empty trusts every issuer whose signature verifies
   */
  VerifiedTranscript(java.util.Set<String> trusted) {
    this.trusted = java.util.Set.copyOf(trusted);
  }

  /**
   * Verifies and maps one signed credential.
   *
   * @param source a name for messages (file name)
   * @param text the credential text
   */
  void add(String source, String text) {
    JsonNode doc;
    VerificationResult r;
    if (VcJwt.looksLikeJwt(text)) {
      JwtVerification v = VcJwt.verify(text.strip()).get();
      r = v.result();
      doc = v.document().orElse(null);
      if (!v.verified()) {
        excluded.add(new Excluded(source, reason(r) + " " + v.rejections()));
        return;
      }
    } else {
      r = Credentials.verify(text).get();
      if (!r.verified()) {
        excluded.add(new Excluded(source, reason(r)));
        return;
      }
      try {
        doc = StatusCommand.JSON.readTree(text);
      } catch (IOException e) {
        excluded.add(new Excluded(source, "unreadable: " + e.getMessage()));
        return;
      }
    }
    if (doc == null) {
      excluded.add(new Excluded(source, "verified, but no credential document"));
      return;
    }
    try {
      String issuer = Profile.fromJson(doc.get("issuer"), "$.issuer").id();
      if (!trusted.isEmpty() && !trusted.contains(issuer)) {
        excluded.add(new Excluded(source, "issuer not trusted: " + issuer));
        return;
      }
      verified.add(new Verified(source, Awards.fromCredential(doc)));
    } catch (VcException e) {
      excluded.add(new Excluded(source, "verified, but not a microcred award: " + e.getMessage()));
    }
  }

  private static String reason(VerificationResult r) {
    List<VerificationCheck> f = r.failures();
    return f.isEmpty() ? "failed" : f.get(0).name() + ": " + f.get(0).message();
  }

  /**
   * The stacking transcript of the verified awards.
   *
   * @return the transcript
   */
  Transcript transcript() {
    return Transcript.fromAwards(verified.stream().map(Verified::award).toList());
  }

  /**
   * The audit result with the credentials that did not verify added to its exclusions, as
   * {@link Exclusion.Reason#NOT_VERIFIED} with the file (source) as the credential id.
   *
   * @param a the audit of {@link #transcript()}
   * @return the result with every excluded file explained
   */
  AuditResult withExclusions(AuditResult a) {
    List<Exclusion> all = new ArrayList<>(a.exclusions());
    for (Excluded e : excluded) {
      all.add(new Exclusion(e.source(), Exclusion.Reason.NOT_VERIFIED, e.reason()));
    }
    return new AuditResult(a.qualification(), a.unit(), a.asOf(), a.mode(), a.satisfied(), a.provedOptimal(),
        a.satisfiedRequirements(), a.appliedCredits(), a.appliedCount(), a.countedCredits(), a.assignments(),
        a.requirements(), all, a.shortfalls());
  }
}
