package io.github.microcred.vc;

import io.github.microcred.vc.ob3.Achievement;
import io.github.microcred.vc.ob3.AchievementSubject;
import io.github.microcred.vc.ob3.Alignment;
import io.github.microcred.vc.ob3.ClrCredential;
import io.github.microcred.vc.ob3.Evidence;
import io.github.microcred.vc.ob3.IdentityObject;
import io.github.microcred.vc.ob3.OpenBadgeCredential;
import io.github.microcred.vc.ob3.Profile;
import io.github.microcred.vc.ob3.Result;
import io.github.microcred.vc.ob3.ResultDescription;
import io.github.microcred.vc.ob3.RubricCriterionLevel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Seeded generator of varied OB3 / CLR credentials: unicode, nested arrays, results, rubrics, evidence. */
final class Ob3Generator {
  private static final String[] WORDS = {"Teamwork", "Datenanalyse", "Résumé écrit", "日本語の読解", "Сварка",
    "مهارات", "Zürich", "emoji 🎓", "line\nbreak", "quote \"q\"", "tab\tsep", "Ωmega", "naïve café", "한국어"};

  private Ob3Generator() {}

  static String text(SplittableRandom r) {
    StringBuilder sb = new StringBuilder(WORDS[r.nextInt(WORDS.length)]);
    for (int i = r.nextInt(3); i > 0; i--) {
      sb.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  static String uuid(SplittableRandom r) {
    return String.format("urn:uuid:%08x-%04x-4%03x-8%03x-%012x", r.nextInt() & 0xffffffffL, r.nextInt(0x10000),
        r.nextInt(0x1000), r.nextInt(0x1000), r.nextLong() & 0xffffffffffffL);
  }

  static Optional<String> maybe(SplittableRandom r, String s) {
    return r.nextBoolean() ? Optional.of(s) : Optional.empty();
  }

  static Achievement achievement(SplittableRandom r, Profile creator) {
    List<Alignment> al = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      al.add(new Alignment(text(r), "https://example.org/framework/" + r.nextInt(1000), maybe(r, text(r)),
          maybe(r, "ESCO"), maybe(r, "S" + r.nextInt(100)), maybe(r, "ceasn:Competency")));
    }
    List<ResultDescription> rds = new ArrayList<>();
    if (r.nextBoolean()) {
      List<RubricCriterionLevel> levels = new ArrayList<>();
      for (int i = 1 + r.nextInt(3); i > 0; i--) {
        levels.add(new RubricCriterionLevel(uuid(r), text(r), maybe(r, text(r)), maybe(r, "Level " + i),
            maybe(r, String.valueOf(i * 10)), List.of()));
      }
      rds.add(new ResultDescription(uuid(r), text(r), "RubricCriterionLevel", List.of(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), levels, al.isEmpty() ? List.of() : al.subList(0, 1)));
    }
    if (r.nextBoolean()) {
      rds.add(new ResultDescription(uuid(r), "Grade", "LetterGrade", List.of("A", "B", "C", "D", "F"),
          Optional.empty(), Optional.of("C"), Optional.empty(), Optional.empty(), List.of(), List.of()));
    }
    List<String> tags = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      tags.add(text(r));
    }
    return new Achievement("https://example.edu/achievements/" + r.nextInt(1_000_000),
        Optional.of(new String[] {"Badge", "MicroCredential", "Course", "Competency", "Certificate"}[r.nextInt(5)]),
        text(r), text(r), maybe(r, "https://example.edu/criteria/" + r.nextInt(100)), Optional.of(text(r)), al,
        // quarters: jsonld.js writes xsd:double with toExponential(15), titanium with the shortest form; they differ
        // for values such as 8.2 (8.199999999999999E0 vs 8.2E0), see README "Known interop limits"
        r.nextBoolean() ? Optional.of(new BigDecimal(r.nextInt(1, 60) + "." + 25 * r.nextInt(4))) : Optional.empty(),
        rds, maybe(r, text(r)), maybe(r, "MC-" + r.nextInt(1000)), tags,
        r.nextBoolean() ? Optional.of(creator) : Optional.empty(), maybe(r, "en"), maybe(r, "1." + r.nextInt(5)),
        TestSupport.JSON.createObjectNode());
  }

  static OpenBadgeCredential badge(SplittableRandom r, String issuerId) {
    Profile issuer = new Profile(issuerId, Optional.of(text(r)), maybe(r, "https://example.edu"),
        maybe(r, "registrar@example.edu"), maybe(r, text(r)));
    Achievement a = achievement(r, issuer);
    List<Result> results = new ArrayList<>();
    for (ResultDescription rd : a.resultDescriptions()) {
      results.add(new Result(Optional.of(rd.id()), rd.allowedValues().isEmpty() ? Optional.empty()
          : Optional.of(rd.allowedValues().get(r.nextInt(rd.allowedValues().size()))),
          rd.rubricCriterionLevels().isEmpty() ? Optional.empty()
              : Optional.of(rd.rubricCriterionLevels().get(0).id()), maybe(r, "Completed"), List.of()));
    }
    List<IdentityObject> ids = r.nextBoolean()
        ? List.of(IdentityObject.hashed("emailAddress", "learner" + r.nextInt(99) + "@example.org", "s" + r.nextInt()))
        : List.of();
    AchievementSubject s = new AchievementSubject(Optional.of("did:example:learner" + r.nextInt(1000)), ids, a,
        results, a.creditsAvailable(), maybe(r, "2024-01-15T00:00:00Z"), maybe(r, "2024-03-15T00:00:00Z"),
        maybe(r, "Spring 2024"), Optional.empty());
    List<Evidence> ev = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      ev.add(new Evidence(maybe(r, "https://example.edu/evidence/" + r.nextInt(100)), maybe(r, text(r)),
          Optional.of(text(r)), maybe(r, text(r)), maybe(r, "Portfolio"), maybe(r, "Employers")));
    }
    return new OpenBadgeCredential(uuid(r), Optional.of(text(r)), maybe(r, text(r)), issuer,
        "2024-0" + (1 + r.nextInt(9)) + "-01T00:00:00Z", maybe(r, "2030-01-01T00:00:00Z"),
        maybe(r, "2024-04-01T00:00:00Z"), s, ev, List.of(), TestSupport.JSON.createObjectNode());
  }

  static ClrCredential clr(SplittableRandom r, String issuerId, List<ObjectNode> signedBadges) {
    List<Achievement> achievements = new ArrayList<>();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      achievements.add(achievement(r, Profile.of(issuerId, text(r))));
    }
    return new ClrCredential(uuid(r), text(r), Profile.of(issuerId, text(r)), "2024-05-01T00:00:00Z",
        "did:example:learner" + r.nextInt(1000), signedBadges, achievements);
  }
}
