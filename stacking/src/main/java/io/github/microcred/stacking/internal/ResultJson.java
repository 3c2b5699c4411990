package io.github.microcred.stacking.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import io.github.microcred.stacking.Assignment;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.RequirementStatus;
import java.util.Locale;

/** Writes audit results as JSON and as a readable summary. */
public final class ResultJson {
  /** Held credentials the summary shows per requirement; the JSON lists up to RequirementStatus.HELD_LIMIT. */
  static final int HELD_SHOWN = 5;

  private ResultJson() {}

  /**
   * The result as a JSON tree.
   *
   * @param r result
   * @return tree
   */
  public static ObjectNode tree(AuditResult r) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("qualification", r.qualification());
    o.put("asOf", r.asOf().toString());
    o.put("mode", r.mode().name());
    o.put("status", r.status().name());
    o.put("satisfied", r.satisfied());
    o.put("provedOptimal", r.provedOptimal());
    o.putObject("bound").put("satisfiable", r.bound().satisfiable())
        .put("appliedCredits", r.bound().appliedCredits()).put("appliedCount", r.bound().appliedCount());
    o.put("unit", r.unit().name());
    o.put("satisfiedRequirements", r.satisfiedRequirements());
    o.put("appliedCredits", r.appliedCredits());
    o.put("appliedCount", r.appliedCount());
    o.put("countedCredits", r.countedCredits());
    ArrayNode a = o.putArray("assignments");
    for (Assignment x : r.assignments()) {
      a.addObject().put("credential", x.credentialId()).put("requirement", x.requirement())
          .put("credits", x.credits());
    }
    ArrayNode q = o.putArray("requirements");
    for (RequirementStatus s : r.requirements()) {
      ObjectNode n = q.addObject().put("path", s.path()).put("kind", s.kind().name()).put("satisfied", s.satisfied())
          .put("required", s.required()).put("applied", s.applied()).put("missing", s.missing());
      if (!s.toClose().isEmpty()) {
        ArrayNode c = n.putArray("toClose");
        s.toClose().forEach(c::add);
      }
      if (!s.held().isEmpty()) {
        ArrayNode h = n.putArray("held");
        for (RequirementStatus.Held x : s.held()) {
          ObjectNode ho = h.addObject().put("credential", x.credentialId());
          x.countsToward().forEach(ho.putArray("countsToward")::add);
          ho.put("explanation", x.explanation());
        }
        if (s.heldOmitted() > 0) {
          n.put("heldOmitted", s.heldOmitted());
        }
      }
    }
    ArrayNode e = o.putArray("exclusions");
    for (Exclusion x : r.exclusions()) {
      e.addObject().put("credential", x.credentialId()).put("reason", x.reason().name()).put("detail", x.detail());
    }
    ArrayNode sf = o.putArray("shortfalls");
    for (Issue i : r.shortfalls()) {
      sf.addObject().put("path", i.path()).put("code", i.code().name())
          .put("severity", i.severity().name().toLowerCase(Locale.ROOT)).put("message", i.message());
    }
    return o;
  }

  /**
   * A readable summary.
   *
   * @param r result
   * @return text
   */
  public static String summary(AuditResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.qualification()).append(": ").append(r.status().name().replace('_', ' '))
        .append(" (").append(r.mode() == AuditResult.Mode.EXACT ? "exact" + (r.provedOptimal() ? ", proven optimal"
            : r.status() == AuditResult.Status.UNDECIDED ? ", budget ran out; best assignment found, at most "
            + r.bound().appliedCredits().toPlainString() + " " + r.unit() + " and " + r.bound().appliedCount()
            + " credential(s) applicable" : ", proven not satisfiable; the assignment shown is the best found before "
            + "the budget ran out")
            : "divisible-credit relaxation, may overstate progress")
        .append("), ").append(r.countedCredits().toPlainString()).append(' ').append(r.unit())
        .append(" counted, as of ").append(r.asOf()).append('\n');
    for (RequirementStatus s : r.requirements()) {
      int depth = (int) s.path().chars().filter(ch -> ch == '/').count();
      sb.append("  ".repeat(depth + 1)).append(s.satisfied() ? "[x] " : "[ ] ").append(s.path());
      if (!s.satisfied()) {
        sb.append(" - ").append(s.kind().name().startsWith("ALL") || s.kind().name().endsWith("OF")
            ? s.missing() + " more of " + s.toClose() : String.join("; ", s.toClose()));
      }
      sb.append('\n');
      int total = s.held().size() + s.heldOmitted();
      for (int i = 0; i < s.held().size(); i++) {
        if (i == HELD_SHOWN && total > HELD_SHOWN + 1) {
          sb.append("  ".repeat(depth + 2)).append("... and ").append(total - i)
              .append(" more held credentials (requirements[].held in the JSON)\n");
          break;
        }
        sb.append("  ".repeat(depth + 2)).append(s.held().get(i).explanation()).append('\n');
      }
    }
    for (Issue f : r.shortfalls()) {
      sb.append("  shortfall: ").append(f.message()).append('\n');
    }
    for (Exclusion x : r.exclusions()) {
      sb.append("  excluded ").append(x.credentialId()).append(" (").append(x.reason()).append("): ")
          .append(x.detail()).append('\n');
    }
    return sb.toString();
  }
}
