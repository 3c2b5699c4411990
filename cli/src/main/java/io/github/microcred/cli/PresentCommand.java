package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.presentation.Presentations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred present}: the holder wraps credentials in a presentation signed as a {@code vp+jwt}. */
@Command(
    name = "present",
    mixinStandardHelpOptions = true,
    description = "Create a verifiable presentation of CRED files (vc+jwt or Data Integrity JSON), signed by the "
        + "holder as a vp+jwt bound to the verifier's challenge (nonce) and domain (aud).")
public final class PresentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "HOLDER", description = "The holder's key file")
  Path key;

  @Option(names = "--holder", paramLabel = "DID", description = "Holder id (default: the key's did:key)")
  String holder;

  @Option(names = "--challenge", required = true, description = "The verifier's challenge (JWT nonce)")
  String challenge;

  @Option(names = "--domain", required = true, description = "The verifier's domain (JWT aud)")
  String domain;

  @Option(names = "--format", defaultValue = "jwt",
      description = "jwt (vp+jwt: nonce, aud) or di (Data Integrity: challenge, domain); default ${DEFAULT-VALUE}")
  String format;

  @Parameters(arity = "2..*", paramLabel = "CRED... OUT", hideParamSyntax = true,
      description = "One or more credential files (vc+jwt or Data Integrity JSON), then the output file")
  List<Path> files;

  @CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() throws CliException {
    KeyPair k = StatusCommand.readKey(key);
    String h = holder != null ? CliFiles.iri("--holder", holder)
        : k.publicKey().didKeyVerificationMethod().split("#")[0];
    List<String> creds = new ArrayList<>();
    for (Path p : files.subList(0, files.size() - 1)) {
      creds.add(CliFiles.readText(p).strip());
    }
    Path out = files.get(files.size() - 1);
    try {
      ObjectNode vp = Presentations.create(h, creds);
      if (format.equals("di")) {
        StatusCommand.write(out, Presentations.signDataIntegrity(vp, k, challenge, domain).toPrettyString());
        report(out, "data-integrity-presentation", h, creds.size());
        return Main.OK;
      } else if (!format.equals("jwt")) {
        throw new CliException(Main.USAGE, "--format: expected jwt or di, got '" + format + "'");
      }
      var op = Presentations.signJwt(vp, k).withNonce(challenge).withAudience(domain);
      if (holder != null) {
        op = op.withKeyId(k.publicKey().didKeyVerificationMethod().startsWith(holder + "#")
            ? k.publicKey().didKeyVerificationMethod() : holder + "#0");
      }
      StatusCommand.write(out, op.get());
    } catch (VcException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    report(out, "vp+jwt", h, creds.size());
    return Main.OK;
  }

  private void report(Path out, String kind, String h, int n) {
    spec.commandLine().getOut().println(report.text
        ? "presentation (" + kind + ") of " + n + " credential(s) by " + h + " written to " + out
        : StatusCommand.JSON.createObjectNode().put("presented", out.toString()).put("kind", kind).put("holder", h)
            .put("credentials", n).put("challenge", challenge).put("domain", domain).toPrettyString());
  }
}
