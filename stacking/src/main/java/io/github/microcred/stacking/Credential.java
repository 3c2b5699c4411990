package io.github.microcred.stacking;

import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.stacking.internal.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One earned micro-credential as the audit sees it: an entry of a {@link Transcript}.
 *
 * @param id identifier of the micro-credential (what rules name in {@code credential} leaves)
 * @param credits credit value (amount and unit), non-negative
 * @param level level (e.g. EQF 1..8, or a course level); 0 when unknown
 * @param issuer issuing organisation
 * @param provider provider of the learning (for per-provider caps); often equal to the issuer
 * @param origin resident, external or recognised prior learning
 * @param kind free-form kind (e.g. {@code course}, {@code badge}, {@code rpl}) for count caps
 * @param subjects subject codes
 * @param competencies competency identifiers
 * @param tags other tags
 * @param issued date of issue
 * @param expires expiry date, if any
 * @param creditBearing whether the credential carries academic credit
 * @param assessed whether the learning was assessed
 */
public record Credential(
    String id,
    CreditValue credits,
    int level,
    String issuer,
    String provider,
    Origin origin,
    String kind,
    Set<String> subjects,
    Set<String> competencies,
    Set<String> tags,
    LocalDate issued,
    Optional<LocalDate> expires,
    boolean creditBearing,
    boolean assessed) {

  /** Validates and copies. */
  public Credential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(credits, "credits");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(issued, "issued");
    Objects.requireNonNull(expires, "expires");
    if (credits.amount().signum() < 0) {
      throw new IllegalArgumentException("credential " + id + ": credits must be >= 0, got " + credits);
    }
    subjects = Set.copyOf(subjects);
    competencies = Set.copyOf(competencies);
    tags = Set.copyOf(tags);
  }

  /**
   * Starts a builder.
   *
   * @param id the credential identifier
   * @return a builder with defaults (0 ECTS, level 0, resident, assessed, credit-bearing, issued 1970-01-01)
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builder for {@link Credential}. */
  public static final class Builder {
    private final String id;
    private CreditValue credits = new CreditValue(BigDecimal.ZERO, CreditUnit.ECTS);
    private int level;
    private String issuer = "";
    private String provider = "";
    private Origin origin = Origin.RESIDENT;
    private String kind = "course";
    private Set<String> subjects = Set.of();
    private Set<String> competencies = Set.of();
    private Set<String> tags = Set.of();
    private LocalDate issued = LocalDate.of(1970, 1, 1);
    private LocalDate expires;
    private boolean creditBearing = true;
    private boolean assessed = true;

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * Sets the credits.
     *
     * @param amount amount
     * @param unit unit name ({@code ECTS}, {@code US_SEMESTER_HOUR} or {@code SCH}, {@code UK_CATS} or {@code CATS},
     *     ...)
     * @return this
     * @throws IllegalArgumentException for an unknown unit
     */
    public Builder credits(BigDecimal amount, String unit) {
      return credits(new CreditValue(amount, Units.parse(unit)));
    }

    /**
     * Sets the credits.
     *
     * @param value amount and unit
     * @return this
     */
    public Builder credits(CreditValue value) {
      this.credits = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the credits.
     *
     * @param amount amount
     * @param unit unit
     * @return this
     */
    public Builder credits(double amount, String unit) {
      return credits(BigDecimal.valueOf(amount), unit);
    }

    /**
     * Sets the level.
     *
     * @param level level
     * @return this
     */
    public Builder level(int level) {
      this.level = level;
      return this;
    }

    /**
     * Sets issuer and provider (the provider defaults to the issuer).
     *
     * @param issuer issuer
     * @return this
     */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      if (provider.isEmpty()) {
        provider = issuer;
      }
      return this;
    }

    /**
     * Sets the provider.
     *
     * @param provider provider
     * @return this
     */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * Sets the origin.
     *
     * @param origin origin
     * @return this
     */
    public Builder origin(Origin origin) {
      this.origin = origin;
      return this;
    }

    /**
     * Sets the kind.
     *
     * @param kind kind
     * @return this
     */
    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Sets the subjects.
     *
     * @param subjects subjects
     * @return this
     */
    public Builder subjects(String... subjects) {
      this.subjects = Set.copyOf(java.util.Arrays.asList(subjects));
      return this;
    }

    /**
     * Sets the competencies.
     *
     * @param competencies competencies
     * @return this
     */
    public Builder competencies(String... competencies) {
      this.competencies = Set.copyOf(java.util.Arrays.asList(competencies));
      return this;
    }

    /**
     * Sets the tags.
     *
     * @param tags tags
     * @return this
     */
    public Builder tags(String... tags) {
      this.tags = Set.copyOf(java.util.Arrays.asList(tags));
      return this;
    }

    /**
     * Sets the issue date.
     *
     * @param issued date
     * @return this
     */
    public Builder issued(LocalDate issued) {
      this.issued = issued;
      return this;
    }

    /**
     * Sets the expiry date.
     *
     * @param expires date
     * @return this
     */
    public Builder expires(LocalDate expires) {
      this.expires = expires;
      return this;
    }

    /**
     * Sets whether the credential is credit-bearing.
     *
     * @param creditBearing flag
     * @return this
     */
    public Builder creditBearing(boolean creditBearing) {
      this.creditBearing = creditBearing;
      return this;
    }

    /**
     * Sets whether the learning was assessed.
     *
     * @param assessed flag
     * @return this
     */
    public Builder assessed(boolean assessed) {
      this.assessed = assessed;
      return this;
    }

    /**
     * Builds the credential.
     *
     * @return the credential
     */
    public Credential build() {
      return new Credential(id, credits, level, issuer, provider, origin, kind, subjects, competencies, tags,
          issued, Optional.ofNullable(expires), creditBearing, assessed);
    }
  }
}
