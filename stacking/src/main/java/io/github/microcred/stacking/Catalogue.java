package io.github.microcred.stacking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The micro-credentials a learner could still take.
 *
 * @param items the items; identifiers are unique
 */
public record Catalogue(List<CatalogueItem> items) {
  /** Copies. Use {@link #validated()} to check prerequisites. */
  public Catalogue {
    items = List.copyOf(items);
  }

  /**
   * Checks duplicate identifiers and cyclic prerequisites.
   *
   * @return this
   * @throws StackingException {@link StackingErrorCode#CATALOGUE_INVALID} with the path to the fault
   */
  public Catalogue validated() throws StackingException {
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (idx.put(items.get(i).id(), i) != null) {
        throw new StackingException(StackingErrorCode.CATALOGUE_INVALID,
            "$.items[" + i + "].id: duplicate item id '" + items.get(i).id() + "'");
      }
    }
    int[] state = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      List<String> cycle = dfs(i, idx, state, new ArrayList<>());
      if (cycle != null) {
        throw new StackingException(StackingErrorCode.CATALOGUE_INVALID, "$.items[" + idx.get(cycle.get(0))
            + "].prerequisites: cyclic prerequisites " + String.join(" -> ", cycle));
      }
    }
    return this;
  }

  private List<String> dfs(int i, Map<String, Integer> idx, int[] state, List<String> stack) {
    if (state[i] == 2) {
      return null;
    }
    String id = items.get(i).id();
    if (state[i] == 1) {
      List<String> c = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
      c.add(id);
      return c;
    }
    state[i] = 1;
    stack.add(id);
    for (String p : items.get(i).prerequisites().stream().sorted().toList()) {
      Integer j = idx.get(p);
      if (j != null) {
        List<String> c = dfs(j, idx, state, stack);
        if (c != null) {
          return c;
        }
      }
    }
    stack.remove(stack.size() - 1);
    state[i] = 2;
    return null;
  }

  /**
   * The classpath location of the published JSON Schema of the catalogue format {@link #fromJson} reads, listing every
   * field the reader accepts.
   */
  public static final String SCHEMA_RESOURCE = "/io/github/microcred/stacking/catalogue.schema.json";

  /**
   * Parses and validates a catalogue: {@code {"$schema", "items": [{...the transcript's credential fields..., "hours",
   * "cost", "prerequisites": [ids]}]}}, as the published schema ({@link #SCHEMA_RESOURCE}) describes; any other field
   * is rejected with its path.
   *
   * @param json the JSON text
   * @return the catalogue
   * @throws StackingException {@link StackingErrorCode#CATALOGUE_INVALID} naming the JSON path of every fault
   */
  public static Catalogue fromJson(String json) throws StackingException {
    return io.github.microcred.stacking.internal.TranscriptJson.readCatalogue(json).validated();
  }

  /**
   * Identifiers of all items.
   *
   * @return ids
   */
  public Set<String> ids() {
    Set<String> s = new HashSet<>();
    items.forEach(x -> s.add(x.id()));
    return s;
  }
}
