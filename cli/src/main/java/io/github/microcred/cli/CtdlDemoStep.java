package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Severity;
import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlGraph;
import io.github.microcred.ctdl.CtdlReport;
import java.util.Map;
import java.util.TreeMap;

/** The demo's CTDL step: the micro-credential as a Credential Registry graph, validated offline; a summary, no dump. */
final class CtdlDemoStep {
  private CtdlDemoStep() {}

  static void run(DemoCommand.Story story, MicroCredential mc) {
    CtdlGraph g = Ctdl.export(mc);
    CtdlReport r = g.validate();
    if (!r.valid()) {
      throw new CliException(Main.FAILED, "the sample's CTDL graph is invalid: " + r.errors().get(0));
    }
    Map<String, Integer> types = new TreeMap<>();
    for (JsonNode n : g.toJson().get("@graph")) {
      types.merge(n.path("@type").asText(), 1, Integer::sum);
    }
    JsonNode main = g.toJson().get("@graph").get(0);
    long warnings = r.problems().stream().filter(p -> p.severity() == Severity.WARNING).count();
    long notes = r.problems().stream().filter(p -> p.severity() == Severity.INFO).count();
    story.step("publish it to the Credential Registry (CTDL)", main.path("@type").asText() + " "
        + main.path("ceterms:ctid").asText() + " with " + (types.values().stream().mapToInt(i -> i).sum() - 1)
        + " linked resources " + types + "; offline validation: " + r.errors().size() + " errors, " + warnings
        + " warnings, " + notes + " notes");
    Map<String, Integer> byCode = new TreeMap<>();
    for (Issue p : r.problems()) {
      byCode.merge(p.severity() + " " + p.code(), 1, Integer::sum);
    }
    byCode.forEach((code, n) -> story.detail(n + " x " + code + " (see the README, CTDL: what the sample's export "
        + "leaves out)"));
    story.file("ctdl-graph.json", g.toJson().toPrettyString(), "mcred ctdl validate --text {}");
    story.file("ob3-alignment.json", Ctdl.ob3Alignment(g, mc.title()).toPrettyString(), null);
  }
}
