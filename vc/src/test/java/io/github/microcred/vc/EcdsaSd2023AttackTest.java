package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.microcred.vc.internal.sd.ProofValues;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on ecdsa-sd-2023 derived credentials, by a holder (who has the base proof, hence every statement
 * signature and the HMAC key) or by anyone in between: tampered disclosed values, statements added or removed, a
 * mandatory value withheld, signatures reordered, duplicated or moved, label maps that relabel, merge or omit blank
 * nodes, mandatory indexes moved, and malformed or oversized CBOR. None may verify; the bounded ones fail with
 * {@code LIMIT_EXCEEDED} before allocating what they declare.
 */
class EcdsaSd2023AttackTest {
  static final long SEED = 16_2023L;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final KeyPair KEY = KeyPair.generate(KeyType.P256);
  static final List<String> MANDATORY = List.of("/issuer", "/validFrom", "/credentialSubject/achievement/id");
  static final List<String> SELECTIVE = List.of("/name", "/credentialSubject/achievement/name",
      "/credentialSubject/achievement/criteria", "/credentialSubject/result", "/credentialSubject/identifier");
  static ObjectNode base;
  static ObjectNode derived;
  static ProofValues.Derived parts;

  @BeforeAll
  static void issue() throws Exception {
    SplittableRandom r = new SplittableRandom(SEED);
    ObjectNode unsigned = Ob3Generator.badge(r, KEY.publicKey().didKey()).toJson();
    ObjectNode cs = (ObjectNode) unsigned.get("credentialSubject");
    cs.putArray("result").addObject().put("type", "Result").put("status", "Completed"); // a blank node
    base = Credentials.sign(unsigned, KEY, Cryptosuite.ECDSA_SD_2023).withMandatoryPointers(MANDATORY)
        .withClock(CLOCK).get();
    List<String> selective = new ArrayList<>();
    for (String p : SELECTIVE) {
      if (!base.at(p).isMissingNode()) {
        selective.add(p);
      }
    }
    derived = Credentials.derive(base, selective).get();
    VerificationResult v = verify(derived);
    assertTrue(v.verified(), v::toString);
    parts = ProofValues.parseDerived(derived.get("proof").get("proofValue").asText(), 10_000);
    assertTrue(parts.signatures().size() >= 3, "enough disclosed statements to reorder: " + parts.signatures().size());
    assertTrue(parts.labelMap().size() >= 2, "blank nodes to relabel: " + parts.labelMap());
  }

  static VerificationResult verify(JsonNode doc) {
    return Credentials.verify(doc).withClock(CLOCK).get();
  }

  static void refused(String what, JsonNode doc) {
    VerificationResult v = verify(doc);
    assertFalse(v.verified(), what + " verified: " + doc);
  }

  static void refusedProof(String what, ProofValues.Derived p, String messagePart) {
    refusedProofValue(what, ProofValues.serialize(p), messagePart);
  }

  static void refusedProofValue(String what, String proofValue, String messagePart) {
    ObjectNode d = derived.deepCopy();
    ((ObjectNode) d.get("proof")).put("proofValue", proofValue);
    VerificationResult v = verify(d);
    assertFalse(v.passed(CheckName.PROOF), what + ": " + v);
    if (messagePart != null) {
      assertTrue(v.checks(CheckName.PROOF).get(0).message().contains(messagePart), what + ": " + v);
    }
  }

