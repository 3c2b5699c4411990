package io.github.microcred.vc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of verifying a credential or presentation: every check that ran, with its outcome, and the result of
 * each credential embedded in it ({@link #nested()}). {@link #verified()} is true only if no check failed, at least
 * one proof passed and every embedded credential verified. Immutable.
 *
 * <p>Nested results are one concept across Data Integrity credentials, {@code vc+jwt} / {@code vp+jwt} and
 * presentations: a CLR's {@code credentialSubject.verifiableCredential}, a presentation's
 * {@code verifiableCredential}, and {@code EnvelopedVerifiableCredential}s ({@code data:application/vc+jwt,...}) are
 * each verified with the same options as the document that holds them. Each appears once in {@link #nested()} with
 * its JSON path in the holding document, and once as a {@link CheckName#NESTED_CREDENTIALS} check on that path, so
 * a failed embedded credential fails the whole and {@link #failures()} names where it is. The checks inside a
 * nested result have paths relative to the embedded credential.
 */
public final class VerificationResult {
  private final List<VerificationCheck> checks;
  private final List<Nested> nested;

  /**
   * The result of one embedded credential.
   *
   * @param path the JSON path of the credential in the holding document, e.g.
   *     {@code $.credentialSubject.verifiableCredential[2]}
   * @param result its own result (paths inside it are relative to the embedded credential)
   */
  public record Nested(String path, VerificationResult result) {
    /**
     * Validates the members.
     *
     * @param path see the record description
     * @param result see the record description
     */
    public Nested {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(result, "result");
    }
  }

  private VerificationResult(List<VerificationCheck> checks, List<Nested> nested) {
    this.checks = List.copyOf(checks);
    this.nested = List.copyOf(nested);
  }

  /**
   * Creates a result from its checks.
   *
   * @param checks the checks, in the order they ran
   * @return the result
   */
  public static VerificationResult of(List<VerificationCheck> checks) {
    Objects.requireNonNull(checks, "checks");
    return new VerificationResult(checks, List.of());
  }

  /**
   * Creates a result from its checks and the results of the credentials embedded in the document.
   *
   * @param checks the checks, in the order they ran
   * @param nested the embedded credentials' results, in document order
   * @return the result
   */
  public static VerificationResult of(List<VerificationCheck> checks, List<Nested> nested) {
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(nested, "nested");
    return new VerificationResult(checks, nested);
  }

  /**
   * Whether the credential is verified: no failed check, at least one {@link CheckName#PROOF} passed, and every
   * embedded credential verified.
   *
   * @return the verdict
   */
  public boolean verified() {
    boolean proof = false;
    for (VerificationCheck c : checks) {
      if (c.failed()) {
        return false;
      }
      proof |= c.name() == CheckName.PROOF && c.outcome() == VerificationCheck.Outcome.PASSED;
    }
    for (Nested n : nested) {
      if (!n.result().verified()) {
        return false;
      }
    }
    return proof;
  }

  /**
   * The results of the credentials embedded in the document, in document order, each with its JSON path; empty
   * when the document embeds none (or they were not checked because the proof failed).
   *
   * @return an unmodifiable list
   */
  public List<Nested> nested() {
    return nested;
  }

  /**
   * All checks.
   *
   * @return an unmodifiable list
   */
  public List<VerificationCheck> checks() {
    return checks;
  }

  /**
   * The checks with a given name (several for proof sets).
   *
   * @param name the name
   * @return an unmodifiable list, possibly empty
   */
  public List<VerificationCheck> checks(CheckName name) {
    List<VerificationCheck> out = new ArrayList<>();
    for (VerificationCheck c : checks) {
      if (c.name() == name) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Whether every check with this name passed (and there is at least one).
   *
   * @param name the name
   * @return true if all passed
   */
  public boolean passed(CheckName name) {
    List<VerificationCheck> l = checks(name);
    return !l.isEmpty() && l.stream().allMatch(c -> c.outcome() == VerificationCheck.Outcome.PASSED);
  }

  /**
   * The failed checks.
   *
   * @return an unmodifiable list
   */
  public List<VerificationCheck> failures() {
    return checks.stream().filter(VerificationCheck::failed).toList();
  }

  /**
   * The failed checks as core {@link Issue}s (path, code, {@code ERROR}, message), in check order; a failed embedded
   * credential is among them as its {@link CheckName#NESTED_CREDENTIALS} check.
   *
   * @return an unmodifiable list, empty when no check failed
   */
  public List<Issue> issues() {
    List<Issue> out = new ArrayList<>();
    for (VerificationCheck c : checks) {
      c.toIssue().ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /**
   * Returns a copy with one more check (used by status checkers layered on top).
   *
   * @param check the check
   * @return a new result
   */
  public VerificationResult with(VerificationCheck check) {
    List<VerificationCheck> l = new ArrayList<>(checks);
    l.add(check);
    return new VerificationResult(l, nested);
  }

  /**
   * The result as JSON: {@code {"verified":..,"checks":[{"check":..,"outcome":..,"path":..,"message":..}]}}, with
   * {@code "nested":[{"path":..,"verified":..,"checks":[..]},..]} when credentials are embedded.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("verified", verified());
    ArrayNode a = n.putArray("checks");
    for (VerificationCheck c : checks) {
      a.addObject().put("check", c.name().name().toLowerCase(Locale.ROOT))
          .put("outcome", c.outcome().name().toLowerCase(Locale.ROOT)).put("path", c.path())
          .put("message", c.message());
    }
    if (!nested.isEmpty()) {
      ArrayNode na = n.putArray("nested");
      for (Nested x : nested) {
        ObjectNode e = na.addObject().put("path", x.path());
        e.setAll(x.result().toJson());
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
