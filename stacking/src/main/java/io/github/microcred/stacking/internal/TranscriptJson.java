package io.github.microcred.stacking.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.stacking.Catalogue;
import io.github.microcred.stacking.CatalogueItem;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.Origin;
import io.github.microcred.stacking.StackingErrorCode;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads transcripts. */
public final class TranscriptJson {
  static final Set<String> FIELDS = Set.of("id", "title", "credits", "unit", "level", "issuer", "provider", "origin",
      "kind", "subjects", "competencies", "tags", "issued", "expires", "creditBearing", "assessed");
  /** The fields of a transcript object (the published transcript.schema.json lists the same). */
  static final Set<String> TOP = Set.of("$schema", "credentials");
  /** The fields of a catalogue object (the published catalogue.schema.json lists the same). */
  static final Set<String> CATALOGUE_TOP = Set.of("$schema", "items");

  private TranscriptJson() {}

  /**
   * Parses a transcript.
   *
   * @param text JSON
   * @return transcript
   * @throws StackingException TRANSCRIPT_INVALID naming the JSON path of every fault
   */
  public static Transcript read(String text) throws StackingException {
    JsonNode root = Json.parse(text, StackingErrorCode.TRANSCRIPT_INVALID, "", "a transcript (a few levels deep)");
    Json j = new Json();
    if (root == null || !root.isObject() || !root.has("credentials") || !root.get("credentials").isArray()) {
      throw new StackingException(StackingErrorCode.TRANSCRIPT_INVALID,
          "$.credentials: expected an object with an array 'credentials'");
    }
    j.only(root, "$", TOP);
    j.text(root, "$schema", "$", "");
    JsonNode a = root.get("credentials");
    List<Credential> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < a.size(); i++) {
      String p = "$.credentials[" + i + "]";
      JsonNode o = a.get(i);
      if (!o.isObject()) {
        j.err(p, "expected an object");
        continue;
      }
      j.only(o, p, FIELDS);
      Credential c = credential(j, o, p);
      if (c != null) {
        if (!ids.add(c.id())) {
          j.err(p + ".id", "duplicate credential id '" + c.id() + "'");
        }
        out.add(c);
      }
    }
    if (!j.errors.isEmpty()) {
      throw new StackingException(StackingErrorCode.TRANSCRIPT_INVALID,
          "invalid transcript: " + String.join("; ", j.errors));
    }
    return new Transcript(out);
  }

  /**
   * Parses a catalogue (not yet checked for cycles).
   *
   * @param text JSON
   * @return catalogue
   * @throws StackingException CATALOGUE_INVALID naming the JSON path of every fault
   */
  public static Catalogue readCatalogue(String text) throws StackingException {
    JsonNode root = Json.parse(text, StackingErrorCode.CATALOGUE_INVALID, "", "a catalogue (a few levels deep)");
    if (root == null || !root.isObject() || !root.path("items").isArray()) {
      throw new StackingException(StackingErrorCode.CATALOGUE_INVALID,
          "$.items: expected an object with an array 'items'");
    }
    Json j = new Json();
    j.only(root, "$", CATALOGUE_TOP);
    j.text(root, "$schema", "$", "");
    JsonNode a = root.get("items");
    List<CatalogueItem> out = new ArrayList<>();
    Set<String> allowed = new HashSet<>(FIELDS);
    allowed.addAll(Set.of("hours", "cost", "prerequisites"));
    for (int i = 0; i < a.size(); i++) {
      String p = "$.items[" + i + "]";
      JsonNode o = a.get(i);
      if (!o.isObject()) {
        j.err(p, "expected an object");
        continue;
      }
      j.only(o, p, allowed);
      BigDecimal hours = j.number(o, "hours", p, BigDecimal.ZERO);
      BigDecimal cost = j.number(o, "cost", p, BigDecimal.ZERO);
      if (hours.signum() < 0) {
        j.err(p + ".hours", "negative hours " + hours.toPlainString());
      }
      if (cost.signum() < 0) {
        j.err(p + ".cost", "negative cost " + cost.toPlainString());
      }
      Credential c = credential(j, o, p);
      if (c != null && hours.signum() >= 0 && cost.signum() >= 0) {
        out.add(new CatalogueItem(c, hours, cost, j.strings(o, "prerequisites", p)));
      }
    }
    if (!j.errors.isEmpty()) {
      throw new StackingException(StackingErrorCode.CATALOGUE_INVALID, "invalid catalogue: "
          + String.join("; ", j.errors));
    }
    return new Catalogue(out);
  }

  /**
   * Reads one credential object (shared with the catalogue reader).
   *
   * @param j error collector
   * @param o node
   * @param p path
   * @return the credential, or null after recording errors
   */
  static Credential credential(Json j, JsonNode o, String p) {
    int before = j.errors.size();
    String id = j.text(o, "id", p, null);
    j.text(o, "title", p, ""); // for people: checked to be a string, not used by the audit
    BigDecimal credits = j.number(o, "credits", p, BigDecimal.ZERO);
    if (credits.signum() < 0) {
      j.err(p + ".credits", "negative credits " + credits.toPlainString());
    }
    String unitName = j.text(o, "unit", p, "ECTS");
    var unit = Units.find(unitName);
    if (unit.isEmpty()) {
      j.err(p + ".unit", "unknown credit unit '" + unitName + "'");
    }
    Credential.Builder b = Credential.builder(id)
        .credits(new CreditValue(credits.max(BigDecimal.ZERO),
            unit.orElse(CreditUnit.ECTS)))
        .level(j.integer(o, "level", p, 0))
        .issuer(j.text(o, "issuer", p, ""))
        .kind(j.text(o, "kind", p, "course"))
        .subjects(j.strings(o, "subjects", p).toArray(new String[0]))
        .competencies(j.strings(o, "competencies", p).toArray(new String[0]))
        .tags(j.strings(o, "tags", p).toArray(new String[0]))
        .creditBearing(j.bool(o, "creditBearing", p, true))
        .assessed(j.bool(o, "assessed", p, true));
    if (o.has("provider")) {
      b.provider(j.text(o, "provider", p, ""));
    }
    String origin = j.text(o, "origin", p, "RESIDENT");
    try {
      b.origin(Origin.valueOf(origin));
    } catch (IllegalArgumentException e) {
      j.err(p + ".origin", "unknown origin '" + origin + "' (expected RESIDENT, EXTERNAL or RPL)");
    }
    var issued = j.date(o, "issued", p);
    if (issued != null) {
      b.issued(issued);
    }
    var exp = j.date(o, "expires", p);
    if (exp != null) {
      b.expires(exp);
    }
    return j.errors.size() > before ? null : b.build();
  }
}
