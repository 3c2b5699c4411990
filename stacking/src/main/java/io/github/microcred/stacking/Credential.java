package io.github.microcred.stacking;

import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.stacking.internal.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One earned micro-credential as the audit sees it: an entry of a {@link Transcript}.
 *
 * @param id identifier of the micro-credential (what rules name in {@code credential} leaves)
 * @param credits credit value (amount and unit), non-negative
 * @param level level as a number on the scale the rules' level filters use (EQF 1..8 for credentials from awards,
 *     or e.g. a course level such as 200 or 3000); 0 when unknown
 * @param issuer issuing organisation
 * @param provider provider of the learning (for per-provider caps); often equal to the issuer
 * @param origin resident, external or recognised prior learning
 * @param kind free-form kind (e.g. {@code course}, {@code badge}, {@code rpl}) for count caps
 * @param subjects subject codes
 * @param competencies competency identifiers
 * @param tags other tags
 * @param issued date of issue (from Open Badges: the award date, else validFrom; see {@link OpenBadges})
 * @param expires expiry date, if any. One rule for dates: a credential counts on the audit date {@code asOf} only
 *     when {@code issued <= asOf <= expires} (both inclusive); otherwise the audit excludes it as
 *     {@link Exclusion.Reason#NOT_YET_ISSUED} or {@link Exclusion.Reason#EXPIRED}
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
   * The transcript entry of a core {@link io.github.microcred.core.Award} (origin {@link Origin#RESIDENT}).
   *
   * @param award the award (e.g. read back from a verified Open Badges credential)
   * @return the credential
   * @see #fromAward(io.github.microcred.core.Award, Origin)
   */
  public static Credential fromAward(Award award) {
    return fromAward(award, Origin.RESIDENT);
  }

  /**
   * The transcript entry of a core {@link io.github.microcred.core.Award}. Mapping: {@code id} = the
   * micro-credential's id (its title when it has none), credits = its first credit value (0 ECTS when none), level =
   * its EQF level (see {@link #eqfLevel(java.util.List)}; 0, unknown, when it has none), issuer and provider = the award's issuer or the
   * first awarding body (its id, else its name), kind = the core kind ({@code micro-credential-module}, ...),
   * competencies = the names and URIs of its competencies, tags = its stackability targets, issued = the awarded
   * date (else the issue date, UTC), expires = the award's effective expiry, credit-bearing as stated, assessed when
   * it names an assessment type.
   *
   * @param award the award
   * @param origin resident, external or prior learning, relative to the qualification audited
   * @return the credential
   */
  public static Credential fromAward(Award award, Origin origin) {
    MicroCredential mc = award.microCredential();
    return fromMicroCredential(mc, award.issuer(),
        award.awardedDate().orElse(LocalDate.ofInstant(award.issuedOn(), ZoneOffset.UTC)),
        award.effectiveExpiry().map(e -> LocalDate.ofInstant(e, ZoneOffset.UTC)), origin);
  }

  /** The mapping of {@link #fromAward(io.github.microcred.core.Award, Origin)}, from its parts. */
  static Credential fromMicroCredential(MicroCredential mc,
      Optional<Organization> awardIssuer, LocalDate issued, Optional<LocalDate> expires,
      Origin origin) {
    Builder b = builder(mc.id().orElse(mc.title()));
    if (!mc.workload().credits().isEmpty()) {
      b.credits(mc.workload().credits().get(0));
    }
    int level = eqfLevel(mc.levels());
    b.level(level);
    Optional<Organization> org = awardIssuer
        .or(() -> mc.awardingBodies().stream().findFirst());
    String issuer = org.map(o -> o.id().orElse(o.name())).orElse("");
    b.issuer(issuer).provider(issuer).origin(origin);
    mc.kind().ifPresent(k -> b.kind(k.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    List<String> comps = new ArrayList<>();
    for (Competency c : mc.competencies()) {
      comps.add(c.name());
      if (c.uri() != null && !c.uri().isEmpty()) {
        comps.add(c.uri());
      }
    }
    b.competencies(comps.toArray(new String[0]));
    b.tags(mc.stackability().map(st -> st.targets().toArray(new String[0])).orElse(new String[0]));
    b.issued(issued);
    expires.ifPresent(b::expires);
    b.creditBearing(mc.isCreditBearing());
    b.assessed(!mc.assessment().types().isEmpty());
    return b.build();
  }

  /**
   * The EQF level of a micro-credential's levels, the scale {@link #fromAward} puts in {@link #level()}: its EQF
   * level; else its ISCED 2011 level when that is 5 to 8 (the tertiary levels, aligned one to one with EQF 5 to 8, as
   * {@link io.github.microcred.core.EquivalentLevel} records); else 0, unknown. A national framework's number is
   * never taken as an EQF level: levels of different frameworks are not comparable without a referencing table.
   *
   * @param levels the levels
   * @return the EQF level, or 0 when none can be stated
   */
  public static int eqfLevel(List<Level> levels) {
    int isced = 0;
    for (Level l : levels) {
      if (l.isEqf() && l.number().isPresent()) {
        return l.number().get();
      }
      if (l.framework().equals(Level.ISCED_2011) && l.number().isPresent()
          && l.number().get() >= 5 && l.number().get() <= 8 && isced == 0) {
        isced = l.number().get();
      }
    }
    return isced;
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
      this.subjects = Set.copyOf(Arrays.asList(subjects));
      return this;
    }

    /**
     * Sets the competencies.
     *
     * @param competencies competencies
     * @return this
     */
    public Builder competencies(String... competencies) {
      this.competencies = Set.copyOf(Arrays.asList(competencies));
      return this;
    }

    /**
     * Sets the tags.
     *
     * @param tags tags
     * @return this
     */
    public Builder tags(String... tags) {
      this.tags = Set.copyOf(Arrays.asList(tags));
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
