package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlException;
import io.github.microcred.ctdl.CtdlImport;
import io.github.microcred.elm.Elm;
import io.github.microcred.elm.ElmCredential;
import io.github.microcred.elm.ElmException;
import io.github.microcred.elm.ElmImport;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.ob3.Awards;
import io.github.microcred.vc.ob3.MicroCredentials;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred convert --to ob3|ctdl|elm|core IN}: one model, four formats. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Convert a micro-credential between microcred JSON, Open Badges 3.0 (unsigned, with the microcred "
        + "extension), CTDL and ELM (EDC). The input's format is read from its contexts; what the output cannot "
        + "carry is listed as warnings on stderr (README: one model, four formats).")
final class ConvertCommand implements Callable<Integer> {
  /** The output formats. */
  enum To { OB3, CTDL, ELM, CORE }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--to", required = true, paramLabel = "FORMAT",
      description = "ob3, ctdl, elm or core", converter = ToConverter.class)
  To to;

  @Parameters(index = "0", paramLabel = "IN.json", description = "microcred JSON, an OB3 credential made by "
      + "microcred, a CTDL record or an EDC credential")
  Path file;

  @CommandLine.Mixin OutputOptions output;

  @Option(names = "--issuer", paramLabel = "ID", description = "the OB3 issuer id (DID or https URL); default the "
      + "first awarding body's id")
  String issuer;

  @CommandLine.Mixin ElmCommand.AwardOptions awardOptions;
  @CommandLine.Mixin ElmCommand.ExportOptions exportOptions;

  static final class ToConverter implements CommandLine.ITypeConverter<To> {
    @Override
    public To convert(String value) {
      try {
        return To.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("expected ob3, ctdl, elm or core, got '" + value + "'");
      }
    }
  }

  @Override
  public Integer call() {
    String text = CliFiles.readText(file);
    JsonNode doc = CliFiles.parseJson(file, text);
    MicroCredential mc;
    Award award = null;
    try {
      switch (Formats.kindOf(doc)) {
        case ELM -> {
          ElmImport i = Elm.importCredential(doc);
          CliFiles.warn(spec, i.warnings());
          mc = i.microCredential();
          award = i.award().orElse(null);
        }
        case CTDL -> {
          CtdlImport i = Ctdl.importRecord(doc);
          CliFiles.warn(spec, i.warnings());
          mc = i.microCredential().orElseThrow(() -> new CliException(Main.FAILED, file
              + ": the CTDL record is not a credential or learning opportunity"));
        }
        case OB3 -> {
          award = Awards.fromCredential(doc);
          mc = award.microCredential();
        }
        default -> mc = MicroCredential.fromJson(text);
      }
    } catch (ElmException | CtdlException | VcException | CoreException e) {
      throw new CliException(Main.FAILED, file + ": " + e.getMessage());
    }
    if (award != null && awardOptions.learner != null) {
      award = null; // the options make a new award
    }
    String result;
    try {
      result = switch (to) {
        case CORE -> mc.toJson().toPrettyString();
        case CTDL -> Ctdl.export(mc).toJson().toPrettyString();
        case ELM -> {
          ElmCredential c = exportOptions.exporter().export(award != null ? award : awardOptions.award(mc));
          CliFiles.warn(spec, c.warnings());
          yield c.toJson().toPrettyString();
        }
        case OB3 -> {
          Award a = award != null ? award : awardOptions.award(mc);
          String id = issuer != null ? issuer : mc.awardingBodies().stream().flatMap(o -> o.id().stream()).findFirst()
              .orElseThrow(() -> new CliException(Main.USAGE, "--issuer ID is required: no awarding body has an id"));
          yield MicroCredentials.toOpenBadge(a, id).toJson().toPrettyString();
        }
      };
    } catch (ElmException | VcException e) {
      throw new CliException(Main.FAILED, file + ": " + e.getMessage());
    }
    output.write(spec, result);
    return Main.OK;
  }
}
