package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Transcript#newestPerId}: against an oracle written the other way round (for each credential, it is left out
 * exactly when some other credential with its id was issued later, or on the same day earlier in the input), on seeded
 * inputs with many repeated ids and tied dates.
 */
class NewestPerIdTest {
  static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  static Credential c(String id, int day) {
    return Credential.builder(id).credits(1, "ECTS").level(5).issuer("iss").provider("prov")
        .issued(DAY.plusDays(day)).build();
  }

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matchesTheOracle(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = rnd.nextInt(0, 12);
    List<Credential> in = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      in.add(c("id-" + rnd.nextInt(0, 4), rnd.nextInt(0, 3)));
      sources.add("src-" + i);
    }
    Transcript.Deduplicated d = Transcript.newestPerId(in, sources);
    List<String> expectedDropped = new ArrayList<>();
    List<Credential> expectedKept = new ArrayList<>();
    List<String> firstSeen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean dropped = false;
      for (int j = 0; j < n; j++) {
        if (j != i && in.get(j).id().equals(in.get(i).id())
            && (in.get(j).issued().isAfter(in.get(i).issued())
                || in.get(j).issued().equals(in.get(i).issued()) && j < i)) {
          dropped = true;
        }
      }
      if (dropped) {
        expectedDropped.add(sources.get(i));
      }
      if (!firstSeen.contains(in.get(i).id())) {
        firstSeen.add(in.get(i).id());
      }
    }
    for (String id : firstSeen) { // kept in order of the id's first appearance
      for (int i = 0; i < n; i++) {
        if (in.get(i).id().equals(id) && !expectedDropped.contains(sources.get(i))) {
          expectedKept.add(in.get(i));
        }
      }
    }
    assertEquals(expectedKept, d.transcript().credentials(), "seed " + seed + ": " + in);
    assertEquals(expectedDropped, d.duplicates().stream().map(Exclusion::credentialId).toList(), "seed " + seed);
    for (Exclusion x : d.duplicates()) {
      assertEquals(Exclusion.Reason.DUPLICATE, x.reason(), "seed " + seed);
    }
  }

  @Test
  void theDetailNamesTheOneThatCounts() {
    Transcript.Deduplicated d = Transcript.newestPerId(List.of(c("a", 0), c("a", 5)), List.of("old.json", "new.json"));
    assertEquals(List.of(c("a", 5)), d.transcript().credentials());
    assertEquals("a issued 2026-01-01; new.json (issued 2026-01-06) counts instead", d.duplicates().get(0).detail());
  }

  @Test
  void sourcesMustMatchTheCredentials() {
    assertThrows(IllegalArgumentException.class, () -> Transcript.newestPerId(List.of(c("a", 0)), List.of()));
  }
}
