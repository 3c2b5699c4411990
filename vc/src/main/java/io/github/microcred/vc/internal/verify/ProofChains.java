package io.github.microcred.vc.internal.verify;

import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The structure of a proof set or proof chain (VC Data Integrity 1.0, 2.1.1 Proof Sets, 2.1.2 Proof Chains, 4.5
 * Verify Proof Sets and Chains), decided before any signature is checked: which proofs each proof's
 * {@code previousProof} names, and every reason the set cannot verify. The rules:
 * <ul>
 *   <li>a proof's {@code id}, when present, is a string, and no two proofs of the set share one;</li>
 *   <li>{@code previousProof} is a string or a non-empty array of distinct strings, each the {@code id} of
 *       another proof of this document (a missing one is the spec's {@code PROOF_VERIFICATION_ERROR}; a proof
 *       naming itself is refused);</li>
 *   <li>no cycle: a proof MUST verify only after the proofs it names, which a cycle makes impossible;</li>
 *   <li>at most {@link #MAX_PROOFS} proofs, so the work (one canonicalization per distinct set of named proofs) is
 *       bounded.</li>
 * </ul>
 * A chained proof signs the document with exactly the proofs it names attached ({@link #input}), in the order
 * they have in the set (4.3 Add Proof Set/Chain step 4-6, 4.5 step 3.3).
 */
public final class ProofChains {
  /** The most proofs one document may carry. */
  public static final int MAX_PROOFS = 16;

  private ProofChains() {}

  /**
   * The plan of a proof set.
   *
   * @param previous per proof, the indexes of the proofs its {@code previousProof} names, in set order
   * @param problems per proof, why it cannot verify whatever its signature (null when none)
   * @param setProblem a problem of the whole set (too many proofs), or null
   * @param chained whether any proof names a previous proof
   */
  public record Plan(List<List<Integer>> previous, List<String> problems, String setProblem, boolean chained) {
    /**
     * Whether the set has no structural problem.
     *
     * @return true if every proof may verify
     */
    public boolean sound() {
      return setProblem == null && problems.stream().allMatch(p -> p == null);
    }
  }

  /**
   * Plans the verification of a document's proofs.
   *
   * @param proofs the proofs, in document order
   * @param paths their JSON paths
   * @return the plan
   */
  public static Plan plan(List<JsonObject> proofs, List<String> paths) {
    int n = proofs.size();
    List<List<Integer>> previous = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      previous.add(List.of());
      problems.add(null);
    }
    if (n > MAX_PROOFS) {
      return new Plan(previous, problems, "the document carries " + n + " proofs; at most " + MAX_PROOFS
          + " are verified", false);
    }
    // ids: strings, unique
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < n; i++) {
      JsonValue id = proofs.get(i).get("id");
      if (id == null) {
        continue;
      }
      if (!(id instanceof JsonString)) {
        problems.set(i, paths.get(i) + ".id must be a string");
        continue;
      }
      Integer other = ids.putIfAbsent(((JsonString) id).getString(), i);
      if (other != null) {
        String m = "proof id '" + ((JsonString) id).getString() + "' is used by " + paths.get(other) + " and "
            + paths.get(i) + ": previousProof could not say which one it names";
        problems.set(other, m);
        problems.set(i, m);
      }
    }
    boolean chained = false;
    for (int i = 0; i < n; i++) {
      JsonValue pp = proofs.get(i).get("previousProof");
      if (pp == null) {
        continue;
      }
      chained = true;
      String at = paths.get(i) + ".previousProof";
      List<String> named = new ArrayList<>();
      if (pp instanceof JsonString) {
        named.add(((JsonString) pp).getString());
      } else if (pp.getValueType() == JsonValue.ValueType.ARRAY && !pp.asJsonArray().isEmpty()) {
        for (JsonValue v : pp.asJsonArray()) {
          if (!(v instanceof JsonString)) {
            named = null;
            break;
          }
          named.add(((JsonString) v).getString());
        }
      } else {
        named = null;
      }
      if (named == null) {
        problems.set(i, first(problems.get(i), at + " must be a string or a non-empty array of strings (proof ids)"));
        continue;
      }
      if (new LinkedHashSet<>(named).size() != named.size()) {
        problems.set(i, first(problems.get(i), at + " names one proof twice"));
        continue;
      }
      JsonValue own = proofs.get(i).get("id");
      Set<Integer> found = new TreeSet<>();
      for (String id : named) {
        if (own instanceof JsonString && ((JsonString) own).getString().equals(id)) {
          problems.set(i, first(problems.get(i), at + " names the proof itself ('" + id + "')"));
          break;
        }
        Integer j = ids.get(id);
        if (j == null) {
          problems.set(i, first(problems.get(i), "PROOF_VERIFICATION_ERROR: " + at + " '" + id
              + "' names no proof of this document"));
          break;
        }
        found.add(j);
      }
      previous.set(i, List.copyOf(found));
    }
    // cycles: what remains after removing, again and again, the proofs whose named proofs are all removed
    boolean[] done = new boolean[n];
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < n; i++) {
        if (!done[i] && previous.get(i).stream().allMatch(j -> done[j])) {
          done[i] = true;
          progress = true;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!done[i]) {
        problems.set(i, first(problems.get(i), paths.get(i) + ".previousProof is part of a cycle: no proof of it "
            + "can verify before the others"));
      }
    }
    return new Plan(List.copyOf(previous), Collections.unmodifiableList(problems), null, chained);
  }

  private static String first(String existing, String added) {
    return existing != null ? existing : added;
  }

  /**
   * The document a chained proof signs: the unsecured document with {@code proof} set to exactly the named
   * proofs, in set order (an array, as the algorithm's matchingProofs list is).
   *
   * @param unsecured the document without proofs
   * @param proofs all proofs of the set
   * @param named the indexes of the named proofs
   * @return the input document
   */
  public static JsonObject input(JsonObject unsecured, List<JsonObject> proofs, List<Integer> named) {
    JsonObjectBuilder b = JsonSupport.PROVIDER
        .createObjectBuilder(unsecured);
    JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
    for (int j : named) {
      a.add(proofs.get(j));
    }
    return b.add("proof", a).build();
  }
}
