package io.github.microcred.ctdl;

import io.github.microcred.core.Code;
import io.github.microcred.core.Issue;

/**
 * What a CTDL {@link Issue} is about: a finding of {@link Ctdl#validate} ({@link CtdlReport#problems()}) or a
 * warning of {@link Ctdl#importRecord} ({@link CtdlImport#warnings()}). Each code belongs to one {@link Category}.
 */
public enum CtdlProblemCode implements Code {
  /** The input is not JSON, or not a graph, envelope, node list or single resource. */
  NOT_A_GRAPH(Category.SYNTAX),
  /** The {@code @context} is missing, legacy ({@code http://}) or not a CTDL context. */
  CONTEXT(Category.SYNTAX),
  /** A property key that neither the CTDL nor the CTDL-ASN schema nor their contexts declare. */
  UNKNOWN_TERM(Category.SCHEMA),
  /** A key that the JSON-LD context maps but the pinned schema does not declare (domain and range unknown). */
  UNDECLARED_TERM(Category.SCHEMA),
  /** An {@code @type} that the schema does not declare as a class. */
  UNKNOWN_CLASS(Category.SCHEMA),
  /** An abstract class ({@code ceterms:Credential}, {@code ceterms:Degree}) used as the type of a resource. */
  ABSTRACT_CLASS(Category.SCHEMA),
  /** A node without {@code @type}. */
  MISSING_TYPE(Category.SCHEMA),
  /** A property used on a node whose class is not in the property's {@code schema:domainIncludes}. */
  DOMAIN_VIOLATION(Category.SCHEMA),
  /** A value outside the property's {@code schema:rangeIncludes}. */
  RANGE_VIOLATION(Category.SCHEMA),
  /** A concept value that is not a concept of the property's {@code meta:targetScheme}. */
  CONCEPT_NOT_IN_SCHEME(Category.SCHEMA),
  /** A {@code ceterms:ctid} that is not {@code ce-} followed by a lowercase UUID, or that differs from the {@code @id}. */
  INVALID_CTID(Category.SCHEMA),
  /** A {@code _:} reference to a blank node that the graph does not contain. */
  UNRESOLVED_REFERENCE(Category.SCHEMA),
  /** Text given as a plain string where CTDL expects a language map. */
  LANGUAGE_MAP_EXPECTED(Category.SCHEMA),
  /** A term whose schema status is {@code vs:unstable}. */
  UNSTABLE_TERM(Category.SCHEMA),
  /** A property the minimum-data policy requires for the class is missing. */
  MISSING_REQUIRED(Category.POLICY),
  /** A property the minimum-data policy recommends for the class is missing. */
  MISSING_RECOMMENDED(Category.POLICY),
  /** Import: a property, value or node that the core model has no place for; it is left out of the model. */
  NOT_MAPPED(Category.IMPORT),
  /** Import: only part of a value is mapped (the first of several texts, one language of a language map). */
  PARTLY_MAPPED(Category.IMPORT),
  /** Import: a legacy or non-canonical shape (http:// context, legacy link, upper-case CTID) read as its current form. */
  LEGACY_SHAPE(Category.IMPORT),
  /** Import: a value that does not parse (e.g. a duration that is not ISO 8601); it is not read. */
  UNREADABLE_VALUE(Category.IMPORT),
  /** Import: a value the core model requires is missing from the record and was given a default. */
  DEFAULTED(Category.IMPORT),
  /** Import: a value mapped to the nearest core equivalent, losing a distinction CTDL makes. */
  APPROXIMATED(Category.IMPORT),
  /** Import: the input is a Registry Assistant request; the graph or resource it carries is read. */
  REQUEST_UNWRAPPED(Category.IMPORT);

  /** The family a code belongs to. */
  public enum Category {
    /** JSON shape and context. */
    SYNTAX,
    /** The pinned CTDL / CTDL-ASN schema: terms, domains, ranges, concept schemes, identifiers. */
    SCHEMA,
    /** Credential Engine's minimum-data policy. */
    POLICY,
    /** What an import did not map to the core model, or normalised. */
    IMPORT
  }

  private final Category category;

  CtdlProblemCode(Category category) {
    this.category = category;
  }

  /**
   * Returns the family of this code.
   *
   * @return the category
   */
  public Category category() {
    return category;
  }

  /**
   * The CTDL code of an issue that a ctdl report or import produced.
   *
   * @param issue the issue
   * @return its code
   * @throws IllegalArgumentException if the issue's code is not a CTDL code
   */
  public static CtdlProblemCode of(Issue issue) {
    if (issue.code() instanceof CtdlProblemCode c) {
      return c;
    }
    throw new IllegalArgumentException("not a ctdl code: " + issue.code().module() + " " + issue.code().name());
  }

  /** {@inheritDoc} Always {@code ctdl}. */
  @Override
  public String module() {
    return "ctdl";
  }
}
