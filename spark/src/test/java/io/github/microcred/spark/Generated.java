package io.github.microcred.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.stacking.Cap;
import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.Origin;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of rule sets and learners' transcripts (JSON lines, as mcred audit --bulk reads them). */
final class Generated {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] SUBJECTS = {"DATA", "LANG", "MGMT"};
  static final BigDecimal[] CREDITS = {new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("2.5"),
      new BigDecimal("3"), new BigDecimal("5")};

  private Generated() {}

  /** Two qualifications: a certificate and a diploma, sharing the credential pool. */
  static List<Rules> rules() throws StackingException {
    Rules cert = Rules.builder("https://example.edu/q/cert").title("Certificate").unit("ECTS")
        .requirement(Requirement.allOf("root",
            Requirement.credential("foundation", "MC-001"),
            Requirement.credits("methods", 4, Filter.builder().subjects("DATA").minLevel(6).build()),
            Requirement.nOf("electives", 1, Requirement.credential("e1", "MC-010"),
                Requirement.credential("e2", "MC-011"), Requirement.credential("e3", "MC-012"))))
        .totalCredits(10).validityYears(6)
        .cap(Cap.maxShare("external", Filter.builder().origins(Origin.RPL, Origin.EXTERNAL).build(),
            new BigDecimal("0.34")))
        .build();
    Rules diploma = Rules.builder("https://example.edu/q/diploma").title("Diploma").unit("ECTS")
        .requirement(Requirement.allOf("root",
            Requirement.credits("core", 8, Filter.builder().subjects("DATA").build()),
            Requirement.count("practice", 2, Filter.builder().kinds("project").build()),
            Requirement.anyOf("language", Requirement.credential("l1", "MC-015"),
                Requirement.credits("l2", 3, Filter.builder().subjects("LANG").build()))))
        .totalCredits(18)
        .cap(Cap.maxPerProvider("per provider", new BigDecimal("15")))
        .allowDoubleCounting("core", "practice")
        .build();
    return List.of(cert, diploma);
  }

  /** One learner's transcript line; about 1 in 200 is invalid (a negative credit or a repeated id). */
  static String line(SplittableRandom r, String learner) {
    ObjectNode o = JSON.createObjectNode().put("learner", learner);
    ArrayNode cs = o.putArray("credentials");
    int n = 3 + r.nextInt(14);
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(i);
    }
    for (int i = 0; i < n; i++) {
      int pick = ids.remove(r.nextInt(ids.size()));
      ObjectNode c = cs.addObject().put("id", String.format("MC-%03d", pick));
      c.put("credits", CREDITS[r.nextInt(CREDITS.length)]);
      c.put("level", 4 + r.nextInt(4));
      c.put("provider", "p" + r.nextInt(4));
      c.put("issuer", "https://example.edu/issuers/" + r.nextInt(3));
      c.put("origin", r.nextInt(5) == 0 ? "EXTERNAL" : r.nextInt(8) == 0 ? "RPL" : "RESIDENT");
      c.put("kind", r.nextInt(4) == 0 ? "project" : "course");
      ArrayNode s = c.putArray("subjects");
      for (String sub : SUBJECTS) {
        if (r.nextInt(3) == 0) {
          s.add(sub);
        }
      }
      LocalDate issued = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(9 * 365));
      c.put("issued", issued.toString());
      if (r.nextInt(6) == 0) {
        c.put("expires", issued.plusYears(1 + r.nextInt(4)).toString());
      }
    }
    int bad = r.nextInt(200);
    if (bad == 0 && n > 0) {
      ((ObjectNode) cs.get(0)).put("credits", -1);
    } else if (bad == 1 && n > 1) {
      ((ObjectNode) cs.get(1)).put("id", cs.get(0).get("id").asText());
    }
    return o.toString();
  }

  /** A line without its learner member: the transcript Transcript.fromJson reads (it refuses unknown members). */
  static String transcript(String line) {
    try {
      ObjectNode o = (ObjectNode) JSON.readTree(line);
      o.remove("learner");
      return o.toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
      return line;
    }
  }
}
