package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.vc.BulkSigned;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SignOperation;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred sign}: secure a credential with Data Integrity or as a {@code vc+jwt}. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Sign a credential: Data Integrity (eddsa-rdfc-2022 / ecdsa-rdfc-2019 / eddsa-jcs-2022 / "
        + "ecdsa-jcs-2019, or an ecdsa-sd-2023 base proof for selective disclosure, see mcred derive), VC-JOSE-COSE "
        + "vc+jwt, or SD-JWT VC (dc+sd-jwt, --disclose POINTER...).")
public final class SignCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin KeyOptions key;

  @Option(names = "--format", defaultValue = "di",
      description = "di, jwt (vc+jwt), ob3-jwt (the OB 3.0 JWT profile: typ JWT, vc claim; RS256 with an rsa key) or"
          + " sd-jwt (default: ${DEFAULT-VALUE})")
  String format;

  @CommandLine.Mixin SdJwtOptions sdJwt;

  @Option(names = {"--kid", "--vm"}, paramLabel = "URL",
      description = "JWT kid / DI verificationMethod (default: the key's did:key)")
  String kid;

  @Option(names = {"--cryptosuite", "--suite"}, paramLabel = "SUITE",
      description = "DI cryptosuite: eddsa-rdfc-2022 or eddsa-jcs-2022 (Ed25519 keys), ecdsa-rdfc-2019 or "
          + "ecdsa-jcs-2019 (P-256 / P-384 keys), ecdsa-sd-2023 (P-256 keys: a base proof the holder derives "
          + "from); default: the key type's rdfc suite")
  String suiteName;

  @Option(names = "--mandatory", paramLabel = "POINTER",
      description = "ecdsa-sd-2023: a JSON pointer the holder must always disclose, e.g. /issuer; repeatable")
  List<String> mandatory = new ArrayList<>();

  @Option(names = "--created", paramLabel = "T", description = "DI proof creation time, e.g. 2025-01-01T00:00:00Z")
  String created;

  @Option(names = "--context", paramLabel = "URL=FILE",
      description = "Pin an extra JSON-LD context (or other bytes for a pinned URL) from FILE, by its SHA-256, which "
          + "is printed; URL=FILE#sha256=HEX also checks the hash; repeatable")
  List<String> contexts = new ArrayList<>();

  @Option(names = "--bulk", description = "IN and OUT are JSON Lines: sign every line (Data Integrity, in parallel), "
      + "write the signed lines to OUT in input order, report each failed line on stderr as IN:LINE: CODE: message "
      + "and progress every 1,000 lines; exit 1 if any line failed")
  boolean bulk;

  @Parameters(index = "0", paramLabel = "IN", description = "The unsigned credential (JSON), or with --bulk one per line")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Output file")
  Path out;

  @Override
  public Integer call() throws CliException {
    ContextPins pins = ContextPins.parse(contexts);
    List<Path> inputs = new ArrayList<>(List.of(in, key.file));
    inputs.addAll(pins.files());
    ContextPins.refuseOverwrite(out, inputs);
    KeyPair k = key.read();
    if (kid != null) {
      CliFiles.iri("--vm", kid);
    }
    if (bulk) {
      sdJwt.refuseUnless(format);
      return bulk(pins, k);
    }
    byte[] doc = CliFiles.readBytes(in);
    String input = CliFiles.utf8(in, doc);
    JsonNode tree = CliFiles.parseJson(in, input);
    notACoreMicroCredential(in, input, tree);
    String text;
    sdJwt.refuseUnless(format);
    if (!mandatory.isEmpty() && (!format.equals("di") || suite(k) != Cryptosuite.ECDSA_SD_2023)) {
      throw new CliException(Main.USAGE, "--mandatory applies to --cryptosuite ecdsa-sd-2023 (--format di) only");
    }
    try {
      if (format.equals("sd-jwt")) {
        if (!pins.isEmpty()) {
          throw new CliException(Main.USAGE, "--context applies to Data Integrity (--format di) only");
        }
        text = sdJwt.issue(Credentials.readObject(doc), k, kid);
      } else if (format.equals("jwt") || format.equals("ob3-jwt")) {
        if (!pins.isEmpty()) {
          throw new CliException(Main.USAGE, "--context applies to Data Integrity (--format di) only");
        }
        var op = format.equals("jwt") ? VcJwt.sign(Credentials.readObject(doc), k)
            : Ob3Jwt.sign(Credentials.readObject(doc), k);
        text = (kid != null ? op.withKeyId(kid) : op).get();
      } else if (format.equals("di")) {
        text = configure(Credentials.sign(doc, k, suite(k)), pins).get().toPrettyString();
      } else {
        throw new CliException(Main.USAGE, "--format: expected di, jwt, ob3-jwt or sd-jwt, got '" + format + "'");
      }
    } catch (VcException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    CliFiles.write(out, text);
    if (report.text) {
      for (ContextPins.Pin p : pins.pins()) {
        spec.commandLine().getOut().println(p.describe());
      }
      spec.commandLine().getOut().println("signed (" + format + ") " + in + " -> " + out);
    } else {
      ObjectNode r = CliFiles.JSON.createObjectNode()
          .put("signed", out.toString()).put("input", in.toString())
          .put("format", format.equals("jwt") ? "vc+jwt" : format.equals("sd-jwt") ? "dc+sd-jwt"
              : format.equals("ob3-jwt") ? "ob3-jwt" : "data-integrity")
          .put("issuer", tree.path("issuer").isObject() ? tree.path("issuer").path("id").asText()
              : tree.path("issuer").asText());
      ArrayNode ctx = r.putArray("contexts");
      pins.pins().forEach(p -> ctx.add(p.describe()));
      spec.commandLine().getOut().println(r.toPrettyString());
    }
    return Main.OK;
  }

  @CommandLine.Mixin ReportOptions report;

  private Cryptosuite suite(KeyPair k) {
    if (suiteName == null) {
      return k.type() == KeyType.ED25519 ? Cryptosuite.EDDSA_RDFC_2022 : Cryptosuite.ECDSA_RDFC_2019;
    }
    return Cryptosuite.byId(suiteName).orElseThrow(() -> new CliException(Main.USAGE,
        "--cryptosuite: expected one of " + Cryptosuite.supported() + ", got '" + suiteName + "'"));
  }

  /** The options every signature of this invocation shares. */
  private SignOperation configure(SignOperation op, ContextPins pins) {
    op = op.withDocumentLoader(pins.loader());
    if (!mandatory.isEmpty()) {
      op = op.withMandatoryPointers(mandatory);
    }
    if (created != null) {
      op = op.withCreated(ClockOptions.instant("--created", created));
    }
    return kid != null ? op.withVerificationMethod(kid) : op;
  }

  /** {@code --bulk}: JSON Lines in, JSON Lines out, every line accounted for. */
  private Integer bulk(ContextPins pins, KeyPair k) {
    if (!format.equals("di")) {
      throw new CliException(Main.USAGE, "--bulk signs Data Integrity (--format di) only");
    }
    Cryptosuite suite = suite(k);
    if (created != null) {
      ClockOptions.instant("--created", created); // option errors before any line is read
    }
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    long[] counts = new long[2];
    List<String> firstErrors = new ArrayList<>();
    try (Stream<String> lines = Files.lines(in, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        Stream<BulkSigned> results = Credentials.signAll(lines, k, suite,
            (done, failed) -> {
              if (done % 1000 == 0) {
                double s = (System.nanoTime() - start) / 1e9;
                err.printf(Locale.ROOT, "%s: %d lines signed, %d failed, %.0f lines/s%n", in,
                    done - failed, failed, done / Math.max(s, 1e-9));
                err.flush();
              }
            }, op -> configure(op, pins))) {
      Iterator<BulkSigned> it = results.iterator();
      while (it.hasNext()) {
        BulkSigned r = it.next();
        counts[0]++;
        if (r.isSigned()) {
          w.write(r.signed().get());
          w.write('\n');
        } else {
          counts[1]++;
          VcException e = r.error().get();
          String line = in + ":" + (r.index() + 1) + ": " + e.code() + ": " + e.getMessage();
          err.println(line);
          if (firstErrors.size() < 100) {
            firstErrors.add(line);
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(Main.FAILED, in + " -> " + out + ": " + (e.getCause() != null ? e.getCause() : e)
          + " (JSON Lines in UTF-8 expected)");
    }
    err.flush();
    double seconds = (System.nanoTime() - start) / 1e9;
    long signedCount = counts[0] - counts[1];
    if (report.text) {
      spec.commandLine().getOut().printf(Locale.ROOT,
          "signed %d of %d lines (%s) %s -> %s in %.1f s (%.0f lines/s); %d failed%s%n", signedCount, counts[0],
          suite.id(), in, out, seconds, counts[0] / Math.max(seconds, 1e-9), counts[1],
          counts[1] > 0 ? " (listed on stderr)" : "");
    } else {
      ObjectNode r = CliFiles.JSON.createObjectNode()
          .put("input", in.toString()).put("signed", out.toString()).put("format", "data-integrity")
          .put("cryptosuite", suite.id()).put("lines", counts[0]).put("signedLines", signedCount)
          .put("failedLines", counts[1]).put("seconds", Math.round(seconds * 1000) / 1000.0);
      ArrayNode errs = r.putArray("errors");
      firstErrors.forEach(errs::add);
      spec.commandLine().getOut().println(r.toPrettyString());
    }
    return counts[1] == 0 ? Main.OK : Main.FAILED;
  }

  /**
   * A core micro-credential (microcred JSON, no {@code @context}) is not a verifiable credential: say to use
   * {@code mcred issue}, instead of letting JSON-LD report undefined terms.
   */
  static void notACoreMicroCredential(Path in, String text, JsonNode doc) {
    if (!doc.isObject() || doc.has("@context")) {
      return;
    }
    boolean core;
    try {
      MicroCredential.fromJson(text);
      core = true;
    } catch (CoreException e) {
      core = doc.has("title") && (doc.has("awardingBodies") || doc.has("learningOutcomes"));
    }
    if (core) {
      throw new CliException(Main.FAILED, in + ": a core micro-credential, not a verifiable credential; use 'mcred "
          + "issue --key KEY --credential " + in + " --learner DID OUT' to award it as a signed Open Badge");
    }
    throw new CliException(Main.FAILED, in + ": $['@context'] is missing; expected a W3C verifiable credential "
        + "(JSON-LD with @context)");
  }
}
