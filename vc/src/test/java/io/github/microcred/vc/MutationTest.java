package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation test: 10,000+ mutations of signed OB3 credentials (changed values, added and removed properties,
 * reordered @context and reordered {@code @list} arrays such as OB3 {@code allowedValue}, swapped key or verification
 * method; the credentials are secured with eddsa-rdfc-2022, ecdsa-rdfc-2019 P-256 / P-384, or an ecdsa-sd-2023
 * derived proof that discloses every member). Verification must accept none of those whose meaning changed, and must still accept pure JSON key
 * reorderings and reorderings of (unordered, set-valued) JSON-LD arrays such as {@code alignment} and
 * {@code evidence}.
 */
class MutationTest {
  static final long SEED = 77_001L;
  static final int MUTATIONS = 10_000;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  record Base(ObjectNode signed, KeyPair key, String canonical) {}

  /** The oracle of "meaning": the RDFC-1.0 canonical N-Quads of the document without its proof. */
  static String canonical(ObjectNode signed) {
    ObjectNode u = signed.deepCopy();
    u.remove("proof");
    try {
      return io.github.microcred.vc.internal.Canonicalizer.canonicalize(
          io.github.microcred.vc.internal.JsonSupport.toJsonP(u).asJsonObject(), ContextLoader.pinned(),
          CanonicalizationLimits.DEFAULT);
    } catch (VcException e) {
      return "invalid: " + e.getMessage();
    }
  }

  static List<String> paths(JsonNode n, String path, boolean leavesOnly, boolean includeProof) {
    List<String> out = new ArrayList<>();
    collect(n, path, leavesOnly, includeProof, out);
    return out;
  }

