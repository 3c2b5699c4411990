package io.github.microcred.cli;

import io.github.microcred.core.Award;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.elm.Elm;
import io.github.microcred.elm.ElmCredential;
import io.github.microcred.elm.ElmException;
import io.github.microcred.elm.ElmExporter;
import io.github.microcred.elm.ElmImport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred elm ...}: European Learning Model / Europass EDC export and import. */
@Command(
    name = "elm",
    mixinStandardHelpOptions = true,
    description = "European Learning Model 3 / Europass Digital Credentials (EDC): export an award as an EDC "
        + "EuropeanDigitalCredential, import one into the core model.",
    subcommands = {ElmCommand.Export.class, ElmCommand.Import.class})
public final class ElmCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** The options that make an award of a micro-credential. */
  static final class AwardOptions {
    @Option(names = "--learner", paramLabel = "DID", description = "the learner's DID (required unless the input "
        + "already holds an award)")
    String learner;

    @Option(names = "--issued", paramLabel = "TIME", description = "the issue time (ISO 8601, e.g. "
        + "2026-06-30T12:00:00Z); default now")
    String issued;

    @Option(names = "--grade", paramLabel = "G", description = "the grade achieved")
    String grade;

    @Option(names = "--name", paramLabel = "NAME", description = "the learner's display name")
    String name;

    Award award(MicroCredential mc) {
      if (learner == null) {
        throw new CliException(Main.USAGE, "--learner DID is required to award " + mc.title());
      }
      LearnerIdentity who;
      try {
        who = LearnerIdentity.did(learner);
      } catch (IllegalArgumentException e) {
        throw new CliException(Main.USAGE, "--learner: " + e.getMessage());
      }
      Instant when;
      try {
        when = issued == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : Instant.parse(issued);
      } catch (DateTimeParseException e) {
        throw new CliException(Main.USAGE, "--issued: expected an ISO 8601 instant such as 2026-06-30T12:00:00Z, got '"
            + issued + "'");
      }
      return Award.builder(mc, who, when).grade(grade).learnerName(name).build();
    }
  }

  /** The options of an ELM export. */
  static final class ExportOptions {
    @Option(names = "--issuer-legal-id", paramLabel = "ID", description = "the issuer's eIDAS legal identifier "
        + "(EDC's shapes require one), e.g. VATIE-1234567X")
    String legalId;

    @Option(names = "--language", paramLabel = "TAG", description = "the language of every text (BCP 47); default "
        + "the micro-credential's first language, else en")
    String language;

    ElmExporter exporter() {
      try {
        ElmExporter e = Elm.exporter();
        e = legalId == null ? e : e.withIssuerLegalIdentifier(legalId);
        return language == null ? e : e.withLanguage(language);
      } catch (ElmException x) {
        throw new CliException(Main.USAGE, x.getMessage());
      }
    }
  }

  /** {@code mcred elm export MC.json --learner DID [--out F]}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export an award of a micro-credential (microcred JSON) as an unsigned EDC "
          + "EuropeanDigitalCredential (VC 1.1 + edc-ap JSON-LD); what EDC cannot carry is listed as warnings on "
          + "stderr.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MC.json", description = "the micro-credential")
    Path file;

    @CommandLine.Mixin OutputOptions output;

    @CommandLine.Mixin AwardOptions awardOptions;
    @CommandLine.Mixin ExportOptions exportOptions;

    @Override
    public Integer call() {
      MicroCredential mc = CliFiles.readMicroCredential(file);
      ElmCredential c;
      try {
        c = exportOptions.exporter().export(awardOptions.award(mc));
      } catch (ElmException e) {
        throw new CliException(Main.FAILED, file + ": " + e.getMessage());
      }
      CliFiles.warn(spec, c.warnings());
      output.write(spec, c.toJson().toPrettyString());
      return Main.OK;
    }
  }

  /** {@code mcred elm import EDC.json [--out F] [--award-out F]}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import an EDC credential (bare JSON-LD, the upload form, or the JAdES JSON serialization; the seal "
          + "is not checked) into a microcred micro-credential; what the core model cannot carry is listed as "
          + "warnings on stderr.")
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EDC.json", description = "the EDC credential")
    Path file;

    @CommandLine.Mixin OutputOptions output;

    @Option(names = "--award-out", paramLabel = "F", description = "also write the award (learner, dates, grade)")
    Path awardOut;

    @Override
    public Integer call() {
      ElmImport i;
      try {
        i = Elm.importCredential(CliFiles.readText(file));
      } catch (ElmException e) {
        throw new CliException(Main.FAILED, file + ": " + e.getMessage());
      }
      CliFiles.warn(spec, i.warnings());
      output.write(spec, i.microCredential().toJson().toPrettyString());
      if (awardOut != null) {
        Award a = i.award().orElseThrow(() -> new CliException(Main.FAILED, file + ": no award can be read (see "
            + "the warnings)"));
        CliFiles.write(awardOut, a.toJson().toPrettyString());
      }
      return Main.OK;
    }
  }
}
