package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded JSON-LD aliasing mutation suite (issue 11). Over 28 signed credentials (OB 3.0 badges, CLR 2.0, plain VC
 * 2.0 and VC 1.1; valid, expired, not yet valid and revoked ones; {@code eddsa-rdfc-2022},
 * {@code ecdsa-rdfc-2019} P-256 / P-384, their JCS counterparts {@code eddsa-jcs-2022} / {@code ecdsa-jcs-2019}
 * (which sign the JSON, not the graph), {@code ecdsa-sd-2023} derived credentials (the issuer's base proof, every
 * member disclosed), and {@code vc+jwt}) it re-spells the checked members
 * ({@code id}, {@code type}, {@code issuer}, {@code validFrom}, {@code validUntil}, {@code issuanceDate},
 * {@code expirationDate}, {@code credentialStatus}, {@code credentialSubject}, and the OB 3.0 {@code endorsement} of
 * three badges, one of them altered after its endorser signed it) the ways JSON-LD allows: full-IRI and
 * CURIE keys, {@code @id} / {@code @type} for the aliases, value objects, nested {@code @context} (URL and inline, with
 * {@code @vocab} or a prefix), {@code @vocab}, {@code @graph}, {@code @included}, {@code @nest}, {@code @reverse}, a
 * nested node reusing the credential id; and, as a control, pure re-orderings of the members (still the compact
 * form, so they must be accepted). Every mutant is verified twice for Data Integrity: re-signed by the issuer
 * after the mutation, and as a holder's re-arrangement of the already signed document (the original proof kept);
 * and once as a {@code vc+jwt} signed over the mutated payload.
 *
 * <p>A mutant is <em>accepted</em> only when every check has the same outcome as on the compact original; any other
 * mutant must not verify. A re-arrangement into the same RDF (its original proof still verifies) must moreover never
 * turn a failed validity, status or nested-credential check into a passed one, whatever the compact-form check says:
 * the decisions are
 * read from the signed graph. The run prints how many mutants were accepted and why, and how the others failed.
 */
class AliasingMutationTest {
  static final long SEED = 11_011L;
  static final int DI_MUTATIONS = 3_600;
  static final int JWT_MUTATIONS = 1_800;
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String CRED = "https://www.w3.org/2018/credentials#";
  static final String XSD_DATE_TIME = "http://www.w3.org/2001/XMLSchema#dateTime";
  static final String REVOKED_INDEX = "13";
  static final List<String> CHECKED = List.of("id", "type", "issuer", "validFrom", "validUntil", "issuanceDate",
      "expirationDate", "credentialStatus", "credentialSubject", "endorsement");
  static final String OB_VOCAB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";
  static final KeyPair[] KEYS = {KeyPair.generate(KeyType.ED25519), KeyPair.generate(KeyType.P256),
    KeyPair.generate(KeyType.P384)};

  /** Revokes index 13, passes every other entry. */
  static final StatusCheck STATUS = (cred, now) -> {
    for (JsonNode e : cred.path("credentialStatus").isArray() ? cred.get("credentialStatus")
        : List.of(cred.path("credentialStatus"))) {
      if (REVOKED_INDEX.equals(e.path("statusListIndex").asText())) {
        return VerificationCheck.failed(CheckName.STATUS, "$.credentialStatus", VerificationCode.REVOKED, "revoked");
      }
    }
    return VerificationCheck.passed(CheckName.STATUS, "$.credentialStatus", "not revoked");
  };

  record Original(String name, ObjectNode unsigned, ObjectNode signed, KeyPair key, Cryptosuite suite,
      String scenario,
      Map<CheckName, List<VerificationCheck.Outcome>> outcomes, String canonical,
      Map<CheckName, List<VerificationCheck.Outcome>> jwtOutcomes) {}

  static ObjectNode plainVc(SplittableRandom r, String issuer, boolean vc1) {
    ObjectNode c = TestSupport.JSON.createObjectNode();
    ArrayNode ctx = c.putArray("@context");
    ctx.add(vc1 ? VerifyOperation.VC1 : VerifyOperation.VC2);
    if (!vc1) {
      ctx.add("https://www.w3.org/ns/credentials/examples/v2"); // has @vocab: unknown terms map silently
    } else {
      ctx.add("https://w3id.org/security/data-integrity/v2"); // the VC 1.1 examples context needs ODRL (not pinned)
    }
    if (r.nextInt(4) != 0) {
      c.put("id", Ob3Generator.uuid(r));
    }
    ArrayNode types = c.putArray("type").add("VerifiableCredential");
    if (!vc1) {
      types.add("ExampleCredential");
    }
    if (vc1 || r.nextBoolean()) {
      c.put("issuer", issuer);
    } else {
      c.putObject("issuer").put("id", issuer).put("name", Ob3Generator.text(r));
    }
    c.put(vc1 ? "issuanceDate" : "validFrom", "2024-02-01T00:00:00Z");
    ObjectNode s = c.putObject("credentialSubject");
    s.put("id", "did:example:subject" + r.nextInt(1000));
    if (!vc1) {
      s.put("name", Ob3Generator.text(r));
    }
    return c;
  }

