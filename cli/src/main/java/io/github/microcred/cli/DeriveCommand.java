package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.VcException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred derive}: the holder discloses chosen parts of an ecdsa-sd-2023 credential. */
@Command(
    name = "derive",
    mixinStandardHelpOptions = true,
    description = "Selective disclosure: from a credential with an ecdsa-sd-2023 base proof (mcred sign "
        + "--cryptosuite ecdsa-sd-2023 --mandatory POINTER), write a credential that discloses only the issuer's "
        + "mandatory parts and the parts each --reveal JSON pointer names, with a derived proof any verifier checks.")
public final class DeriveCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--reveal", paramLabel = "POINTER",
      description = "A JSON pointer (RFC 6901) to disclose, e.g. /credentialSubject/achievement/name; repeatable. "
          + "Without any, only the mandatory parts are disclosed")
  List<String> reveal = new ArrayList<>();

  @Option(names = "--context", paramLabel = "URL=FILE",
      description = "Pin an extra JSON-LD context from FILE, by its SHA-256 (as for mcred sign); repeatable")
  List<String> contexts = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "IN", description = "The credential with its ecdsa-sd-2023 base proof")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Output file for the derived credential")
  Path out;

  @CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() throws CliException {
    ContextPins pins = ContextPins.parse(contexts);
    List<Path> inputs = new ArrayList<>(List.of(in));
    inputs.addAll(pins.files());
    ContextPins.refuseOverwrite(out, inputs);
    byte[] doc = CliFiles.readBytes(in);
    String text;
    try {
      text = Credentials.derive(doc, reveal).withDocumentLoader(pins.loader()).get().toPrettyString();
    } catch (VcException e) {
      throw new CliException(Main.FAILED, in + ": " + e.code() + ": " + e.getMessage());
    }
    CliFiles.write(out, text);
    if (report.text) {
      for (ContextPins.Pin p : pins.pins()) {
        spec.commandLine().getOut().println(p.describe());
      }
      spec.commandLine().getOut().println("derived (ecdsa-sd-2023) " + in + " -> " + out + ", revealing "
          + (reveal.isEmpty() ? "the mandatory parts only" : String.join(" ", reveal)));
    } else {
      ObjectNode r = CliFiles.JSON.createObjectNode().put("derived", out.toString()).put("input", in.toString())
          .put("cryptosuite", "ecdsa-sd-2023");
      ArrayNode a = r.putArray("revealed");
      reveal.forEach(a::add);
      ArrayNode ctx = r.putArray("contexts");
      pins.pins().forEach(p -> ctx.add(p.describe()));
      spec.commandLine().getOut().println(r.toPrettyString());
    }
    return Main.OK;
  }
}
