package io.github.microcred.ctdl.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Open Badges 3.0 {@code achievementType} ↔ CTDL credential class table, as Credential Engine's
 * Open-Badge-Publisher maps it ({@code ob3-achievementType-to-ctdl.tsv}, loaded once).
 */
public final class AchievementTypes {
  private static final String TABLE = "/io/github/microcred/ctdl/ob3-achievementType-to-ctdl.tsv";
  private static final String FALLBACK = "ceterms:OpenBadge";

  /** The table, read on first use (holder idiom: the class initialiser runs once, thread-safely). */
  private static final class Table {
    static final List<String> NAMES;
    static final Map<String, String> CLASS_BY_TYPE;

    static {
      Map<String, String> m = new HashMap<>();
      List<String> names = new ArrayList<>();
      try (InputStream in = AchievementTypes.class.getResourceAsStream(TABLE);
          BufferedReader br = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, TABLE),
              StandardCharsets.UTF_8))) {
        String line;
        while ((line = br.readLine()) != null) {
          if (!line.startsWith("#") && line.contains("\t")) {
            String[] f = line.split("\t");
            m.put(f[0].toLowerCase(Locale.ROOT), f[1]);
            names.add(f[0]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      NAMES = List.copyOf(names);
      CLASS_BY_TYPE = Map.copyOf(m);
    }
  }

  private AchievementTypes() {}

  /**
   * The CTDL credential class for an achievement type; types without a CTDL credential class, the abstract
   * {@code Degree}, extension ({@code ext:...}) and unknown values give {@code ceterms:OpenBadge}.
   *
   * @param achievementType the OB3 value, any case
   * @return the class CURIE
   */
  public static String classFor(String achievementType) {
    String c = Table.CLASS_BY_TYPE.get(achievementType.toLowerCase(Locale.ROOT));
    return c == null || c.equals("ceterms:Degree") ? FALLBACK : c;
  }

  /**
   * The achievement type for a CTDL credential class: the OB3 value whose CTDL class is the class or its nearest
   * ancestor, preferring the value with the same name; badges give {@code Badge}, other credentials
   * {@code Achievement}.
   *
   * @param vocab the vocabulary
   * @param ctdlClass a class CURIE or IRI
   * @return the achievement type, empty for classes that are not CTDL credentials
   */
  public static Optional<String> typeFor(Vocabulary vocab, String ctdlClass) {
    String c = vocab.compact(ctdlClass);
    if (vocab.classDef(c) == null || !vocab.isA(c, List.of("ceterms:Credential"))) {
      return Optional.empty();
    }
    if (vocab.isA(c, List.of("ceterms:Badge"))) {
      return Optional.of("Badge");
    }
    for (String a : vocab.selfAndAncestors(c)) {
      String local = a.substring(a.indexOf(':') + 1).toLowerCase(Locale.ROOT);
      if (a.equals(Table.CLASS_BY_TYPE.get(local))) {
        for (String type : Table.NAMES) {
          if (type.equalsIgnoreCase(local)) {
            return Optional.of(type);
          }
        }
      }
    }
    return Optional.of("Achievement");
  }
}
