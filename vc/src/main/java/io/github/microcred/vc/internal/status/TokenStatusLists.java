package io.github.microcred.vc.internal.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationMethod;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.internal.StrictJson;
import io.github.microcred.vc.internal.sdjwt.CompactJws;
import io.github.microcred.vc.internal.sdjwt.SdJwtCodec;
import io.github.microcred.vc.internal.verify.KeyBinding;
import io.github.microcred.vc.status.TokenStatusList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Token Status List mechanics (draft-ietf-oauth-status-list): the least-significant-bit-first packing, ZLIB coding
 * with a bound, and the verification of a Status List Token in JWT form against the Referenced Token's issuer.
 * Internal.
 */
public final class TokenStatusLists {
  /** The JWS algorithms accepted for a Status List Token. */
  public static final Set<String> ALGORITHMS = Set.of("EdDSA", "ES256", "ES384");
  /** The header members read; any other (a key in {@code jwk} / {@code x5c}, {@code crit}, ...) is refused. */
  public static final Set<String> HEADER_MEMBERS = Set.of("alg", "typ", "kid");
  private static final int MAX_HEADER_BYTES = 8 * 1024;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private TokenStatusLists() {}

  /**
   * Reads status {@code index} of {@code bits} bits: byte {@code index / (8 / bits)}, from its least significant
   * bit.
   *
   * @param bytes the byte array
   * @param bits 1, 2, 4 or 8
   * @param index the index, inside the array
   * @return the value
   */
  public static int get(byte[] bytes, int bits, long index) {
    int perByte = 8 / bits;
    int shift = (int) (index % perByte) * bits;
    return ((bytes[(int) (index / perByte)] & 0xff) >>> shift) & ((1 << bits) - 1);
  }

  /**
   * Writes status {@code index} (see {@link #get}).
   *
   * @param bytes the byte array
   * @param bits 1, 2, 4 or 8
   * @param index the index, inside the array
   * @param value the value, below 2^bits
   */
  public static void set(byte[] bytes, int bits, long index, int value) {
    int perByte = 8 / bits;
    int shift = (int) (index % perByte) * bits;
    int i = (int) (index / perByte);
    int mask = ((1 << bits) - 1) << shift;
    bytes[i] = (byte) ((bytes[i] & ~mask) | (value << shift));
  }

