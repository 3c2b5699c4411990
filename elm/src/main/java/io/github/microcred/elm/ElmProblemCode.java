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
  NOT_IN_VOCABULARY(Category.VOCABULARY);

  /** The family a code belongs to. */
  public enum Category {
    /** JSON shape, type and contexts. */
    SYNTAX,
    /** The elements of the EU Council Recommendation 2022/C 243/02, Annex I. */
    ANNEX_I,
    /** EU Vocabularies controlled lists. */
    VOCABULARY
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
