package io.github.microcred.stacking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generator of small random audit instances (rules + transcript). */
final class RandomInstances {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  static final String[] SUBJECTS = {"a", "b", "c"};
  static final String[] PROVIDERS = {"P", "Q", "R"};

  record Instance(Rules rules, Transcript transcript) {}

  private RandomInstances() {}

  static Instance generate(SplittableRandom r, int maxCreds, int maxLeaves) throws StackingException {
    return generate(r, maxCreds, maxLeaves, SUBJECTS);
  }

  /**
   * The issue date for a drawn day count: about one credential in 50 is future-dated (issued after the audit date,
   * so it must be excluded), without drawing more randomness than before.
   */
  static LocalDate issued(int days) {
    return days % 50 == 0 ? AS_OF.plusDays(1 + days / 50) : AS_OF.minusDays(days);
  }

  /** As {@link #generate(SplittableRandom, int, int)}, over the given subjects (more subjects, more components). */
  static Instance generate(SplittableRandom r, int maxCreds, int maxLeaves, String[] subjects)
      throws StackingException {
    int nc = r.nextInt(maxCreds + 1);
    List<Credential> creds = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      double credits = r.nextInt(10) == 0 ? 1.5 : r.nextInt(7);
      Credential.Builder b = Credential.builder("C" + i).credits(credits, "ECTS").level(1 + r.nextInt(5))
          .issuer(PROVIDERS[r.nextInt(PROVIDERS.length)])
          .origin(Origin.values()[r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0])
          .kind(r.nextInt(3) == 0 ? "badge" : "course")
          .subjects(r.nextBoolean() ? new String[] {subjects[r.nextInt(subjects.length)]}
              : new String[] {subjects[r.nextInt(subjects.length)], subjects[r.nextInt(subjects.length)]}.clone())
          .issued(issued(r.nextInt(365 * 10)));
      if (r.nextInt(10) == 0) {
        b.expires(AS_OF.plusDays(r.nextInt(400) - 200));
      }
      if (r.nextInt(8) == 0) {
        b.assessed(false);
      }
      creds.add(b.build());
    }
    int nl = 1 + r.nextInt(maxLeaves);
    List<Requirement> items = new ArrayList<>();
    List<String> leafIds = new ArrayList<>();
    for (int l = 0; l < nl; l++) {
      String id = "L" + l;
      leafIds.add(id);
      int t = r.nextInt(10);
      if (t < 5) {
        items.add(Requirement.credits(id, r.nextInt(11), randomFilter(r, subjects)));
      } else if (t < 7) {
        items.add(Requirement.count(id, 1 + r.nextInt(3), randomFilter(r, subjects)));
      } else if (t < 9) {
        items.add(Requirement.credential(id, "C" + r.nextInt(Math.max(1, nc + 1))));
      } else {
        items.add(Requirement.equivalent(id, "C" + r.nextInt(Math.max(1, nc + 1)),
            "C" + r.nextInt(Math.max(1, nc + 1))));
      }
    }
    int nid = 0;
    while (items.size() > 1 && r.nextInt(3) > 0) {
      int k = 2 + r.nextInt(Math.min(3, items.size() - 1));
      List<Requirement> kids = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        kids.add(items.remove(r.nextInt(items.size())));
      }
      String id = "N" + nid++;
      Requirement[] ka = kids.toArray(new Requirement[0]);
      int t = r.nextInt(3);
      items.add(t == 0 ? Requirement.allOf(id, ka) : t == 1 ? Requirement.anyOf(id, ka)
          : Requirement.nOf(id, 1 + r.nextInt(k), ka));
    }
    Requirement root = items.size() == 1 ? items.get(0) : Requirement.allOf("root", items.toArray(new Requirement[0]));
    Rules.Builder rb = Rules.builder("q").unit("ECTS").requirement(root);
    boolean total = r.nextInt(3) == 0;
    if (total) {
      rb.totalCredits(1 + r.nextInt(24));
    }
    if (r.nextInt(4) == 0) {
      rb.minResidence(r.nextInt(12));
    }
    if (r.nextInt(4) == 0) {
      rb.validityYears(4 + r.nextInt(6));
    }
    if (r.nextInt(3) == 0) {
      rb.cap(Cap.maxPerProvider("perProvider", BigDecimal.valueOf(3 + r.nextInt(10))));
    }
    if (total && r.nextInt(2) == 0) {
      rb.cap(Cap.maxShare("rplShare", Filter.builder().origins(Origin.RPL, Origin.EXTERNAL).build(),
          new BigDecimal("0.34")));
    }
    if (r.nextInt(3) == 0) {
      rb.cap(Cap.maxCount("badges", Filter.builder().kinds("badge").build(), r.nextInt(3)));
    }
    if (r.nextInt(5) == 0) {
      rb.cap(Cap.maxCredits("subjectA", Filter.builder().subjects(subjects[0]).build(),
          BigDecimal.valueOf(r.nextInt(10))));
    }
    int wl = r.nextInt(3);
    for (int w = 0; w < wl && nl > 1; w++) {
      String a = leafIds.get(r.nextInt(nl));
      String b = leafIds.get(r.nextInt(nl));
      if (!a.equals(b)) {
        if (r.nextBoolean()) {
          rb.allowDoubleCounting(a, b);
        } else {
          rb.allowDoubleCounting(new DoubleCount(java.util.Set.of(a, b),
              java.util.Set.of("C" + r.nextInt(Math.max(1, nc)))));
        }
      }
    }
    return new Instance(rb.build(), new Transcript(creds));
  }

  static Filter randomFilter(SplittableRandom r) {
    return randomFilter(r, SUBJECTS);
  }

  static Filter randomFilter(SplittableRandom r, String[] subjects) {
    Filter.Builder b = Filter.builder();
    if (r.nextInt(3) > 0) {
      b.subjects(subjects[r.nextInt(subjects.length)]);
    }
    if (r.nextInt(3) == 0) {
      b.minLevel(1 + r.nextInt(4));
    }
    if (r.nextInt(5) == 0) {
      b.withinYears(2 + r.nextInt(6));
    }
    if (r.nextInt(8) == 0) {
      b.issuers(PROVIDERS[r.nextInt(3)]);
    }
    if (r.nextInt(8) == 0) {
      b.assessedOnly();
    }
    return b.build();
  }
}
