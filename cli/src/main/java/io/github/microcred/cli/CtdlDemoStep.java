package io.github.microcred.cli;

import io.github.microcred.core.MicroCredential;
import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlGraph;
import io.github.microcred.ctdl.CtdlReport;
import java.io.PrintWriter;

/** The demo's CTDL stage: the micro-credential as a Credential Registry graph, validated offline. */
final class CtdlDemoStep {
  private CtdlDemoStep() {}

  static void run(PrintWriter out, MicroCredential mc) {
    out.println("== CTDL (Credential Engine registry graph)");
    CtdlGraph g = Ctdl.export(mc);
    out.println(g.toJson());
    CtdlReport r = g.validate();
    out.println("offline validation: " + r.schemaErrors().size() + " schema error(s), " + r.errors().size()
        + " error(s) in all, " + (r.problems().size() - r.errors().size()) + " warning(s)/note(s)");
    r.errors().forEach(p -> out.println("  " + p));
    out.println("OB3 alignment to the registry record: " + Ctdl.ob3Alignment(g, mc.title()));
  }
}
