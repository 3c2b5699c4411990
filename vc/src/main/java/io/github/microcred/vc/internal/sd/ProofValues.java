package io.github.microcred.vc.internal.sd;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two {@code ecdsa-sd-2023} proof values (W3C vc-di-ecdsa, serializeBaseProofValue / parseBaseProofValue,
 * serializeDerivedProofValue / parseDerivedProofValue): multibase base64url-no-pad ({@code u}) of a three-byte header
 * ({@code d9 5d 00} base, {@code d9 5d 01} derived) followed by one CBOR array of five components, no CBOR tags
 * inside. Parsing is strict: exact component shapes and lengths (signatures 64 bytes, the proof-scoped public key 35
 * bytes of p256-pub Multikey, HMAC key and compressed labels 32 bytes), canonical base64url, no trailing bytes, and
 * the number of signatures bounded by the caller.
 */
public final class ProofValues {
  private ProofValues() {}

  /** The base proof header. */
  static final byte[] BASE_HEADER = {(byte) 0xd9, 0x5d, 0x00};
  /** The derived (disclosure) proof header. */
  static final byte[] DERIVED_HEADER = {(byte) 0xd9, 0x5d, 0x01};
  /** p256-pub multicodec header (varint of 0x1200). */
  static final byte[] P256_PUB = {(byte) 0x80, 0x24};

  /** Which proof value a string is. */
  public enum Kind {
    /** A base proof (for the holder). */
    BASE,
    /** A derived proof (for a verifier). */
    DERIVED,
    /** Neither: not multibase base64url, or another header. */
    UNKNOWN
  }

  /**
   * The components of a base proof.
   *
   * @param baseSignature the issuer's signature over proofHash || publicKey || mandatoryHash (64 bytes)
   * @param publicKey the proof-scoped key, p256-pub Multikey bytes (35)
   * @param hmacKey the HMAC-SHA-256 key of the blank-node labels (32)
   * @param signatures one per non-mandatory statement (64 bytes each)
   * @param mandatoryPointers the issuer's mandatory JSON pointers
   */
  public record Base(byte[] baseSignature, byte[] publicKey, byte[] hmacKey, List<byte[]> signatures,
      List<String> mandatoryPointers) {}

  /**
   * The components of a derived proof.
   *
   * @param baseSignature the issuer's base signature (64 bytes)
   * @param publicKey the proof-scoped key (35 bytes)
   * @param signatures the signatures of the disclosed non-mandatory statements
   * @param labelMap canonical label number n ({@code c14n<n>}) to the 32-byte HMAC label
   * @param mandatoryIndexes positions of the mandatory statements among the disclosed ones
   */
  public record Derived(byte[] baseSignature, byte[] publicKey, List<byte[]> signatures,
      Map<Integer, byte[]> labelMap, List<Integer> mandatoryIndexes) {}

  /**
   * Which kind of proof value this is, from its header alone.
   *
   * @param proofValue the {@code proofValue}
   * @return the kind
   */
  public static Kind kind(String proofValue) {
    byte[] b;
    try {
      b = decodeMultibase(proofValue);
    } catch (IllegalArgumentException e) {
      return Kind.UNKNOWN;
    }
    if (b.length >= 3 && b[0] == BASE_HEADER[0] && b[1] == BASE_HEADER[1]) {
      return b[2] == 0 ? Kind.BASE : b[2] == 1 ? Kind.DERIVED : Kind.UNKNOWN;
    }
    return Kind.UNKNOWN;
  }

  /**
   * Multibase base64url without padding.
   *
   * @param bytes the bytes
   * @return {@code u...}
   */
  public static String encodeMultibase(byte[] bytes) {
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Decodes multibase base64url without padding, canonically (no padding, no other alphabet, zero trailing bits).
   *
   * @param text {@code u...}
   * @return the bytes
   * @throws IllegalArgumentException if it is not canonical multibase base64url-no-pad
   */
  public static byte[] decodeMultibase(String text) {
    if (text.isEmpty() || text.charAt(0) != 'u') {
      throw new IllegalArgumentException("expected multibase base64url-no-pad (prefix 'u')");
    }
    String body = text.substring(1);
    if (body.indexOf('=') >= 0) {
      throw new IllegalArgumentException("base64url-no-pad must not be padded");
    }
    byte[] b = Base64.getUrlDecoder().decode(body);
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(b).equals(body)) {
      throw new IllegalArgumentException("base64url is not in canonical form (non-zero trailing bits)");
    }
    return b;
  }

  /**
   * serializeBaseProofValue.
   *
   * @param p the components
   * @return the proof value
   */
  public static String serialize(Base p) {
    Cbor.Writer w = new Cbor.Writer().raw(BASE_HEADER).array(5)
        .bytes(p.baseSignature()).bytes(p.publicKey()).bytes(p.hmacKey()).array(p.signatures().size());
    p.signatures().forEach(w::bytes);
    w.array(p.mandatoryPointers().size());
    p.mandatoryPointers().forEach(w::text);
    return encodeMultibase(w.toByteArray());
  }

