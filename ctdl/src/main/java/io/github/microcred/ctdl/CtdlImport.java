package io.github.microcred.ctdl;

import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link Ctdl#importRecord}: the core model of the record's main resource and every warning.
 * Credentials, learning opportunities and assessments become a {@link MicroCredential}; organizations an
 * {@link Organization}; competency frameworks a micro-credential whose learning outcomes are the competencies;
 * pathways a micro-credential named after the pathway. Anything else keeps only its type, CTID and name.
 */
public final class CtdlImport {
  private final String ctdlType;
  private final String ctid;
  private final String name;
  private final MicroCredential microCredential;
  private final Organization organization;
  private final String duration;
  private final List<Issue> warnings;

  CtdlImport(String ctdlType, String ctid, String name, MicroCredential mc, Organization org, String duration,
      List<Issue> warnings) {
    this.ctdlType = Objects.requireNonNull(ctdlType, "ctdlType");
    this.ctid = ctid;
    this.name = name;
    this.microCredential = mc;
    this.organization = org;
    this.duration = duration;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The CTDL class of the main resource, e.g. {@code ceterms:Certification}.
   *
   * @return the class CURIE ("" when the record has no {@code @type})
   */
  public String ctdlType() {
    return ctdlType;
  }

  /**
   * The CTID of the main resource, normalised to lower case.
   *
   * @return the CTID, if the record has one
   */
  public Optional<String> ctid() {
    return Optional.ofNullable(ctid);
  }

  /**
   * The name of the main resource (first language).
   *
   * @return the name, if any
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * The micro-credential, when the main resource is an offering.
   *
   * @return the micro-credential
   */
  public Optional<MicroCredential> microCredential() {
    return Optional.ofNullable(microCredential);
  }

  /**
   * The organization, when the main resource is an organization.
   *
   * @return the organization
   */
  public Optional<Organization> organization() {
    return Optional.ofNullable(organization);
  }

  /**
   * The estimated duration of the main resource ({@code ceterms:estimatedDuration}): its ISO 8601
   * {@code exactDuration}, or {@code minimumDuration..maximumDuration} when only a range is given (either end may
   * be missing). A {@code timeRequired} workload becomes the micro-credential's hours instead.
   *
   * @return the duration, if the record has one
   */
  public Optional<String> duration() {
    return Optional.ofNullable(duration);
  }

  /**
   * Every property that did not map, and every legacy shape that was normalised, with its JSON path: issues of
   * severity {@link io.github.microcred.core.Severity#WARNING} whose codes are the {@link CtdlProblemCode.Category#IMPORT}
   * codes.
   *
   * @return the warnings
   */
  public List<Issue> warnings() {
    return warnings;
  }
}
