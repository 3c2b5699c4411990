package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusListSource;
import io.github.microcred.core.AssessmentComplexity;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Competency;
import io.github.microcred.core.Completeness;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.CriticalInformationSummary;
import io.github.microcred.core.DegreePathway;
import io.github.microcred.core.EquivalentLevel;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.MicroCredentialValidator;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ParticipationMode;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.core.Rubric;
import io.github.microcred.core.Stackability;
import io.github.microcred.core.StackabilityOption;
import io.github.microcred.core.ValidationReport;
import io.github.microcred.core.ValidityPolicy;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mcred demo}: the main job end to end, one step method per stage. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the end-to-end demonstration.")
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws CliException {
    PrintWriter out = spec.commandLine().getOut();
    try {
      modelStep(out);
      issueAndVerifyStep(out);
      revocationStep(out);
      ctdlStep(out);
      StackingDemoStep.run(out, sample());
    } catch (VcException e) {
      throw new CliException(Main.FAILED, "demo failed: " + e.getMessage());
    }
    out.flush();
    return Main.OK;
  }

  /**
   * The sample micro-credential of the demo, built with the core builders; equal to
   * {@code examples/micro-credential.json}.
   *
   * @return the micro-credential
   */
  static MicroCredential sample() {
    Organization etu = Organization.builder("Example Technological University")
        .id("https://credentials.example.edu/issuers/etu").country("IE").url("https://www.example.edu")
        .role(Organization.Role.ISSUER, Organization.Role.AWARDING_BODY).build();
    Organization qqi = Organization.builder("Quality and Qualifications Ireland").id("https://www.qqi.ie").country("IE")
        .role(Organization.Role.QA_BODY).build();
    List<String> scale = List.of("Not shown", "Emerging", "Developing", "Proficient", "Exemplary");
    Rubric rubric = new Rubric("Data project rubric", 5, List.of(
        new Rubric.Criterion("sourcing", "Finding and assessing data", BigDecimal.ONE, scale, 2),
        new Rubric.Criterion("analysis", "Cleaning and summarising", BigDecimal.valueOf(2), scale, 3),
        new Rubric.Criterion("communication", "Charts and explanation", BigDecimal.ONE, scale, 2)),
        new BigDecimal("0.5"));
    return MicroCredential.builder("Data Literacy for Public Services")
        .id("https://credentials.example.edu/micro/data-literacy-101")
        .shortDescription("Read, question and present data to support evidence-based decisions in public services.")
        .certifiedLearning("The learner can find and assess public data sets, clean and summarise tabular data with a"
            + " spreadsheet, choose and build an honest chart, and explain the limits of a data-based conclusion to a"
            + " non-specialist audience.")
        .issuerCountry("IE")
        .awardingBody(etu)
        .learningOutcome("Locate and evaluate the quality of open public data sets.",
            "Clean, reshape and summarise tabular data.",
            "Choose and build a chart that fits the question and the data.",
            "Explain the uncertainty and limits of a data-based conclusion.")
        .hours(50)
        .credit(CreditValue.of(2, CreditUnit.ECTS))
        .level(Level.eqf(6), Level.national("NFQ-IE", "7"))
        .equivalentLevel(EquivalentLevel.BACHELOR)
        .assessmentType(AssessmentType.PROJECT, AssessmentType.PRESENTATION)
        .assessmentDescription("A data project on an open public data set, presented to a panel.")
        .assessmentComplexity(AssessmentComplexity.MULTIPLE_SKILLS_TO_COMPLEX_PROBLEMS)
        .rubric(rubric)
        .participation(ParticipationMode.BLENDED)
        .qualityAssurance(new QualityAssurance(QualityAssuranceType.EXTERNAL,
            "Validated under the university's QQI-approved quality assurance procedures.", List.of(qqi)))
        .prerequisite("Basic spreadsheet use")
        .identityVerification(IdentityVerification.ONLINE_ONE_FACTOR)
        .grading("Pass / fail on the rubric; distinction at a weighted score of 0.8 or more.")
        .stackability(new Stackability(StackabilityOption.STACKABLE,
            List.of("Certificate in Public Sector Analytics (10 ECTS)"),
            "One of five micro-credentials that stack into the certificate."))
        .furtherInformation("https://www.example.edu/micro/data-literacy")
        .creditBearing(true)
        .competency(Competency.of("analyse big data",
                "http://data.europa.eu/esco/skill/e2a2a9f4-6b6e-4cd6-9a8c-3c1c4f5e0a7d"),
            Competency.of("Data visualisation", "https://www.onetonline.org/find/descriptor/result/2.A.2.b"))
        .language("en", "ga")
        .validity(ValidityPolicy.noExpiry())
        .entryToDegree(DegreePathway.none())
        .creditForDegree(DegreePathway.credit(CreditValue.of(2, CreditUnit.ECTS), List.of("BSc in Public Sector Analytics")))
        .build();
  }

  /**
   * The model: build the sample micro-credential, validate it, print Oliver's summary and its completeness.
   *
   * @param out where to report
   */
  static void modelStep(PrintWriter out) {
    out.println("== micro-credential (core)");
    MicroCredential m = sample();
    ValidationReport report = MicroCredentialValidator.validate(m);
    out.print(CriticalInformationSummary.toText(m));
    Completeness c = Completeness.of(m);
    out.printf(java.util.Locale.ROOT, "completeness: EU mandatory %.0f%%, EU optional %.0f%%, Oliver %.0f%%%n",
        c.euMandatory(), c.euOptional(), c.oliver());
    out.println("validation: " + report.summary());
    if (!report.isValid()) {
      throw new CliException(Main.FAILED, "the sample micro-credential is invalid");
    }
  }

  /**
   * CTDL: the sample micro-credential as a Credential Registry graph, validated offline, with its OB3 alignment.
   *
   * @param out where to report
   */
  static void ctdlStep(PrintWriter out) {
    CtdlDemoStep.run(out, sample());
  }

  /**
   * Issue and verify: a core micro-credential is awarded to a learner as an Open Badges 3.0 credential, signed with
   * {@code eddsa-rdfc-2022} by a fresh {@code did:key}, and verified offline (pinned contexts); then one changed
   * value makes verification fail.
   *
   * @param out where to report
   * @throws VcException if the demo itself breaks
   * @throws CliException if a verification does not come out as expected
   */
  static void issueAndVerifyStep(PrintWriter out) throws VcException {
    out.println("== issue and verify (Open Badges 3.0, Data Integrity eddsa-rdfc-2022)");
    MicroCredential mc = sample();
    KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
    ObjectNode signed = io.github.microcred.vc.Credentials.issue(mc, "did:example:learner-1", issuerKey).get();
    out.println("issued " + signed.get("id").asText() + " by " + issuerKey.publicKey().didKey());
    io.github.microcred.vc.VerificationResult r = io.github.microcred.vc.Credentials.verify(signed).get();
    r.checks().forEach(c -> out.println("  " + c.outcome() + " " + c.name() + ": " + c.message()));
    if (!r.verified()) {
      throw new CliException(Main.FAILED, "the freshly issued credential did not verify");
    }
    ObjectNode tampered = signed.deepCopy();
    ((ObjectNode) tampered.at("/credentialSubject/achievement")).put("name", "Data Analysis with Python (Advanced)");
    io.github.microcred.vc.VerificationResult t = io.github.microcred.vc.Credentials.verify(tampered).get();
    if (t.verified()) {
      throw new CliException(Main.FAILED, "a tampered credential verified");
    }
    out.println("tampered achievement name -> NOT VERIFIED: " + t.failures().get(0).message());
  }

  /**
   * Revocation: issue a credential with a Bitstring Status List entry as a {@code vc+jwt}, verify it against the
   * published list, revoke it, republish, verify again: now it fails with the reason.
   *
   * @param out where to report
   * @throws VcException if the demo itself breaks
   * @throws CliException if a verification does not come out as expected
   */
  static void revocationStep(PrintWriter out) throws VcException {
    out.println("== revocation (Bitstring Status List, vc+jwt)");
    KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
    String issuer = issuerKey.publicKey().didKeyVerificationMethod().split("#")[0];
    String listUrl = "https://issuer.example/status/1";
    StatusListManager status = StatusListManager.create(new InMemoryStatusStore());
    status.createList(StatusListDefinition.revocation(listUrl));
    StatusEntry entry = status.allocate(listUrl);

    ObjectNode vc = StatusCommand.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.putArray("type").add("VerifiableCredential");
    vc.put("issuer", issuer);
    vc.put("validFrom", Instant.now().minusSeconds(60).toString());
    vc.putObject("credentialSubject").put("id", "did:example:learner");
    vc.set("credentialStatus", entry.toJson());
    String jwt = VcJwt.sign(vc, issuerKey).get();
    out.println("issued a vc+jwt with statusListIndex " + entry.index() + " of " + listUrl);

    Map<String, String> published = new HashMap<>();
    published.put(listUrl, VcJwt.sign(status.statusListCredential(listUrl, issuer, Instant.now()), issuerKey).get());
    JwtVerification before = VcJwt.verify(jwt)
        .withStatus(BitstringStatusCheck.create(StatusListSource.offline(published))).get();
    out.println("verify:            " + (before.verified() ? "VERIFIED" : "NOT VERIFIED " + before.rejections()));
    if (!before.verified()) {
      throw new CliException(Main.FAILED, "the fresh credential did not verify: " + before.result());
    }

    status.revoke(listUrl, entry.index());
    published.put(listUrl, VcJwt.sign(status.statusListCredential(listUrl, issuer, Instant.now()), issuerKey).get());
    out.println("revoked statusListIndex " + entry.index() + " and republished the list");
    JwtVerification after = VcJwt.verify(jwt)
        .withStatus(BitstringStatusCheck.create(StatusListSource.offline(published))).get();
    if (after.verified()) {
      throw new CliException(Main.FAILED, "the revoked credential still verified");
    }
    VerificationCheck reason = after.result().failures().get(0);
    String why = reason.message().substring(reason.message().indexOf(": ") + 2);
    out.println("verify again:      NOT VERIFIED " + after.rejections() + " " + why);
  }
}
