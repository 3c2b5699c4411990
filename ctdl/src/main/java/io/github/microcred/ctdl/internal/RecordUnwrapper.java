package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The first job of reading a record: finding the CTDL document inside what was given — a Registry envelope (its
 * {@code decoded_resource}, else the payload of its {@code resource} JWT), a Registry Assistant {@code publishGraph}
 * request ({@code GraphInput}), or an Assistant simplified request (PascalCase names, turned into CTDL terms).
 */
final class RecordUnwrapper {
  /**
   * The document to read and the JSON path it sits at in the record.
   *
   * @param document the CTDL document (graph, node array or resource)
   * @param base its JSON path
   */
  record Unwrapped(JsonNode document, String base) {}

  private static final List<String> ASSISTANT_KINDS = List.of("Credential", "Organization", "LearningOpportunity",
      "Assessment");

  private RecordUnwrapper() {}

  /**
   * Unwraps a record.
   *
   * @param doc the record
   * @param vocab the vocabulary (to name the Assistant's properties)
   * @param warnings where to say which wrapper was read
   * @return the document and its path
   * @throws IllegalArgumentException when an envelope holds no readable resource
   */
  static Unwrapped unwrap(JsonNode doc, Vocabulary vocab, List<CtdlReader.Warning> warnings) {
    if (doc.isObject() && (doc.has("envelope_type") || doc.has("decoded_resource"))) {
      JsonNode dr = doc.get("decoded_resource");
      if (dr != null && dr.isObject()) {
        return new Unwrapped(dr, "$.decoded_resource");
      }
      dr = decodeJwt(doc.path("resource").asText(""));
      if (dr == null) {
        throw new IllegalArgumentException("$.decoded_resource: the envelope has neither a decoded_resource "
            + "nor a readable resource JWT");
      }
      return new Unwrapped(dr, "$.resource(JWT payload)");
    }
    if (doc.isObject() && doc.has("GraphInput")) {
      warnings.add(new CtdlReader.Warning("$", CtdlProblemCode.REQUEST_UNWRAPPED, "Registry Assistant publishGraph request: reading its GraphInput"));
      return new Unwrapped(doc.get("GraphInput"), "$.GraphInput");
    }
    if (doc.isObject() && !doc.has("@type") && !doc.has("@graph")) {
      for (String k : ASSISTANT_KINDS) {
        if (doc.has(k) && doc.get(k).isObject()) {
          warnings.add(new CtdlReader.Warning("$", CtdlProblemCode.REQUEST_UNWRAPPED, "Registry Assistant request (simplified input, not CTDL): reading "
              + "its " + k + " through the Assistant's PascalCase names"));
          return new Unwrapped(fromAssistant(doc.get(k), k, vocab), "$." + k);
        }
      }
    }
    return new Unwrapped(doc, "$");
  }

  /**
   * Warns when a document names the legacy {@code http://} CTDL context.
   *
   * @param d the document
   * @param base its path
   * @param warnings where to warn
   */
  static void checkContext(JsonNode d, String base, List<CtdlReader.Warning> warnings) {
    JsonNode c = d.get("@context");
    if (c != null && c.isTextual() && c.asText().startsWith("http://")) {
      warnings.add(new CtdlReader.Warning(base + "['@context']", CtdlProblemCode.LEGACY_SHAPE, "legacy http:// context " + c.asText()
          + " read as https"));
    }
  }

  private static JsonNode decodeJwt(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (Exception e) {
      return null;
    }
  }

  /** An Assistant input object in CTDL terms: {@code OwnedBy} → {@code ceterms:ownedBy}, CTID references → URIs. */
  private static JsonNode fromAssistant(JsonNode in, String kind, Vocabulary vocab) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    String type = in.path(kind + "Type").asText(in.path("Type").asText(kind.equals("Credential") ? "Credential" : kind));
    out.put("@type", type.contains(":") ? type : "ceterms:" + type);
    Iterator<Map.Entry<String, JsonNode>> it = in.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (k.equals(kind + "Type") || k.equals("Type")) {
        continue;
      }
      String term = "ceterms:" + Character.toLowerCase(k.charAt(0)) + k.substring(1);
      if (k.equals("Ctid") || k.equals("CTID")) {
        term = "ceterms:ctid";
      }
      JsonNode v = e.getValue();
      if ((k.equals("OwnedBy") || k.equals("OfferedBy")) && v.isArray()) {
        // Assistant organization references {"CTID": ...} → Registry URIs
        ArrayNode refs = JsonNodeFactory.instance.arrayNode();
        for (JsonNode x : v) {
          String c = x.path("CTID").asText(x.path("Ctid").asText(""));
          if (!c.isEmpty()) {
            refs.add(CtdlWriter.RESOURCES + c);
          } else {
            refs.add(x);
          }
        }
        v = refs;
      }
      Vocabulary.PropertyDef p = vocab.property(term);
      if (p != null && p.range().contains("rdf:langString") && v.isTextual()) {
        ObjectNode lm = JsonNodeFactory.instance.objectNode();
        lm.put("en", v.asText());
        out.set(term, lm);
      } else {
        out.set(p != null ? term : k, v);
      }
    }
    return out;
  }
}
