package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Assessment;
import io.github.microcred.core.AssessmentComplexity;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Competency;
import io.github.microcred.core.Completeness;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.CriticalInformationSummary;
import io.github.microcred.core.DegreePathway;
import io.github.microcred.core.EquivalentLevel;
import io.github.microcred.core.FieldOfEducation;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.LearningSetting;
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
import io.github.microcred.core.Workload;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.ob3.MicroCredentials;
import io.github.microcred.vc.ob3.OpenBadgeCredential;
import io.github.microcred.vc.ob3.Profile;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusListSource;
import io.github.microcred.vc.status.StatusStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;
/**
 * {@code mcred demo}: the main job end to end, told in numbered steps with a one-line outcome each. Every artifact
 * is written to a folder ({@code mcred-demo/} by default) with the command that checks it again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the end-to-end story in numbered steps: define a micro-credential, issue and verify it as an "
        + "Open Badge, revoke it, publish it as CTDL, audit a learner's credentials and plan the rest. Every "
        + "artifact is written to --dir, with the command that checks it again.")
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--dir", paramLabel = "DIR", defaultValue = "mcred-demo",
      description = "Where to write the artifacts (created; existing files are replaced); default ${DEFAULT-VALUE}")
  Path dir;

  /** The learner of the story. */
  static final String LEARNER = "did:example:learner-1";

  @Override
  public Integer call() throws CliException {
    PrintWriter out = spec.commandLine().getOut();
    Story story = new Story(out, dir);
    out.println("mcred demo: a micro-credential from definition to stacking, in " + Story.STEPS + " steps; every "
        + "artifact is written to " + dir + "/");
    try {
      MicroCredential mc = defineStep(story);
      KeyPair issuer = keyStep(story);
      ObjectNode signed = issueStep(story, mc, issuer);
      verifyStep(story, signed);
      revocationStep(story, issuer);
      CtdlDemoStep.run(story, mc);
      ElmDemoStep.run(story, mc, issuer.publicKey().didKey());
      StackingDemoStep.run(story, mc, issuer);
    } catch (VcException e) {
      throw new CliException(Main.FAILED, "demo failed: " + e.getMessage());
    }
    out.println("done: " + Story.STEPS + " steps; the files are in " + dir + "/ (run the commands above to check "
        + "them again)");
    out.println("next: mcred serve runs the same steps as a W3C VC-API service on 127.0.0.1 (issue, verify, "
        + "revoke, OB3 awards, audits; mcred serve --help, README 'server')");
    out.flush();
    return Main.OK;
  }

  /**
   * Prints the numbered steps and writes their files: each step is one line {@code N. title: outcome}, each file
   * one indented line with the command that checks it again.
   */
  static final class Story {
    static final int STEPS = 9;
    private final PrintWriter out;
    private final Path dir;
    private int step;

    Story(PrintWriter out, Path dir) {
      this.out = out;
      this.dir = dir;
    }

    void step(String title, String outcome) {
      out.println((++step) + ". " + title + ": " + outcome);
      out.flush();
    }

    /** A detail line under the current step. */
    void detail(String line) {
      out.println("     " + line);
    }

    Path path(String name) {
      return dir.resolve(name);
    }

    /**
     * Writes a file of the story and names it, with the command that checks it (may be null).
     *
     * @return the path written
     */
    Path file(String name, String content, String check) {
      Path p = path(name);
      CliFiles.write(p, content);
      out.println("     " + p + (check == null ? "" : "   check: " + check.replace("{}", p.toString())));
      return p;
    }
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
        .workload(Workload.ofHours(50).withCredit(CreditValue.of(2, CreditUnit.ECTS)))
        .level(Level.eqf(6), Level.national("NFQ-IE", "7"))
        .equivalentLevel(EquivalentLevel.BACHELOR)
        .assessment(Assessment.of(AssessmentType.PROJECT, AssessmentType.PRESENTATION)
            .withDescription("A data project on an open public data set, presented to a panel.")
            .withComplexity(AssessmentComplexity.MULTIPLE_SKILLS_TO_COMPLEX_PROBLEMS)
            .withRubric(rubric))
        .participation(ParticipationMode.BLENDED)
        .learningSetting(LearningSetting.NON_FORMAL)
        .fieldOfEducation(FieldOfEducation.isced("0613"))
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

  /** 1. Define: the sample micro-credential, validated, with its completeness. */
  static MicroCredential defineStep(Story story) {
    MicroCredential m = sample();
    ValidationReport report = MicroCredentialValidator.validate(m);
    if (!report.valid()) {
      throw new CliException(Main.FAILED, "the sample micro-credential is invalid: " + report.summary());
    }
    Completeness c = Completeness.of(m);
    story.step("define the micro-credential (core model)", String.format(Locale.ROOT,
        "\"%s\", %s h, %s, %s; %s with %d warning(s); EU mandatory %.0f%%, EU optional %.0f%%, Oliver %.0f%%",
        m.title(), m.workload().hours().map(BigDecimal::toPlainString).orElse("?"), m.workload().credits().get(0), m.levels().get(0),
        report.valid() ? "valid" : "invalid", report.warnings().size(), c.euMandatory(), c.euOptional(),
        c.oliver()));
    story.file("micro-credential.json", m.toJson().toPrettyString(),
        "mcred validate --text {}");
    story.file("critical-information-summary.txt", CriticalInformationSummary.toText(m), null);
    return m;
  }

  /** 2. The issuer's key: a fresh Ed25519 {@code did:key}. */
  static KeyPair keyStep(Story story) throws VcException {
    KeyPair k = KeyPair.generate(KeyType.ED25519);
    story.step("create the issuer's signing key", "Ed25519, issuer " + k.publicKey().didKey());
    Path p = story.file("issuer-key.json", k.toKeyFile("jwk", SecretKeyAccess.get())
        .toPrettyString(), null);
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
          "rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: leave the default permissions
    }
    story.detail("(the private key: keep it secret; `mcred sign --key " + p + " ...` signs with it)");
    return k;
  }

  /**
   * 3. Issue: the micro-credential awarded to the learner as an unsigned Open Badges 3.0 credential, then signed with
   * {@code eddsa-rdfc-2022}.
   */
  static ObjectNode issueStep(Story story, MicroCredential mc, KeyPair issuerKey) throws VcException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    OpenBadgeCredential ob = MicroCredentials.toOpenBadge(mc,
        Profile.of(issuerKey.publicKey().didKey(), mc.awardingBodies().get(0).name()),
        LEARNER, "urn:uuid:" + UUID.randomUUID(), now);
    ObjectNode unsigned = ob.toJson();
    ObjectNode signed = Credentials.sign(unsigned, issuerKey,
        Cryptosuite.EDDSA_RDFC_2022).get();
    story.step("issue it to " + LEARNER, "OpenBadgeCredential " + signed.get("id").asText() + ", signed "
        + signed.at("/proof/cryptosuite").asText() + " by the issuer's did:key");
    story.file("credential-unsigned.json", unsigned.toPrettyString(),
        "mcred sign --key " + story.path("issuer-key.json") + " {} " + story.path("resigned.json"));
    story.file("credential-signed.json", signed.toPrettyString(), "mcred verify --text {}");
    return signed;
  }

  /** 4. Verify offline (pinned contexts, did:key); then one changed value makes verification fail. */
  static void verifyStep(Story story, ObjectNode signed) {
    VerificationResult r = Credentials.verify(signed).get();
    if (!r.verified()) {
      throw new CliException(Main.FAILED, "the freshly issued credential did not verify: " + r);
    }
    ObjectNode tampered = signed.deepCopy();
    ((ObjectNode) tampered.at("/credentialSubject/achievement")).put("name", "Data Analysis with Python (Advanced)");
    VerificationResult t = Credentials.verify(tampered).get();
    if (t.verified()) {
      throw new CliException(Main.FAILED, "a tampered credential verified");
    }
    long passed = r.checks().stream().filter(c -> c.outcome() == VerificationCheck.Outcome.PASSED).count();
    story.step("verify it offline, then tamper with it", "VERIFIED (" + passed + " checks passed); with the "
        + "achievement name changed: NOT VERIFIED, " + t.failures().get(0).name() + ": "
        + t.failures().get(0).message());
    story.file("credential-tampered.json", tampered.toPrettyString(), "mcred verify --text {}   (exit 1)");
  }

  /**
   * 5. Revocation: a {@code vc+jwt} with a Bitstring Status List entry from the embedded H2 store in the folder,
   * verified against the published list, revoked, republished, verified again: now it fails with the reason.
   */
  static void revocationStep(Story story, KeyPair issuerKey) throws VcException {
    String issuer = issuerKey.publicKey().didKey();
    String listUrl = "https://issuer.example/status/1";
    ObjectNode vc = CliFiles.JSON.createObjectNode();
    String jwt;
    String before;
    String after;
    long index;
    try (StatusStore store = JdbcStatusStore.open(JdbcStatusStore.embeddedH2Url(story.path("status")))) {
      StatusListManager status = StatusListManager.create(store);
      status.createList(StatusListDefinition.revocation(listUrl));
      StatusEntry entry = status.allocate(listUrl);
      index = entry.index();
      vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
      vc.putArray("type").add("VerifiableCredential");
      vc.put("issuer", issuer);
      vc.put("validFrom", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
          .toString());
      vc.putObject("credentialSubject").put("id", LEARNER);
      vc.set("credentialStatus", entry.toJson());
      jwt = VcJwt.sign(vc, issuerKey).get();
      before = VcJwt.sign(status.statusListCredential(listUrl, issuer, Instant.now()), issuerKey).get();
      status.revoke(listUrl, index);
      after = VcJwt.sign(status.statusListCredential(listUrl, issuer, Instant.now()), issuerKey).get();
    }
    JwtVerification ok = VcJwt.verify(jwt).withStatus(BitstringStatusCheck.create(StatusListSource.offline(
        Map.of(listUrl, before)))).get();
    if (!ok.verified()) {
      throw new CliException(Main.FAILED, "the fresh credential did not verify: " + ok.result());
    }
    JwtVerification revoked = VcJwt.verify(jwt).withStatus(BitstringStatusCheck.create(StatusListSource.offline(
        Map.of(listUrl, after)))).get();
    if (revoked.verified()) {
      throw new CliException(Main.FAILED, "the revoked credential still verified");
    }
    VerificationCheck reason = revoked.result().failures().get(0);
    story.step("revoke it (Bitstring Status List, vc+jwt)", "statusListIndex " + index + " of " + listUrl
        + ": VERIFIED before, NOT VERIFIED " + revoked.rejections() + " after revocation ("
        + reason.message().substring(reason.message().indexOf(": ") + 2) + ")");
    Path cred = story.file("credential-with-status.jwt", jwt, null);
    story.file("status-list.jwt", before, "mcred verify --text --status-list {} " + cred);
    story.file("status-list-revoked.jwt", after, "mcred verify --text --status-list {} " + cred + "   (exit 1)");
    story.detail(story.path("status") + ".mv.db   the status store: mcred status publish --db " + story.path("status")
        + " --list " + listUrl + " --key " + story.path("issuer-key.json") + " --format jwt LIST.jwt");
  }
}
