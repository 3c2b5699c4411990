package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlException;
import io.github.microcred.ctdl.CtdlGraph;
import io.github.microcred.ctdl.CtdlImport;
import io.github.microcred.ctdl.CtdlOrganizationExporter;
import io.github.microcred.ctdl.CtdlProblemCode;
import io.github.microcred.ctdl.CtdlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mcred ctdl ...}: Credential Engine CTDL export, import and offline validation. */
@Command(
    name = "ctdl",
    mixinStandardHelpOptions = true,
    description = "Credential Transparency Description Language (Credential Engine): export, import, validate.",
    subcommands = {CtdlCommand.Export.class, CtdlCommand.ExportOrg.class, CtdlCommand.Import.class,
        CtdlCommand.Validate.class})
public final class CtdlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** {@code mcred ctdl validate GRAPH.json}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Validate a CTDL graph, envelope or resource offline against the pinned CTDL / CTDL-ASN schema "
          + "and Credential Engine's minimum-data policy. Exit 1 with the report when invalid.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GRAPH.json", description = "the CTDL document")
    Path file;

    @CommandLine.Option(names = "--no-policy", description = "check the schema only, not the minimum-data policy")
    boolean noPolicy;

    @CommandLine.Mixin ReportOptions report;

    @Override
    public Integer call() {
      String json = CliFiles.readText(file);
      CtdlReport r = noPolicy ? Ctdl.validator().withoutPolicy().validate(json) : Ctdl.validate(json);
      spec.commandLine().getOut().print(report.text ? r.toString() : json(file, r).toPrettyString() + "\n");
      spec.commandLine().getOut().flush();
      return r.valid() ? Main.OK : Main.FAILED;
    }

    /** The JSON report: {@code file}, {@code valid}, counts and every problem (path, code, category, severity). */
    static ObjectNode json(Path file, CtdlReport r) {
      return ReportOptions.issueReport(file, r.valid(), r.errors().size(), "problems", r.problems().size(),
          r.problems(), p -> CtdlProblemCode.of(p).category().name().toLowerCase(Locale.ROOT));
    }
  }

  /** {@code mcred ctdl export MC.json [--out F]}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export a micro-credential (microcred JSON) as a Credential Registry CTDL graph.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MC.json", description = "the micro-credential")
    Path file;

    @CommandLine.Mixin OutputOptions output;

    @CommandLine.Option(names = "--class", paramLabel = "CURIE",
        description = "CTDL class instead of the one chosen from the kind, e.g. ceterms:OpenBadge")
    String ctdlClass;

    @Override
    public Integer call() {
      MicroCredential mc = CliFiles.readMicroCredential(file);
      CtdlGraph g;
      try {
        g = ctdlClass == null ? Ctdl.export(mc) : Ctdl.exporter().withCtdlClass(ctdlClass).export(mc);
      } catch (CtdlException e) {
        throw new CliException(Main.USAGE, e.getMessage());
      }
      output.write(spec, g.toJson().toPrettyString());
      return Main.OK;
    }
  }

  /** {@code mcred ctdl export-org ORG.json [--out F]}: an organization as a Registry record, validated. */
  @Command(name = "export-org", mixinStandardHelpOptions = true,
      description = "Export an organization (microcred JSON, as in a micro-credential's awardingBodies) as a "
          + "Credential Registry CTDL record (CredentialOrganization, or QACredentialOrganization for a QA_BODY), "
          + "validated offline like credentials; the Registry needs it before any credential it owns. Exit 1 when "
          + "the record misses data the minimum-data policy requires (the graph is still written).")
  static final class ExportOrg implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORG.json", description = "the organization")
    Path file;

    @CommandLine.Mixin OutputOptions output;

    @CommandLine.Option(names = "--description", paramLabel = "TEXT", description = "ceterms:description (required "
        + "by the policy; the core model has none)")
    String description;

    @CommandLine.Option(names = "--agent-type", paramLabel = "CONCEPT", split = ",",
        description = "ceterms:agentType, e.g. orgType:Postsecondary (required by the policy); repeatable")
    List<String> agentTypes = new ArrayList<>();

    @CommandLine.Option(names = "--sector", paramLabel = "CONCEPT",
        description = "ceterms:agentSectorType, e.g. agentSector:Public (required by the policy)")
    String sector;

    @Override
    public Integer call() {
      Organization org = CliFiles.readOrganization(file);
      CtdlOrganizationExporter x = Ctdl.organizationExporter();
      try {
        if (description != null) {
          x = x.withDescription(description);
        }
        if (!agentTypes.isEmpty()) {
          x = x.withAgentType(agentTypes.toArray(String[]::new));
        }
        if (sector != null) {
          x = x.withAgentSectorType(sector);
        }
      } catch (CtdlException e) {
        throw new CliException(Main.USAGE, e.getMessage());
      }
      CtdlGraph g = x.export(org);
      output.write(spec, g.toJson().toPrettyString());
      CtdlReport r = g.validate();
      if (!r.valid()) {
        throw new CliException(Main.FAILED, file + ": the CTDL record misses what the minimum-data policy requires: "
            + String.join("; ", r.errors().stream().map(p -> p.path() + " " + p.message()).toList())
            + " (give --description, --agent-type, --sector, or add url/email to the organization)");
      }
      return Main.OK;
    }
  }

  /** {@code mcred ctdl import RECORD.json [--out F]}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import a CTDL graph, Registry envelope or resource: a credential, learning opportunity or "
          + "assessment into a micro-credential, an organization (also a QA organization) into an organization "
          + "(microcred JSON); prints every warning (unmapped properties with their JSON paths) on stderr. Other "
          + "record types exit 1 (not supported).")
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD.json", description = "the CTDL record")
    Path file;

    @CommandLine.Mixin OutputOptions output;

    @Override
    public Integer call() {
      CtdlImport imp;
      try {
        imp = Ctdl.importRecord(CliFiles.readText(file));
      } catch (CtdlException e) {
        throw new CliException(Main.FAILED, file + ": " + e.getMessage());
      }
      CliFiles.warn(spec, imp.warnings());
      if (imp.organization().isPresent()) {
        output.write(spec, imp.organization().get().toJson().toPrettyString());
        return Main.OK;
      }
      if (imp.microCredential().isEmpty()) {
        throw new CliException(Main.FAILED, file + ": not supported: " + imp.ctdlType()
            + imp.name().map(n -> " (" + n + ")").orElse("") + "; mcred ctdl import reads credentials, learning "
            + "opportunities, assessments and organizations");
      }
      output.write(spec, imp.microCredential().get().toJson().toPrettyString());
      return Main.OK;
    }
  }
}
