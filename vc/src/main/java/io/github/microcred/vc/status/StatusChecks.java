package io.github.microcred.vc.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Combines status checks by {@code credentialStatus} type, so one verifier reads Bitstring Status List and the
 * 1EdTech Revocation List alike:
 *
 * <pre>{@code
 * StatusCheck status = StatusChecks.byType(Map.of(
 *     "BitstringStatusListEntry", BitstringStatusCheck.create(source),
 *     RevocationList.TYPE, RevocationListCheck.create(source)));
 * Credentials.verify(credential).withStatus(status).get();
 * }</pre>
 *
 * <p>Each entry goes to the check registered for its type, as a credential whose {@code credentialStatus} is that
 * one entry; the result fails when any entry fails, when an entry's type has no check (fail closed, as with no
 * check at all), or when a check answers with anything but a passed {@link CheckName#STATUS} check.
 *
 * <p>The {@code status} claim of an SD-JWT VC (IETF Token Status List) is routed the same way by its mechanism
 * names: register {@link TokenStatusListCheck} under {@link TokenStatusListCheck#MECHANISM} ({@code status_list});
 * each mechanism is handed a credential whose {@code status} holds that mechanism only, and a mechanism without a
 * check fails closed.
 */
public final class StatusChecks {
  private StatusChecks() {}

  /**
   * The combined check.
   *
   * @param checks status type (e.g. {@code BitstringStatusListEntry}, {@code 1EdTechRevocationList}) or
   *     {@code status} mechanism ({@code status_list}) to its check
   * @return the check
   */
  public static StatusCheck byType(Map<String, ? extends StatusCheck> checks) {
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("no status checks");
    }
    Map<String, StatusCheck> copy = new LinkedHashMap<>();
    checks.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
    return (credential, now) -> check(copy, credential, now);
  }

  private static VerificationCheck check(Map<String, StatusCheck> checks, ObjectNode credential, Instant now) {
    JsonNode status = credential.get("credentialStatus");
    JsonNode claim = credential.get("status");
    if (status == null && claim == null) {
      return VerificationCheck.notApplicable(CheckName.STATUS, "credentialStatus", "no credentialStatus");
    }
    List<String> passed = new ArrayList<>();
    if (claim != null) {
      if (!claim.isObject() || claim.isEmpty()) {
        return VerificationCheck.failed(CheckName.STATUS, "status", VerificationCode.STATUS_ENTRY_INVALID,
            "status: expected an object naming a status "
            + "mechanism, got " + claim);
      }
      for (var it = claim.fields(); it.hasNext(); ) {
        var m = it.next();
        ObjectNode one = credential.deepCopy();
        one.remove("credentialStatus");
        one.putObject("status").set(m.getKey(), m.getValue().deepCopy());
        VerificationCheck r = run(checks.get(m.getKey()), one, now, "status." + m.getKey(), "status mechanism '"
            + m.getKey() + "'", checks);
        if (r.failed()) {
          return r;
        }
        passed.add(r.message());
      }
    }
    if (status == null) {
      return VerificationCheck.passed(CheckName.STATUS, "status", String.join("; ", passed));
    }
    List<JsonNode> entries = new ArrayList<>();
    if (status.isArray()) {
      status.forEach(entries::add);
    } else {
      entries.add(status);
    }
    if (entries.isEmpty()) {
      return VerificationCheck.failed(CheckName.STATUS, "credentialStatus", VerificationCode.STATUS_ENTRY_INVALID,
          "credentialStatus is an empty array");
    }
    for (int i = 0; i < entries.size(); i++) {
      String path = status.isArray() ? "credentialStatus[" + i + "]" : "credentialStatus";
      JsonNode e = entries.get(i);
      String type = e.path("type").isTextual() ? e.get("type").asText() : null;
      ObjectNode one = credential.deepCopy();
      one.remove("status");
      one.set("credentialStatus", e.deepCopy());
      VerificationCheck r = run(type == null ? null : checks.get(type), one, now, path, type == null
          ? e.path("type").toString() : "'" + type + "'", checks);
      if (r.failed()) {
        return r;
      }
      passed.add(r.message());
    }
    return VerificationCheck.passed(CheckName.STATUS, claim == null ? "credentialStatus" : "$",
        String.join("; ", passed));
  }

  /** Runs one check; anything but a passed STATUS check is a failure (a missing check fails closed). */
  private static VerificationCheck run(StatusCheck c, ObjectNode one, Instant now, String path, String what,
      Map<String, StatusCheck> checks) {
    if (c == null) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_NOT_CHECKED,
          path + ": no status check for " + what
          + " (checked: " + checks.keySet() + "); fails closed");
    }
    VerificationCheck r;
    try {
      r = c.check(one, now);
    } catch (RuntimeException ex) {
      r = VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_NOT_CHECKED,
          "status checker failed: " + ex);
    }
    if (r == null || r.name() != CheckName.STATUS || r.outcome() != VerificationCheck.Outcome.PASSED) {
      String why = r == null ? "no result" : r.message();
      boolean failed = r != null && r.failed();
      return VerificationCheck.failed(CheckName.STATUS, path, failed ? r.code() : VerificationCode.STATUS_NOT_CHECKED,
          failed ? why : "the " + what + " check did not pass: " + why);
    }
    return r;
  }
}
