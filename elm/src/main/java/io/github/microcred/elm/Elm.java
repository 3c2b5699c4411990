package io.github.microcred.elm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Severity;
import io.github.microcred.elm.internal.ElmReader;
import io.github.microcred.elm.internal.ElmWriter;
import io.github.microcred.elm.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The front door of the elm module: the European Learning Model (ELM 3) as Europass Digital Credentials (EDC) write
 * and read it.
 *
 * <ul>
 *   <li>{@link #export(MicroCredential, Award)}: an award as an EDC {@code EuropeanDigitalCredential} (VC 1.1 +
 *       {@code edc-ap}) carrying every EU Annex I element ({@link #exporter()} to set the language or display
 *       image);</li>
 *   <li>{@link #importCredential(String)}: an EDC credential (bare, EDC's upload form, or the JAdES JSON
 *       serialization) back into the core model, with a warning for everything that did not map;</li>
 *   <li>{@link #check(String)}: which Annex I elements an ELM document lacks (EDC's SHACL shapes require far
 *       fewer).</li>
 * </ul>
 */
public final class Elm {
  /** The W3C VC 1.1 context EDC credentials use. */
  public static final String VC_CONTEXT = ElmWriter.VC_CONTEXT;
  /** The EDC application-profile context. */
  public static final String EDC_CONTEXT = ElmWriter.EDC_CONTEXT;
  /** The most characters {@link #importCredential(String)} and {@link #check(String)} read (16 Mi). */
  public static final int MAX_CHARS = Json.MAX_CHARS;
  /** The deepest nesting of the credential they read. */
  public static final int MAX_DEPTH = ElmReader.MAX_DEPTH;
  /** The most JSON values (objects, arrays, strings, numbers, literals) of a document they read. */
  public static final int MAX_VALUES = Json.MAX_VALUES;

  private Elm() {}

  /**
   * An exporter with the defaults (language from the micro-credential, placeholder display image).
   *
   * @return the exporter
   */
  public static ElmExporter exporter() {
    return new ElmExporter();
  }

  /**
   * Exports an award of a micro-credential as an unsigned EDC credential.
   *
   * @param microCredential the micro-credential
   * @param award its award to a learner
   * @return the credential and the export warnings
   * @throws ElmException see {@link ElmExporter#export(MicroCredential, Award)}
   */
  public static ElmCredential export(MicroCredential microCredential, Award award) throws ElmException {
    return exporter().export(microCredential, award);
  }

  /**
   * Imports an EDC credential, reading texts in English where several languages are given.
   *
   * @param json the credential, its upload form {@code {"credential": ...}}, or a JAdES JWS JSON serialization
   * @return the core model and the warnings
   * @throws ElmException {@link ElmErrorCode#INVALID_CREDENTIAL} when the text is not JSON (with line and column),
   *     or not an EDC credential in the compact form of its contexts (naming the path);
   *     {@link ElmErrorCode#LIMIT_EXCEEDED} beyond {@link #MAX_CHARS}, {@link #MAX_DEPTH} or {@link #MAX_VALUES}
   */
  public static ElmImport importCredential(String json) throws ElmException {
    return importCredential(parse(json));
  }

  /**
   * Imports a parsed EDC credential; see {@link #importCredential(String)}.
   *
   * @param document the JSON tree
   * @return the core model and the warnings
   * @throws ElmException {@link ElmErrorCode#INVALID_CREDENTIAL} when it is not an EDC credential;
   *     {@link ElmErrorCode#LIMIT_EXCEEDED} when nested deeper than {@link #MAX_DEPTH} or with more than
   *     {@link #MAX_VALUES} values
   */
  public static ElmImport importCredential(JsonNode document) throws ElmException {
    ElmReader.Result r = read(document);
    List<Issue> w = new ArrayList<>();
    for (ElmReader.Warning x : r.warnings) {
      w.add(Issue.warning(x.path(), x.code(), x.message()));
    }
    return new ElmImport(r.microCredential, r.award, w);
  }

  /**
   * Checks an ELM document for the EU Annex I elements: a {@link ElmProblemCode#MISSING_MANDATORY} error for each
   * mandatory element it lacks, {@link ElmProblemCode#MISSING_OPTIONAL} information for each optional one, and a
   * {@link ElmProblemCode#NOT_IN_VOCABULARY} warning for each microcred concept where EDC expects an EU one and for
   * each concept that is not a term of the EU scheme its property takes (path and term named: an unknown code, a term
   * of another scheme, an IRI that differs from a term in http/https, a trailing slash or letter case). A
   * document that is not an EDC credential gives one {@link ElmProblemCode#NOT_EDC} error.
   *
   * @param json the document
   * @return the report
   */
  public static ElmReport check(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return check(parse(json));
    } catch (ElmException e) {
      return new ElmReport(List.of(new Issue("$", ElmProblemCode.NOT_EDC, Severity.ERROR, e.getMessage())));
    }
  }

  /**
   * Checks a parsed ELM document; see {@link #check(String)}.
   *
   * @param document the JSON tree
   * @return the report
   */
  public static ElmReport check(JsonNode document) {
    Objects.requireNonNull(document, "document");
    ElmReader.Result r;
    try {
      r = read(document);
    } catch (ElmException e) {
      return new ElmReport(List.of(new Issue("$", ElmProblemCode.NOT_EDC, Severity.ERROR, e.getMessage())));
    }
    List<Issue> problems = new ArrayList<>();
    for (ElmReader.Element e : ElmReader.Element.values()) {
      if (!r.found.contains(e)) {
        problems.add(e.mandatory()
            ? new Issue(e.path(), ElmProblemCode.MISSING_MANDATORY, Severity.ERROR, "Annex I element '"
                + AnnexI.name(e) + "' is missing (mandatory)")
            : new Issue(e.path(), ElmProblemCode.MISSING_OPTIONAL, Severity.INFO, "Annex I element '"
                + AnnexI.name(e) + "' is absent (optional)"));
      }
    }
    for (String[] c : r.ownConcepts) {
      problems.add(new Issue(c[0], ElmProblemCode.NOT_IN_VOCABULARY, Severity.WARNING, "concept " + c[1]
          + " is a microcred concept, not one of EU Vocabularies (EDC's full shapes check controlled lists)"));
    }
    for (ElmReader.Warning w : r.warnings) {
      if (w.code() == ElmProblemCode.NOT_IN_VOCABULARY) {
        problems.add(new Issue(w.path(), w.code(), Severity.WARNING, w.message()));
      }
    }
    return new ElmReport(problems);
  }

  private static ElmReader.Result read(JsonNode document) throws ElmException {
    Objects.requireNonNull(document, "document");
    try {
      return ElmReader.read(document, "en");
    } catch (Json.LimitExceeded e) {
      throw new ElmException(ElmErrorCode.LIMIT_EXCEEDED, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ElmException(ElmErrorCode.INVALID_CREDENTIAL, e.getMessage(), e);
    }
  }

  private static JsonNode parse(String json) throws ElmException {
    Objects.requireNonNull(json, "json");
    try {
      return Json.parse(json);
    } catch (Json.LimitExceeded e) {
      throw new ElmException(ElmErrorCode.LIMIT_EXCEEDED, e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ElmException(ElmErrorCode.INVALID_CREDENTIAL, Json.describe(e), e);
    }
  }

  /** The Annex I names of the reader's elements. */
  static final class AnnexI {
    private AnnexI() {}

    static String name(ElmReader.Element e) {
      return switch (e) {
        case LEARNER -> "identification of the learner";
        case TITLE -> "title of the micro-credential";
        case COUNTRY -> "country/region of the issuer";
        case AWARDING_BODY -> "awarding body";
        case ISSUE_DATE -> "date of issuing";
        case LEARNING_OUTCOMES -> "learning outcomes";
        case WORKLOAD -> "notional workload";
        case LEVEL -> "level (EQF / NQF)";
        case ASSESSMENT -> "type of assessment";
        case PARTICIPATION -> "form of participation";
        case QUALITY_ASSURANCE -> "type of quality assurance";
        case PREREQUISITES -> "prerequisites";
        case SUPERVISION -> "supervision and identity verification";
        case GRADE -> "grade achieved";
        case STACKABILITY -> "integration / stackability options";
        case FURTHER_INFORMATION -> "further information";
      };
    }
  }
}
