package io.github.microcred.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.internal.JsonCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A micro-credential awarded to a learner: who (EU "identification of the learner"), what, when (EU "date of
 * issuing"), until when, with which results and evidence.
 */
public final class Award {

  /**
   * A result of the learner's assessment (maps to the Open Badges 3.0 {@code Result}).
   *
   * @param name what the result is about: a criterion, a grade, a test
   * @param value the result's value, as written (a grade, a score, a rubric level)
   */
  public record Result(String name, String value) {
    /** Validates. */
    public Result {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank()) {
        throw new IllegalArgumentException("result name must not be blank");
      }
    }
  }

  /**
   * Evidence of the learner's achievement (maps to the Open Badges 3.0 {@code Evidence}).
   *
   * @param id the evidence's URL ({@code ""} when only a narrative is given)
   * @param name a name ({@code ""} for none)
   * @param narrative a narrative ({@code ""} for none)
   */
  public record Evidence(String id, String name, String narrative) {
    /** Validates. */
    public Evidence {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(narrative, "narrative");
      if (id.isBlank() && narrative.isBlank()) {
        throw new IllegalArgumentException("evidence needs an id (URL) or a narrative");
      }
    }
  }

  private final String id;
  private final MicroCredential microCredential;
  private final LearnerIdentity learner;
  private final String learnerName;
  private final Organization issuer;
  private final Instant issuedOn;
  private final LocalDate awardedDate;
  private final Instant validUntil;
  private final String grade;
  private final List<Result> results;
  private final List<Evidence> evidence;

  private Award(Builder b) {
    this.id = b.id;
    this.microCredential = Objects.requireNonNull(b.microCredential, "microCredential");
    this.learner = Objects.requireNonNull(b.learner, "learner");
    this.learnerName = b.learnerName;
    this.issuer = b.issuer;
    this.issuedOn = Objects.requireNonNull(b.issuedOn, "issuedOn");
    this.awardedDate = b.awardedDate;
    this.validUntil = b.validUntil;
    this.grade = b.grade;
    this.results = List.copyOf(b.results);
    this.evidence = List.copyOf(b.evidence);
    if (validUntil != null && !validUntil.isAfter(issuedOn)) {
      throw new IllegalArgumentException("validUntil " + validUntil + " must be after issuedOn " + issuedOn);
    }
  }

  /**
   * A builder.
   *
   * @param microCredential what is awarded
   * @param learner to whom
   * @param issuedOn when it is issued
   * @return the builder
   */
  public static Builder builder(MicroCredential microCredential, LearnerIdentity learner, Instant issuedOn) {
    Builder b = new Builder();
    b.microCredential = microCredential;
    b.learner = learner;
    b.issuedOn = issuedOn;
    return b;
  }

  /**
   * The identifier (a URI), if assigned.
   *
   * @return the id
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * What is awarded.
   *
   * @return the micro-credential
   */
  public MicroCredential microCredential() {
    return microCredential;
  }

  /**
   * The learner's identity.
   *
   * @return the identity
   */
  public LearnerIdentity learner() {
    return learner;
  }

  /**
   * The learner's display name, if the learner agreed to show it.
   *
   * @return the name
   */
  public Optional<String> learnerName() {
    return Optional.ofNullable(learnerName);
  }

  /**
   * The issuer; when absent the first awarding body of the micro-credential issues it.
   *
   * @return the issuer
   */
  public Optional<Organization> issuer() {
    return issuer != null ? Optional.of(issuer) : microCredential.awardingBodies().stream().findFirst();
  }

  /**
   * EU Annex I: the date of issuing.
   *
   * @return the instant
   */
  public Instant issuedOn() {
    return issuedOn;
  }

  /**
   * The date the learner completed the achievement, if different from the issue date.
   *
   * @return the date
   */
  public Optional<LocalDate> awardedDate() {
    return Optional.ofNullable(awardedDate);
  }

  /**
   * The expiry set on this award.
   *
   * @return the instant
   */
  public Optional<Instant> validUntil() {
    return Optional.ofNullable(validUntil);
  }

  /**
   * The expiry of this award: the one set on it, otherwise the one that the micro-credential's validity
   * policy gives for the award date (or the issue date, in UTC).
   *
   * @return the first instant at which the award is no longer valid, or empty for no expiry
   */
  public Optional<Instant> effectiveExpiry() {
    if (validUntil != null) {
      return Optional.of(validUntil);
    }
    LocalDate base = awardedDate != null ? awardedDate : LocalDate.ofInstant(issuedOn, ZoneOffset.UTC);
    return microCredential
        .validity()
        .flatMap(p -> p.expiryFor(base))
        .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * EU optional: the grade obtained.
   *
   * @return the grade
   */
  public Optional<String> grade() {
    return Optional.ofNullable(grade);
  }

  /**
   * The results.
   *
   * @return the results, unmodifiable
   */
  public List<Result> results() {
    return results;
  }

  /**
   * The evidence.
   *
   * @return the evidence, unmodifiable
   */
  public List<Evidence> evidence() {
    return evidence;
  }

  /**
   * A builder holding this award's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = builder(microCredential, learner, issuedOn);
    b.id = id;
    b.learnerName = learnerName;
    b.issuer = issuer;
    b.awardedDate = awardedDate;
    b.validUntil = validUntil;
    b.grade = grade;
    b.results.addAll(results);
    b.evidence.addAll(evidence);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Award a
        && Objects.equals(id, a.id)
        && microCredential.equals(a.microCredential)
        && learner.equals(a.learner)
        && Objects.equals(learnerName, a.learnerName)
        && Objects.equals(issuer, a.issuer)
        && issuedOn.equals(a.issuedOn)
        && Objects.equals(awardedDate, a.awardedDate)
        && Objects.equals(validUntil, a.validUntil)
        && Objects.equals(grade, a.grade)
        && results.equals(a.results)
        && evidence.equals(a.evidence);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, microCredential, learner, issuedOn);
  }

  @Override
  public String toString() {
    return "Award[" + microCredential.title() + " to " + learner + " on " + issuedOn + "]";
  }

  /** Builds an {@link Award}. Setting a single value to null clears it. */
  public static final class Builder {
    private String id;
    private MicroCredential microCredential;
    private LearnerIdentity learner;
    private String learnerName;
    private Organization issuer;
    private Instant issuedOn;
    private LocalDate awardedDate;
    private Instant validUntil;
    private String grade;
    private final List<Result> results = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the id.
     *
     * @param id a URI, or null
     * @return this
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the learner's display name.
     *
     * @param name the name, or null
     * @return this
     */
    public Builder learnerName(String name) {
      this.learnerName = name;
      return this;
    }

    /**
     * Sets the issuer.
     *
     * @param issuer the issuer, or null for the first awarding body
     * @return this
     */
    public Builder issuer(Organization issuer) {
      this.issuer = issuer;
      return this;
    }

    /**
     * Sets the award date.
     *
     * @param date the date, or null
     * @return this
     */
    public Builder awardedDate(LocalDate date) {
      this.awardedDate = date;
      return this;
    }

    /**
     * Sets the expiry.
     *
     * @param validUntil after the issue date, or null
     * @return this
     */
    public Builder validUntil(Instant validUntil) {
      this.validUntil = validUntil;
      return this;
    }

    /**
     * Sets the grade.
     *
     * @param grade the grade, or null
     * @return this
     */
    public Builder grade(String grade) {
      this.grade = grade;
      return this;
    }

    /**
     * Adds results.
     *
     * @param results the results
     * @return this
     */
    public Builder result(Result... results) {
      for (Result r : results) {
        this.results.add(Objects.requireNonNull(r, "result"));
      }
      return this;
    }

    /**
     * Replaces the results.
     *
     * @param results the results
     * @return this
     */
    public Builder results(Collection<Result> results) {
      this.results.clear();
      results.forEach(this::result);
      return this;
    }

    /**
     * Adds evidence.
     *
     * @param evidence the evidence
     * @return this
     */
    public Builder evidence(Evidence... evidence) {
      for (Evidence e : evidence) {
        this.evidence.add(Objects.requireNonNull(e, "evidence"));
      }
      return this;
    }

    /**
     * Replaces the evidence.
     *
     * @param evidence the evidence
     * @return this
     */
    public Builder evidence(Collection<Evidence> evidence) {
      this.evidence.clear();
      evidence.forEach(this::evidence);
      return this;
    }

    /**
     * Builds.
     *
     * @return the award
     */
    public Award build() {
      return new Award(this);
    }
  }

  /**
   * The JSON form of this award, its micro-credential embedded: camelCase properties, decimals as exact JSON
   * numbers, enum values by name, dates in ISO 8601 (the format of {@code examples/}). {@code toPrettyString()} of
   * the tree is the indented text, {@code toString()} the compact one.
   *
   * @return a new tree, owned by the caller
   */
  public ObjectNode toJson() {
    return JsonCodec.write(this);
  }

  /**
   * Reads an award from its JSON text ({@link #toJson()}). Reading is strict: an unknown property, a duplicate key,
   * content after the document or a value of the wrong type is an error naming its JSON path; nothing is dropped or
   * defaulted silently.
   *
   * @param json the JSON text
   * @return the award
   * @throws CoreException {@link CoreErrorCode#MALFORMED_JSON} with line and column for a syntax error (and the path
   *     where the text nests deeper than 256 levels), {@link CoreErrorCode#INVALID_DOCUMENT} listing every path for
   *     a document that does not fit the model
   */
  public static Award fromJson(String json) throws CoreException {
    return MicroCredentialJson.read(json, (c, n) -> c.readAward(n, "$"));
  }

  /**
   * Reads an award from its JSON tree ({@link #toJson()}), as strictly as {@link #fromJson(String)}.
   *
   * @param json the tree
   * @return the award
   * @throws CoreException {@link CoreErrorCode#INVALID_DOCUMENT} listing every problem with its path
   */
  public static Award fromJson(JsonNode json) throws CoreException {
    return MicroCredentialJson.read(json, (c, n) -> c.readAward(n, "$"));
  }
}
