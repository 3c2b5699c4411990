package io.github.microcred.cli;

import io.github.microcred.core.CoreException;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.MicroCredentialJson;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred issue}: from a core micro-credential to a signed Open Badges 3.0 credential. */
@Command(name = "issue", mixinStandardHelpOptions = true,
    description = "Award a micro-credential (core JSON) to a learner as a signed OpenBadgeCredential (Data Integrity, "
        + "or SD-JWT VC with --format sd-jwt --disclose POINTER...).")
public final class IssueCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "The issuer's key file")
  Path key;

  @Option(names = "--credential", required = true, paramLabel = "MC.json",
      description = "The micro-credential, in the core JSON form")
  Path credential;

  @Option(names = "--learner", required = true, paramLabel = "DID", description = "The learner's DID (or IRI)")
  String learner;

  @Option(names = "--context", paramLabel = "URL=FILE",
      description = "Pin a JSON-LD context from FILE by its SHA-256 (printed), e.g. other bytes for a pinned URL; "
          + "URL=FILE#sha256=HEX also checks the hash; repeatable")
  java.util.List<String> contexts = new java.util.ArrayList<>();

  @Option(names = "--format", defaultValue = "di",
      description = "di (Data Integrity) or sd-jwt (SD-JWT VC, dc+sd-jwt); default ${DEFAULT-VALUE}")
  String format;

  @CommandLine.Mixin SdJwtOptions sdJwt;

  @Parameters(index = "0", paramLabel = "OUT", description = "Where to write the signed credential")
  Path out;

  @CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() throws CliException {
    ContextPins pins = ContextPins.parse(contexts);
    java.util.List<Path> inputs = new java.util.ArrayList<>(java.util.List.of(credential, key));
    inputs.addAll(pins.files());
    ContextPins.refuseOverwrite(out, inputs);
    KeyPair k = StatusCommand.readKey(key);
    MicroCredential mc;
    try {
      mc = MicroCredentialJson.read(CliFiles.readText(credential));
    } catch (CoreException e) {
      throw new CliException(Main.FAILED, credential + ": " + e.getMessage());
    }
    CliFiles.iri("--learner", learner);
    sdJwt.refuseUnless(format);
    if (format.equals("sd-jwt")) {
      return issueSdJwt(mc, k);
    } else if (!format.equals("di")) {
      throw new CliException(Main.USAGE, "--format: expected di or sd-jwt, got '" + format + "'");
    }
    com.fasterxml.jackson.databind.node.ObjectNode signed;
    try {
      signed = Credentials.issue(mc, learner, k).withDocumentLoader(pins.loader()).get();
      StatusCommand.write(out, signed.toPrettyString() + "\n");
    } catch (VcException e) {
      throw new CliException(Main.FAILED, credential + ": " + e.getMessage());
    }
    String achievement = signed.at("/credentialSubject/achievement/id").asText();
    java.io.PrintWriter stdout = spec.commandLine().getOut();
    if (report.text) {
      for (ContextPins.Pin p : pins.pins()) {
        stdout.println(p.describe());
      }
      stdout.println("issued OpenBadgeCredential " + credential + " -> " + out + " (issuer " + k.publicKey().didKey()
          + ")" + (mc.id().isEmpty() ? "; the micro-credential has no id, so its achievement got " + achievement : ""));
    } else {
      stdout.println(StatusCommand.JSON.createObjectNode().put("issued", out.toString())
          .put("id", signed.path("id").asText()).put("issuer", k.publicKey().didKey()).put("learner", learner)
          .put("achievement", achievement).put("achievementIdMinted", mc.id().isEmpty())
          .set("contexts", StatusCommand.JSON.valueToTree(pins.pins().stream().map(ContextPins.Pin::describe)
              .toList())).toPrettyString());
    }
    if (mc.id().isEmpty()) {
      spec.commandLine().getErr().println("note: " + credential + " has no id; the achievement id " + achievement
          + " was derived from its title and awarding bodies (give it an id to keep it stable)");
    }
    return Main.OK;
  }

  /** The same OpenBadgeCredential as the Data Integrity path, issued as an SD-JWT VC. */
  private int issueSdJwt(MicroCredential mc, KeyPair k) throws CliException {
    String did = k.publicKey().didKey();
    com.fasterxml.jackson.databind.node.ObjectNode unsigned;
    try {
      unsigned = io.github.microcred.vc.ob3.MicroCredentials.toOpenBadge(mc, io.github.microcred.vc.ob3.Profile.of(
          did, mc.awardingBodies().isEmpty() ? did : mc.awardingBodies().get(0).name()), learner,
          "urn:uuid:" + java.util.UUID.randomUUID(),
          java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).toJson();
    } catch (VcException e) {
      throw new CliException(Main.FAILED, credential + ": " + e.getMessage());
    }
    StatusCommand.write(out, sdJwt.issue(unsigned, k, null) + "\n");
    java.io.PrintWriter stdout = spec.commandLine().getOut();
    if (report.text) {
      stdout.println("issued OpenBadgeCredential " + credential + " -> " + out + " (SD-JWT VC, issuer " + did + ", "
          + sdJwt.disclose.size() + " disclosable claim(s))");
    } else {
      stdout.println(StatusCommand.JSON.createObjectNode().put("issued", out.toString()).put("format", "dc+sd-jwt")
          .put("id", unsigned.path("id").asText()).put("issuer", did).put("learner", learner)
          .set("disclosable", StatusCommand.JSON.valueToTree(sdJwt.disclose)).toPrettyString());
    }
    return Main.OK;
  }
}
