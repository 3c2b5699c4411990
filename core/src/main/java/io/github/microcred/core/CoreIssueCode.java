package io.github.microcred.core;

/**
 * What an {@link Issue} of core validation ({@link MicroCredentialValidator}, {@link Completeness}, the model's JSON
 * readers) is about. Each code is an error or a warning, as its description says.
 */
public enum CoreIssueCode implements Code {
  // ---------------------------------------------------------------- syntax and binding (errors)
  /** The input is not JSON (the message gives line and column), is empty, or is not a JSON object. */
  MALFORMED_JSON,
  /** A value of the wrong JSON type, e.g. a string where an object is expected. */
  WRONG_TYPE,
  /** A property that the model does not define; never silently dropped. */
  UNKNOWN_PROPERTY,
  /** A required property is missing or has no usable value (the message says what was expected). */
  MISSING_FIELD,
  /** A string that must not be blank is blank. */
  BLANK_VALUE,
  /** An enumerated value that is not one of its allowed names (the message lists them). */
  UNKNOWN_VALUE,
  /** A date that is not ISO 8601 {@code YYYY-MM-DD}. */
  INVALID_DATE,
  /** A date-time that is not ISO 8601 with an offset. */
  INVALID_DATE_TIME,
  /** A validity period that is not an ISO 8601 period. */
  INVALID_PERIOD,
  /** A credit value that cannot be built (e.g. a negative amount). */
  INVALID_CREDIT,
  /** A level that cannot be built (e.g. an EQF level outside 1 to 8). */
  INVALID_LEVEL,
  /** A field of education that is not an ISCED-F 2013 code. */
  INVALID_FIELD_OF_EDUCATION,
  /** A rubric that cannot be built (points, pass threshold, weights or criteria out of range). */
  INVALID_RUBRIC,
  /** A competency that cannot be built. */
  INVALID_COMPETENCY,
  /** An organisation that cannot be built. */
  INVALID_ORGANIZATION,
  /** A learner identity that cannot be built (e.g. a DID that is not a DID). */
  INVALID_LEARNER,
  /** An assessment result of an award that cannot be built. */
  INVALID_RESULT,
  /** An evidence entry of an award that cannot be built. */
  INVALID_EVIDENCE,
  /** An award that cannot be built from otherwise readable parts. */
  INVALID_AWARD,
  /** Workload hours below zero. */
  NEGATIVE_HOURS,

  // ---------------------------------------------------------------- EU Annex I mandatory elements (errors)
  /** EU Annex I: the title is missing. */
  MISSING_TITLE,
  /** EU Annex I: the country of the issuer is missing. */
  MISSING_ISSUER_COUNTRY,
  /** EU Annex I: no awarding body. */
  MISSING_AWARDING_BODY,
  /** EU Annex I: no learning outcomes. */
  MISSING_LEARNING_OUTCOMES,
  /** EU Annex I: no notional workload (hours or credits). */
  MISSING_WORKLOAD,
  /** EU Annex I: no level (EQF and/or national framework). */
  MISSING_LEVEL,
  /** EU Annex I: no type of assessment. */
  MISSING_ASSESSMENT_TYPE,
  /** EU Annex I: no form of participation. */
  MISSING_PARTICIPATION,
  /** EU Annex I: no quality assurance. */
  MISSING_QUALITY_ASSURANCE,
  /** EU Annex I: a quality assurance entry without its type. */
  MISSING_QA_TYPE,
  /** An award without the awarded micro-credential. */
  MISSING_MICRO_CREDENTIAL,
  /** EU Annex I: an award without the identification of the learner. */
  MISSING_LEARNER,
  /** EU Annex I: an award without its date of issuing. */
  MISSING_ISSUE_DATE,

  // ---------------------------------------------------------------- malformed values (errors)
  /** An issuer country that is neither an ISO 3166-1 alpha-2 code ({@code IE}) nor an ISO 3166-2 code ({@code DE-BY}). */
  INVALID_COUNTRY,
  /** A language that is not a BCP 47 tag. */
  INVALID_LANGUAGE,
  /** An identifier that is not an absolute URI. */
  INVALID_URI,
  /** The same credit unit given twice in the workload. */
  DUPLICATE_CREDIT_UNIT,
  /** The validator itself failed on the input; a bug to report, never a verdict on the document. */
  INTERNAL_ERROR,

  // ---------------------------------------------------------------- recommendations (warnings)
  /** Oliver's summary: a short description over 30 words. */
  SHORT_DESCRIPTION_TOO_LONG,
  /** Oliver's summary: a certified-learning statement over 100 words. */
  CERTIFIED_LEARNING_TOO_LONG,
  /** A stated kind that overrides the kind derived from the hours. */
  KIND_OVERRIDDEN,
  /** Hours outside every kind's band. */
  HOURS_OUTSIDE_KIND_BANDS,
  /** Credits and hours that disagree by more than a factor of 2 under the default conversion policy. */
  WORKLOAD_CREDIT_MISMATCH,
  /** Stated credit-bearing, but no credit is given. */
  CREDIT_BEARING_WITHOUT_CREDIT,
  /** An equivalent level that differs from the one the EQF level implies. */
  EQUIVALENT_LEVEL_MISMATCH;

  /** {@inheritDoc} Always {@code core}. */
  @Override
  public String module() {
    return "core";
  }
}
