package io.github.microcred.stacking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.stacking.internal.Json;
import io.github.microcred.stacking.internal.ResultJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Planner#plan(Transcript, java.time.LocalDate)}.
 *
 * @param satisfied whether the plan completes the qualification (the verdict word of every audit result): exactly
 *     when {@link #audit()} is
 *     {@link AuditResult.Status#SATISFIED} (false when the catalogue cannot, or no completing plan was found within
 *     the budget; {@link #optimal()} then says whether that is proven)
 * @param items identifiers of the items to take, in an order that respects the prerequisites
 * @param renewals the items of the plan that re-earn a credential the transcript holds but that does not count on the
 *     date, as the audit treats it (expired, issued after the date, or outside the credit validity window): for each,
 *     in the order of {@link #items()}, the held copy's exclusion with its reason and date. Such a held credential is
 *     not held for the plan (it meets no prerequisite), and {@link #audit()} counts the re-earned credential in its
 *     place, so the audit never lists one id as both counted and excluded
 * @param value the plan's objective value (total cost, hours or number of items)
 * @param lowerBound a certified lower bound on the objective value of every completing plan
 * @param gap the relative optimality gap {@code (value - lowerBound) / value} (0 when proven optimal)
 * @param optimal whether the plan is proven optimal
 * @param audit the exact audit of the transcript plus the plan
 */
public record Plan(boolean satisfied, List<String> items, List<Exclusion> renewals, BigDecimal value,
    BigDecimal lowerBound, BigDecimal gap, boolean optimal, AuditResult audit) {

  /** What the planner minimises. */
  public enum Objective {
    /** Total price. */
    COST,
    /** Total learning hours. */
    HOURS,
    /** Number of items. */
    COUNT
  }

  /**
   * The plan as JSON (with the audit of the completed transcript).
   *
   * @return a new tree, owned by the caller; {@code toPrettyString()} is the indented text
   */
  public ObjectNode toJson() {
    var o = Json.MAPPER.createObjectNode();
    o.put("satisfied", satisfied);
    var a = o.putArray("items");
    items.forEach(a::add);
    var rn = o.putArray("renewals");
    for (Exclusion x : renewals) {
      rn.addObject().put("credential", x.credentialId()).put("reason", x.reason().name()).put("detail", x.detail());
    }
    o.put("value", value);
    o.put("lowerBound", lowerBound);
    o.put("gap", gap);
    o.put("optimal", optimal);
    o.set("audit", ResultJson.tree(audit));
    return o;
  }

  /** Validates and copies. */
  public Plan {
    items = List.copyOf(items);
    renewals = List.copyOf(renewals);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(lowerBound, "lowerBound");
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(audit, "audit");
  }
}