  static List<String> leaves(JsonNode n, String path) {
    List<String> out = new ArrayList<>();
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("@context") && !e.getKey().equals("proof")) {
          out.addAll(leaves(e.getValue(), path + "/" + e.getKey().replace("~", "~0").replace("/", "~1")));
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.addAll(leaves(n.get(i), path + "/" + i));
      }
    } else {
      out.add(path);
    }
    return out;
  }

  static void set(ObjectNode doc, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = doc.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }

  @Test
  void everyTamperedDisclosedValueIsRefused() {
    List<String> leaves = leaves(derived, "");
    assertTrue(leaves.size() > 8, leaves::toString);
    for (String p : leaves) {
      ObjectNode d = derived.deepCopy();
      JsonNode v = d.at(p);
      set(d, p, new TextNode(v.isTextual() ? v.asText() + "x" : "tampered"));
      refused("tampered " + p, d);
    }
  }

  @Test
  void withheldMandatoryValuesAndAddedOrRemovedStatementsAreRefused() {
    // a mandatory value withheld (its index dropped too, so the counts fit)
    for (String p : List.of("/validFrom", "/issuer", "/credentialSubject/achievement/id")) {
      ObjectNode d = derived.deepCopy();
      int slash = p.lastIndexOf('/');
      ((ObjectNode) d.at(p.substring(0, slash))).remove(p.substring(slash + 1));
      refused("withheld mandatory " + p, d);
    }
    // a statement the issuer signed but the holder did not disclose, added without its signature
    for (String p : List.of("/description", "/credentialSubject/achievement/description")) {
      if (base.at(p).isMissingNode() || !derived.at(p).isMissingNode()) {
        continue;
      }
      ObjectNode d = derived.deepCopy();
      set(d, p, base.at(p));
      refused("undisclosed " + p + " added", d);
    }
    // a statement the issuer never signed
    ObjectNode d = derived.deepCopy();
    ((ObjectNode) d.get("credentialSubject")).put("term", "Spring 2099");
    refused("new statement", d);
    // a disclosed non-mandatory statement removed (its signature left in)
    d = derived.deepCopy();
    d.remove("name");
    refused("disclosed statement removed", d);
    // the same statement twice: a second subject node with the same values
    d = derived.deepCopy();
    ArrayNode subjects = d.putArray("credentialSubject");
    subjects.add(derived.get("credentialSubject")).add(derived.get("credentialSubject").deepCopy());
    refused("duplicated subject", d);
  }

  @Test
  void reorderedDuplicatedOrMovedSignaturesAreRefused() {
    List<byte[]> sigs = parts.signatures();
    for (int i = 0; i + 1 < sigs.size(); i++) {
      List<byte[]> s = new ArrayList<>(sigs);
      s.set(i, sigs.get(i + 1));
      s.set(i + 1, sigs.get(i));
      refusedProof("swap " + i, withSignatures(s), "does not verify");
      List<byte[]> dup = new ArrayList<>(sigs);
      dup.set(i + 1, sigs.get(i));
      refusedProof("duplicate " + i, withSignatures(dup), "does not verify");
    }
    List<byte[]> extra = new ArrayList<>(sigs);
    extra.add(sigs.get(0));
    refusedProof("one signature too many", withSignatures(extra), "statement signatures");
    refusedProof("one signature too few", withSignatures(sigs.subList(1, sigs.size())), "statement signatures");
    // the base proof's other statement signatures (the holder has them all) do not fit the disclosed statements
    ProofValues.Base b;
    try {
      b = ProofValues.parseBase(base.get("proof").get("proofValue").asText(), 10_000);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    List<byte[]> foreign = new ArrayList<>(b.signatures().subList(b.signatures().size() - sigs.size(),
        b.signatures().size()));
    if (!sameBytes(foreign, sigs)) {
      refusedProof("other statements' signatures", withSignatures(foreign), "does not verify");
    }
    // another proof-scoped key than the base signature binds
    KeyPair other = KeyPair.generate(KeyType.P256);
    byte[] pk = new byte[35];
    pk[0] = (byte) 0x80;
    pk[1] = 0x24;
    System.arraycopy(other.publicKey().encoded(), 0, pk, 2, 33);
    refusedProof("other proof-scoped key", new ProofValues.Derived(parts.baseSignature(), pk, parts.signatures(),
        parts.labelMap(), parts.mandatoryIndexes()), "base signature");
  }

  static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static ProofValues.Derived withSignatures(List<byte[]> s) {
    return new ProofValues.Derived(parts.baseSignature(), parts.publicKey(), s, parts.labelMap(),
        parts.mandatoryIndexes());
  }

  static ProofValues.Derived withLabels(Map<Integer, byte[]> labels) {
    return new ProofValues.Derived(parts.baseSignature(), parts.publicKey(), parts.signatures(), labels,
        parts.mandatoryIndexes());
  }

  static ProofValues.Derived withIndexes(List<Integer> idx) {
    return new ProofValues.Derived(parts.baseSignature(), parts.publicKey(), parts.signatures(), parts.labelMap(),
        idx);
  }

  @Test
  void relabelledMergedOrMissingBlankNodesAreRefused() {
    Map<Integer, byte[]> l = parts.labelMap();
    List<Integer> keys = new ArrayList<>(l.keySet());
    // swap two labels: the statements move to the other node
    Map<Integer, byte[]> swapped = new TreeMap<>(l);
    swapped.put(keys.get(0), l.get(keys.get(1)));
    swapped.put(keys.get(1), l.get(keys.get(0)));
    refusedProof("swapped labels", withLabels(swapped), null);
    // two blank nodes given one label (merged into one node)
    Map<Integer, byte[]> merged = new TreeMap<>(l);
    merged.put(keys.get(1), l.get(keys.get(0)));
    refusedProof("merged labels", withLabels(merged), "same label");
    // a label the issuer never produced
    Map<Integer, byte[]> forged = new TreeMap<>(l);
    byte[] f = l.get(keys.get(0)).clone();
    f[0] ^= 1;
    forged.put(keys.get(0), f);
    refusedProof("forged label", withLabels(forged), null);
    // a label missing, a label too many
    Map<Integer, byte[]> missing = new TreeMap<>(l);
    missing.remove(keys.get(keys.size() - 1));
    refusedProof("missing label", withLabels(missing), "no entry");
    Map<Integer, byte[]> more = new TreeMap<>(l);
    more.put(keys.get(keys.size() - 1) + 1, new byte[32]);
    refusedProof("extra label", withLabels(more), "blank nodes");
  }

  @Test
  void movedMandatoryIndexesAreRefused() {
    List<Integer> idx = parts.mandatoryIndexes();
    int n = parts.signatures().size() + idx.size();
    List<Integer> shifted = new ArrayList<>();
    idx.forEach(i -> shifted.add(i + 1 < n && !idx.contains(i + 1) ? i + 1 : i));
    if (!shifted.equals(idx)) {
      refusedProof("shifted indexes", withIndexes(shifted), null);
    }
    List<Integer> outOfRange = new ArrayList<>(idx.subList(0, idx.size() - 1));
    outOfRange.add(n + 5);
    refusedProof("index out of range", withIndexes(outOfRange), null);
    List<Integer> fewer = new ArrayList<>(idx.subList(1, idx.size()));
    refusedProof("one index dropped", withIndexes(fewer), null);
    // not strictly ascending: refused by the parser (one encoding per proof)
    List<Integer> dup = new ArrayList<>(idx);
    dup.add(1, idx.get(0));
    refusedProof("repeated index", withIndexes(dup), "ascending");
  }

  // ------------------------------------------------------------------ CBOR

  static String mb(byte[] b) {
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] bytes(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.write(p, 0, p.length);
    }
    return o.toByteArray();
  }

  static byte[] rawDerived() {
    return Base64.getUrlDecoder().decode(derived.get("proof").get("proofValue").asText().substring(1));
  }

  @Test
  void malformedOrOversizedCborIsRefusedWithoutAllocating() {
    byte[] header = bytes(0xd9, 0x5d, 0x01);
    byte[] sig = new byte[64];
    // declared sizes far beyond the bytes present: refused by the length check
    refusedProofValue("array of 2^32-1 components", mb(concat(header, bytes(0x9a, 0xff, 0xff, 0xff, 0xff))), "CBOR");
    refusedProofValue("byte string of 2^31 bytes", mb(concat(header, bytes(0x85, 0x5a, 0x80, 0, 0, 0))), "remain");
    refusedProofValue("2^63 and more", mb(concat(header, bytes(0x85, 0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff))), "CBOR");
    byte[] real = rawDerived();
    // tags, indefinite lengths, long-form heads, trailing bytes, other headers, other multibase
    refusedProofValue("indefinite array", mb(concat(header, bytes(0x9f), java.util.Arrays.copyOfRange(real, 4,
        real.length), bytes(0xff))), "indefinite");
    refusedProofValue("tagged component", mb(concat(header, bytes(0x85, 0xc2), java.util.Arrays.copyOfRange(real, 4,
        real.length))), "tag");
    refusedProofValue("long-form array head", mb(concat(header, bytes(0x98, 0x05), java.util.Arrays.copyOfRange(
        real, 4, real.length))), "preferred");
    refusedProofValue("trailing byte", mb(concat(real, bytes(0x00))), "follow");
    refusedProofValue("truncated", mb(java.util.Arrays.copyOf(real, real.length - 1)), "CBOR");
    byte[] otherHeader = real.clone();
    otherHeader[2] = 0x02;
    refusedProofValue("unknown header", mb(otherHeader), "header");
    refusedProofValue("base58 instead of base64url", "z" + io.github.microcred.vc.internal.Base58.encode(real),
        "base64url");
    refusedProofValue("padded base64url", mb(real) + "==", "padded");
    refusedProofValue("six components", mb(concat(header, bytes(0x86), java.util.Arrays.copyOfRange(real, 4,
        real.length), bytes(0x00))), "5 components");
    refusedProofValue("a 63-byte base signature", mb(concat(header, bytes(0x85, 0x58, 63), new byte[63])),
        "baseSignature is 63 bytes");
    // more signatures than the limit: LIMIT_EXCEEDED, from the count alone
    CanonicalizationLimits small = CanonicalizationLimits.DEFAULT.withMaxQuads(10);
    List<byte[]> many = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      many.add(sig);
    }
    ObjectNode d = derived.deepCopy();
    ((ObjectNode) d.get("proof")).put("proofValue", ProofValues.serialize(withSignatures(many)));
    VerificationResult v = Credentials.verify(d).withClock(CLOCK).withLimits(small).get();
    assertFalse(v.passed(CheckName.PROOF), v::toString);
    assertTrue(v.checks(CheckName.PROOF).get(0).message().startsWith("LIMIT_EXCEEDED"), v::toString);
  }

  @Test
  void baseProofsAreRefusedAndDerivedOnesCannotBeDerivedAgain() {
    VerificationResult v = verify(base);
    assertFalse(v.passed(CheckName.PROOF), v::toString);
    assertTrue(v.checks(CheckName.PROOF).get(0).message().contains("base proof"), v::toString);
    // a base proof value under a derived proof header, and the reverse
    byte[] raw = Base64.getUrlDecoder().decode(base.get("proof").get("proofValue").asText().substring(1));
    raw[2] = 0x01;
    refusedProofValue("base components, derived header", mb(raw), "CBOR");
  }

  @Test
  void theProofOptionsAreCovered() {
    Consumer<ObjectNode> none = d -> { };
    for (Map.Entry<String, Consumer<ObjectNode>> e : Map.<String, Consumer<ObjectNode>>of(
        "created changed", d -> ((ObjectNode) d.get("proof")).put("created", "2024-12-31T00:00:00Z"),
        "proofPurpose changed", d -> ((ObjectNode) d.get("proof")).put("proofPurpose", "authentication"),
        "cryptosuite changed", d -> ((ObjectNode) d.get("proof")).put("cryptosuite", "ecdsa-rdfc-2019"),
        "control", none).entrySet()) {
      ObjectNode d = derived.deepCopy();
      e.getValue().accept(d);
      VerificationResult v = verify(d);
      assertEquals(e.getKey().equals("control"), v.verified(), e.getKey() + ": " + v);
    }
  }
}
