package io.github.microcred.vc.internal.sdjwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.StrictJson;
import io.github.microcred.vc.sdjwt.SdJwtRejection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SD-JWT (RFC 9901) mechanics: Disclosures (section 4.2), their SHA-256 digests (4.2.3), making claims of a payload
 * selectively disclosable by JSON Pointer (4.2.4, with decoys 4.2.5 and recursive disclosures 4.2.6), and the
 * Verifier's processing of a payload with the presented Disclosures (7.1 step 3), which refuses every ambiguity the
 * RFC names: a digest found twice, a Disclosure sent twice or not referenced, an array-element Disclosure in
 * {@code _sd} (or the reverse), a claim named {@code _sd} or {@code ...}, a disclosed claim that overwrites one.
 */
public final class SdJwtCodec {
  /** The only hash algorithm ({@code _sd_alg}) read and written. */
  public static final String SHA_256 = "sha-256";
  /**
   * The {@code _sd_alg} values supported, by their IANA "Named Information Hash Algorithm" names (exact, lower
   * case), to the JCA digest: sha-256, sha-384, sha-512.
   */
  public static final Map<String, String> SD_ALGS = Map.of("sha-256", "SHA-256", "sha-384", "SHA-384", "sha-512",
      "SHA-512");
  /**
   * Top-level claims that never become selectively disclosable, so a Holder cannot hide them: the SD-JWT VC claims
   * {@code iss}, {@code nbf}, {@code exp}, {@code cnf}, {@code vct}, {@code vct#integrity}, {@code status} (draft
   * section 3.2.2.2) and the credential's {@code @context}, {@code type}, {@code issuer}, {@code validFrom},
   * {@code validUntil}, {@code credentialStatus}.
   */
  public static final Set<String> NEVER_DISCLOSABLE = Set.of("iss", "nbf", "exp", "cnf", "vct", "vct#integrity",
      "status", "_sd_alg", "@context", "type", "issuer", "validFrom", "validUntil", "credentialStatus");
  /** Processing depth bound (objects and arrays, across recursive Disclosures). */
  public static final int MAX_DEPTH = 64;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SdJwtCodec() {}

  /**
   * A decoded Disclosure.
   *
   * @param encoded the base64url string as sent (its digest is over these ASCII bytes)
   * @param salt the salt
   * @param name the claim name, or null for an array element
   * @param value the claim value
   * @param digest the base64url SHA-256 digest of {@code encoded}
   */
  public record Disclosure(String encoded, String salt, String name, JsonNode value, String digest) {
    /**
     * Whether this discloses an array element (two-element form).
     *
     * @return true for {@code [salt, value]}
     */
    public boolean arrayElement() {
      return name == null;
    }
  }

