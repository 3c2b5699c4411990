package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.presentation.Presentations;
import io.github.microcred.vc.sdjwt.SdJwt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code mcred present}: the holder wraps credentials in a presentation signed as a {@code vp+jwt}. */
@Command(
    name = "present",
    mixinStandardHelpOptions = true,
    description = "Create a verifiable presentation of CRED files (vc+jwt or Data Integrity JSON), signed by the "
        + "holder as a vp+jwt bound to the verifier's challenge (nonce) and domain (aud); or, with --format sd-jwt, "
        + "an SD-JWT VC with the --reveal claims and a Key Binding JWT (nonce, aud).")
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
      description = "jwt (vp+jwt: nonce, aud), di (Data Integrity: challenge, domain) or sd-jwt (one SD-JWT VC "
          + "file: chosen claims + KB-JWT); default ${DEFAULT-VALUE}")
  String format;

  @Option(names = "--reveal", paramLabel = "POINTER",
      description = "sd-jwt: a claim to reveal, as a JSON Pointer into the credential as issued (its containers and "
          + "everything inside it are revealed too); repeatable; nothing else is revealed")
  List<String> reveal = new ArrayList<>();

  @Parameters(arity = "2..*", paramLabel = "CRED... OUT", hideParamSyntax = true,
      description = "One or more credential files (vc+jwt or Data Integrity JSON), then the output file")
  List<Path> files;

  @CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() throws CliException {
    KeyPair k = CliFiles.readKey(key);
    if (format.equals("sd-jwt")) {
      return sdJwt(k);
    }
    if (!reveal.isEmpty()) {
      throw new CliException(Main.USAGE, "--reveal applies to --format sd-jwt only");
    }
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
        CliFiles.write(out, Presentations.signDataIntegrity(vp, k, challenge, domain).toPrettyString());
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
      CliFiles.write(out, op.get());
    } catch (VcException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    report(out, "vp+jwt", h, creds.size());
    return Main.OK;
  }

  private int sdJwt(KeyPair k) throws CliException {
    if (files.size() != 2) {
      throw new CliException(Main.USAGE, "--format sd-jwt: expected one SD-JWT file and the output file, got "
          + files.size() + " files");
    }
    if (holder != null) {
      throw new CliException(Main.USAGE, "--holder: an SD-JWT VC's holder is its cnf key (--key)");
    }
    Path out = files.get(1);
    try {
      CliFiles.write(out, SdJwt.present(CliFiles.readText(files.get(0)).strip())
          .withRevealed(reveal).withKeyBinding(k, challenge, domain).get());
    } catch (VcException e) {
      throw new CliException(Main.FAILED, files.get(0) + ": " + e.getMessage());
    }
    spec.commandLine().getOut().println(report.text
        ? "presentation (dc+sd-jwt + kb+jwt) of " + files.get(0) + " revealing " + reveal + " written to " + out
        : CliFiles.JSON.createObjectNode().put("presented", out.toString()).put("kind", "dc+sd-jwt")
            .put("challenge", challenge).put("domain", domain)
            .set("revealed", CliFiles.JSON.valueToTree(reveal)).toPrettyString());
    return Main.OK;
  }

  private void report(Path out, String kind, String h, int n) {
    spec.commandLine().getOut().println(report.text
        ? "presentation (" + kind + ") of " + n + " credential(s) by " + h + " written to " + out
        : CliFiles.JSON.createObjectNode().put("presented", out.toString()).put("kind", kind).put("holder", h)
            .put("credentials", n).put("challenge", challenge).put("domain", domain).toPrettyString());
  }
}
