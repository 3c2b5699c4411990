package io.github.microcred.vc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.internal.verify.CompactForm;
import io.github.microcred.vc.internal.verify.DataModel;
import io.github.microcred.vc.jose.VcJwt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nested-credential check shared by the Data Integrity, JWT and presentation verifiers: finds the credentials
 * embedded in a document and verifies each with the caller's options (through a {@link Verifier} the caller builds
 * from its own configuration), adding one {@link CheckName#NESTED_CREDENTIALS} check per embedded credential.
 *
 * <p>Where credentials are embedded: anywhere in the document's tree, as the value (or an item of the array value)
 * of a member named {@code verifiableCredential} (a presentation's credentials, CLR 2.0
 * {@code credentialSubject.verifiableCredential}) or {@code endorsement} (Open Badges 3.0 endorsements of a
 * credential, of its {@code credentialSubject.achievement}, of an issuer or creator {@code Profile}, ...), and each
 * string of an {@code endorsementJwt} member (OB 3.0 endorsements as compact JWS, verified with the OB 3.0 JWT
 * profile's checks: {@link Verifier#ob3Jwt}). These are the members under which
 * {@link io.github.microcred.vc.internal.verify.CompactForm} lets an embedded credential carry its own
 * {@code @context}; the compact-form rules make sure no other spelling of them (a full-IRI key, a CURIE) is signed.
 * The search does not enter an embedded credential (its own verification finds what it embeds), {@code @context}, or
 * a term the contexts define as a JSON literal. Each entry is either an {@code EnvelopedVerifiableCredential} whose
 * {@code id} is {@code data:application/vc+jwt,<jwt>}, a compact {@code vc+jwt} string (VC-JWT 1.1 presentations),
 * a compact OB 3.0 JWT string (an {@code endorsementJwt} item, nothing else there), or a credential object with a
 * Data Integrity {@code proof}; anything else is unsecured and fails.
 *
 * <p>Bounds: the nesting depth (a presentation holding a CLR holding badges is depth 2; an endorsement of an
 * endorsement's issuer one level deeper than that endorsement) and the total number of embedded credentials verified
 * for one top-level document are limited ({@link #MAX_DEPTH}, {@link #MAX_COUNT}); beyond them the check fails with
 * {@code LIMIT_EXCEEDED} and the path, and the failure is carried up to the top-level result, so no input makes the
 * verification run on without end. The budget is shared by the whole tree: a verification running on this thread
 * inside a nested verification draws from its top-level document's budget. Every JSON value belongs to at most
 * {@code MAX_DEPTH + 1} nested verifications, so the total work stays linear in the document size.
 */
public final class NestedCredentials {
  /** The deepest nesting verified (the top-level document is depth 0). */
  public static final int MAX_DEPTH = 4;
  /** The most embedded credentials verified for one top-level document, at all depths together. */
  public static final int MAX_COUNT = 256;
  /** The data: URL prefix of an enveloped {@code vc+jwt}. */
  public static final String ENVELOPED_JWT_PREFIX = "data:application/vc+jwt,";

  /** The budget of the top-level verification running on this thread. */
  private static final ThreadLocal<Budget> BUDGET = new ThreadLocal<>();

  /** How deep the verification is, how many more embedded credentials it may verify, and where it is. */
  private static final class Budget {
    int remaining = MAX_COUNT;
    final ArrayDeque<String> trail = new ArrayDeque<>();

    /** The path from the top-level document to {@code path}, one embedded credential after another. */
    String where(String path) {
      StringBuilder sb = new StringBuilder();
      for (Iterator<String> it = trail.descendingIterator(); it.hasNext(); ) {
        sb.append(it.next()).append(" > ");
      }
      return sb.append(path).toString();
    }
  }

  private NestedCredentials() {}

  /** Verifies one embedded credential with the holding verifier's options. Must not throw for bad input. */
  public interface Verifier {
    /**
     * Verifies an embedded credential secured with a Data Integrity proof.
     *
     * @param credential the credential object
     * @return its result
     */
    VerificationResult dataIntegrity(ObjectNode credential);

    /**
     * Verifies an embedded {@code vc+jwt}.
     *
     * @param jwt the compact serialization
     * @return its result
     */
    VerificationResult jwt(String jwt);

    /**
     * Verifies an embedded OB 3.0 JWT (an {@code endorsementJwt} item) with the OB 3.0 JWT profile's checks
     * ({@link io.github.microcred.vc.jose.Ob3Jwt#verify}: header, {@code iss}/{@code jti}/{@code nbf}/{@code sub}/
     * {@code exp} against the credential).
     *
     * @param jwt the compact serialization
     * @return its result
     */
    VerificationResult ob3Jwt(String jwt);
  }

  /** One embedded credential, where it is, and whether it is an {@code endorsementJwt} item. */
  private record Embedded(String path, JsonNode node, boolean endorsementJwt) {}

  /** Members whose value (or each item of it) is an embedded credential. */
  private static final Set<String> EMBEDDING = CompactForm.EMBEDDED_CREDENTIALS;
  /** Members whose strings are embedded compact JWS credentials (OB 3.0). */
  private static final String ENDORSEMENT_JWT = "endorsementJwt";

  /**
   * The JSON paths of the credentials a document embeds, in document order (cheap: a walk of the JSON).
   *
   * @param doc the credential or presentation
   * @param jsonLiterals the terms its contexts define as JSON literals (data, not searched)
   * @return the paths, empty when it embeds none
   */
  public static List<String> paths(JsonNode doc, Set<String> jsonLiterals) {
    List<String> out = new ArrayList<>();
    for (Embedded e : find(doc, jsonLiterals)) {
      out.add(e.path());
    }
    return out;
  }

  /**
   * Finds and verifies the credentials embedded in a document.
   *
   * @param doc the credential or presentation
   * @param jsonLiterals the terms its contexts define as JSON literals (data, not searched)
   * @param verifier verifies one embedded credential with the caller's options
   * @param checks receives one {@link CheckName#NESTED_CREDENTIALS} check per embedded credential
   * @return the embedded credentials' results, in document order
   */
  public static List<VerificationResult.Nested> verify(JsonNode doc, Set<String> jsonLiterals,
      Verifier verifier, List<VerificationCheck> checks) {
    List<Embedded> found = find(doc, jsonLiterals);
    List<VerificationResult.Nested> out = new ArrayList<>();
    if (found.isEmpty()) {
      return out;
    }
    Budget budget = BUDGET.get();
    boolean top = budget == null;
    if (top) {
      budget = new Budget();
      BUDGET.set(budget);
    }
    try {
      for (Embedded e : found) {
        if (budget.trail.size() + 1 > MAX_DEPTH) {
          checks.add(VerificationCheck.failed(CheckName.NESTED_CREDENTIALS, e.path(), VerificationCode.LIMIT_EXCEEDED,
              "LIMIT_EXCEEDED: credentials "
              + "nested deeper than " + MAX_DEPTH + " levels are not verified (at " + budget.where(e.path()) + ")"));
          continue;
        }
        if (budget.remaining <= 0) {
          checks.add(VerificationCheck.failed(CheckName.NESTED_CREDENTIALS, e.path(), VerificationCode.LIMIT_EXCEEDED,
              "LIMIT_EXCEEDED: more than "
              + MAX_COUNT + " embedded credentials in one document; this one (at " + budget.where(e.path())
              + ") and the rest are not verified"));
          break;
        }
        budget.remaining--;
        budget.trail.push(e.path());
        VerificationResult r;
        try {
          r = verifyOne(e, verifier);
        } catch (RuntimeException ex) {
          r = VerificationResult.of(List.of(VerificationCheck.failed(CheckName.SYNTAX, "$", VerificationCode.MALFORMED,
              "cannot verify the embedded credential: " + ex)));
        } finally {
          budget.trail.pop();
        }
        out.add(new VerificationResult.Nested(e.path(), r));
        checks.add(r.verified()
            ? VerificationCheck.passed(CheckName.NESTED_CREDENTIALS, e.path(), "the embedded credential verified")
            : VerificationCheck.failed(CheckName.NESTED_CREDENTIALS, e.path(), VerificationCode.NESTED_INVALID,
                "the embedded credential did not verify: " + firstFailure(r)));
      }
    } finally {
      if (top) {
        BUDGET.remove();
      }
    }
    return out;
  }

  private static VerificationResult verifyOne(Embedded e, Verifier verifier) {
    JsonNode n = e.node();
    if (e.endorsementJwt()) {
      // OB 3.0: "endorsementJwt": [ compact JWS strings ] in the OB 3.0 JWT format
      if (!n.isTextual() || !VcJwt.looksLikeJwt(n.asText().strip())) {
        return unsecured("an endorsementJwt item must be a compact JWS string (an OB 3.0 JWT)");
      }
      return verifier.ob3Jwt(n.asText().strip());
    }
    if (n.isTextual()) {
      String s = n.asText().strip();
      if (VcJwt.looksLikeJwt(s)) {
        return verifier.jwt(s);
      }
      return unsecured("a string that is not a compact vc+jwt");
    }
    if (!n.isObject()) {
      return unsecured("not a credential object");
    }
    if (DataModel.hasType(n, "EnvelopedVerifiableCredential")) {
      String id = n.path("id").asText("");
      if (!id.startsWith(ENVELOPED_JWT_PREFIX)) {
        return unsecured("an EnvelopedVerifiableCredential whose id is not a " + ENVELOPED_JWT_PREFIX
            + "... data: URL");
      }
      String jwt = id.substring(ENVELOPED_JWT_PREFIX.length());
      if (!VcJwt.looksLikeJwt(jwt)) {
        return unsecured("the enveloped data: URL does not hold a compact JWS");
      }
      return verifier.jwt(jwt);
    }
    if (n.has("proof")) {
      return verifier.dataIntegrity((ObjectNode) n);
    }
    return unsecured("neither an EnvelopedVerifiableCredential (vc+jwt) nor a credential with a Data Integrity "
        + "proof: an embedded credential must be secured");
  }

  private static VerificationResult unsecured(String why) {
    return VerificationResult.of(List.of(VerificationCheck.failed(CheckName.PROOF, "$", VerificationCode.PROOF_MISSING,
        why)));
  }

  private static String firstFailure(VerificationResult r) {
    for (VerificationCheck c : r.checks()) {
      if (c.failed()) {
        return c.name() + " at " + c.path() + ": " + c.message();
      }
    }
    for (VerificationResult.Nested n : r.nested()) {
      if (!n.result().verified()) {
        return "at " + n.path() + ": " + firstFailure(n.result());
      }
    }
    return "no proof passed";
  }

  private static List<Embedded> find(JsonNode doc, Set<String> jsonLiterals) {
    List<Embedded> out = new ArrayList<>();
    search(doc, "$", jsonLiterals, out);
    return out;
  }

  /** Depth-first, in document order; the JSON's depth is bounded by the strict reader. */
  private static void search(JsonNode n, String path, Set<String> jsonLiterals, List<Embedded> out) {
    if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        search(n.get(i), path + "[" + i + "]", jsonLiterals, out);
      }
      return;
    }
    if (!n.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String k = e.getKey();
      if (jsonLiterals.contains(k) || "@context".equals(k)) {
        continue;
      }
      String p = path + "." + k;
      if (EMBEDDING.contains(k) || ENDORSEMENT_JWT.equals(k)) {
        JsonNode v = e.getValue();
        boolean jwt = ENDORSEMENT_JWT.equals(k);
        if (v.isArray()) {
          for (int i = 0; i < v.size(); i++) {
            out.add(new Embedded(p + "[" + i + "]", v.get(i), jwt));
          }
        } else {
          out.add(new Embedded(p, v, jwt));
        }
      } else {
        search(e.getValue(), p, jsonLiterals, out);
      }
    }
  }
}