  /**
   * Encodes a Disclosure: the compact UTF-8 JSON array {@code [salt, name, value]} (or {@code [salt, value]} when
   * {@code name} is null), base64url without padding.
   *
   * @param salt the salt
   * @param name the claim name, or null for an array element
   * @param value the value
   * @return the Disclosure
   */
  public static String encode(String salt, String name, JsonNode value) {
    ArrayNode a = NODES.arrayNode();
    a.add(salt);
    if (name != null) {
      a.add(name);
    }
    a.add(value);
    try {
      return B64.encodeToString(JsonSupport.MAPPER.writeValueAsBytes(a));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /**
   * The digest of a Disclosure (or of any ASCII string, e.g. for {@code sd_hash}): base64url of SHA-256 over the
   * US-ASCII bytes.
   *
   * @param ascii the string
   * @return the digest
   */
  public static String digest(String ascii) {
    return digest(SHA_256, ascii);
  }

  /**
   * The digest of a Disclosure (or {@code sd_hash} input) with an {@code _sd_alg}: base64url of the hash over the
   * US-ASCII bytes.
   *
   * @param sdAlg one of {@link #SD_ALGS} (IANA "Named Information Hash Algorithm" names)
   * @param ascii the string
   * @return the digest
   */
  public static String digest(String sdAlg, String ascii) {
    String jca = SD_ALGS.get(sdAlg);
    if (jca == null) {
      throw new IllegalArgumentException("_sd_alg " + sdAlg + " is not one of " + SD_ALGS.keySet());
    }
    try {
      return B64.encodeToString(MessageDigest.getInstance(jca).digest(ascii.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jca + " unavailable", e);
    }
  }

  /**
   * A fresh 128-bit salt, base64url.
   *
   * @param random the random source
   * @return the salt
   */
  public static String salt(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return B64.encodeToString(b);
  }

  /**
   * Decodes one Disclosure strictly (base64url alphabet, strict JSON, a 2- or 3-element array whose salt and name are
   * strings).
   *
   * @param encoded the Disclosure
   * @param path where it is, for messages (e.g. {@code disclosures[2]})
   * @param limits JSON reading bounds
   * @return the Disclosure
   * @throws SdJwtFailure {@link SdJwtRejection#DISCLOSURE_MALFORMED} or {@link SdJwtRejection#TOO_LARGE}
   */
  public static Disclosure decode(String encoded, String path, StrictJson.Limits limits) throws SdJwtFailure {
    return decode(encoded, path, limits, SHA_256);
  }

  /**
   * Decodes one Disclosure strictly, its digest computed with {@code sdAlg} (see
   * {@link #decode(String, String, StrictJson.Limits)}).
   *
   * @param encoded the Disclosure
   * @param path where it is, for messages
   * @param limits JSON reading bounds
   * @param sdAlg one of {@link #SD_ALGS}
   * @return the Disclosure
   * @throws SdJwtFailure {@link SdJwtRejection#DISCLOSURE_MALFORMED} or {@link SdJwtRejection#TOO_LARGE}
   */
  public static Disclosure decode(String encoded, String path, StrictJson.Limits limits, String sdAlg)
      throws SdJwtFailure {
    byte[] raw = base64url(encoded);
    if (raw == null) {
      throw new SdJwtFailure(SdJwtRejection.DISCLOSURE_MALFORMED, path, "a Disclosure must be non-empty base64url");
    }
    JsonNode n;
    try {
      n = StrictJson.readTree(raw, path, limits);
    } catch (VcException e) {
      throw new SdJwtFailure(e.code() == VcErrorCode.LIMIT_EXCEEDED ? SdJwtRejection.TOO_LARGE
          : SdJwtRejection.DISCLOSURE_MALFORMED, path, "not strict JSON: " + e.getMessage());
    }
    if (!n.isArray() || (n.size() != 2 && n.size() != 3)) {
      throw new SdJwtFailure(SdJwtRejection.DISCLOSURE_MALFORMED, path,
          "a Disclosure is a JSON array [salt, name, value] or [salt, value], got " + abbreviate(n));
    }
    if (!n.get(0).isTextual()) {
      throw new SdJwtFailure(SdJwtRejection.DISCLOSURE_MALFORMED, path, "the salt must be a string");
    }
    if (n.size() == 3 && !n.get(1).isTextual()) {
      throw new SdJwtFailure(SdJwtRejection.DISCLOSURE_MALFORMED, path, "the claim name must be a string");
    }
    String name = n.size() == 3 ? n.get(1).asText() : null;
    return new Disclosure(encoded, n.get(0).asText(), name, n.get(n.size() - 1), digest(sdAlg, encoded));
  }

  /**
   * The parts of a compact SD-JWT (+KB).
   *
   * @param jwt the Issuer-signed JWT
   * @param disclosures the Disclosures, as sent
   * @param kbJwt the KB-JWT, or null when the token ends with {@code ~}
   * @param signedPart the SD-JWT without the KB-JWT ({@code jwt~d1~...~dn~}), the {@code sd_hash} input
   */
  public record Split(String jwt, List<String> disclosures, String kbJwt, String signedPart) {}

  /**
   * Splits {@code <jwt>~<d1>~...~<dn>~[<kb-jwt>]} (RFC 9901 section 4).
   *
   * @param token the token (already stripped and size-checked)
   * @param maxDisclosures the most Disclosures read
   * @return the parts
   * @throws SdJwtFailure {@link SdJwtRejection#MALFORMED} or {@link SdJwtRejection#TOO_LARGE}
   */
  public static Split split(String token, int maxDisclosures) throws SdJwtFailure {
    int first = token.indexOf('~');
    if (first < 0) {
      throw new SdJwtFailure(SdJwtRejection.MALFORMED, "$", "an SD-JWT is <Issuer-signed JWT>~<Disclosures>~"
          + "[<KB-JWT>]; no '~' found");
    }
    int last = token.lastIndexOf('~');
    String kb = last == token.length() - 1 ? null : token.substring(last + 1);
    String signed = token.substring(0, last + 1);
    List<String> ds = new ArrayList<>();
    int start = first + 1;
    while (start < last + 1) {
      int end = token.indexOf('~', start);
      if (end == start) {
        throw new SdJwtFailure(SdJwtRejection.MALFORMED, "disclosures[" + ds.size() + "]", "an empty Disclosure (~~)");
      }
      if (ds.size() == maxDisclosures) {
        throw new SdJwtFailure(SdJwtRejection.TOO_LARGE, "disclosures", "more than " + maxDisclosures
            + " Disclosures");
      }
      ds.add(token.substring(start, end));
      start = end + 1;
    }
    return new Split(token.substring(0, first), ds, kb, signed);
  }

  /**
   * Strict, canonical base64url (no padding, no other characters, zero unused bits); null when not.
   *
   * @param s the text
   * @return the bytes, or null
   */
  public static byte[] base64url(String s) {
    if (s.isEmpty()) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'
          || ch == '_')) {
        return null;
      }
    }
    if (s.length() % 4 == 1) {
      return null;
    }
    try {
      byte[] b = Base64.getUrlDecoder().decode(s);
      // canonical only: the unused low bits of the last character must be zero, so one value has one spelling
      return B64.encodeToString(b).equals(s) ? b : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A processed payload.
   *
   * @param claims the Processed SD-JWT Payload (digests replaced by the disclosed claims, {@code _sd} and the
   *     top-level {@code _sd_alg} removed, undisclosed array elements dropped)
   * @param pointers for each Disclosure digest, the JSON Pointer of its claim in {@code claims}
   * @param topLevelNames the claim names disclosed at the top level
   */
  public record Processed(ObjectNode claims, Map<String, String> pointers, Set<String> topLevelNames) {}

  /**
   * Processes a payload with Disclosures (RFC 9901 section 7.1, step 3).
   *
   * @param payload the Issuer-signed JWT payload
   * @param disclosures the presented Disclosures
   * @return the processed payload
   * @throws SdJwtFailure the first violation
   */
  public static Processed process(ObjectNode payload, List<Disclosure> disclosures) throws SdJwtFailure {
    Map<String, Disclosure> byDigest = new LinkedHashMap<>();
    for (int i = 0; i < disclosures.size(); i++) {
      Disclosure d = disclosures.get(i);
      if (byDigest.put(d.digest(), d) != null) {
        throw new SdJwtFailure(SdJwtRejection.DISCLOSURE_DUPLICATE, "disclosures[" + i + "]",
            "the same Disclosure is presented twice");
      }
    }
    Walk w = new Walk(byDigest);
    ObjectNode claims = (ObjectNode) w.value(payload, "", 0);
    for (Map.Entry<String, Disclosure> e : byDigest.entrySet()) {
      if (!w.used.contains(e.getKey())) {
        throw new SdJwtFailure(SdJwtRejection.DISCLOSURE_UNREFERENCED, "disclosures[" + disclosures.indexOf(e.getValue())
            + "]", "no digest in the Issuer-signed JWT (or in another Disclosure) references this Disclosure");
      }
    }
    claims.remove("_sd_alg");
    return new Processed(claims, Collections.unmodifiableMap(w.pointers), Collections.unmodifiableSet(w.topLevel));
  }

  private static final class Walk {
    final Map<String, Disclosure> byDigest;
    final Set<String> seen = new HashSet<>();
    final Set<String> used = new HashSet<>();
    final Map<String, String> pointers = new LinkedHashMap<>();
    final Set<String> topLevel = new LinkedHashSet<>();

    Walk(Map<String, Disclosure> byDigest) {
      this.byDigest = byDigest;
    }

    JsonNode value(JsonNode v, String path, int depth) throws SdJwtFailure {
      if (depth > MAX_DEPTH) {
        throw new SdJwtFailure(SdJwtRejection.TOO_LARGE, path.isEmpty() ? "/" : path,
            "nesting deeper than " + MAX_DEPTH + " levels (across Disclosures)");
      }
      if (v.isObject()) {
        return object((ObjectNode) v, path, depth);
      }
      if (v.isArray()) {
        return array((ArrayNode) v, path, depth);
      }
      return v;
    }

    private String claimDigest(JsonNode d, String path) throws SdJwtFailure {
      if (!d.isTextual()) {
        throw new SdJwtFailure(SdJwtRejection.MALFORMED, path, "a digest must be a string, got " + abbreviate(d));
      }
      String s = d.asText();
      if (!seen.add(s)) {
        throw new SdJwtFailure(SdJwtRejection.DIGEST_REUSED, path, "digest " + s + " appears more than once");
      }
      return s;
    }

    ObjectNode object(ObjectNode in, String path, int depth) throws SdJwtFailure {
      ObjectNode out = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = in.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getKey().equals("_sd")) {
          out.set(f.getKey(), value(f.getValue(), path + "/" + escape(f.getKey()), depth + 1));
        }
      }
      JsonNode sd = in.get("_sd");
      if (sd == null) {
        return out;
      }
      String sdPath = path + "/_sd";
      if (!sd.isArray()) {
        throw new SdJwtFailure(SdJwtRejection.MALFORMED, sdPath, "_sd must be an array of digests");
      }
      for (int i = 0; i < sd.size(); i++) {
        String digest = claimDigest(sd.get(i), sdPath + "/" + i);
        Disclosure d = byDigest.get(digest);
        if (d == null) {
          continue; // a decoy, or a claim the Holder did not disclose
        }
        if (d.arrayElement()) {
          throw new SdJwtFailure(SdJwtRejection.DISCLOSURE_MISMATCH, sdPath + "/" + i,
              "an array-element Disclosure is referenced from _sd (object properties only)");
        }
        if (d.name().equals("_sd") || d.name().equals("...")) {
          throw new SdJwtFailure(SdJwtRejection.CLAIM_NAME_RESERVED, sdPath + "/" + i,
              "a Disclosure must not name a claim '" + d.name() + "'");
        }
        if (in.has(d.name()) || out.has(d.name())) {
          throw new SdJwtFailure(SdJwtRejection.CLAIM_OVERWRITE, path + "/" + escape(d.name()),
              "the disclosed claim '" + d.name() + "' already exists at this level");
        }
        used.add(digest);
        String p = path + "/" + escape(d.name());
        pointers.put(digest, p);
        if (path.isEmpty()) {
          topLevel.add(d.name());
        }
        out.set(d.name(), value(d.value(), p, depth + 1));
      }
      return out;
    }

    ArrayNode array(ArrayNode in, String path, int depth) throws SdJwtFailure {
      ArrayNode out = NODES.arrayNode();
      for (int i = 0; i < in.size(); i++) {
        JsonNode e = in.get(i);
        if (e.isObject() && e.has("...")) {
          if (e.size() != 1) {
            throw new SdJwtFailure(SdJwtRejection.MALFORMED, path + "/" + i,
                "an array element digest object must have the single key '...'");
          }
          String digest = claimDigest(e.get("..."), path + "/" + i + "/...");
          Disclosure d = byDigest.get(digest);
          if (d == null) {
            continue; // undisclosed element or decoy: dropped
          }
          if (!d.arrayElement()) {
            throw new SdJwtFailure(SdJwtRejection.DISCLOSURE_MISMATCH, path + "/" + i,
                "an object-property Disclosure is referenced from an array element");
          }
          used.add(digest);
          String p = path + "/" + out.size();
          pointers.put(digest, p);
          out.add(value(d.value(), p, depth + 1));
        } else {
          out.add(value(e, path + "/" + out.size(), depth + 1));
        }
      }
      return out;
    }
  }

