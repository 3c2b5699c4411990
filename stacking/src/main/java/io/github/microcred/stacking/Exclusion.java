package io.github.microcred.stacking;

import java.util.Objects;

/**
 * A credential that does not count, and why.
 *
 * @param credentialId the credential
 * @param reason the reason code
 * @param detail a readable explanation naming the rule, date, level or cap concerned
 */
public record Exclusion(String credentialId, Reason reason, String detail) {

  /** Why a credential does not count. */
  public enum Reason {
    /**
     * Issued after the audit date: a credential counts on the audit date {@code asOf} only when
     * {@code issued <= asOf <= expires} (both inclusive; see {@link Credential}).
     */
    NOT_YET_ISSUED,
    /** Past its expiry date at the audit date. */
    EXPIRED,
    /** Issued before the rules' credit validity window. */
    OUTSIDE_VALIDITY_WINDOW,
    /** No requirement accepts it (level too low, wrong subject, too old for a recency filter, ...). */
    NOT_ELIGIBLE,
    /** Counting it would exceed a cap (per provider, prior-learning share, count of a kind, ...). */
    OVER_CAP,
    /** Left out by the divisible relaxation's flow (its credit was not needed). */
    NOT_NEEDED,
    /** Not verified (the transcript came from signed credentials and this one failed verification). */
    NOT_VERIFIED,
    /** Verified, but revoked: its status list entry (statusPurpose {@code revocation}) is set. */
    REVOKED,
    /** Verified, but suspended: its status list entry (statusPurpose {@code suspension}) is set. */
    SUSPENDED,
    /** Verified, but a result's status says the achievement was not completed (e.g. {@code Failed}). */
    NOT_COMPLETED,
    /** Verified, but not an Open Badges achievement credential the mapping can read (the detail names the path). */
    NOT_MAPPABLE,
    /** The same credential id appears in a later credential of the transcript, which counts instead. */
    DUPLICATE
  }

  /** Validates. */
  public Exclusion {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
