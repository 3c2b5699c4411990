package io.github.microcred.ctdl.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credential Engine's minimum-data policy as data: per class, sets of properties of which at least one must
 * (REQUIRED) or should (RECOMMENDED) be present. Read from a TSV with the columns
 * {@code class, level, label, properties} (properties separated by {@code |}); lines starting with {@code #} are
 * comments. A property set whose only entry is a class name (the "Credential Type" rule) is met by the node's
 * {@code @type}.
 */
public final class Policy {
  /** A rule level. */
  public enum Level { REQUIRED, RECOMMENDED }

  /** One property set of a class. */
  public record Rule(String cls, Level level, String label, List<String> anyOf) {}

  private static volatile Policy defaultInstance;
  private final Map<String, List<Rule>> byClass;

  private Policy(Map<String, List<Rule>> byClass) {
    this.byClass = byClass;
  }

  /**
   * The policy shipped in this jar ({@code min-data-policy.tsv}).
   *
   * @return the policy
   */
  public static Policy defaults() {
    Policy p = defaultInstance;
    if (p == null) {
      InputStream in = Policy.class.getResourceAsStream("/io/github/microcred/ctdl/min-data-policy.tsv");
      if (in == null) {
        throw new IllegalStateException("missing resource min-data-policy.tsv");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p = parse(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      defaultInstance = p;
    }
    return p;
  }

  /**
   * Parses a policy TSV.
   *
   * @param reader the TSV
   * @return the policy
   * @throws IOException on read failure or a malformed line (the message names the line)
   */
  public static Policy parse(Reader reader) throws IOException {
    Map<String, List<Rule>> m = new LinkedHashMap<>();
    BufferedReader br = new BufferedReader(reader);
    String line;
    int no = 0;
    while ((line = br.readLine()) != null) {
      no++;
      if (line.isBlank() || line.startsWith("#") || line.startsWith("class\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 4) {
        throw new IOException("policy line " + no + ": expected 4 tab-separated columns, got " + f.length);
      }
      Level level;
      try {
        level = Level.valueOf(f[1].trim());
      } catch (IllegalArgumentException e) {
        throw new IOException("policy line " + no + ": level must be REQUIRED or RECOMMENDED, got '" + f[1] + "'");
      }
      List<String> props = new ArrayList<>();
      for (String p : f[3].split("\\|")) {
        if (!p.isBlank()) {
          props.add(p.trim());
        }
      }
      m.computeIfAbsent(f[0].trim(), k -> new ArrayList<>()).add(new Rule(f[0].trim(), level, f[2].trim(),
          List.copyOf(props)));
    }
    Map<String, List<Rule>> frozen = new LinkedHashMap<>();
    m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Policy(Collections.unmodifiableMap(frozen));
  }

  /**
   * The rules of the nearest class (the class itself, else its closest ancestor) that the policy lists.
   *
   * @param types the node's types
   * @param vocab the vocabulary, for the class hierarchy
   * @return the rules (possibly empty)
   */
  public List<Rule> rulesFor(List<String> types, Vocabulary vocab) {
    for (String t : types) {
      for (String a : vocab.selfAndAncestors(t)) {
        List<Rule> r = byClass.get(a);
        if (r != null) {
          return r;
        }
      }
    }
    return List.of();
  }
}
