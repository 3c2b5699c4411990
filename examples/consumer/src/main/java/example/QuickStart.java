package example;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Assessment;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.Completeness;
import io.github.microcred.core.CreditConversions;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.MicroCredentialValidator;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ParticipationMode;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.core.ValidationReport;
import io.github.microcred.core.Workload;
import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlGraph;
import io.github.microcred.ctdl.CtdlImport;
import io.github.microcred.ctdl.CtdlReport;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Cap;
import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.OpenBadges;
import io.github.microcred.stacking.Origin;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.Transcript;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SignOptions;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.ob3.MicroCredentials;
import io.github.microcred.vc.ob3.Profile;
import io.github.microcred.vc.presentation.PresentationVerification;
import io.github.microcred.vc.presentation.Presentations;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusListOptions;
import io.github.microcred.vc.status.StatusListSource;
import io.github.microcred.vc.status.StatusStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The README's Quick start, as one program: every Java block of the README is a region of this file (the build
 * fails when they differ), and this project builds against the installed microcred artifacts exactly as the Quick
 * start says. It defines a micro-credential, issues and verifies it (Data Integrity and vc+jwt), presents it,
 * revokes it, publishes it as CTDL and audits it; it throws if any outcome is not the expected one.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the Quick start.
   *
   * @param args unused
   * @throws Exception if a step fails or an outcome is not the expected one
   */
  public static void main(String[] args) throws Exception {
    // region core
    MicroCredential mc = MicroCredential.builder("Data Literacy for Public Services")
        .id("https://credentials.example.edu/micro/data-literacy-101")   // optional: issuing mints a urn:uuid without it
        .shortDescription("Read, question and present data in public services.")  // CTDL requires a description
        .language("en")                                                   // ... and the language
        .issuerCountry("IE")
        .awardingBody(Organization.builder("Example Technological University").role(Organization.Role.AWARDING_BODY).build())
        .learningOutcome("Clean, reshape and summarise tabular data.")
        .workload(Workload.ofHours(50).withCredit(CreditValue.of(2, CreditUnit.ECTS)))  // the JSON's workload
        .level(Level.eqf(6))
        .assessment(Assessment.of(AssessmentType.PROJECT))                  // ... and assessment
        .participation(ParticipationMode.BLENDED)
        .qualityAssurance(new QualityAssurance(QualityAssuranceType.INTERNAL, "", List.of()))
        .build();

    ValidationReport report = MicroCredentialValidator.validate(mc);       // every problem, with JSON path and code
    Completeness c = Completeness.of(mc);                                  // EU mandatory / optional / Oliver, in %
    String json = mc.toJson().toPrettyString();                            // strict round trip
    MicroCredential back = MicroCredential.fromJson(json);
    CreditValue hours = CreditConversions.defaults().convert(CreditValue.of(2, CreditUnit.ECTS), CreditUnit.HOUR);
    Award award = Award.builder(mc, LearnerIdentity.did("did:example:learner"), Instant.now()).build();
    // endregion
    check(report.valid() && back.equals(mc) && c.euMandatory() == 100.0, "core: " + report.summary());
    check(hours.amount().compareTo(BigDecimal.valueOf(50)) == 0, "core: 2 ECTS = " + hours);
    check(award.microCredential().equals(mc), "core: award");

    // region vc
    KeyPair key = KeyPair.generate(KeyType.ED25519);                       // or P256 / P384, or KeyPair.fromKeyFile(path)
    KeyPair learnerKey = KeyPair.generate(KeyType.ED25519);
    String learner = learnerKey.publicKey().didKey();                      // the learner's DID (here a did:key)

    ObjectNode credential = Credentials.issue(mc, learner, key).get();    // OB3 OpenBadgeCredential, eddsa-rdfc-2022
    VerificationResult r = Credentials.verify(credential)
        .withClock(Clock.systemUTC())                      // validFrom/validUntil, 60 s skew by default
        .get();                                            // never throws for a bad credential
    r.verified();  r.checks();                             // SYNTAX, CONTEXTS, PROOF, PURPOSE_AND_CONTROLLER, ...

    // any VC 2.0 / OB3 document: sign it yourself
    ObjectNode unsignedVc = MicroCredentials.toOpenBadge(mc, Profile.of(key.publicKey().didKey(), "Example TU"),
        learner, "urn:uuid:" + UUID.randomUUID(), Instant.now()).toJson();
    SignOptions signing = SignOptions.defaults()          // one immutable value, reusable for many signings
        .withVerificationMethod(key.publicKey().didKeyVerificationMethod()); // the default; withCreated, withClock, ...
    ObjectNode signed = Credentials.sign(unsignedVc, key, Cryptosuite.EDDSA_RDFC_2022).withOptions(signing).get();
    // endregion
    check(r.verified(), "vc: " + r);
    check(Credentials.verify(signed).get().verified(), "vc: signed");
    ObjectNode tampered = credential.deepCopy();
    ((ObjectNode) tampered.at("/credentialSubject/achievement")).put("name", "Something else");
    check(!Credentials.verify(tampered).get().verified(), "vc: a tampered credential verified");

    // region jwt
    String jwt = VcJwt.sign(credential, key).get();          // typ vc+jwt, cty vc, alg from the key: EdDSA/ES256/ES384
    JwtVerification v = VcJwt.verify(jwt).get();
    v.verified();  v.rejections();                           // e.g. [KID_NOT_ISSUER], [ALG_NONE], [EXPIRED], [STATUS]

    String challenge = UUID.randomUUID().toString();
    ObjectNode vp = Presentations.create(learner, List.of(jwt, signed.toString()));
    String token = Presentations.signJwt(vp, learnerKey).withNonce(challenge).withAudience("https://employer.example")
        .get();                                              // vp+jwt
    PresentationVerification pv = Presentations.verify(token).withNonce(challenge)
        .withAudience("https://employer.example").requireHolderIsSubject().get();
    // endregion
    check(v.verified(), "jwt: " + v.result());
    check(pv.verified(), "presentation: " + pv);

    // region nested
    VerificationResult all = pv.result();          // or Credentials.verify(clr).get(), VcJwt.verify(jwt).get().result()
    for (VerificationResult.Nested n : all.nested()) {
      n.path();               // $.verifiableCredential[1]; in a CLR: $.credentialSubject.verifiableCredential[2]
      n.result().verified();  // its own checks, paths relative to the embedded credential
    }
    all.failures();           // a failed embedded credential: NESTED_CREDENTIALS at its path, so all.verified() is false
    // endregion
    check(all.nested().size() == 2 && all.nested().stream().allMatch(n -> n.result().verified()), "nested: " + all);

    // region status
    StatusStore store = JdbcStatusStore.open(JdbcStatusStore.embeddedH2Url(Path.of("target", "status")));  // or PostgreSQL
    StatusListManager status = StatusListManager.create(store);
    String listUrl = "https://example.edu/status/1";
    status.createList(StatusListDefinition.revocation(listUrl));
    StatusEntry entry = status.allocate(listUrl);                      // random order, never reused
    unsignedVc.set("credentialStatus", entry.toJson());                // BitstringStatusListEntry
    String withStatus = VcJwt.sign(unsignedVc, key).get();

    status.revoke(entry.list().id(), entry.index());                   // durable once it returns
    String published = status.publishJwt(listUrl, key, Instant.now());
    // or status.publishDataIntegrity(..); or statusListCredential(..) to sign it yourself (e.g. an https issuer)

    // verifier side: fetch (here offline), verify the list's own proof, decode once, cache for a TTL
    StatusCheck check = BitstringStatusCheck.create(StatusListSource.offline(Map.of(listUrl, published)),
        StatusListOptions.defaults().withTtl(Duration.ofMinutes(5)));
    JwtVerification revoked = VcJwt.verify(withStatus).withStatus(check).get();  // revoked -> STATUS failed
    store.close();
    // endregion
    check(!revoked.verified() && revoked.rejections().toString().contains("STATUS"), "status: " + revoked.result());

    // region ctdl
    CtdlGraph graph = Ctdl.export(mc);                        // Registry-ready graph, main resource first
    CtdlReport ctdlReport = graph.validate();                 // offline: pinned schema + minimum-data policy
    ctdlReport.errors().forEach(System.out::println);         // ERROR DOMAIN_VIOLATION at $['@graph'][0]...: ...
    CtdlImport imp = Ctdl.importRecord(graph.toJson());       // graph, envelope, node array, resource
    MicroCredential imported = imp.microCredential().orElseThrow();
    imp.warnings().forEach(System.out::println);              // WARNING NOT_MAPPED at $['@graph'][0]['ceterms:jurisdiction']: ...
    ObjectNode alignment = Ctdl.ob3Alignment(graph, mc.title());  // OB3 Achievement.alignment to the record
    Ctdl.classForAchievementType("MicroCredential");          // "ceterms:MicroCredential" (CE Open-Badge-Publisher's table)
    Ctdl.achievementTypeForClass("ceterms:DigitalBadge");     // Optional["Badge"]
    imp.duration();                                           // Optional["PT50H"]: estimated duration of the record
    // endregion
    check(ctdlReport.valid() && imported.title().equals(mc.title()), "ctdl: " + ctdlReport);
    check(alignment.path("targetCode").asText().startsWith("ce-"), "ctdl: alignment " + alignment);

    // region stacking
    Rules rules = Rules.builder("msc-data").unit("ECTS")
        .requirement(Requirement.allOf("root",
            Requirement.credential("intro", "https://credentials.example.edu/micro/data-literacy-101"),
            Requirement.equivalent("stats", "UniA:STAT1", "UniB:STAT-X"),
            Requirement.nOf("electives", 2,
                Requirement.credits("ml", 10, Filter.builder().subjects("ml").minLevel(6).build()),
                Requirement.count("data", 2, Filter.builder().tags("data").withinYears(5).build()),
                Requirement.ref("ethics"))))
        .define("ethics", Requirement.credits("eth", 5, Filter.builder().competencies("ethics").build()))
        .totalCredits(30).minResidence(10).validityYears(7)
        .cap(Cap.maxShare("prior learning", Filter.builder().origins(Origin.RPL, Origin.EXTERNAL).build(),
            new BigDecimal("0.33")))
        .cap(Cap.maxPerProvider("per provider", BigDecimal.TEN))
        .allowDoubleCounting("ml", "data")          // off unless whitelisted
        .build();                                   // or Rules.fromJson(text); schema: Rules.SCHEMA_RESOURCE

    // the learner's verified Open Badges credentials become the transcript
    Transcript transcript = Transcript.of(OpenBadges.mapping().map(credential).credential().orElseThrow());
    AuditResult audit = Stacking.audit(rules, transcript, LocalDate.now());
    audit.satisfied(); audit.assignments(); audit.requirements(); audit.exclusions();
    System.out.println(audit.summary());
    // endregion
    check(!audit.satisfied() && audit.summary().contains("[x] $/intro"), "stacking: " + audit.summary());

    System.out.println("quick start: issued, verified, presented, revoked, published and audited");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("unexpected outcome: " + what);
    }
  }
}