  /**
   * serializeDerivedProofValue (the label map in ascending key order, as a canonical CBOR encoder writes it).
   *
   * @param p the components
   * @return the proof value
   */
  public static String serialize(Derived p) {
    Cbor.Writer w = new Cbor.Writer().raw(DERIVED_HEADER).array(5)
        .bytes(p.baseSignature()).bytes(p.publicKey()).array(p.signatures().size());
    p.signatures().forEach(w::bytes);
    w.map(p.labelMap().size());
    new TreeMap<>(p.labelMap()).forEach((k, v) -> w.uint(k).bytes(v));
    w.array(p.mandatoryIndexes().size());
    p.mandatoryIndexes().forEach(w::uint);
    return encodeMultibase(w.toByteArray());
  }

  private static byte[] body(String proofValue, byte[] header, String which) throws Cbor.CborException {
    byte[] b;
    try {
      b = decodeMultibase(proofValue);
    } catch (IllegalArgumentException e) {
      throw new Cbor.CborException("proofValue: " + e.getMessage());
    }
    if (b.length < 3 || b[0] != header[0] || b[1] != header[1] || b[2] != header[2]) {
      throw new Cbor.CborException("proofValue does not start with the ecdsa-sd-2023 " + which + " header "
          + String.format("%02x %02x %02x", header[0] & 0xff, header[1] & 0xff, header[2] & 0xff));
    }
    return b;
  }

  private static List<byte[]> signatures(Cbor.Reader r, int maxSignatures) throws Cbor.CborException {
    int n = r.array("signatures", 66);
    if (n > maxSignatures) {
      throw new Cbor.CborException("LIMIT: proofValue has " + n + " signatures, above the limit of "
          + maxSignatures);
    }
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.bytes(64, "signatures[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * parseBaseProofValue.
   *
   * @param proofValue the proof value
   * @param maxSignatures the most signatures accepted
   * @return the components
   * @throws Cbor.CborException if it is not a well-formed base proof value (a message starting {@code LIMIT:} when
   *     only the bound is exceeded)
   */
  public static Base parseBase(String proofValue, int maxSignatures) throws Cbor.CborException {
    byte[] b = body(proofValue, BASE_HEADER, "base proof");
    Cbor.Reader r = new Cbor.Reader(b, 3);
    if (r.array("the base proof components", 1) != 5) {
      throw new Cbor.CborException("the base proof value must be an array of 5 components");
    }
    byte[] baseSignature = r.bytes(64, "baseSignature");
    byte[] publicKey = publicKey(r);
    byte[] hmacKey = r.bytes(32, "hmacKey");
    List<byte[]> signatures = signatures(r, maxSignatures);
    int n = r.array("mandatoryPointers", 1);
    List<String> pointers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pointers.add(r.text("mandatoryPointers[" + i + "]"));
    }
    r.end();
    return new Base(baseSignature, publicKey, hmacKey, signatures, Collections.unmodifiableList(pointers));
  }

  private static byte[] publicKey(Cbor.Reader r) throws Cbor.CborException {
    int at = r.position();
    byte[] k = r.bytes(35, "publicKey");
    if (k[0] != P256_PUB[0] || k[1] != P256_PUB[1]) {
      throw new Cbor.CborException("CBOR byte " + at + ": publicKey is not a p256-pub Multikey (0x8024 header)");
    }
    return k;
  }

  /**
   * parseDerivedProofValue. Beyond the specification's shape checks, the label map may not repeat a key, and the
   * mandatory indexes must be strictly ascending (as every deriver writes them), so one derived proof has one
   * encoding.
   *
   * @param proofValue the proof value
   * @param maxSignatures the most signatures (and labels, and indexes) accepted
   * @return the components
   * @throws Cbor.CborException if it is not a well-formed derived proof value ({@code LIMIT:} message when only
   *     the bound is exceeded)
   */
  public static Derived parseDerived(String proofValue, int maxSignatures) throws Cbor.CborException {
    byte[] b = body(proofValue, DERIVED_HEADER, "derived proof");
    Cbor.Reader r = new Cbor.Reader(b, 3);
    if (r.array("the derived proof components", 1) != 5) {
      throw new Cbor.CborException("the derived proof value must be an array of 5 components");
    }
    byte[] baseSignature = r.bytes(64, "baseSignature");
    byte[] publicKey = publicKey(r);
    List<byte[]> signatures = signatures(r, maxSignatures);
    int pairs = r.map("labelMap", 34);
    if (pairs > maxSignatures) {
      throw new Cbor.CborException("LIMIT: labelMap has " + pairs + " entries, above the limit of " + maxSignatures);
    }
    Map<Integer, byte[]> labels = new TreeMap<>();
    for (int i = 0; i < pairs; i++) {
      int at = r.position();
      int key = (int) r.uint(Integer.MAX_VALUE);
      if (labels.put(key, r.bytes(32, "labelMap value of c14n" + key)) != null) {
        throw new Cbor.CborException("CBOR byte " + at + ": labelMap repeats the key " + key);
      }
    }
    int n = r.array("mandatoryIndexes", 1);
    if (n > maxSignatures) {
      throw new Cbor.CborException("LIMIT: mandatoryIndexes has " + n + " entries, above the limit of "
          + maxSignatures);
    }
    List<Integer> indexes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = r.position();
      int v = (int) r.uint(Integer.MAX_VALUE);
      if (!indexes.isEmpty() && v <= indexes.get(indexes.size() - 1)) {
        throw new Cbor.CborException("CBOR byte " + at + ": mandatoryIndexes must be strictly ascending");
      }
      indexes.add(v);
    }
    r.end();
    return new Derived(baseSignature, publicKey, signatures, Collections.unmodifiableMap(labels),
        Collections.unmodifiableList(indexes));
  }
}
