package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.presentation.PresentationVerification;
import io.github.microcred.vc.presentation.PresentationVerifyOperation;
import io.github.microcred.vc.presentation.Presentations;
import io.github.microcred.vc.status.BitstringStatusCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred verify}: a Data Integrity credential, a {@code vc+jwt}, or a {@code vp+jwt} presentation. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify a credential (Data Integrity JSON or vc+jwt) or a presentation (vp+jwt), offline. "
        + "Exit 0 when verified, 1 otherwise.")
public final class VerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--status-list", paramLabel = "FILE",
      description = "A published status list credential (JSON or vc+jwt) to check credentialStatus against, "
          + "offline; repeatable")
  List<Path> statusLists = new ArrayList<>();

  @Option(names = "--challenge", description = "Presentations: the expected nonce")
  String challenge;

  @Option(names = "--domain", description = "Presentations: the expected audience")
  String domain;

  @Option(names = "--holder-is-subject", description = "Presentations: require the holder to be each subject")
  boolean holderIsSubject;

  @Option(names = "--controller", paramLabel = "DOC.json",
      description = "A trusted controller document for an https: issuer (Data Integrity and JWT); repeatable")
  List<Path> controllers = new ArrayList<>();

  @Option(names = "--now", paramLabel = "T", description = "Verification time, e.g. 2025-01-01T00:00:00Z")
  String now;

  @Option(names = "--json", description = "Data Integrity credentials: print the VerificationResult as JSON (the default)")
  boolean json;

  @Option(names = "--context", paramLabel = "URL=FILE",
      description = "Data Integrity credentials: pin an extra JSON-LD context from FILE by its SHA-256 (printed on "
          + "stderr); URL=FILE#sha256=HEX also checks the hash; repeatable")
  List<String> contexts = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "IN", description = "The credential or presentation file")
  Path in;

  @Override
  public Integer call() throws CliException {
    ContextPins pins = ContextPins.parse(contexts);
    for (ContextPins.Pin p : pins.pins()) {
      spec.commandLine().getErr().println(p.describe());
    }
    byte[] raw;
    try {
      raw = Files.readAllBytes(in);
    } catch (IOException e) {
      throw new CliException(Main.FAILED, "cannot read " + in + ": " + e.getMessage());
    }
    // for telling JWTs and presentations apart only: the credential is verified from the bytes as given
    String text = new String(raw, StandardCharsets.UTF_8);
    java.time.Clock clock = clock();
    List<io.github.microcred.vc.ControllerDocument> docs = VerifierInputs.controllers(controllers);
    BitstringStatusCheck status = VerifierInputs.statusCheck(statusLists, docs);
    PrintWriter out = spec.commandLine().getOut();
    boolean ok;
    boolean dataIntegrity = !VcJwt.looksLikeJwt(text) && !isPresentation(text);
    if (!pins.isEmpty() && !dataIntegrity) {
      throw new CliException(Main.USAGE, "--context applies to Data Integrity credentials only");
    }
    if (VcJwt.looksLikeJwt(text)) {
      String typ = headerTyp(text);
      if ("vp+jwt".equals(typ)) {
        ok = presentation(text.strip(), status, clock, out, "vp+jwt");
      } else {
        io.github.microcred.vc.jose.JwtVerifyOperation op = VcJwt.verify(text.strip()).withStatus(status)
            .withClock(clock);
        for (io.github.microcred.vc.ControllerDocument d : docs) {
          op = op.withControllerDocument(d);
        }
        JwtVerification v = op.get();
        out.println("credential (" + (v.legacy() ? "legacy VC-JWT 1.1" : "vc+jwt") + "):");
        print(out, v.result(), "  ");
        ok = v.verified();
      }
    } else if (isPresentation(text)) {
      ok = presentation(text, status, clock, out, "Data Integrity");
    } else {
      io.github.microcred.vc.VerifyOperation op = Credentials.verify(raw).withStatus(status).withClock(clock)
          .withDocumentLoader(pins.loader());
      for (io.github.microcred.vc.ControllerDocument d : docs) {
        op = op.withControllerDocument(d);
      }
      VerificationResult r = op.get();
      ok = r.verified();
      // a Data Integrity credential always prints the JSON VerificationResult (--json is accepted and implied)
      out.println(r.toJson().toPrettyString());
      out.flush();
      return ok ? Main.OK : Main.FAILED;
    }
    out.println(ok ? "VERIFIED" : "NOT VERIFIED");
    out.flush();
    return ok ? Main.OK : Main.FAILED;
  }

  private java.time.Clock clock() throws CliException {
    if (now == null) {
      return java.time.Clock.systemUTC();
    }
    try {
      return java.time.Clock.fixed(java.time.Instant.parse(now), java.time.ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      throw new CliException(Main.USAGE, "--now: expected e.g. 2025-01-01T00:00:00Z, got '" + now + "'");
    }
  }

  /** A JSON document whose {@code type} includes VerifiablePresentation (not merely mentioning the word). */
  private static boolean isPresentation(String text) {
    try {
      JsonNode doc = StatusCommand.JSON.readTree(text);
      JsonNode type = doc == null ? null : doc.get("type");
      if (type == null) {
        return false;
      }
      if (type.isTextual()) {
        return type.asText().equals("VerifiablePresentation");
      }
      for (JsonNode t : type) {
        if (t.asText().equals("VerifiablePresentation")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean presentation(String text, BitstringStatusCheck status, java.time.Clock clock, PrintWriter out,
      String kind) {
    PresentationVerifyOperation op = Presentations.verify(text).withStatus(status).withClock(clock);
    if (challenge != null) {
      op = op.withChallenge(challenge);
    }
    if (domain != null) {
      op = op.withDomain(domain);
    }
    if (holderIsSubject) {
      op = op.requireHolderIsSubject();
    }
    PresentationVerification v = op.get();
    out.println("presentation (" + kind + "):");
    print(out, v.holder(), "  ");
    for (int i = 0; i < v.credentials().size(); i++) {
      out.println("  credential " + i + ":");
      print(out, v.credentials().get(i), "    ");
    }
    v.binding().forEach(c -> out.println("  " + line(c)));
    return v.verified();
  }

  private static void print(PrintWriter out, VerificationResult r, String indent) {
    for (VerificationCheck c : r.checks()) {
      out.println(indent + line(c));
    }
  }

  private static String line(VerificationCheck c) {
    return String.format("%-7s %-22s %s: %s", c.outcome(), c.name(), c.path(), c.message());
  }

  private static String headerTyp(String jwt) {
    try {
      JsonNode h = StatusCommand.JSON.readTree(Base64.getUrlDecoder().decode(jwt.strip().split("\\.")[0]));
      return h.path("typ").asText(null);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