  static void collect(JsonNode n, String path, boolean leavesOnly, boolean includeProof, List<String> out) {
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("@context") || !includeProof && e.getKey().equals("proof")) {
          continue;
        }
        String p = path + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (!leavesOnly || e.getValue().isValueNode()) {
          out.add(p);
        }
        collect(e.getValue(), p, leavesOnly, includeProof, out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        String p = path + "/" + i;
        if (!leavesOnly || n.get(i).isValueNode()) {
          out.add(p);
        }
        collect(n.get(i), p, leavesOnly, includeProof, out);
      }
    }
  }

  static String lastSegment(String p) {
    return p.substring(p.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }

  static JsonNode parent(ObjectNode doc, String p) {
    return doc.at(p.substring(0, p.lastIndexOf('/')));
  }

  static void set(ObjectNode doc, String p, JsonNode v) {
    JsonNode parent = parent(doc, p);
    if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(lastSegment(p)), v);
    } else {
      ((ObjectNode) parent).set(lastSegment(p), v);
    }
  }

  static JsonNode shuffleKeys(JsonNode n, SplittableRandom r) {
    if (n.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      n.fields().forEachRemaining(entries::add);
      for (int i = entries.size() - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        Map.Entry<String, JsonNode> t = entries.get(i);
        entries.set(i, entries.get(j));
        entries.set(j, t);
      }
      ObjectNode o = TestSupport.JSON.createObjectNode();
      entries.forEach(e -> o.set(e.getKey(), shuffleKeys(e.getValue(), r)));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = TestSupport.JSON.createArrayNode();
      n.forEach(x -> a.add(shuffleKeys(x, r)));
      return a;
    }
    return n;
  }

  /** Applies one meaning-changing mutation; returns its description. */
  static String mutate(ObjectNode doc, SplittableRandom r, List<Base> bases) throws VcException {
    int kind = r.nextInt(100);
    if (kind < 45) { // change a value (anywhere, proof included)
      List<String> leaves = paths(doc, "", true, true);
      String p = leaves.get(r.nextInt(leaves.size()));
      JsonNode old = doc.at(p);
      if (old.isNumber()) {
        set(doc, p, DecimalNode.valueOf(old.decimalValue().add(BigDecimal.ONE)));
      } else if (old.isBoolean()) {
        set(doc, p, com.fasterxml.jackson.databind.node.BooleanNode.valueOf(!old.asBoolean()));
      } else {
        String s = old.asText();
        int cut = s.isEmpty() ? 0 : s.offsetByCodePoints(s.length(), -1);
        set(doc, p, TextNode.valueOf(s.substring(0, cut) + (s.endsWith("x") ? "y" : "x")));
      }
      return "change " + p;
    }
    if (kind < 70) { // remove a property or an array element
      List<String> all = paths(doc, "", false, true);
      String p = all.get(r.nextInt(all.size()));
      JsonNode parent = parent(doc, p);
      if (parent.isArray()) {
        JsonNode removed = parent.get(Integer.parseInt(lastSegment(p)));
        ((ArrayNode) parent).remove(Integer.parseInt(lastSegment(p)));
        for (JsonNode x : parent) {
          if (x.equals(removed)) {
            return null; // a duplicate stays: same RDF, not a meaning change
          }
        }
      } else {
        ((ObjectNode) parent).remove(lastSegment(p));
      }
      return "remove " + p;
    }
    if (kind < 85) { // add a property to some object
      List<String> all = paths(doc, "", false, false);
      all.add("");
      String p = all.get(r.nextInt(all.size()));
      JsonNode target = doc.at(p);
      if (!target.isObject()) {
        return null;
      }
      String[] names = {"description", "humanCode", "fieldOfStudy", "narrative", "name", "genre", "added"};
      String name = names[r.nextInt(names.length)];
      if (target.has(name)) {
        return null;
      }
      ((ObjectNode) target).put(name, "added " + r.nextInt(1000));
      return "add " + p + "/" + name;
    }
    if (kind < 88) { // reorder an @list array (OB3 ResultDescription.allowedValue): order is meaning
      List<String> lists = new ArrayList<>();
      for (String p : paths(doc, "", false, false)) {
        JsonNode n = doc.at(p);
        if (lastSegment(p).equals("allowedValue") && n.isArray() && n.size() > 1) {
          lists.add(p);
        }
      }
      if (lists.isEmpty()) {
        return null;
      }
      String p = lists.get(r.nextInt(lists.size()));
      ArrayNode list = (ArrayNode) doc.at(p);
      int i = r.nextInt(list.size());
      int j = r.nextInt(list.size());
      if (list.get(i).equals(list.get(j))) {
        return null;
      }
      JsonNode t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
      return "reorder @list " + p + " " + i + "," + j;
    }
    if (kind < 90) { // reorder @context (order matters)
      ArrayNode ctx = (ArrayNode) doc.get("@context");
      int i = r.nextInt(ctx.size());
      int j = r.nextInt(ctx.size());
      if (i == j) {
        return null;
      }
      JsonNode t = ctx.get(i);
      ctx.set(i, ctx.get(j));
      ctx.set(j, t);
      return "swap @context " + i + "," + j;
    }
    if (kind < 95) { // a valid proof by another key, verification method unchanged
      KeyPair other = bases.get(r.nextInt(bases.size())).key();
      ObjectNode proof = (ObjectNode) doc.get("proof");
      ObjectNode unsigned = doc.deepCopy();
      unsigned.remove("proof");
      if (!Cryptosuite.forKey(other.type()).id().equals(proof.get("cryptosuite").asText())) {
        return null;
      }
      ObjectNode resigned = Credentials.sign(unsigned, other, Cryptosuite.forKey(other.type()))
          .withVerificationMethod(proof.get("verificationMethod").asText())
          .withCreated(Instant.parse(proof.get("created").asText())).get();
      if (resigned.get("proof").equals(proof)) {
        return null; // same key drawn
      }
      doc.set("proof", resigned.get("proof"));
      return "swap key";
    }
    // another verification method (another did:key), signature unchanged
    KeyPair other = bases.get(r.nextInt(bases.size())).key();
    String vm = other.publicKey().didKeyVerificationMethod();
    if (vm.equals(doc.get("proof").get("verificationMethod").asText())) {
      return null;
    }
    ((ObjectNode) doc.get("proof")).put("verificationMethod", vm);
    return "swap vm";
  }

  @Test
  void noMeaningChangingMutationVerifies() throws Exception {
    SplittableRandom r = new SplittableRandom(SEED);
    List<Base> bases = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      KeyPair k = KeyPair.generate(i % 3 == 0 ? KeyType.P256 : i % 3 == 1 ? KeyType.P384 : KeyType.ED25519);
      ObjectNode signed = Credentials.sign(Ob3Generator.badge(r, k.publicKey().didKey()).toJson(), k,
          Cryptosuite.forKey(k.type())).withClock(CLOCK).get();
      assertTrue(Credentials.verify(signed).withClock(CLOCK).get().verified(), "base " + i);
      bases.add(new Base(signed, k, canonical(signed)));
    }
    for (int i = 0; i < 4; i++) { // ecdsa-sd-2023 derived credentials that disclose every member
      KeyPair k = KeyPair.generate(KeyType.P256);
      ObjectNode base = Credentials.sign(Ob3Generator.badge(r, k.publicKey().didKey()).toJson(), k,
          Cryptosuite.ECDSA_SD_2023).withMandatoryPointers(List.of("/issuer", "/validFrom")).withClock(CLOCK).get();
      List<String> all = new ArrayList<>();
      base.fieldNames().forEachRemaining(f -> {
        if (!f.equals("@context") && !f.equals("proof")) {
          all.add("/" + f);
        }
      });
      ObjectNode signed = Credentials.derive(base, all).get();
      assertTrue(Credentials.verify(signed).withClock(CLOCK).get().verified(), "sd base " + i);
      bases.add(new Base(signed, k, canonical(signed)));
    }
    int applied = 0;
    int reorderings = 0;
    int equivalent = 0;
    int listReorders = 0;
    int attempt = 0;
    while (applied < MUTATIONS) {
      attempt++;
      Base b = bases.get(r.nextInt(bases.size()));
      ObjectNode doc = b.signed().deepCopy();
      if (r.nextInt(20) == 0) { // pure key reordering (and unordered-array reordering of type lists)
        ObjectNode shuffled = (ObjectNode) shuffleKeys(doc, r);
        JsonNode types = shuffled.get("type");
        if (types.isArray() && types.size() == 2) {
          JsonNode first = types.get(0);
          ((ArrayNode) types).remove(0);
          ((ArrayNode) types).add(first);
        }
        // arrays without @list are sets in JSON-LD: reversing them keeps the meaning
        for (String p : paths(shuffled, "", false, false)) {
          String last = lastSegment(p);
          JsonNode n = shuffled.at(p);
          if (n.isArray() && (last.equals("alignment") || last.equals("evidence") || last.equals("tag"))) {
            List<JsonNode> items = new ArrayList<>();
            n.forEach(items::add);
            ((ArrayNode) n).removeAll();
            for (int k = items.size() - 1; k >= 0; k--) {
              ((ArrayNode) n).add(items.get(k));
            }
          }
        }
        VerificationResult vr = Credentials.verify(shuffled).withClock(CLOCK).get();
        assertTrue(vr.verified(), "seed " + SEED + " attempt " + attempt + ": key/set reordering rejected: " + vr);
        reorderings++;
        continue;
      }
      String what = mutate(doc, r, bases);
      if (what == null) {
        continue;
      }
      VerificationResult vr = Credentials.verify(doc).withClock(CLOCK).get();
      if (vr.verified() && doc.get("proof") != null && doc.get("proof").equals(b.signed().get("proof"))
          && canonical(doc).equals(b.canonical())) {
        // same RDF dataset (e.g. a statement repeated on another node removed): the meaning did not change, so
        // accepting it is correct (the oracle is only consulted for accepted documents)
        equivalent++;
        continue;
      }
      applied++;
      if (what.startsWith("reorder @list")) {
        listReorders++;
      }
      if (vr.verified()) {
        throw new AssertionError("seed " + SEED + " attempt " + attempt + ": mutation '" + what
            + "' still verifies: " + doc);
      }
    }
    assertEquals(MUTATIONS, applied);
    assertTrue(reorderings > 100, "reorderings " + reorderings);
    assertTrue(listReorders > 50, "@list reorderings " + listReorders);
  }
}
