package io.github.microcred.elm;

import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.FieldOfEducation;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.LearningSetting;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ParticipationMode;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.core.Stackability;
import io.github.microcred.core.StackabilityOption;
import io.github.microcred.core.Workload;
import io.github.microcred.core.Assessment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** A micro-credential with every Annex I element, and the EDC reference files. */
final class Fixtures {
  private Fixtures() {}

  static final Organization UNIVERSITY = Organization.builder("University of Galway").id("https://www.universityofgalway.ie")
      .country("IE").url("https://www.universityofgalway.ie").email("registry@universityofgalway.ie")
      .role(Organization.Role.ISSUER, Organization.Role.AWARDING_BODY).build();
  static final Organization QQI = Organization.builder("Quality and Qualifications Ireland").country("IE")
      .url("https://www.qqi.ie").role(Organization.Role.QA_BODY).build();

  static MicroCredential microCredential() {
    return MicroCredential.builder("Data Analytics for Nurses")
        .id("https://credentials.example.ie/mc/data-analytics-nurses")
        .shortDescription("Analyse ward data with spreadsheets and basic statistics.")
        .certifiedLearning("Cleans, summarises and visualises clinical data sets.")
        .issuerCountry("IE")
        .awardingBody(UNIVERSITY)
        .learningOutcome("Clean a clinical data set", "Summarise data with descriptive statistics")
        .competency(Competency.of("use spreadsheets software", "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be"),
            Competency.of("data analysis", "https://www.onetonline.org/find/descriptor/result/2.A.2.a"))
        .workload(Workload.ofHours(125).withCredit(CreditValue.of(5, CreditUnit.ECTS)))
        .level(Level.eqf(6))
        .level(Level.national("NFQ-IE", "7"))
        .assessment(Assessment.of(AssessmentType.PROJECT, AssessmentType.EXAMINATION)
            .withDescription("A data project and a one-hour examination."))
        .participation(ParticipationMode.BLENDED)
        .learningSetting(LearningSetting.FORMAL)
        .fieldOfEducation(FieldOfEducation.isced("0913"), FieldOfEducation.isced("0688"))
        .qualityAssurance(new QualityAssurance(QualityAssuranceType.EXTERNAL, "Validated by QQI", List.of(QQI)))
        .prerequisite("A nursing qualification", "Basic spreadsheet skills")
        .identityVerification(IdentityVerification.ONSITE_ONE_FACTOR)
        .grading("Pass / Merit / Distinction")
        .stackability(new Stackability(StackabilityOption.STACKABLE, List.of("Certificate in Health Informatics"),
            "Counts towards the certificate"))
        .furtherInformation("https://www.universityofgalway.ie/data-analytics-nurses")
        .language("en")
        .build();
  }

  static Award award() {
    return Award.builder(microCredential(), LearnerIdentity.did("did:example:learner42"),
        Instant.parse("2026-06-30T12:00:00Z")).id("urn:uuid:7d0f4a3c-1b2e-4c5d-9e8f-0a1b2c3d4e5f")
        .learnerName("Aoife Murphy").grade("Merit").build();
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("edc/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource edc/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