  static void scenario(ObjectNode u, String scenario, boolean vc1, SplittableRandom r) {
    String until = vc1 ? "expirationDate" : "validUntil";
    switch (scenario) {
      case "expired":
        u.put(until, "2024-11-30T00:00:00Z");
        break;
      case "not-yet-valid":
        u.put("validFrom", "2025-03-01T00:00:00Z");
        if (vc1) {
          u.remove("issuanceDate");
          u.put("issuanceDate", "2024-02-01T00:00:00Z");
        }
        break;
      case "revoked":
      case "valid":
        if (scenario.equals("revoked") || r.nextBoolean()) {
          if (vc1) {
            break; // the VC 1.1 context has no BitstringStatusListEntry
          }
          u.putObject("credentialStatus").put("id", "https://example.edu/status/1#" + r.nextInt(1000))
              .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
              .put("statusListIndex", scenario.equals("revoked") ? REVOKED_INDEX : "7")
              .put("statusListCredential", "https://example.edu/status/1");
        }
        if (r.nextBoolean()) {
          u.put(until, "2030-01-01T00:00:00Z");
        }
        break;
      default:
        throw new IllegalArgumentException(scenario);
    }
  }

  static Map<CheckName, List<VerificationCheck.Outcome>> outcomes(VerificationResult r) {
    Map<CheckName, List<VerificationCheck.Outcome>> m = new EnumMap<>(CheckName.class);
    for (VerificationCheck c : r.checks()) {
      m.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c.outcome());
    }
    return m;
  }

  static VerificationResult verify(JsonNode doc) {
    return Credentials.verify(doc).withClock(CLOCK).withStatus(STATUS).get();
  }

  static JwtVerification verifyJwt(String jwt) {
    return VcJwt.verify(jwt).withClock(CLOCK).withStatus(STATUS).get();
  }

  static ObjectNode sign(ObjectNode u, KeyPair k, Cryptosuite suite) throws VcException {
    if (suite == Cryptosuite.ECDSA_SD_2023) { // the issuer's base proof, then the holder discloses every member
      ObjectNode base = Credentials.sign(u, k, suite).withCreated(NOW.minusSeconds(3600)).get();
      List<String> all = new ArrayList<>();
      base.fieldNames().forEachRemaining(f -> {
        if (!f.equals("@context") && !f.equals("proof")) {
          all.add("/" + f.replace("~", "~0").replace("/", "~1"));
        }
      });
      return Credentials.derive(base, all).get();
    }
    return Credentials.sign(u, k, suite).withCreated(NOW.minusSeconds(3600)).get();
  }

  /** Credentials 2, 3, 6, 7, ... are signed with the JCS suite of their key (Ed25519, P-256 and P-384 among them). */
  static Cryptosuite suite(int i, KeyPair k) {
    Cryptosuite rdfc = Cryptosuite.forKey(k.type());
    return (i / 2) % 2 == 0 ? rdfc
        : rdfc == Cryptosuite.EDDSA_RDFC_2022 ? Cryptosuite.EDDSA_JCS_2022 : Cryptosuite.ECDSA_JCS_2019;
  }

  static String signJwt(ObjectNode u, KeyPair k) throws VcException {
    return VcJwt.sign(u, k).withClock(Clock.fixed(NOW.minusSeconds(3600), ZoneOffset.UTC)).get();
  }

  static String canonical(ObjectNode doc) {
    ObjectNode u = doc.deepCopy();
    u.remove("proof");
    try {
      return Canonicalizer.canonicalize(DataIntegrity.withoutProof(JsonSupport.toJsonP(u).asJsonObject()),
          ContextLoader.pinned(), CanonicalizationLimits.DEFAULT);
    } catch (VcException e) {
      return "invalid: " + e.getMessage();
    }
  }

  static List<Original> originals(SplittableRandom r) throws VcException {
    List<Original> out = new ArrayList<>();
    String[] scenarios = {"valid", "expired", "not-yet-valid", "revoked"};
    for (int i = 0; i < 24; i++) {
      KeyPair k = KEYS[i % 3 == 2 && i % 2 == 0 ? 2 : i % 2];
      Cryptosuite suite = suite(i, k);
      String issuer = k.publicKey().didKey();
      String scenario = i >= 20 && i % 4 == 3 ? "expired" : scenarios[i % 4]; // VC 1.1 has no status entry type
      ObjectNode u;
      String name;
      boolean vc1 = false;
      if (i < 10) {
        u = Ob3Generator.badge(r, issuer).toJson();
        name = "ob3-" + i;
      } else if (i < 14) {
        List<ObjectNode> nested = List.of(sign(Ob3Generator.badge(r, issuer).toJson(), k, suite));
        u = Ob3Generator.clr(r, issuer, nested).toJson();
        name = "clr-" + i;
      } else if (i < 20) {
        u = plainVc(r, issuer, false);
        name = "vc2-" + i;
      } else {
        vc1 = true;
        u = plainVc(r, issuer, true);
        name = "vc1-" + i;
      }
      u.remove("validUntil");
      scenario(u, scenario, vc1, r);
      // OB 3.0 endorsements (embedded credentials): valid on ob3-0 and ob3-4, altered after signing on ob3-8
      boolean forged = i == 8;
      if (i < 10 && i % 4 == 0) {
        ObjectNode e = sign(new io.github.microcred.vc.ob3.EndorsementCredential("urn:uuid:5e0d0000-0000-4000-8000-"
            + String.format("%012d", i), "Endorsement " + i, io.github.microcred.vc.ob3.Profile.of(
                KEYS[0].publicKey().didKey(), "Endorser"), "2024-01-01T00:00:00Z",
            u.at("/credentialSubject/achievement/id").asText(), java.util.Optional.of("Rigorous")).toJson(), KEYS[0],
            Cryptosuite.EDDSA_RDFC_2022);
        if (forged) {
          ((ObjectNode) e.get("credentialSubject")).put("endorsementComment", "altered after signing");
        }
        u.putArray("endorsement").add(e);
        name += forged ? "+forged-endorsement" : "+endorsement";
      }
      ObjectNode signed = sign(u, k, suite);
      VerificationResult vr = verify(signed);
      boolean shouldVerify = scenario.equals("valid") && !forged;
      assertTrue(vr.verified() == shouldVerify, name + " " + scenario + ": " + vr);
      assertTrue(vr.passed(CheckName.COMPACT_FORM), name + ": the compact original is in compact form: " + vr);
      Map<CheckName, List<VerificationCheck.Outcome>> jwtOutcomes = null;
      if (!vc1) { // vc+jwt is VC 2.0 only
        JwtVerification jv = verifyJwt(signJwt(u, k));
        assertTrue(jv.verified() == shouldVerify, name + " " + scenario + " as vc+jwt: " + jv.result());
        jwtOutcomes = outcomes(jv.result());
      }
      out.add(new Original(name + "/" + scenario + "/" + suite.id() + "/" + k.type(), u, signed, k, suite,
          scenario, outcomes(vr),
          canonical(signed), jwtOutcomes));
    }
    for (int i = 0; i < 4; i++) { // ecdsa-sd-2023 derived credentials (P-256), one per scenario
      KeyPair k = KEYS[1];
      String scenario = scenarios[i];
      ObjectNode u = Ob3Generator.badge(r, k.publicKey().didKey()).toJson();
      u.remove("validUntil");
      scenario(u, scenario, false, r);
      ObjectNode signed = sign(u, k, Cryptosuite.ECDSA_SD_2023);
      VerificationResult vr = verify(signed);
      assertTrue(vr.verified() == scenario.equals("valid"), "sd-" + i + " " + scenario + ": " + vr);
      assertTrue(vr.passed(CheckName.COMPACT_FORM), "sd-" + i + ": the compact original is in compact form: " + vr);
      JwtVerification jv = verifyJwt(signJwt(u, k));
      out.add(new Original("ob3-sd-" + i + "/" + scenario + "/ecdsa-sd-2023/P256", u, signed, k,
          Cryptosuite.ECDSA_SD_2023, scenario, outcomes(vr), canonical(signed), outcomes(jv.result())));
    }
    return out;
  }

  // ------------------------------------------------------------------ mutations

  static JsonNode typedDate(JsonNode v) {
    return v.isTextual() ? TestSupport.JSON.createObjectNode().put("@value", v.asText()).put("@type", XSD_DATE_TIME)
        : v;
  }

  static boolean isDate(String member) {
    return member.startsWith("valid") || member.equals("issuanceDate") || member.equals("expirationDate");
  }

  /** The value as the same RDF would read under a full-IRI key (dates typed, IRIs as node references). */
  static JsonNode sameRdfValue(String member, JsonNode v) {
    if (isDate(member)) {
      return typedDate(v);
    }
    if ((member.equals("issuer") || member.equals("credentialStatus")) && v.isTextual()) {
      return TestSupport.JSON.createObjectNode().put("@id", v.asText());
    }
    return v;
  }

  /** Replaces key {@code from} by {@code to} in place, keeping the member order otherwise. */
  static void rename(ObjectNode o, String from, String to, JsonNode value) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
    o.removeAll();
    for (Map.Entry<String, JsonNode> e : entries) {
      if (e.getKey().equals(from)) {
        o.set(to, value);
      } else {
        o.set(e.getKey(), e.getValue());
      }
    }
  }

  static String fullIri(String member) {
    return member.equals("id") ? "@id" : member.equals("type") ? "@type"
        : member.equals("endorsement") ? OB_VOCAB + member : CRED + member;
  }

  static List<ObjectNode> objectsIn(JsonNode n) {
    List<ObjectNode> out = new ArrayList<>();
    collectObjects(n, out, 0);
    return out;
  }

  static void collectObjects(JsonNode n, List<ObjectNode> out, int depth) {
    if (n.isObject()) {
      if (depth > 0) {
        out.add((ObjectNode) n);
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!e.getKey().equals("proof") && !e.getKey().equals("@context")
            && !e.getKey().startsWith("microcredential")) {
          collectObjects(e.getValue(), out, depth + 1);
        }
      }
    } else if (n.isArray()) {
      n.forEach(x -> collectObjects(x, out, depth));
    }
  }

  /**
   * Applies one aliasing mutation to a document (a signed one keeps its proof untouched).
   *
   * @return the description, or null when the mutation does not apply
   */
  static String mutate(ObjectNode doc, SplittableRandom r) {
    List<String> present = new ArrayList<>();
    for (String m : CHECKED) {
      if (doc.has(m)) {
        present.add(m);
      }
    }
    String m = present.get(r.nextInt(present.size()));
    JsonNode v = doc.get(m);
    String id = doc.path("id").asText(null);
    int op = r.nextInt(16);
    switch (op) {
      case 0: { // full-IRI key, same RDF value
        rename(doc, m, fullIri(m), sameRdfValue(m, v));
        return "full-IRI key " + m + " (same RDF)";
      }
      case 1: { // full-IRI key, value as written (a date becomes an untyped literal)
        rename(doc, m, fullIri(m), v);
        return "full-IRI key " + m + " (plain value)";
      }
      case 2: { // CURIE key (a real prefix in VC 1.1 / CLR scopes; a foreign scheme under VC 2.0)
        rename(doc, m, m.equals("id") || m.equals("type") ? fullIri(m) : "cred:" + m,
            r.nextBoolean() ? sameRdfValue(m, v) : v);
        return "CURIE key " + m;
      }
      case 3: { // value object on the checked member
        if (isDate(m) || m.equals("issuer") && v.isTextual()) {
          JsonNode vo = r.nextBoolean() ? sameRdfValue(m, v)
              : TestSupport.JSON.createObjectNode().put("@value", v.asText());
          doc.set(m, vo);
          return "value object " + m;
        }
        if (m.equals("credentialStatus") && v.isObject()) {
          ((ObjectNode) v).set("statusListIndex", TestSupport.JSON.createObjectNode()
              .put("@value", v.path("statusListIndex").asText()));
          return "value object credentialStatus.statusListIndex";
        }
        return null;
      }
      case 4: { // @id / @type for the id / type aliases inside a checked object
        if (!v.isObject()) {
          return null;
        }
        String k = v.has("id") && r.nextBoolean() ? "id" : v.has("type") ? "type" : v.has("id") ? "id" : null;
        if (k == null) {
          return null;
        }
        rename((ObjectNode) v, k, "@" + k, v.get(k));
        return "@" + k + " alias in " + m;
      }
      case 5: { // nested @context on a nested object: URL, inline @vocab, inline prefix + CURIE copy
        List<ObjectNode> objects = objectsIn(doc);
        if (objects.isEmpty()) {
          return null;
        }
        ObjectNode target = objects.get(r.nextInt(objects.size()));
        int kind = r.nextInt(3);
        if (kind == 0) {
          target.set("@context", doc.get("@context").isArray() ? doc.get("@context").get(0) : doc.get("@context"));
          return "nested @context URL";
        }
        if (kind == 1) {
          target.putObject("@context").put("@vocab", CRED);
          return "nested inline @vocab";
        }
        target.putObject("@context").put("cred", CRED);
        target.put("cred:validUntil", "2024-06-01T00:00:00Z");
        return "nested inline prefix + CURIE key";
      }
      case 6: { // @vocab at the top (inline context) or as a key
        if (r.nextBoolean()) {
          ((ArrayNode) doc.get("@context")).addObject().put("@vocab", CRED);
          return "top-level inline @vocab";
        }
        doc.put("@vocab", CRED);
        return "@vocab key";
      }
      case 7: { // @graph: everything but @context and proof moved into one node of @graph
        ObjectNode node = TestSupport.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> e : new ArrayList<>(doc.properties())) {
          if (!e.getKey().equals("@context") && !e.getKey().equals("proof")) {
            node.set(e.getKey(), e.getValue());
            doc.remove(e.getKey());
          }
        }
        doc.putArray("@graph").add(node);
        return "@graph wrapping";
      }
      case 8: { // @included: the member moved (or a second value added) on a node with the credential's id
        if (id == null || m.equals("id") || m.equals("type")) {
          return null;
        }
        ObjectNode inc = doc.withArray("@included").addObject();
        inc.put("id", id).put("type", "VerifiableCredential");
        boolean move = r.nextBoolean();
        inc.set(m, move ? v : isDate(m) ? TestSupport.JSON.getNodeFactory().textNode("2024-06-01T00:00:00Z") : v);
        if (move) {
          doc.remove(m);
        }
        return "@included " + (move ? "moves " : "adds ") + m;
      }
      case 9: { // @nest
        if (m.equals("id") || m.equals("type")) {
          return null;
        }
        doc.remove(m);
        doc.putObject("@nest").set(m, v);
        return "@nest " + m;
      }
      case 10: { // @reverse: a statement pointing at the credential, or the subject re-attached in reverse
        if (m.equals("credentialSubject") && v.isObject() && id != null) {
          ObjectNode s = ((ObjectNode) v).deepCopy();
          s.putObject("@reverse").putObject(CRED + "credentialSubject").put("id", id);
          doc.remove(m);
          doc.withArray("@included").add(s);
          return "@reverse re-attaches credentialSubject";
        }
        doc.putObject("@reverse").putObject("https://example.org/vocab#points").put("id", "https://example.org/x");
        return "@reverse statement";
      }
      case 11: { // a nested node reusing the credential id carries the member
        if (id == null || m.equals("id")) {
          return null;
        }
        ObjectNode holder = doc.withArray("evidence").addObject();
        holder.put("id", id).put("type", "VerifiableCredential");
        if (!m.equals("type")) {
          holder.set(m, isDate(m) && r.nextBoolean() ? TestSupport.JSON.getNodeFactory().textNode("2024-06-01T00:00:00Z")
              : v);
          if (r.nextBoolean()) {
            doc.remove(m);
          }
        }
        return "nested node reusing the credential id with " + m;
      }
      case 14: { // issue 14: a top-level inline context object re-spelling a checked member (or a proof option)
        ObjectNode ctx = ((ArrayNode) doc.get("@context")).addObject();
        String alias = "aliased" + Character.toUpperCase(m.charAt(0)) + m.substring(1);
        if (doc.has("proof") && doc.get("proof").isObject() && r.nextInt(4) == 0) {
          ObjectNode proof = (ObjectNode) doc.get("proof");
          ctx.put("purposeAlias", SEC + "proofPurpose");
          rename(proof, "proofPurpose", "purposeAlias",
              TestSupport.JSON.createObjectNode().put("@id", SEC + proof.path("proofPurpose").asText()));
          return "inline term aliasing proof.proofPurpose (same RDF)";
        }
        if (m.equals("id") || m.equals("type")) {
          ctx.put(alias, "@" + m);
          rename(doc, m, alias, v);
          return "inline keyword alias of " + m;
        }
        switch (r.nextInt(6)) {
          case 0:
            ctx.put(alias, fullIri(m));
            rename(doc, m, alias, sameRdfValue(m, v));
            return "inline term aliasing " + m + " (same RDF)";
          case 1:
            ctx.putObject(alias).put("@id", fullIri(m)).put("@type", isDate(m) ? XSD_DATE_TIME : "@id");
            rename(doc, m, alias, v);
            return "inline expanded definition aliasing " + m;
          case 2:
            ctx.putObject(alias).put("@reverse", fullIri(m));
            return "inline @reverse definition of " + m;
          case 3:
            ctx.put("did", "https://evil.example/");
            return "inline prefix term did (re-spells did: IRIs) with " + m;
          case 4:
            ctx.put(r.nextBoolean() ? "@vocab" : "@base", CRED);
            return "inline @vocab / @base with " + m;
          default:
            ctx.put(m, "https://example.org/vocab#" + m); // redefinition of the pinned term itself
            return "inline redefinition of " + m;
        }
      }
      case 15: { // issue 14: benign inline contexts (the W3C fixtures' form): accepted when nothing else changes
        ObjectNode ctx = ((ArrayNode) doc.get("@context")).addObject();
        if (r.nextBoolean()) {
          ctx.put("MicrocredUnusedTerm", "https://example.org/vocab#MicrocredUnusedTerm");
          return "control: an inline context defining an unused term";
        }
        ctx.put("MicrocredExampleType", "https://example.org/vocab#MicrocredExampleType");
        JsonNode t = doc.get("type");
        ArrayNode types = TestSupport.JSON.createArrayNode();
        if (t.isArray()) {
          types.addAll((ArrayNode) t);
        } else {
          types.add(t);
        }
        doc.set("type", types.add("MicrocredExampleType"));
        return "control: an inline type term added to the types";
      }
      case 13: { // control: a pure JSON re-ordering of the members, still the compact form (must be accepted)
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(doc.properties());
        for (int i = entries.size() - 1; i > 0; i--) {
          int j = r.nextInt(i + 1);
          Map.Entry<String, JsonNode> t = entries.get(i);
          entries.set(i, entries.get(j));
          entries.set(j, t);
        }
        doc.removeAll();
        entries.forEach(e -> doc.set(e.getKey(), e.getValue()));
        return "control: members re-ordered";
      }
      default: { // an embedded credential position abused: @context on a non-credential object
        ObjectNode s = doc.path("credentialSubject").isObject() ? (ObjectNode) doc.get("credentialSubject") : null;
        if (s == null) {
          return null;
        }
        s.putArray("@context").addObject().put("validUntil", CRED + "validFrom");
        return "inline context redefining validUntil in credentialSubject";
      }
    }
  }

  // ------------------------------------------------------------------ the run

  @Test
  void aliasingNeverChangesAnOutcome() throws Exception {
    SplittableRandom r = new SplittableRandom(SEED);
    List<Original> originals = originals(r);
    Map<String, Integer> accepted = new TreeMap<>();
    Map<String, Integer> rejected = new TreeMap<>();
    List<String> bypasses = new ArrayList<>();
    int diRuns = 0;
    int jwtRuns = 0;
    int attempts = 0;
    while (diRuns < DI_MUTATIONS && attempts < DI_MUTATIONS * 10) {
      attempts++;
      Original o = originals.get(r.nextInt(originals.size()));
      SplittableRandom rr = r.split();
      ObjectNode mutated = o.unsigned().deepCopy();
      String what = mutate(mutated, rr.split());
      ObjectNode rearranged = o.signed().deepCopy();
      String what2 = mutate(rearranged, rr.split());
      if (what == null || what2 == null) {
        continue;
      }
      // 1. issuer-signed over the aliased form
      ObjectNode resigned;
      try {
        resigned = sign(mutated, o.key(), o.suite());
      } catch (VcException e) {
        resigned = null; // the signer refuses it (e.g. undefined term): no signature to attack with
      }
      if (resigned != null) {
        diRuns++;
        judge("DI re-signed", o.name(), what, verify(resigned), o.outcomes(), false, accepted, rejected, bypasses);
      }
      // 2. the holder re-arranges the signed document (same signature)
      diRuns++;
      VerificationResult vr = verify(rearranged);
      boolean sameRdf = vr.passed(CheckName.PROOF);
      judge("DI re-arranged", o.name(), what2, vr, o.outcomes(), sameRdf, accepted, rejected, bypasses);
    }
    attempts = 0;
    while (jwtRuns < JWT_MUTATIONS && attempts < JWT_MUTATIONS * 10) {
      attempts++;
      Original o = originals.get(r.nextInt(originals.size()));
      if (o.jwtOutcomes() == null) {
        continue;
      }
      ObjectNode mutated = o.unsigned().deepCopy();
      String what = mutate(mutated, r.split());
      if (what == null) {
        continue;
      }
      String jwt;
      try {
        jwt = signJwt(mutated, o.key());
      } catch (VcException e) {
        continue; // no issuer to sign for
      }
      jwtRuns++;
      judge("vc+jwt", o.name(), what, verifyJwt(jwt).result(), o.jwtOutcomes(), false, accepted, rejected, bypasses);
    }
    int total = diRuns + jwtRuns;
    int acc = accepted.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("AliasingMutationTest seed " + SEED + ": " + total + " mutants (" + diRuns + " Data Integrity, "
        + jwtRuns + " vc+jwt) over " + originals.size() + " credentials; " + acc
        + " accepted (every check as on the compact original), " + (total - acc) + " refused");
    accepted.forEach((k, n) -> System.out.println("  accepted " + n + " x " + k));
    rejected.forEach((k, n) -> System.out.println("  refused  " + n + " x " + k));
    NO_FAILURE_EXAMPLES.forEach(x -> System.out.println("  (different outcomes without a failed check: " + x + ")"));
    assertTrue(total >= 5_000, "at least 5,000 mutants, got " + total + " (seed " + SEED + ")");
    assertTrue(acc > 0, "the control re-orderings (compact form kept) are accepted (seed " + SEED + ")");
    assertTrue(bypasses.isEmpty(), "seed " + SEED + ": " + bypasses.size() + " mutants changed an outcome and were "
        + "not refused; first: " + String.join("\n", bypasses.subList(0, Math.min(5, bypasses.size()))));
  }

  static final List<String> NO_FAILURE_EXAMPLES = new ArrayList<>();

  static void judge(String mode, String name, String what, VerificationResult r,
      Map<CheckName, List<VerificationCheck.Outcome>> expected, boolean sameRdf, Map<String, Integer> accepted,
      Map<String, Integer> rejected, List<String> bypasses) {
    Map<CheckName, List<VerificationCheck.Outcome>> got = outcomes(r);
    String op = what.replaceAll(" (id|type|issuer|validFrom|validUntil|issuanceDate|expirationDate|credentialStatus"
        + "|credentialSubject|endorsement|holder|verifiableCredential|challenge|domain|created|verificationMethod)\\b.*",
        " <member>");
    if (got.equals(expected)) {
      accepted.merge(mode + ": " + op, 1, Integer::sum);
      return;
    }
    String firstFailure = r.failures().isEmpty() ? "none" : r.failures().get(0).name().toString();
    rejected.merge(mode + " by " + firstFailure, 1, Integer::sum);
    if (r.failures().isEmpty() && NO_FAILURE_EXAMPLES.size() < 3) {
      NO_FAILURE_EXAMPLES.add(mode + " " + name + " [" + what + "]: " + got + " vs " + expected);
    }
    if (r.verified()) {
      bypasses.add(mode + " " + name + " [" + what + "] verified with " + got + " (original " + expected + ")");
      return;
    }
    if (sameRdf) {
      for (CheckName c : List.of(CheckName.VALIDITY_PERIOD, CheckName.STATUS, CheckName.NESTED_CREDENTIALS)) {
        boolean wasFailed = expected.getOrDefault(c, List.of()).contains(VerificationCheck.Outcome.FAILED);
        boolean nowPassed = got.getOrDefault(c, List.of()).contains(VerificationCheck.Outcome.PASSED);
        if (wasFailed && nowPassed) {
          bypasses.add(mode + " " + name + " [" + what + "] same RDF, but " + c + " passed: " + r);
        }
      }
    }
  }

  // ------------------------------------------------------------------ presentations (Data Integrity)

  static final long VP_SEED = 11_012L;
  static final int VP_MUTATIONS = 1_200;
  static final String SEC = "https://w3id.org/security#";
  static final List<String> VP_CHECKED = List.of("holder", "id", "type", "verifiableCredential");
  static final List<String> PROOF_CHECKED = List.of("challenge", "domain", "created", "verificationMethod");

  record VpOriginal(String name, ObjectNode unsigned, ObjectNode signed, KeyPair key, Cryptosuite suite,
      String challenge, String domain, Map<CheckName, List<VerificationCheck.Outcome>> outcomes) {}

  static io.github.microcred.vc.presentation.PresentationVerification verifyVp(JsonNode vp, VpOriginal o) {
    return io.github.microcred.vc.presentation.Presentations.verify(vp.toString()).withClock(CLOCK)
        .withStatus(STATUS).withChallenge(o.challenge()).withDomain(o.domain()).get();
  }

  static ObjectNode signVp(ObjectNode vp, KeyPair k, Cryptosuite suite, String challenge, String domain)
      throws VcException {
    return io.github.microcred.vc.presentation.PresentationTestAccess.sign(vp, k, suite, challenge, domain,
        NOW.minusSeconds(600));
  }

  /**
   * Eight signed presentations (Ed25519, P-256, P-384; RDFC and JCS suites; holder as a string or an object; with
   * and without an id) of valid, expired and revoked credentials, Data Integrity and enveloped vc+jwt.
   */
  static List<VpOriginal> vpOriginals(SplittableRandom r) throws VcException {
    String[] scenarios = {"valid", "expired", "revoked", "valid"};
    List<VpOriginal> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      KeyPair k = KEYS[i % 3];
      Cryptosuite suite = suite(i, k);
      String holder = k.publicKey().didKey();
      String scenario = scenarios[i % 4];
      List<String> creds = new ArrayList<>();
      ObjectNode badge = Ob3Generator.badge(r, KEYS[0].publicKey().didKey()).toJson();
      badge.remove("validUntil");
      scenario(badge, scenario, false, r);
      creds.add(i % 2 == 0 ? sign(badge, KEYS[0], Cryptosuite.EDDSA_RDFC_2022).toString() : signJwt(badge, KEYS[0]));
      if (i % 3 == 0) {
        ObjectNode plain = plainVc(r, KEYS[1].publicKey().didKey(), false);
        creds.add(sign(plain, KEYS[1], Cryptosuite.ECDSA_RDFC_2019).toString());
      }
      ObjectNode vp = io.github.microcred.vc.presentation.Presentations.create(holder, creds);
      if (i % 4 == 1) {
        vp.putObject("holder").put("id", holder);
      }
      if (i % 2 == 0) {
        vp.put("id", Ob3Generator.uuid(r));
      }
      String challenge = "ch-" + i;
      String domain = "verifier" + i + ".example";
      ObjectNode signed = signVp(vp, k, suite, challenge, domain);
      VpOriginal o = new VpOriginal("vp-" + i + "/" + scenario + "/" + suite.id() + "/" + k.type(), vp, signed, k,
          suite, challenge, domain, Map.of());
      io.github.microcred.vc.presentation.PresentationVerification v = verifyVp(signed, o);
      assertTrue(v.verified() == scenario.equals("valid"), o.name() + ": " + v.result());
      assertTrue(v.holder().passed(CheckName.COMPACT_FORM), o.name() + ": compact original: " + v.result());
      out.add(new VpOriginal(o.name(), vp, signed, k, suite, challenge, domain, outcomes(v.result())));
    }
    return out;
  }

  static String proofIri(String member) {
    return member.equals("created") ? "http://purl.org/dc/terms/created" : SEC + member;
  }

  static JsonNode proofSameRdf(String member, JsonNode v) {
    return member.equals("created") ? typedDate(v) : member.equals("verificationMethod")
        ? TestSupport.JSON.createObjectNode().put("@id", v.asText()) : v;
  }

  static JsonNode vpSameRdf(String member, JsonNode v) {
    if (member.equals("holder") && v.isTextual()) {
      return TestSupport.JSON.createObjectNode().put("@id", v.asText());
    }
    if (member.equals("verifiableCredential")) {
      return TestSupport.JSON.createObjectNode().set("@graph", v);
    }
    return v;
  }

  static String vpFullIri(String member) {
    return member.equals("id") ? "@id" : member.equals("type") ? "@type" : CRED + member;
  }

  static void shuffle(ObjectNode o, SplittableRandom r) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
    for (int i = entries.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      Map.Entry<String, JsonNode> t = entries.get(i);
      entries.set(i, entries.get(j));
      entries.set(j, t);
    }
    o.removeAll();
    entries.forEach(e -> o.set(e.getKey(), e.getValue()));
  }

  /**
   * One aliasing mutation of a presentation's own members ({@code holder}, {@code id}, {@code type},
   * {@code verifiableCredential}) or, on a signed one, of its proof's options ({@code challenge}, {@code domain},
   * {@code created}, {@code verificationMethod}); null when it does not apply.
   */
  static String mutateVp(ObjectNode vp, SplittableRandom r) {
    boolean signed = vp.has("proof");
    ObjectNode proof = signed ? (ObjectNode) vp.get("proof") : null;
    if (signed && r.nextInt(3) == 0) {
      String m = PROOF_CHECKED.get(r.nextInt(PROOF_CHECKED.size()));
      JsonNode v = proof.get(m);
      switch (r.nextInt(4)) {
        case 0:
          rename(proof, m, proofIri(m), proofSameRdf(m, v));
          return "proof full-IRI key " + m + " (same RDF)";
        case 1:
          proof.set(m, TestSupport.JSON.createObjectNode().put("@value", v.asText()));
          return "proof value object " + m;
        case 2:
          proof.putObject("@context").put("@vocab", SEC);
          return "proof inline @context @vocab";
        default:
          shuffle(proof, r);
          return "control: proof members re-ordered";
      }
    }
    List<String> present = new ArrayList<>();
    for (String m : VP_CHECKED) {
      if (vp.has(m)) {
        present.add(m);
      }
    }
    String m = present.get(r.nextInt(present.size()));
    JsonNode v = vp.get(m);
    String id = vp.path("id").asText(null);
    String holder = vp.path("holder").isObject() ? vp.at("/holder/id").asText() : vp.path("holder").asText();
    switch (r.nextInt(14)) {
      case 0:
        rename(vp, m, vpFullIri(m), vpSameRdf(m, v));
        return "full-IRI key " + m + " (same RDF)";
      case 1:
        rename(vp, m, m.equals("id") || m.equals("type") ? vpFullIri(m) : "cred:" + m, v);
        return "CURIE key " + m;
      case 2:
        vp.putObject("holder").put("@id", holder);
        return "value object / @id alias holder";
      case 3:
        vp.putObject("holder").put("id", holder).putObject("@context").put("@vocab", CRED);
        return "nested inline @context in holder";
      case 4:
        if (r.nextBoolean()) {
          ((ArrayNode) vp.get("@context")).addObject().put("@vocab", CRED);
          return "top-level inline @vocab";
        }
        vp.put("@vocab", CRED);
        return "@vocab key";
      case 5: {
        ObjectNode node = TestSupport.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> e : new ArrayList<>(vp.properties())) {
          if (!e.getKey().equals("@context") && !e.getKey().equals("proof")) {
            node.set(e.getKey(), e.getValue());
            vp.remove(e.getKey());
          }
        }
        vp.putArray("@graph").add(node);
        return "@graph wrapping";
      }
      case 6: {
        if (id == null) {
          return null;
        }
        ObjectNode inc = vp.withArray("@included").addObject();
        inc.put("id", id).put("type", "VerifiablePresentation");
        boolean move = r.nextBoolean();
        inc.put("holder", move ? holder : "did:example:mallory");
        if (move) {
          vp.remove("holder");
        }
        return "@included " + (move ? "moves " : "adds ") + "holder";
      }
      case 7:
        vp.remove("holder");
        vp.putObject("@nest").put("holder", holder);
        return "@nest holder";
      case 8: {
        if (id == null) {
          return null;
        }
        vp.withArray("termsOfUse").addObject().put("id", id).put("type", "VerifiablePresentation")
            .put("holder", r.nextBoolean() ? holder : "did:example:mallory");
        return "nested node reusing the presentation id with holder";
      }
      case 9:
        vp.putObject("@reverse").putObject(CRED + "holder").put("id", "https://example.org/x");
        return "@reverse holder statement";
      case 10:
        shuffle(vp, r);
        return "control: members re-ordered";
      case 11: { // issue 14: an inline context aliasing the holder, or a proof option on a signed presentation
        ObjectNode ctx = ((ArrayNode) vp.get("@context")).addObject();
        if (signed && r.nextBoolean()) {
          ctx.put("nonceAlias", SEC + "challenge");
          rename(proof, "challenge", "nonceAlias", proof.get("challenge"));
          return "inline term aliasing proof.challenge (same RDF)";
        }
        ctx.put("presenter", CRED + "holder");
        vp.remove("holder");
        vp.set("presenter", TestSupport.JSON.createObjectNode().put("@id", holder));
        return "inline term aliasing holder (same RDF)";
      }
      case 12: { // issue 14: a benign inline type term (the W3C fixtures' form), or an unused one
        ObjectNode ctx = ((ArrayNode) vp.get("@context")).addObject();
        if (r.nextBoolean()) {
          ctx.put("MicrocredUnusedTerm", "https://example.org/vocab#MicrocredUnusedTerm");
          return "control: an inline context defining an unused term";
        }
        ctx.put("ExampleVerifiablePresentation", "https://example.org/#ExampleVerifiablePresentation");
        vp.putArray("type").add("VerifiablePresentation").add("ExampleVerifiablePresentation");
        return "control: an inline type term added to the types";
      }
      default:
        if (vp.path("holder").isObject()) {
          vp.put("holder", holder);
        } else {
          vp.putObject("holder").put("id", holder);
        }
        return "control: holder as a string <-> an object with an id";
    }
  }

  /**
   * The same suite over presentations (issue 11: Data Integrity presentations get the compact-form rules): every
   * mutant is verified as the holder's re-arrangement of the signed presentation (proof kept) and, for mutations of
   * the presentation's own members, re-signed by the holder over the mutated form. Accepted only when every check has
   * the same outcome as on the compact original; the run prints the counts.
   */
  @Test
  void presentationAliasingNeverChangesAnOutcome() throws Exception {
    SplittableRandom r = new SplittableRandom(VP_SEED);
    List<VpOriginal> originals = vpOriginals(r);
    Map<String, Integer> accepted = new TreeMap<>();
    Map<String, Integer> rejected = new TreeMap<>();
    List<String> bypasses = new ArrayList<>();
    int runs = 0;
    int attempts = 0;
    while (runs < VP_MUTATIONS && attempts < VP_MUTATIONS * 10) {
      attempts++;
      VpOriginal o = originals.get(r.nextInt(originals.size()));
      SplittableRandom rr = r.split();
      ObjectNode rearranged = o.signed().deepCopy();
      String what = mutateVp(rearranged, rr.split());
      if (what == null) {
        continue;
      }
      runs++;
      io.github.microcred.vc.presentation.PresentationVerification v = verifyVp(rearranged, o);
      judge("VP re-arranged", o.name(), what, v.result(), o.outcomes(), v.holder().passed(CheckName.PROOF),
          accepted, rejected, bypasses);
      ObjectNode mutated = o.unsigned().deepCopy();
      String what2 = mutateVp(mutated, rr.split());
      if (what2 == null) {
        continue;
      }
      ObjectNode resigned;
      try {
        resigned = signVp(mutated, o.key(), o.suite(), o.challenge(), o.domain());
      } catch (VcException e) {
        continue; // not JSON-LD the signer accepts: nothing signed to attack with
      }
      runs++;
      judge("VP re-signed", o.name(), what2, verifyVp(resigned, o).result(), o.outcomes(), false, accepted,
          rejected, bypasses);
    }
    int acc = accepted.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("AliasingMutationTest (presentations) seed " + VP_SEED + ": " + runs + " mutants over "
        + originals.size() + " Data Integrity presentations; " + acc + " accepted (every check as on the compact "
        + "original), " + (runs - acc) + " refused");
    accepted.forEach((k, n) -> System.out.println("  accepted " + n + " x " + k));
    rejected.forEach((k, n) -> System.out.println("  refused  " + n + " x " + k));
    assertTrue(runs >= VP_MUTATIONS, "at least " + VP_MUTATIONS + " mutants, got " + runs + " (seed " + VP_SEED + ")");
    assertTrue(accepted.keySet().stream().anyMatch(k -> k.contains("control")),
        "the control re-orderings are accepted (seed " + VP_SEED + ")");
    assertTrue(accepted.keySet().stream().allMatch(k -> k.contains("control")), "only controls are accepted, got "
        + accepted.keySet() + " (seed " + VP_SEED + ")");
    assertTrue(bypasses.isEmpty(), "seed " + VP_SEED + ": " + bypasses.size() + " mutants changed an outcome and "
        + "were not refused; first: " + String.join("\n", bypasses.subList(0, Math.min(5, bypasses.size()))));
  }
}