  /**
   * The outcome of making claims disclosable.
   *
   * @param payload the payload with digests in place of the claims
   * @param disclosures the Disclosures, in creation order (deepest first)
   */
  public record Issued(ObjectNode payload, List<String> disclosures) {}

  /**
   * Makes the claims at the given JSON Pointers selectively disclosable. Deeper pointers are processed first, so a
   * disclosable claim inside a disclosable object becomes a recursive Disclosure. Each {@code _sd} array gets
   * {@code decoys} decoy digests and is sorted; each array with disclosable elements gets {@code decoys} decoy
   * elements at random positions.
   *
   * @param payload the payload (not modified)
   * @param pointers RFC 6901 JSON Pointers of object members or array elements
   * @param decoys decoy digests per container (0 to 64)
   * @param random salts and decoys
   * @return the payload and the Disclosures
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} for a pointer that is malformed, names nothing, or
   *     names the root
   */
  public static Issued makeDisclosable(ObjectNode payload, List<String> pointers, int decoys, SecureRandom random)
      throws VcException {
    return makeDisclosable(payload, pointers, decoys, random, SHA_256);
  }

  /**
   * Makes claims selectively disclosable with the digests of {@code sdAlg} (see
   * {@link #makeDisclosable(ObjectNode, List, int, SecureRandom)}).
   *
   * @param payload the payload (not modified)
   * @param pointers RFC 6901 JSON Pointers of object members or array elements
   * @param decoys decoy digests per container (0 to 64)
   * @param random salts and decoys
   * @param sdAlg one of {@link #SD_ALGS}
   * @return the payload and the Disclosures
   * @throws VcException as the SHA-256 form
   */
  public static Issued makeDisclosable(ObjectNode payload, List<String> pointers, int decoys, SecureRandom random,
      String sdAlg) throws VcException {
    if (!SD_ALGS.containsKey(sdAlg)) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "_sd_alg: expected one of " + new TreeSet<>(
          SD_ALGS.keySet()) + ", got '" + sdAlg + "'");
    }
    if (decoys < 0 || decoys > 64) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "decoys: expected 0 to 64, got " + decoys);
    }
    ObjectNode doc = payload.deepCopy();
    List<List<String>> parsed = new ArrayList<>();
    Set<String> unique = new LinkedHashSet<>(pointers);
    for (String p : unique) {
      List<String> segs = parsePointer(p);
      resolve(doc, segs, p);
      parsed.add(segs);
    }
    // deepest first; a stable order within a depth
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> -parsed.get(i).size()));
    Map<JsonNode, Boolean> touched = new IdentityHashMap<>();
    List<String> out = new ArrayList<>();
    for (int i : order) {
      List<String> segs = parsed.get(i);
      JsonNode parent = resolve(doc, segs.subList(0, segs.size() - 1), "parent of " + String.join("/", segs));
      String last = segs.get(segs.size() - 1);
      if (parent.isObject()) {
        ObjectNode o = (ObjectNode) parent;
        if (last.equals("_sd") || last.equals("...")) {
          throw new VcException(VcErrorCode.INVALID_ARGUMENT, "disclosable pointer " + toPointer(segs)
              + ": the claim names _sd and ... are reserved by SD-JWT");
        }
        JsonNode value = o.remove(last);
        finalizeWithin(value, touched, decoys, random, sdAlg);
        String d = encode(salt(random), last, value);
        out.add(d);
        ArrayNode sd = o.has("_sd") ? (ArrayNode) o.get("_sd") : o.putArray("_sd");
        sd.add(digest(sdAlg, d));
        touched.put(o, Boolean.TRUE);
      } else {
        ArrayNode a = (ArrayNode) parent;
        int idx = Integer.parseInt(last);
        JsonNode value = a.get(idx);
        finalizeWithin(value, touched, decoys, random, sdAlg);
        String d = encode(salt(random), null, value);
        out.add(d);
        a.set(idx, NODES.objectNode().put("...", digest(sdAlg, d)));
        touched.put(a, Boolean.TRUE);
      }
    }
    finalizeWithin(doc, touched, decoys, random, sdAlg);
    return new Issued(doc, List.copyOf(out));
  }

  /** Adds decoys to and sorts every touched container inside {@code v} (before {@code v} is encoded). */
  private static void finalizeWithin(JsonNode v, Map<JsonNode, Boolean> touched, int decoys, SecureRandom random,
      String sdAlg) {
    if (touched.isEmpty() || !v.isContainerNode()) {
      return;
    }
    for (JsonNode child : v) {
      finalizeWithin(child, touched, decoys, random, sdAlg);
    }
    if (touched.remove(v) == null) {
      return;
    }
    if (v.isObject()) {
      ArrayNode sd = (ArrayNode) v.get("_sd");
      List<String> digests = new ArrayList<>();
      sd.forEach(d -> digests.add(d.asText()));
      for (int i = 0; i < decoys; i++) {
        digests.add(decoy(random, sdAlg));
      }
      Collections.sort(digests); // hides the claims' original order (RFC 9901 section 4.2.4.1)
      sd.removeAll();
      digests.forEach(sd::add);
    } else {
      ArrayNode a = (ArrayNode) v;
      for (int i = 0; i < decoys; i++) {
        a.insert(random.nextInt(a.size() + 1), NODES.objectNode().put("...", decoy(random, sdAlg)));
      }
    }
  }

  private static String decoy(SecureRandom random, String sdAlg) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return digest(sdAlg, B64.encodeToString(b));
  }

  /**
   * Parses an RFC 6901 JSON Pointer into reference tokens ({@code ~1} is {@code /}, {@code ~0} is {@code ~}).
   *
   * @param pointer the pointer
   * @return the tokens (at least one)
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} when it is empty, the root, or malformed
   */
  public static List<String> parsePointer(String pointer) throws VcException {
    if (pointer == null || !pointer.startsWith("/")) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "JSON Pointer '" + pointer
          + "': expected a pointer such as /credentialSubject/achievement/name (RFC 6901)");
    }
    List<String> segs = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '~') {
          char n = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
          if (n != '0' && n != '1') {
            throw new VcException(VcErrorCode.INVALID_ARGUMENT, "JSON Pointer '" + pointer
                + "': '~' must be followed by 0 or 1");
          }
          b.append(n == '0' ? '~' : '/');
          i++;
        } else {
          b.append(c);
        }
      }
      segs.add(b.toString());
    }
    return segs;
  }

  /**
   * Escapes one reference token for a JSON Pointer.
   *
   * @param token the token
   * @return the escaped token
   */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String toPointer(List<String> segs) {
    StringBuilder b = new StringBuilder();
    for (String s : segs) {
      b.append('/').append(escape(s));
    }
    return b.toString();
  }

  /**
   * Resolves pointer tokens in a document.
   *
   * @param doc the document
   * @param segs the tokens
   * @param pointer the pointer text, for messages
   * @return the node
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} when a token names nothing
   */
  public static JsonNode resolve(JsonNode doc, List<String> segs, String pointer) throws VcException {
    JsonNode cur = doc;
    for (String s : segs) {
      JsonNode next = null;
      if (cur.isObject()) {
        next = cur.get(s);
      } else if (cur.isArray() && s.matches("0|[1-9][0-9]{0,8}")) {
        next = cur.get(Integer.parseInt(s));
      }
      if (next == null) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "JSON Pointer " + pointer + ": '" + s
            + "' names no member or element");
      }
      cur = next;
    }
    return cur;
  }

  /**
   * Whether pointer {@code a} is {@code b} or an ancestor of it.
   *
   * @param a a pointer
   * @param b a pointer
   * @return true when {@code b} starts with {@code a} at a token boundary
   */
  public static boolean ancestorOrSelf(String a, String b) {
    return b.equals(a) || b.startsWith(a) && b.charAt(a.length()) == '/';
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
