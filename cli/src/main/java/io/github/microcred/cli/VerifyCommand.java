package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.VerifyOperation;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.JwtVerifyOperation;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.presentation.PresentationVerification;
import io.github.microcred.vc.presentation.PresentationVerifyOperation;
import io.github.microcred.vc.presentation.Presentations;
import io.github.microcred.vc.sdjwt.SdJwt;
import io.github.microcred.vc.sdjwt.SdJwtVerification;
import io.github.microcred.vc.sdjwt.SdJwtVerifyOperation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code mcred verify}: a Data Integrity credential, a {@code vc+jwt}, or a {@code vp+jwt} presentation. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify a credential (Data Integrity JSON, vc+jwt or SD-JWT VC) or a presentation (vp+jwt), offline. "
        + "Exit 0 when verified, 1 otherwise.")
public final class VerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin TrustOptions trust;

  @CommandLine.Mixin X509Options x509;

  @Option(names = "--challenge", description = "Presentations: the expected nonce")
  String challenge;

  @Option(names = "--domain", description = "Presentations: the expected audience")
  String domain;

  @Option(names = "--no-key-binding",
      description = "SD-JWT VC: accept it without a Key Binding JWT (e.g. the holder checking what was issued)")
  boolean noKeyBinding;

  @Option(names = "--ob3-jwt",
      description = "Read a JWT as the OB 3.0 JWT profile: typ JWT, only alg/kid/jwk/typ headers, iss/jti/nbf/sub/exp"
          + " equal to the credential's (default: VC-JOSE-COSE, a legacy vc claim read as VC-JWT 1.1)")
  boolean ob3Jwt;

  @Option(names = "--holder-is-subject", description = "Presentations: require the holder to be each subject")
  boolean holderIsSubject;

  @CommandLine.Mixin ClockOptions clock;

  @Option(names = "--json", hidden = true, description = "Print the JSON report (the default)")
  boolean json;

  @Option(names = "--context", paramLabel = "URL=FILE",
      description = "Data Integrity credentials: pin an extra JSON-LD context from FILE by its SHA-256 (printed on "
          + "stderr); URL=FILE#sha256=HEX also checks the hash; repeatable")
  List<String> contexts = new ArrayList<>();

  @CommandLine.Mixin ReportOptions report;

  @Parameters(index = "0", paramLabel = "IN", description = "The credential or presentation file")
  Path in;

  @Override
  public Integer call() throws CliException {
    ContextPins pins = ContextPins.parse(contexts);
    for (ContextPins.Pin p : pins.pins()) {
      spec.commandLine().getErr().println(p.describe());
    }
    byte[] raw = CliFiles.readBytes(in);
    // for telling JWTs and presentations apart only: the credential is verified from the bytes as given
    String text = new String(raw, StandardCharsets.UTF_8);
    Clock clock = this.clock.clock();
    List<ControllerDocument> docs = trust.controllerDocuments();
    StatusCheck status = trust.statusCheck(docs);
    PrintWriter out = spec.commandLine().getOut();
    boolean sdJwt = SdJwt.looksLikeSdJwt(text);
    boolean dataIntegrity = !sdJwt && !VcJwt.looksLikeJwt(text) && !isPresentation(text);
    if (!pins.isEmpty() && !dataIntegrity) {
      throw new CliException(Main.USAGE, "--context applies to Data Integrity credentials only");
    }
    if (!sdJwt) {
      x509.refuse();
    }
    ObjectNode result;
    if (sdJwt) {
      SdJwtVerifyOperation op = SdJwt.verify(text.strip())
          .withOptions(VerifyOptions.defaults().withStatus(status).withClock(clock));
      for (ControllerDocument d : docs) {
        op = op.withControllerDocument(d);
      }
      if (challenge != null || domain != null) {
        if (challenge == null || domain == null || noKeyBinding) {
          throw new CliException(Main.USAGE, "SD-JWT VC: give both --challenge and --domain (the KB-JWT's nonce and "
              + "aud), or --no-key-binding");
        }
        op = op.withKeyBinding(challenge, domain);
      } else if (noKeyBinding) {
        op = op.withoutKeyBinding();
      }
      SdJwtVerification v = x509.apply(op).get();
      result = report("dc+sd-jwt", v.result());
      result.put("verified", v.verified());
      v.issuer().ifPresent(i -> result.put("issuer", i));
      v.rejections().forEach(x -> ((ArrayNode) result.get("rejections")).add(x.name()));
      v.claims().ifPresent(c -> result.set("claims", c));
    } else if (VcJwt.looksLikeJwt(text)) {
      String typ = headerTyp(text);
      if ("vp+jwt".equals(typ)) {
        result = presentation(text.strip(), status, clock, "vp+jwt");
      } else {
        JwtVerifyOperation op = (ob3Jwt
            ? Ob3Jwt.verify(text.strip()) : VcJwt.verify(text.strip())).withStatus(status)
            .withClock(clock);
        for (ControllerDocument d : docs) {
          op = op.withControllerDocument(d);
        }
        JwtVerification v = op.get();
        result = report(ob3Jwt ? "ob3-jwt" : v.legacy() ? "vc-jwt-1.1" : "vc+jwt", v.result());
        v.rejections().forEach(x -> ((ArrayNode) result.get("rejections")).add(x.name()));
      }
    } else if (isPresentation(text)) {
      result = presentation(text, status, clock, "data-integrity-presentation");
    } else {
      VerifyOperation op = Credentials.verify(raw).withStatus(status).withClock(clock)
          .withDocumentLoader(pins.loader());
      for (ControllerDocument d : docs) {
        op = op.withControllerDocument(d);
      }
      result = report("data-integrity", op.get());
    }
    boolean ok = result.get("verified").asBoolean();
    if (report.text) {
      printText(out, result, "");
      out.println(ok ? "VERIFIED" : "NOT VERIFIED");
    } else {
      out.println(result.toPrettyString());
    }
    out.flush();
    return ok ? Main.OK : Main.FAILED;
  }

  /**
   * The one report shape of every kind: {@code kind}, {@code verified}, {@code checks} (the credential's, or the
   * presentation's own and its holder binding), {@code rejections} (JWT reasons; empty for Data Integrity) and
   * {@code credentials} (a presentation's credentials, each {@code verified} + {@code checks}; empty otherwise).
   */
  static ObjectNode report(String kind, VerificationResult r) {
    ObjectNode n = CliFiles.JSON.createObjectNode().put("kind", kind);
    n.setAll(r.toJson());
    n.putArray("rejections");
    n.putArray("credentials");
    return n;
  }

  private static void printText(PrintWriter out, ObjectNode result, String indent) {
    out.println(indent + result.path("kind").asText("credential") + ":");
    for (JsonNode c : result.path("checks")) {
      out.println(indent + "  " + String.format("%-14s %-22s %s: %s", c.path("outcome").asText().toUpperCase(
          Locale.ROOT), c.path("check").asText().toUpperCase(Locale.ROOT), c.path("path").asText(),
          c.path("message").asText()));
    }
    if (result.path("rejections").size() > 0) {
      out.println(indent + "  rejections: " + result.get("rejections"));
    }
    int i = 0;
    for (JsonNode c : result.path("credentials")) {
      out.println(indent + "  credential " + i++ + ":");
      printText(out, (ObjectNode) c, indent + "    ");
    }
  }

  /** A JSON document whose {@code type} includes VerifiablePresentation (not merely mentioning the word). */
  private static boolean isPresentation(String text) {
    try {
      JsonNode doc = CliFiles.JSON.readTree(text);
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

  private ObjectNode presentation(String text, StatusCheck status, Clock clock,
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
    VerificationResult own = v.holder();
    for (VerificationCheck c : v.binding()) {
      own = own.with(c);
    }
    ObjectNode n = report(kind, own);
    n.put("verified", v.verified());
    v.jwt().ifPresent(j -> j.rejections().forEach(x -> ((ArrayNode) n.get("rejections")).add(x.name())));
    ArrayNode creds = (ArrayNode) n.get("credentials");
    for (VerificationResult c : v.credentials()) {
      creds.add(c.toJson());
    }
    return n;
  }

  private static String headerTyp(String jwt) {
    try {
      JsonNode h = CliFiles.JSON.readTree(Base64.getUrlDecoder().decode(jwt.strip().split("\\.")[0]));
      return h.path("typ").asText(null);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
