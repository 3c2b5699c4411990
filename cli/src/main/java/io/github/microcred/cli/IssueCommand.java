package io.github.microcred.cli;

import io.github.microcred.core.CoreException;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.MicroCredentialJson;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred issue}: from a core micro-credential to a signed Open Badges 3.0 credential. */
@Command(name = "issue", mixinStandardHelpOptions = true,
    description = "Award a micro-credential (core JSON) to a learner as a signed OpenBadgeCredential (Data Integrity).")
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

  @Parameters(index = "0", paramLabel = "OUT", description = "Where to write the signed credential")
  Path out;

  @Override
  public Integer call() throws CliException {
    ContextPins pins = ContextPins.parse(contexts);
    java.util.List<Path> inputs = new java.util.ArrayList<>(java.util.List.of(credential, key));
    inputs.addAll(pins.files());
    ContextPins.refuseOverwrite(out, inputs);
    KeyPair k = StatusCommand.readKey(key);
    MicroCredential mc;
    try {
      mc = MicroCredentialJson.read(Files.readString(credential, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliException(Main.FAILED, "cannot read " + credential + ": " + e.getMessage());
    } catch (CoreException e) {
      throw new CliException(Main.FAILED, credential + ": " + e.getMessage());
    }
    if (!learner.contains(":")) {
      throw new CliException(Main.USAGE, "--learner: expected a DID or IRI, got '" + learner + "'");
    }
    try {
      String signed = Credentials.issue(mc, learner, k).withDocumentLoader(pins.loader()).get().toPrettyString();
      StatusCommand.write(out, signed + "\n");
    } catch (VcException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    for (ContextPins.Pin p : pins.pins()) {
      spec.commandLine().getOut().println(p.describe());
    }
    spec.commandLine().getOut().println("issued OpenBadgeCredential " + credential + " -> " + out + " (issuer "
        + k.publicKey().didKey() + ")");
    return Main.OK;
  }
}
