package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SignOperation;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.ob3.MicroCredentials;
import io.github.microcred.vc.ob3.Profile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code mcred issue}: from a core micro-credential to a signed Open Badges 3.0 credential. */
@Command(name = "issue", mixinStandardHelpOptions = true,
    description = "Award a micro-credential (core JSON) to a learner as a signed OpenBadgeCredential: Data Integrity"
        + " (any cryptosuite that fits the key), a vc+jwt, an OB 3.0 JWT (RS256 with an RSA key), or an SD-JWT VC"
        + " (--format sd-jwt --disclose POINTER...).")
public final class IssueCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin KeyOptions key;

  @Option(names = "--credential", required = true, paramLabel = "MC.json",
      description = "The micro-credential, in the core JSON form")
  Path credential;

  @Option(names = "--learner", required = true, paramLabel = "DID", description = "The learner's DID (or IRI)")
  String learner;

  @Option(names = "--context", paramLabel = "URL=FILE",
      description = "Pin a JSON-LD context from FILE by its SHA-256 (printed), e.g. other bytes for a pinned URL; "
          + "URL=FILE#sha256=HEX also checks the hash; repeatable")
  List<String> contexts = new ArrayList<>();

  @Option(names = "--format", defaultValue = "di",
      description = "di (Data Integrity), jwt (VC-JOSE-COSE vc+jwt), ob3-jwt (the OB 3.0 JWT profile: typ JWT, vc"
          + " claim; RS256 with an rsa key) or sd-jwt (SD-JWT VC, dc+sd-jwt); default ${DEFAULT-VALUE}")
  String format;

  @Option(names = {"--cryptosuite", "--suite"}, paramLabel = "SUITE",
      description = "Data Integrity cryptosuite: eddsa-rdfc-2022 or eddsa-jcs-2022 (Ed25519 keys), ecdsa-rdfc-2019,"
          + " ecdsa-jcs-2019 (P-256 / P-384) or ecdsa-sd-2023 (P-256); default: the key type's rdfc suite")
  String suiteName;

  @CommandLine.Mixin SdJwtOptions sdJwt;

  @Parameters(index = "0", paramLabel = "OUT", description = "Where to write the signed credential")
  Path out;

  @CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() throws CliException {
    ContextPins pins = ContextPins.parse(contexts);
    List<Path> inputs = new ArrayList<>(List.of(credential, key.file));
    inputs.addAll(pins.files());
    ContextPins.refuseOverwrite(out, inputs);
    KeyPair k = key.read();
    MicroCredential mc = CliFiles.readMicroCredential(credential);
    CliFiles.iri("--learner", learner);
    sdJwt.refuseUnless(format);
    if (format.equals("sd-jwt")) {
      return issueSdJwt(mc, k);
    } else if (!format.equals("di") && !format.equals("jwt") && !format.equals("ob3-jwt")) {
      throw new CliException(Main.USAGE, "--format: expected di, jwt, ob3-jwt or sd-jwt, got '" + format + "'");
    }
    if (!format.equals("di") && (suiteName != null || !pins.isEmpty())) {
      throw new CliException(Main.USAGE, (suiteName != null ? "--cryptosuite" : "--context")
          + " applies to Data Integrity (--format di) only");
    }
    if (format.equals("di") && k.type() == KeyType.RSA) {
      throw new CliException(Main.USAGE, key.file + ": an RSA key signs JWTs only (--format ob3-jwt or jwt); no Data"
          + " Integrity suite takes it");
    }
    Cryptosuite suite = null;
    if (suiteName != null) {
      suite = Cryptosuite.byId(suiteName).orElseThrow(() -> new CliException(Main.USAGE,
          "--cryptosuite: expected one of " + Cryptosuite.supported() + ", got '" + suiteName + "'"));
      if (!suite.accepts(k.type())) {
        throw new CliException(Main.USAGE, "--cryptosuite: " + suite.id() + " does not take a " + k.type() + " key ("
            + key.file + ")");
      }
    }
    ObjectNode signed;
    try {
      SignOperation op = Credentials.issue(mc, learner, k).withDocumentLoader(pins.loader());
      if (format.equals("di")) {
        signed = (suite == null ? op : op.withCryptosuite(suite)).get();
        CliFiles.write(out, signed.toPrettyString() + "\n");
      } else {
        signed = op.document();
        String jwt = format.equals("jwt") ? VcJwt.sign(signed, k).get() : Ob3Jwt.sign(signed, k).get();
        CliFiles.write(out, jwt + "\n");
      }
    } catch (VcException e) {
      throw new CliException(Main.FAILED, credential + ": " + e.getMessage());
    }
    String achievement = signed.at("/credentialSubject/achievement/id").asText();
    PrintWriter stdout = spec.commandLine().getOut();
    if (report.text) {
      for (ContextPins.Pin p : pins.pins()) {
        stdout.println(p.describe());
      }
      stdout.println("issued OpenBadgeCredential " + credential + " -> " + out + " (" + describe(suite, k)
          + ", issuer " + k.publicKey().didKey()
          + ")" + (mc.id().isEmpty() ? "; the micro-credential has no id, so its achievement got " + achievement : ""));
    } else {
      stdout.println(CliFiles.JSON.createObjectNode().put("issued", out.toString())
          .put("format", format.equals("di") ? "data-integrity" : format.equals("jwt") ? "vc+jwt" : "ob3-jwt")
          .put("securedWith", describe(suite, k))
          .put("id", signed.path("id").asText()).put("issuer", k.publicKey().didKey()).put("learner", learner)
          .put("achievement", achievement).put("achievementIdMinted", mc.id().isEmpty())
          .set("contexts", CliFiles.JSON.valueToTree(pins.pins().stream().map(ContextPins.Pin::describe)
              .toList())).toPrettyString());
    }
    if (mc.id().isEmpty()) {
      spec.commandLine().getErr().println("note: " + credential + " has no id; the achievement id " + achievement
          + " was derived from its title and awarding bodies (give it an id to keep it stable)");
    }
    return Main.OK;
  }

  private String describe(Cryptosuite suite, KeyPair k) {
    switch (format) {
      case "jwt":
        return "vc+jwt " + VcJwt.algorithm(k.type());
      case "ob3-jwt":
        return "OB 3.0 JWT " + VcJwt.algorithm(k.type());
      default:
        return (suite != null ? suite : Cryptosuite.forKey(k.type())).id();
    }
  }

  /** The same OpenBadgeCredential as the Data Integrity path, issued as an SD-JWT VC. */
  private int issueSdJwt(MicroCredential mc, KeyPair k) throws CliException {
    String did = k.publicKey().didKey();
    ObjectNode unsigned;
    try {
      unsigned = MicroCredentials.toOpenBadge(mc, Profile.of(
          did, mc.awardingBodies().isEmpty() ? did : mc.awardingBodies().get(0).name()), learner,
          "urn:uuid:" + UUID.randomUUID(),
          Instant.now().truncatedTo(ChronoUnit.SECONDS)).toJson();
    } catch (VcException e) {
      throw new CliException(Main.FAILED, credential + ": " + e.getMessage());
    }
    CliFiles.write(out, sdJwt.issue(unsigned, k, null) + "\n");
    PrintWriter stdout = spec.commandLine().getOut();
    if (report.text) {
      stdout.println("issued OpenBadgeCredential " + credential + " -> " + out + " (SD-JWT VC, issuer " + did + ", "
          + sdJwt.disclose.size() + " disclosable claim(s))");
    } else {
      stdout.println(CliFiles.JSON.createObjectNode().put("issued", out.toString()).put("format", "dc+sd-jwt")
          .put("id", unsigned.path("id").asText()).put("issuer", did).put("learner", learner)
          .set("disclosable", CliFiles.JSON.valueToTree(sdJwt.disclose)).toPrettyString());
    }
    return Main.OK;
  }
}
