package io.github.microcred.stacking;

import io.github.microcred.stacking.internal.Trees;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which credentials a requirement (or a cap) accepts. Every set field that is non-empty must match (the credential's
 * value is in the set, or for subjects / competencies / tags, the sets intersect); all fields are combined with AND.
 * {@code anyOf} must match at least one of its filters when non-empty; {@code noneOf} must match none.
 *
 * @param credentials accepted credential identifiers
 * @param idPrefixes accepted prefixes of credential identifiers (e.g. a course-number prefix {@code "CS 43"})
 * @param subjects accepted subjects
 * @param competencies accepted competencies
 * @param tags accepted tags
 * @param minLevel lowest accepted level (inclusive); {@link Integer#MIN_VALUE} for none
 * @param maxLevel highest accepted level (inclusive); {@link Integer#MAX_VALUE} for none
 * @param issuers accepted issuers
 * @param providers accepted providers
 * @param origins accepted origins
 * @param kinds accepted kinds
 * @param creditBearingOnly accept only credit-bearing credentials
 * @param assessedOnly accept only assessed credentials
 * @param withinYears accept only credentials issued within this many years before the reference date; 0 for none
 * @param referenceDate the reference date of {@code withinYears}; the audit date when absent
 * @param allOf filters that must all match as well
 * @param anyOf alternatives, one of which must match (ignored when empty)
 * @param noneOf filters that must all fail to match
 */
public record Filter(
    Set<String> credentials,
    Set<String> idPrefixes,
    Set<String> subjects,
    Set<String> competencies,
    Set<String> tags,
    int minLevel,
    int maxLevel,
    Set<String> issuers,
    Set<String> providers,
    Set<Origin> origins,
    Set<String> kinds,
    boolean creditBearingOnly,
    boolean assessedOnly,
    int withinYears,
    Optional<LocalDate> referenceDate,
    List<Filter> allOf,
    List<Filter> anyOf,
    List<Filter> noneOf) {

  /** The filter that accepts every credential. */
  public static final Filter ANY = builder().build();

  /** Copies the collections. */
  public Filter {
    credentials = Set.copyOf(credentials);
    idPrefixes = Set.copyOf(idPrefixes);
    subjects = Set.copyOf(subjects);
    competencies = Set.copyOf(competencies);
    tags = Set.copyOf(tags);
    issuers = Set.copyOf(issuers);
    providers = Set.copyOf(providers);
    origins = Set.copyOf(origins);
    kinds = Set.copyOf(kinds);
    Objects.requireNonNull(referenceDate, "referenceDate");
    allOf = List.copyOf(allOf);
    anyOf = List.copyOf(anyOf);
    noneOf = List.copyOf(noneOf);
  }

  /**
   * Tests a credential.
   *
   * @param c the credential
   * @param asOf the audit date (reference date of recency when none is set)
   * @return whether the filter accepts it
   */
  public boolean test(Credential c, LocalDate asOf) {
    return check(c, asOf, false) == null;
  }

  /**
   * Explains why a credential is rejected.
   *
   * @param c the credential
   * @param asOf the audit date
   * @return the reason, or empty when the filter accepts the credential
   */
  public Optional<String> reason(Credential c, LocalDate asOf) {
    return Optional.ofNullable(check(c, asOf, true));
  }

  private static final String NO = "rejected";

  /** Null when accepted; otherwise the reason (when explaining) or a constant. */
  private String check(Credential c, LocalDate asOf, boolean explain) {
    if (!credentials.isEmpty() && !credentials.contains(c.id())) {
      return explain ? "not one of the named credentials" : NO;
    }
    if (!idPrefixes.isEmpty() && idPrefixes.stream().noneMatch(x -> c.id().startsWith(x))) {
      return explain ? "identifier does not start with " + idPrefixes : NO;
    }
    if (!subjects.isEmpty() && disjoint(subjects, c.subjects())) {
      return explain ? "subject not in " + subjects : NO;
    }
    if (!competencies.isEmpty() && disjoint(competencies, c.competencies())) {
      return explain ? "competency not in " + competencies : NO;
    }
    if (!tags.isEmpty() && disjoint(tags, c.tags())) {
      return explain ? "tag not in " + tags : NO;
    }
    if (c.level() < minLevel) {
      return !explain ? NO : c.level() == 0 && minLevel > 0 ? "level unknown (at least " + minLevel + " needed)"
          : "level too low (" + c.level() + " < " + minLevel + ")";
    }
    if (c.level() > maxLevel) {
      return explain ? "level too high (" + c.level() + " > " + maxLevel + ")" : NO;
    }
    if (!issuers.isEmpty() && !issuers.contains(c.issuer())) {
      return explain ? "issuer " + c.issuer() + " not accepted" : NO;
    }
    if (!providers.isEmpty() && !providers.contains(c.provider())) {
      return explain ? "provider " + c.provider() + " not accepted" : NO;
    }
    if (!origins.isEmpty() && !origins.contains(c.origin())) {
      return explain ? "origin " + c.origin() + " not accepted" : NO;
    }
    if (!kinds.isEmpty() && !kinds.contains(c.kind())) {
      return explain ? "kind " + c.kind() + " not accepted" : NO;
    }
    if (creditBearingOnly && !c.creditBearing()) {
      return explain ? "not credit-bearing" : NO;
    }
    if (assessedOnly && !c.assessed()) {
      return explain ? "not assessed" : NO;
    }
    if (withinYears > 0) {
      LocalDate ref = referenceDate.orElse(asOf);
      if (c.issued().isBefore(ref.minusYears(withinYears))) {
        return explain ? "issued " + c.issued() + ", more than " + withinYears + " years before " + ref : NO;
      }
    }
    for (Filter f : allOf) {
      String r = f.check(c, asOf, explain);
      if (r != null) {
        return r;
      }
    }
    if (!anyOf.isEmpty() && anyOf.stream().noneMatch(f -> f.test(c, asOf))) {
      if (!explain) {
        return NO;
      }
      StringBuilder b = new StringBuilder("matches none of the alternatives (");
      for (int i = 0; i < anyOf.size(); i++) {
        b.append(i == 0 ? "" : "; ").append(anyOf.get(i).check(c, asOf, true));
      }
      return b.append(')').toString();
    }
    for (int i = 0; i < noneOf.size(); i++) {
      if (noneOf.get(i).test(c, asOf)) {
        return explain ? "matches excluded filter " + (i + 1) + " of " + noneOf.size() : NO;
      }
    }
    return null;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String s : small) {
      if (large.contains(s)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Starts a builder for a filter that accepts everything until restricted.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Filter}. */
  public static final class Builder {
    private Set<String> credentials = Set.of();
    private Set<String> idPrefixes = Set.of();
    private List<Filter> allOf = List.of();
    private Set<String> subjects = Set.of();
    private Set<String> competencies = Set.of();
    private Set<String> tags = Set.of();
    private int minLevel = Integer.MIN_VALUE;
    private int maxLevel = Integer.MAX_VALUE;
    private Set<String> issuers = Set.of();
    private Set<String> providers = Set.of();
    private Set<Origin> origins = Set.of();
    private Set<String> kinds = Set.of();
    private boolean creditBearingOnly;
    private boolean assessedOnly;
    private int withinYears;
    private LocalDate referenceDate;
    private List<Filter> anyOf = List.of();
    private List<Filter> noneOf = List.of();

    private Builder() {}

    /**
     * Restricts to named credentials.
     *
     * @param ids identifiers
     * @return this
     */
    public Builder credentials(String... ids) {
      credentials = Set.copyOf(Arrays.asList(ids));
      return this;
    }

    /**
     * Restricts to named credentials.
     *
     * @param ids identifiers
     * @return this
     */
    public Builder credentials(Set<String> ids) {
      credentials = ids;
      return this;
    }

    /**
     * Restricts to identifiers starting with one of the prefixes.
     *
     * @param v prefixes
     * @return this
     */
    public Builder idPrefixes(String... v) {
      idPrefixes = Set.copyOf(Arrays.asList(v));
      return this;
    }

    /**
     * Requires all of the filters to match as well.
     *
     * @param v filters
     * @return this
     */
    public Builder allOf(List<Filter> v) {
      allOf = v;
      return this;
    }

    /**
     * Restricts to subjects.
     *
     * @param v values
     * @return this
     */
    public Builder subjects(String... v) {
      subjects = Set.copyOf(Arrays.asList(v));
      return this;
    }

    /**
     * Restricts to competencies.
     *
     * @param v values
     * @return this
     */
    public Builder competencies(String... v) {
      competencies = Set.copyOf(Arrays.asList(v));
      return this;
    }

    /**
     * Restricts to tags.
     *
     * @param v values
     * @return this
     */
    public Builder tags(String... v) {
      tags = Set.copyOf(Arrays.asList(v));
      return this;
    }

    /**
     * Sets the minimum level.
     *
     * @param v level
     * @return this
     */
    public Builder minLevel(int v) {
      minLevel = v;
      return this;
    }

    /**
     * Sets the maximum level.
     *
     * @param v level
     * @return this
     */
    public Builder maxLevel(int v) {
      maxLevel = v;
      return this;
    }

    /**
     * Restricts to issuers.
     *
     * @param v values
     * @return this
     */
    public Builder issuers(String... v) {
      issuers = Set.copyOf(Arrays.asList(v));
      return this;
    }

    /**
     * Restricts to providers.
     *
     * @param v values
     * @return this
     */
    public Builder providers(String... v) {
      providers = Set.copyOf(Arrays.asList(v));
      return this;
    }

    /**
     * Restricts to origins.
     *
     * @param v values
     * @return this
     */
    public Builder origins(Origin... v) {
      origins = Set.copyOf(Arrays.asList(v));
      return this;
    }

    /**
     * Restricts to kinds.
     *
     * @param v values
     * @return this
     */
    public Builder kinds(String... v) {
      kinds = Set.copyOf(Arrays.asList(v));
      return this;
    }

    /**
     * Accepts only credit-bearing credentials.
     *
     * @return this
     */
    public Builder creditBearingOnly() {
      creditBearingOnly = true;
      return this;
    }

    /**
     * Accepts only assessed credentials.
     *
     * @return this
     */
    public Builder assessedOnly() {
      assessedOnly = true;
      return this;
    }

    /**
     * Accepts only credentials issued within {@code years} of the reference date (the audit date by default).
     *
     * @param years years, positive
     * @return this
     */
    public Builder withinYears(int years) {
      withinYears = years;
      return this;
    }

    /**
     * Sets the reference date of {@link #withinYears(int)}.
     *
     * @param date the date
     * @return this
     */
    public Builder referenceDate(LocalDate date) {
      referenceDate = date;
      return this;
    }

    /**
     * Requires one of the alternatives to match.
     *
     * @param v alternatives
     * @return this
     */
    public Builder anyOf(List<Filter> v) {
      anyOf = v;
      return this;
    }

    /**
     * Requires none of the filters to match.
     *
     * @param v filters
     * @return this
     */
    public Builder noneOf(List<Filter> v) {
      noneOf = v;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return the filter
     */
    public Filter build() {
      return new Filter(credentials, idPrefixes, subjects, competencies, tags, minLevel, maxLevel, issuers, providers, origins,
          kinds, creditBearingOnly, assessedOnly, withinYears, Optional.ofNullable(referenceDate), allOf, anyOf, noneOf);
    }
  }

  /**
   * Structural equality, computed without recursion and each shared subtree pair compared once, so a tree built in
   * Java 100,000 levels deep, or a DAG whose levels share children, compares in time linear in its distinct objects.
   *
   * @param o the other object
   * @return whether it is a Filter with equal components
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Filter other && Trees.equal(this, other);
  }

  /**
   * The hash code of the components, computed without recursion, each shared subtree once.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Trees.hash(this);
  }

  /**
   * The record's text, built without recursion and cut at 100,000 characters (ending in
   * {@code ...}).
   *
   * @return the text
   */
  @Override
  public String toString() {
    return Trees.text(this);
  }
}
