package io.github.microcred.stacking;

import io.github.microcred.stacking.internal.TranscriptJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
            + "].prerequisites: cyclic prerequisites " + chain(cycle));
      }
    }
    return this;
  }

  /** The cycle as {@code A -> B -> A}; a long one as its first and last ten items with the count left out. */
  private static String chain(List<String> cycle) {
    if (cycle.size() <= 21) {
      return String.join(" -> ", cycle);
    }
    return String.join(" -> ", cycle.subList(0, 10)) + " -> ... (" + (cycle.size() - 20) + " more) -> "
        + String.join(" -> ", cycle.subList(cycle.size() - 10, cycle.size()));
  }

  /**
   * Depth-first search from item i over its prerequisites (in sorted order), without recursion: a chain of 100,000
   * prerequisites is walked on the heap, not the call stack.
   *
   * @return the first cycle found, from its first item back to it, or null
   */
  private List<String> dfs(int i, Map<String, Integer> idx, int[] state, List<String> stack) {
    if (state[i] == 2) {
      return null;
    }
    Deque<Iterator<String>> pending = new ArrayDeque<>();
    state[i] = 1;
    stack.add(items.get(i).id());
    pending.push(items.get(i).prerequisites().stream().sorted().iterator());
    while (!pending.isEmpty()) {
      Iterator<String> next = pending.peek();
      if (!next.hasNext()) {
        pending.pop();
        String done = stack.remove(stack.size() - 1);
        state[idx.get(done)] = 2;
        continue;
      }
      Integer j = idx.get(next.next());
      if (j == null || state[j] == 2) {
        continue;
      }
      String id = items.get(j).id();
      if (state[j] == 1) {
        List<String> c = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
        c.add(id);
        return c;
      }
      state[j] = 1;
      stack.add(id);
      pending.push(items.get(j).prerequisites().stream().sorted().iterator());
    }
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
    return TranscriptJson.readCatalogue(json).validated();
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
