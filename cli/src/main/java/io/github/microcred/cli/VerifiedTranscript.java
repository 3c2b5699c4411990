package io.github.microcred.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.OpenBadges;
import io.github.microcred.stacking.Transcript;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.VerifyOperation;
import io.github.microcred.vc.jose.JwtRejection;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.JwtVerifyOperation;
import io.github.microcred.vc.jose.VcJwt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A transcript built from signed credentials (Data Integrity JSON or {@code vc+jwt}), from any issuer: each one is
 * verified offline with the vc module (status lists and controller documents as given), and only the verified
 * Open Badges 3.0 credentials become stacking {@link Credential}s, by the documented {@link OpenBadges} mapping. A
 * verified CLR 2.0 contributes each credential it bundles, each verified on its own with the same options. The
 * others are excluded with the reason: {@link Exclusion.Reason#NOT_VERIFIED}, {@link Exclusion.Reason#REVOKED},
 * {@link Exclusion.Reason#SUSPENDED}, {@link Exclusion.Reason#NOT_COMPLETED}, {@link Exclusion.Reason#NOT_MAPPABLE}
 * or {@link Exclusion.Reason#DUPLICATE}.
 */
final class VerifiedTranscript {
  /** A credential that counts: where it came from, its name and its transcript entry. */
  record Verified(String source, String title, Credential credential) {}

  /** A credential that does not count, and why. */
  record Excluded(String source, Exclusion.Reason reason, String detail) {}

  private static final ObjectReader STRICT = CliFiles.JSON.reader()
      .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  final List<Verified> verified = new ArrayList<>();
  final List<Excluded> excluded = new ArrayList<>();
  private final Set<String> trusted;
  private final OpenBadges mapping;
  private final StatusCheck status;
  private final List<ControllerDocument> controllers;

  /** A transcript that counts every credential that verifies, whoever issued it. */
  VerifiedTranscript() {
    this(Set.of(), OpenBadges.mapping(), null, List.of());
  }

  /**
   * A transcript.
   *
   * @param trusted the issuer ids to trust; empty trusts every issuer whose signature verifies
   * @param mapping the OB3 mapping
   * @param status the status check, or null for none (a credential with {@code credentialStatus} then fails)
   * @param controllers trusted controller documents (for https: issuers)
   */
  VerifiedTranscript(Set<String> trusted, OpenBadges mapping, StatusCheck status,
      List<ControllerDocument> controllers) {
    this.trusted = Set.copyOf(trusted);
    this.mapping = mapping;
    this.status = status;
    this.controllers = List.copyOf(controllers);
  }

  /**
   * Verifies and maps one signed credential (a CLR: each bundled credential).
   *
   * @param source a name for messages (file name)
   * @param text the credential text
   */
  void add(String source, String text) {
    JsonNode doc = verify(source, text);
    if (doc == null) {
      return;
    }
    if (OpenBadges.hasType(doc, "ClrCredential")) {
      // trust applies to the credentials that count: each bundled one is signed, verified and checked on its own
      List<JsonNode> nested = OpenBadges.nestedCredentials(doc);
      if (nested.isEmpty()) {
        excluded.add(new Excluded(source, Exclusion.Reason.NOT_MAPPABLE,
            "$.credentialSubject.verifiableCredential: a CLR without credentials"));
      }
      for (int i = 0; i < nested.size(); i++) {
        String at = source + " $.credentialSubject.verifiableCredential[" + i + "]";
        JsonNode n = nested.get(i);
        String inner = n.isTextual() ? n.asText() : envelopedJwt(n);
        JsonNode d = verify(at, inner != null ? inner : n.toString());
        if (d == null) {
          continue;
        }
        if (OpenBadges.hasType(d, "ClrCredential")) {
          excluded.add(new Excluded(at, Exclusion.Reason.NOT_MAPPABLE, "a CLR nested in a CLR is not read"));
        } else {
          mapped(at, d);
        }
      }
      return;
    }
    mapped(source, doc);
  }

  /** The JWT of an {@code EnvelopedVerifiableCredential} ({@code id} = {@code data:application/vc+jwt,...}). */
  private static String envelopedJwt(JsonNode n) {
    String id = n.path("id").asText("");
    int comma = id.indexOf(',');
    return id.startsWith("data:application/vc+jwt") && comma > 0 ? id.substring(comma + 1) : null;
  }

  /** Verifies; returns the verified document, or null after recording why it does not count. */
  private JsonNode verify(String source, String text) {
    if (VcJwt.looksLikeJwt(text)) {
      JwtVerifyOperation op = VcJwt.verify(text.strip());
      if (status != null) {
        op = op.withStatus(status);
      }
      for (ControllerDocument d : controllers) {
        op = op.withControllerDocument(d);
      }
      JwtVerification v = op.get();
      if (!v.verified() && !(v.rejections().equals(List.of(JwtRejection.NESTED_CREDENTIAL))
          && onlyNestedFailed(v.result()))) {
        excluded.add(new Excluded(source, reason(v.result()), detail(v.result()) + " " + v.rejections()));
        return null;
      }
      if (v.document().isEmpty()) {
        excluded.add(new Excluded(source, Exclusion.Reason.NOT_VERIFIED, "verified, but no credential document"));
        return null;
      }
      return v.verified() ? v.document().get() : clrOnly(source, v.document().get(), v.result());
    }
    VerifyOperation op = Credentials.verify(text);
    if (status != null) {
      op = op.withStatus(status);
    }
    for (ControllerDocument d : controllers) {
      op = op.withControllerDocument(d);
    }
    VerificationResult r = op.get();
    if (!r.verified() && !onlyNestedFailed(r)) {
      excluded.add(new Excluded(source, reason(r), detail(r)));
      return null;
    }
    JsonNode doc;
    try {
      // the verifier's own reader rejects duplicate keys; reading the same text here must not pick another value
      doc = STRICT.readTree(text);
    } catch (IOException e) {
      excluded.add(new Excluded(source, Exclusion.Reason.NOT_VERIFIED, "unreadable: " + e.getMessage()));
      return null;
    }
    return r.verified() ? doc : clrOnly(source, doc, r);
  }

  /**
   * A credential whose only failures are bundled credentials is read only when it is a CLR (each bundled credential
   * then counts or is excluded on its own); anything else, a badge with a failed endorsement included, does not count.
   */
  private JsonNode clrOnly(String source, JsonNode doc, VerificationResult r) {
    if (OpenBadges.hasType(doc, "ClrCredential")) {
      return doc;
    }
    excluded.add(new Excluded(source, reason(r), detail(r)));
    return null;
  }

  /**
   * Whether a CLR's own checks passed and only some of its bundled credentials
   * ({@code credentialSubject.verifiableCredential}) failed, within the nesting limits: the CLR is then read, and
   * each bundled credential counts or is excluded with its own path. A failed endorsement fails the CLR.
   */
  private static boolean onlyNestedFailed(VerificationResult r) {
    return r.passed(CheckName.PROOF) && !r.failures().isEmpty() && r.failures().stream().allMatch(
        c -> c.name() == CheckName.NESTED_CREDENTIALS && !c.message().startsWith("LIMIT_EXCEEDED")
            && BUNDLED.matcher(c.path()).matches());
  }

  /** The path of a credential a CLR bundles. */
  private static final Pattern BUNDLED =
      Pattern.compile("\\$\\.credentialSubject(\\[\\d+])?\\.verifiableCredential(\\[\\d+])?");

  private boolean trusted(String source, JsonNode doc) {
    JsonNode i = doc.get("issuer");
    String issuer = i == null ? "" : i.isTextual() ? i.asText() : i.path("id").asText("");
    if (!trusted.isEmpty() && !trusted.contains(issuer)) {
      excluded.add(new Excluded(source, Exclusion.Reason.NOT_VERIFIED, "issuer not trusted: " + issuer));
      return false;
    }
    return true;
  }

  private void mapped(String source, JsonNode doc) {
    if (!trusted(source, doc)) {
      return;
    }
    OpenBadges.Mapped m = mapping.map(doc);
    if (m.credential().isPresent()) {
      JsonNode a = doc.path("credentialSubject").path("achievement");
      String title = a.path("name").asText(doc.path("name").asText(m.credential().get().id()));
      verified.add(new Verified(source, title, m.credential().get()));
    } else {
      Exclusion x = m.exclusion().get();
      excluded.add(new Excluded(source, x.reason(), x.credentialId() + ": " + x.detail()));
    }
  }

  /** Revoked or suspended when the status check failed on that purpose; otherwise not verified. */
  private static Exclusion.Reason reason(VerificationResult r) {
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

  private static String detail(VerificationResult r) {
    List<VerificationCheck> f = r.failures();
    for (VerificationCheck c : f) {
      if (c.name() == CheckName.STATUS) {
        return c.name() + ": " + c.message() + " (at " + c.path() + ")";
      }
    }
    return f.isEmpty() ? "failed" : f.get(0).name() + ": " + f.get(0).message() + " (at " + f.get(0).path() + ")";
  }

  /** One entry per credential id: the most recently issued (the first on a tie); the others as DUPLICATE. */
  private Transcript.Deduplicated newest() {
    return Transcript.newestPerId(verified.stream().map(Verified::credential).toList(),
        verified.stream().map(Verified::source).toList());
  }

  /**
   * The stacking transcript of the verified credentials.
   *
   * @return the transcript
   */
  Transcript transcript() {
    return newest().transcript();
  }

  /**
   * The audit result with the credentials that do not count added to its exclusions, with the file (source) as the
   * credential id.
   *
   * @param a the audit of {@link #transcript()}
   * @return the result with every excluded file explained
   */
  AuditResult withExclusions(AuditResult a) {
    List<Exclusion> all = new ArrayList<>();
    for (Excluded e : excluded) {
      all.add(new Exclusion(e.source(), e.reason(), e.detail()));
    }
    all.addAll(newest().duplicates());
    return a.withExclusions(all);
  }
}