  /**
   * ZLIB (best compression) and base64url without padding.
   *
   * @param bytes the uncompressed array
   * @return the {@code lst} value
   */
  public static String deflate(byte[] bytes) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      d.setInput(bytes);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 64 + 64);
      byte[] buf = new byte[8192];
      while (!d.finished()) {
        int n = d.deflate(buf);
        out.write(buf, 0, n);
      }
      return B64.encodeToString(out.toByteArray());
    } finally {
      d.end();
    }
  }

  /**
   * Strict base64url, then exactly one complete ZLIB stream (nothing after it, no preset dictionary), at most
   * {@code maxBytes} inflated: the work is bounded by the output bound, whatever the input.
   *
   * @param lst the {@code lst} value
   * @param maxBytes the largest uncompressed array
   * @return the uncompressed array
   * @throws VcException {@link VcErrorCode#STATUS_LIST_ENCODING} naming what was wrong
   */
  public static byte[] inflate(String lst, int maxBytes) throws VcException {
    byte[] z = SdJwtCodec.base64url(lst);
    if (z == null) {
      throw new VcException(VcErrorCode.STATUS_LIST_ENCODING, "lst: expected base64url without padding (RFC 7515)");
    }
    Inflater inf = new Inflater();
    try {
      inf.setInput(z);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 1 << 16));
      byte[] buf = new byte[8192];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0) {
          if (inf.needsDictionary()) {
            throw new VcException(VcErrorCode.STATUS_LIST_ENCODING, "lst: the ZLIB stream needs a preset dictionary");
          }
          if (inf.needsInput()) {
            throw new VcException(VcErrorCode.STATUS_LIST_ENCODING, "lst: the ZLIB stream is truncated");
          }
        }
        if (out.size() + n > maxBytes) {
          throw new VcException(VcErrorCode.STATUS_LIST_ENCODING, "lst: inflates to more than " + maxBytes
              + " bytes");
        }
        out.write(buf, 0, n);
      }
      if (inf.getRemaining() > 0) {
        throw new VcException(VcErrorCode.STATUS_LIST_ENCODING, "lst: " + inf.getRemaining() + " byte(s) after the "
            + "end of the ZLIB stream");
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new VcException(VcErrorCode.STATUS_LIST_ENCODING, "lst: not ZLIB data: " + e.getMessage(), e);
    } finally {
      inf.end();
    }
  }

  /**
   * Reads a {@code status_list} object {@code {bits, lst}}.
   *
   * @param n the object
   * @param path its path, for messages
   * @param maxBytes the largest uncompressed array
   * @return the list
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} naming the member, or an encoding error
   */
  public static TokenStatusList fromJson(JsonNode n, String path, int maxBytes) throws VcException {
    if (n == null || !n.isObject()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ": expected an object {bits, lst}");
    }
    JsonNode bits = n.get("bits");
    if (bits == null || !bits.isIntegralNumber() || !Set.of(1, 2, 4, 8).contains(bits.asInt())
        || !bits.canConvertToInt()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ".bits: expected the integer 1, 2, 4 or 8, got "
          + bits);
    }
    JsonNode lst = n.get("lst");
    if (lst == null || !lst.isTextual()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ".lst: expected a base64url string");
    }
    try {
      return TokenStatusList.decode(bits.asInt(), lst.asText(), maxBytes);
    } catch (VcException e) {
      throw new VcException((VcErrorCode) e.code(), path + "." + e.getMessage(), e);
    }
  }

  /**
   * A verified Status List Token.
   *
   * @param issuer the issuer whose {@code assertionMethod} key signed it
   * @param keyId the verification method
   * @param issuedAt {@code iat}
   * @param expires {@code exp}, or null
   * @param ttl {@code ttl}, or null
   * @param list the decoded list
   */
  public record Verified(String issuer, String keyId, Instant issuedAt, Instant expires, Duration ttl,
      TokenStatusList list) {}

  /**
   * The longest token text read for a list bound: the base64url of the largest list that does not compress, plus
   * 64 KiB for header and claims.
   *
   * @param maxBytes the largest uncompressed list
   * @return characters
   */
  public static long maxTokenChars(int maxBytes) {
    return ((long) maxBytes + maxBytes / 1000 + 64) * 4 / 3 + 64 * 1024;
  }

  /**
   * Verifies a Status List Token in JWT form for a Referenced Token: size, strict JSON header and claims,
   * {@code typ: statuslist+jwt}, an allowed {@code alg} (never {@code none} or a MAC), no header beyond
   * {@code alg} / {@code typ} / {@code kid}; {@code sub} equal to the URI, {@code iat} present, {@code iss} (when
   * present) equal to the issuer, {@code exp} and {@code ttl} well formed; the key an {@code assertionMethod} key
   * of the Referenced Token's issuer (through the options' DID resolver and controller documents); the signature;
   * and only then the list, decoded with the bound. Expiry is the caller's check (cached tokens expire too).
   *
   * @param token the token text
   * @param uri the {@code status_list.uri} of the Referenced Token
   * @param issuer the Referenced Token's issuer
   * @param options key resolution
   * @param maxBytes the largest uncompressed list
   * @return the verified token
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} naming the first problem (with its path),
   *     {@link VcErrorCode#RESOLUTION_FAILED} when the key does not resolve, or an encoding error
   */
  public static Verified verify(String token, String uri, String issuer, VerifyOptions options, int maxBytes)
      throws VcException {
    String t = token.strip();
    String what = "Status List Token " + uri;
    if (t.length() > maxTokenChars(maxBytes)) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, what + ": " + t.length() + " characters, at most "
          + maxTokenChars(maxBytes) + " are read");
    }
    String[] parts = t.split("\\.", -1);
    if (parts.length != 3) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": expected a JWS compact serialization (3 parts), "
          + "got " + parts.length + " part(s)");
    }
    ObjectNode header = part(parts[0], what + " header", MAX_HEADER_BYTES);
    for (var it = header.fieldNames(); it.hasNext(); ) {
      String h = it.next();
      if (!HEADER_MEMBERS.contains(h)) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": header." + h + " is not read (only "
            + "alg, typ and kid: the key must be an assertionMethod key of the issuer " + issuer + ")");
      }
    }
    if (!TokenStatusList.TYP.equals(header.path("typ").asText(null)) || !header.path("typ").isTextual()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": header.typ: expected '" + TokenStatusList.TYP
          + "', got " + header.get("typ"));
    }
    JsonNode algNode = header.get("alg");
    String alg = algNode != null && algNode.isTextual() ? algNode.asText() : null;
    if (alg == null || !ALGORITHMS.contains(alg)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": header.alg: expected one of "
          + new TreeSet<>(ALGORITHMS) + " (never none or a MAC), got " + algNode);
    }
    ObjectNode claims = part(parts[1], what + " claims", (int) Math.min(Integer.MAX_VALUE,
        maxTokenChars(maxBytes)));
    JsonNode sub = claims.get("sub");
    if (sub == null || !sub.isTextual() || !sub.asText().equals(uri)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": sub: must be the status_list.uri '" + uri
          + "', got " + sub);
    }
    JsonNode iss = claims.get("iss");
    if (iss != null && !(iss.isTextual() && iss.asText().equals(issuer))) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": iss " + iss + " is not the issuer '" + issuer
          + "' of the credential");
    }
    Instant iat = numericDate(claims, "iat", what, true);
    Instant exp = numericDate(claims, "exp", what, false);
    Duration ttl = null;
    JsonNode ttlNode = claims.get("ttl");
    if (ttlNode != null) {
      if (!ttlNode.isIntegralNumber() || !ttlNode.canConvertToLong() || ttlNode.asLong() < 1) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": ttl: expected a positive number of seconds, "
            + "got " + ttlNode);
      }
      ttl = Duration.ofSeconds(ttlNode.asLong());
    }
    JsonNode statusList = claims.get("status_list");
    if (statusList == null || !statusList.isObject()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": status_list: expected an object {bits, lst}");
    }
    VerificationMethod vm = key(header, issuer, options, what);
    if (vm.publicKey().type() != CompactJws.keyType(alg)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": header.alg " + alg + " needs a "
          + CompactJws.keyType(alg) + " key; " + vm.id() + " is " + vm.publicKey().type());
    }
    byte[] sig = SdJwtCodec.base64url(parts[2]);
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (sig == null || sig.length != CompactJws.signatureLength(alg) || !vm.publicKey().verify(input, sig)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": the signature does not verify with " + vm.id());
    }
    TokenStatusList list = fromJson(statusList, what + ": status_list", maxBytes);
    return new Verified(issuer, vm.id(), iat, exp, ttl, list);
  }

  private static Instant numericDate(ObjectNode claims, String name, String what, boolean required)
      throws VcException {
    JsonNode n = claims.get(name);
    if (n == null) {
      if (required) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": " + name + ": required (NumericDate)");
      }
      return null;
    }
    if (!n.isNumber() || !n.canConvertToLong() || Math.abs(n.asDouble()) > 1e11) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": " + name + ": expected NumericDate seconds, got "
          + n);
    }
    return Instant.ofEpochSecond(n.asLong());
  }

  private static VerificationMethod key(ObjectNode header, String issuer, VerifyOptions options, String what)
      throws VcException {
    JsonNode kid = header.get("kid");
    if (kid != null) {
      if (!kid.isTextual() || kid.asText().isEmpty()) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": header.kid: expected a string");
      }
      String vmId = kid.asText().startsWith("#") ? issuer + kid.asText() : kid.asText();
      if (!KeyBinding.controllerId(vmId).equals(issuer)) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": header.kid '" + kid.asText() + "' belongs to '"
            + KeyBinding.controllerId(vmId) + "', not to the issuer '" + issuer + "'");
      }
      KeyBinding.Binding b = KeyBinding.bind(options, vmId, "assertionMethod", issuer, "issuer");
      if (!b.bound()) {
        throw new VcException(b.method() == null ? VcErrorCode.RESOLUTION_FAILED : VcErrorCode.INVALID_DOCUMENT,
            what + ": header.kid: " + b.problem());
      }
      return b.method();
    }
    ControllerDocument doc;
    try {
      doc = options.controllerDocument(issuer);
    } catch (VcException | RuntimeException e) {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, what + ": cannot resolve the issuer '" + issuer + "': "
          + e.getMessage(), e);
    }
    List<VerificationMethod> candidates = new ArrayList<>();
    for (VerificationMethod m : doc.verificationMethods()) {
      if (issuer.equals(m.controller()) && doc.authorizes(m.id(), "assertionMethod")) {
        candidates.add(m);
      }
    }
    if (candidates.size() != 1) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": no kid, and the issuer has " + candidates.size()
          + " assertionMethod keys (exactly one is needed)");
    }
    return candidates.get(0);
  }

  private static ObjectNode part(String part, String what, int maxBytes) throws VcException {
    if ((long) part.length() * 3 / 4 > maxBytes) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, what + ": larger than " + maxBytes + " bytes");
    }
    byte[] raw = SdJwtCodec.base64url(part);
    if (raw == null) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, what + ": not base64url without padding");
    }
    return StrictJson.readObjectTree(raw, what, new StrictJson.Limits(maxBytes, 16));
  }
}
