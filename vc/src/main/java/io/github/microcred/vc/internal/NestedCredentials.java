package io.github.microcred.vc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The nested-credential check shared by the Data Integrity, JWT and presentation verifiers: finds the credentials
 * embedded in a document and verifies each with the caller's options (through a {@link Verifier} the caller builds
 * from its own configuration), adding one {@link CheckName#NESTED_CREDENTIALS} check per embedded credential.
 *
 * <p>Where credentials are embedded: in a presentation, {@code verifiableCredential}; in a credential,
 * {@code credentialSubject.verifiableCredential} (CLR 2.0 {@code ClrSubject}), for each subject. Each entry is
 * either an {@code EnvelopedVerifiableCredential} whose {@code id} is {@code data:application/vc+jwt,<jwt>}, a
 * compact {@code vc+jwt} string (VC-JWT 1.1 presentations), or a credential object with a Data Integrity
 * {@code proof}; anything else is unsecured and fails.
 *
 * <p>Bounds: the nesting depth (a presentation holding a CLR holding badges is depth 2) and the total number of
 * embedded credentials verified for one top-level document are limited; beyond them the check fails with
 * {@code LIMIT_EXCEEDED} and the path. The budget is shared by the whole tree: a verification running on this thread
 * inside a nested verification draws from its top-level document's budget.
 */
public final class NestedCredentials {
  /** The deepest nesting verified (the top-level document is depth 0). */
  public static final int MAX_DEPTH = 4;
  /** The most embedded credentials verified for one top-level document, at all depths together. */
  public static final int MAX_COUNT = 256;
  /** The data: URL prefix of an enveloped {@code vc+jwt}. */
  public static final String ENVELOPED_JWT_PREFIX = "data:application/vc+jwt,";

  /** Depth and remaining count of the top-level verification running on this thread. */
  private static final ThreadLocal<int[]> BUDGET = new ThreadLocal<>();

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
  }

  /** One embedded credential and where it is. */
  private record Embedded(String path, JsonNode node) {}

  /**
   * Whether a JSON-P credential embeds credentials (cheap: no conversion).
   *
   * @param doc the credential
   * @return true when {@code credentialSubject} has a {@code verifiableCredential}
   */
  public static boolean embedsCredentials(JsonObject doc) {
    JsonValue s = doc.get("credentialSubject");
    if (s == null) {
      return false;
    }
    if (s.getValueType() == JsonValue.ValueType.OBJECT) {
      return s.asJsonObject().containsKey("verifiableCredential");
    }
    if (s.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue v : s.asJsonArray()) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT && v.asJsonObject().containsKey("verifiableCredential")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Finds and verifies the credentials embedded in a document.
   *
   * @param doc the credential or presentation
   * @param presentation whether {@code doc} is a presentation ({@code verifiableCredential} at the top) rather than
   *     a credential ({@code credentialSubject.verifiableCredential})
   * @param verifier verifies one embedded credential with the caller's options
   * @param checks receives one {@link CheckName#NESTED_CREDENTIALS} check per embedded credential
   * @return the embedded credentials' results, in document order
   */
  public static List<VerificationResult.Nested> verify(JsonNode doc, boolean presentation, Verifier verifier,
      List<VerificationCheck> checks) {
    List<Embedded> found = find(doc, presentation);
    List<VerificationResult.Nested> out = new ArrayList<>();
    if (found.isEmpty()) {
      return out;
    }
    int[] budget = BUDGET.get();
    boolean top = budget == null;
    if (top) {
      budget = new int[] {0, MAX_COUNT};
      BUDGET.set(budget);
    }
    try {
      for (Embedded e : found) {
        if (budget[0] + 1 > MAX_DEPTH) {
          checks.add(VerificationCheck.failed(CheckName.NESTED_CREDENTIALS, e.path(), "LIMIT_EXCEEDED: credentials "
              + "nested deeper than " + MAX_DEPTH + " levels are not verified"));
          continue;
        }
        if (budget[1] <= 0) {
          checks.add(VerificationCheck.failed(CheckName.NESTED_CREDENTIALS, e.path(), "LIMIT_EXCEEDED: more than "
              + MAX_COUNT + " embedded credentials in one document; this one and the rest are not verified"));
          break;
        }
        budget[1]--;
        budget[0]++;
        VerificationResult r;
        try {
          r = verifyOne(e, verifier);
        } catch (RuntimeException ex) {
          r = VerificationResult.of(List.of(VerificationCheck.failed(CheckName.SYNTAX, "$",
              "cannot verify the embedded credential: " + ex)));
        } finally {
          budget[0]--;
        }
        out.add(new VerificationResult.Nested(e.path(), r));
        checks.add(r.verified()
            ? VerificationCheck.passed(CheckName.NESTED_CREDENTIALS, e.path(), "the embedded credential verified")
            : VerificationCheck.failed(CheckName.NESTED_CREDENTIALS, e.path(),
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
    if (n.isTextual()) {
      String s = n.asText().strip();
      if (looksLikeJwt(s)) {
        return verifier.jwt(s);
      }
      return unsecured("a string that is not a compact vc+jwt");
    }
    if (!n.isObject()) {
      return unsecured("not a credential object");
    }
    if (hasType(n, "EnvelopedVerifiableCredential")) {
      String id = n.path("id").asText("");
      if (!id.startsWith(ENVELOPED_JWT_PREFIX)) {
        return unsecured("an EnvelopedVerifiableCredential whose id is not a " + ENVELOPED_JWT_PREFIX
            + "... data: URL");
      }
      String jwt = id.substring(ENVELOPED_JWT_PREFIX.length());
      if (!looksLikeJwt(jwt)) {
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
    return VerificationResult.of(List.of(VerificationCheck.failed(CheckName.PROOF, "$", why)));
  }

  private static boolean hasType(JsonNode n, String type) {
    JsonNode t = n.get("type");
    if (t == null) {
      return false;
    }
    if (t.isTextual()) {
      return t.asText().equals(type);
    }
    for (JsonNode x : t) {
      if (x.isTextual() && x.asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeJwt(String s) {
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return dots == 2;
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

  private static List<Embedded> find(JsonNode doc, boolean presentation) {
    List<Embedded> out = new ArrayList<>();
    if (presentation) {
      collect(doc.get("verifiableCredential"), "$.verifiableCredential", out);
      return out;
    }
    JsonNode s = doc.get("credentialSubject");
    if (s == null) {
      return out;
    }
    if (s.isArray()) {
      for (int i = 0; i < s.size(); i++) {
        collect(s.get(i).get("verifiableCredential"), "$.credentialSubject[" + i + "].verifiableCredential", out);
      }
    } else {
      collect(s.get("verifiableCredential"), "$.credentialSubject.verifiableCredential", out);
    }
    return out;
  }

  private static void collect(JsonNode v, String path, List<Embedded> out) {
    if (v == null) {
      return;
    }
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        out.add(new Embedded(path + "[" + i + "]", v.get(i)));
      }
    } else {
      out.add(new Embedded(path, v));
    }
  }
}
