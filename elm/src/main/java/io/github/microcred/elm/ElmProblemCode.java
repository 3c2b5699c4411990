package io.github.microcred.elm;

import io.github.microcred.core.Code;

/**
 * What a problem of an {@link ElmReport} (a core {@link io.github.microcred.core.Issue}) is about. Each code belongs to
 * one {@link Category}.
 */
public enum ElmProblemCode implements Code {
  /**
   * The document is not JSON, not a {@code EuropeanDigitalCredential}, or not in the compact form of the VC 1.1 and
   * {@code edc-ap} contexts (so its keys cannot be read as ELM terms).
   */
  NOT_EDC(Category.SYNTAX),
  /** A mandatory EU Annex I element is missing (e.g. no learning outcome, no awarding body). */
  MISSING_MANDATORY(Category.ANNEX_I),
  /** An optional EU Annex I element is absent (e.g. no grade). */
  MISSING_OPTIONAL(Category.ANNEX_I),
  /** A concept that should come from an EU controlled vocabulary comes from elsewhere (e.g. a microcred URN). */
  NOT_IN_VOCABULARY(Category.VOCABULARY),
  /** A value one side cannot hold: the core model (on import) or ELM (on export) has no counterpart; it is lost. */
  NOT_CARRIED(Category.CONVERSION),
  /** A value carried in another form (e.g. a national level read from its label, a type listed twice written once). */
  CHANGED(Category.CONVERSION),
  /** A value that cannot be read (a malformed date, duration or number, one beyond its length bound): not carried. */
  INVALID_VALUE(Category.CONVERSION),
  /** Something EDC requires that the core model does not hold and the caller did not give (the issuer's eIDAS id). */
  EDC_REQUIREMENT_MISSING(Category.CONVERSION),
  /** The document carries a JAdES seal, which an import does not check (the {@code elm-jades} module does). */
  SEAL_NOT_CHECKED(Category.CONVERSION);

  /** The family a code belongs to. */
  public enum Category {
    /** JSON shape, type and contexts. */
    SYNTAX,
    /** The elements of the EU Council Recommendation 2022/C 243/02, Annex I. */
    ANNEX_I,
    /** EU Vocabularies controlled lists. */
    VOCABULARY,
    /** What an export or an import could not carry, or carried changed (the warnings of {@code ElmImport} and
     * {@code ElmCredential}). */
    CONVERSION
  }

  private final Category category;

  ElmProblemCode(Category category) {
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

  /** {@inheritDoc} Always {@code elm}. */
  @Override
  public String module() {
    return "elm";
  }
}
