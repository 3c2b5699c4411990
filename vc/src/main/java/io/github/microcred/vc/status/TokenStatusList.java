package io.github.microcred.vc.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.sdjwt.CompactJws;
import io.github.microcred.vc.internal.status.TokenStatusLists;
import io.github.microcred.vc.internal.verify.DataModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, decoded Token Status List (IETF draft-ietf-oauth-status-list, "TSL"): the status of many
 * Referenced Tokens (SD-JWT VCs) in {@code bits} = 1, 2, 4 or 8 bits each, packed from the least significant bit of
 * each byte ({@code status[0]} is bit 0 of byte 0), ZLIB-compressed and base64url-encoded in the {@code lst}
 * member of {@code {"bits": .., "lst": ..}}. Values: {@link #VALID} 0, {@link #INVALID} 1 (revoked),
 * {@link #SUSPENDED} 2; 3 and 0x0C..0x0F are application-specific.
 *
 * <p>This is not the W3C Bitstring Status List (GZIP, multibase, most significant bit first): see
 * {@link BitstringStatusList} for that one. The signed form that an issuer publishes is the Status List Token,
 * a JWT with {@code typ: statuslist+jwt} ({@link #signer(String, KeyPair)}); verifiers read it with
 * {@link TokenStatusListCheck}.
 */
public final class TokenStatusList {
  /** The status of a valid token. */
  public static final int VALID = 0;
  /** The status of a revoked ("invalid") token. */
  public static final int INVALID = 1;
  /** The status of a suspended token. */
  public static final int SUSPENDED = 2;
  /** The {@code typ} of a Status List Token in JWT form. */
  public static final String TYP = "statuslist+jwt";
  /** The media type a Status List Token in JWT form is served with. */
  public static final String MEDIA_TYPE = "application/statuslist+jwt";
  /** The largest uncompressed list created or read by default (16 MiB), against decompression bombs. */
  public static final int MAX_DECODED_BYTES = 16 * 1024 * 1024;

  private final int bits;
  private final byte[] bytes;

  private TokenStatusList(int bits, byte[] bytes) {
    this.bits = bits;
    this.bytes = bytes;
  }

  /**
   * Builds a list of {@code entries} statuses, all {@link #VALID} except the given ones.
   *
   * @param bits bits per status: 1, 2, 4 or 8
   * @param entries number of entries, at least 1 (the byte array is rounded up to whole bytes)
   * @param statuses index to value; each index inside the list, each value below 2^bits
   * @return the list
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} naming the bits, the size or the index that does not fit
   */
  public static TokenStatusList of(int bits, long entries, Map<Long, Integer> statuses) throws VcException {
    checkBits(bits, "bits");
    long perByte = 8 / bits;
    if (entries < 1 || (entries + perByte - 1) / perByte > MAX_DECODED_BYTES) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "entries: expected 1 to " + MAX_DECODED_BYTES * perByte
          + " for " + bits + "-bit statuses, got " + entries);
    }
    byte[] b = new byte[(int) ((entries + perByte - 1) / perByte)];
    for (Map.Entry<Long, Integer> e : statuses.entrySet()) {
      long i = e.getKey();
      int v = e.getValue();
      if (i < 0 || i >= entries) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "index " + i + " is outside 0.." + (entries - 1));
      }
      if (v < 0 || v >= 1 << bits) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "status of index " + i + ": " + v + " does not fit "
            + bits + " bit(s)");
      }
      TokenStatusLists.set(b, bits, i, v);
    }
    return new TokenStatusList(bits, b);
  }

  /**
   * Decodes an {@code lst} value: strict base64url (no padding), then ZLIB, at most {@link #MAX_DECODED_BYTES}.
   *
   * @param bits bits per status: 1, 2, 4 or 8
   * @param lst the {@code lst} member
   * @return the list
   * @throws VcException {@link VcErrorCode#STATUS_LIST_ENCODING} when not base64url or not one complete ZLIB
   *     stream, or when it inflates beyond the bound; {@link VcErrorCode#INVALID_ARGUMENT} for other bits
   */
  public static TokenStatusList decode(int bits, String lst) throws VcException {
    return decode(bits, lst, MAX_DECODED_BYTES);
  }

  /**
   * Decodes an {@code lst} value with a bound of its own (see {@link #decode(int, String)}).
   *
   * @param bits bits per status: 1, 2, 4 or 8
   * @param lst the {@code lst} member
   * @param maxBytes the largest uncompressed list accepted, 1 to {@link #MAX_DECODED_BYTES}
   * @return the list
   * @throws VcException as {@link #decode(int, String)}
   */
  public static TokenStatusList decode(int bits, String lst, int maxBytes) throws VcException {
    checkBits(bits, "bits");
    if (maxBytes < 1 || maxBytes > MAX_DECODED_BYTES) {
      throw new IllegalArgumentException("maxBytes: expected 1.." + MAX_DECODED_BYTES + ", got " + maxBytes);
    }
    return new TokenStatusList(bits, TokenStatusLists.inflate(Objects.requireNonNull(lst, "lst"), maxBytes));
  }

  /**
   * Reads a {@code status_list} JSON object: {@code bits} an integer 1, 2, 4 or 8, {@code lst} a string (other
   * members, such as {@code aggregation_uri}, are ignored).
   *
   * @param statusList the object
   * @return the list
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} naming the member, or as {@link #decode(int, String)}
   */
  public static TokenStatusList fromJson(JsonNode statusList) throws VcException {
    return TokenStatusLists.fromJson(statusList, "status_list", MAX_DECODED_BYTES);
  }

  private static void checkBits(int bits, String what) throws VcException {
    if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, what + ": expected 1, 2, 4 or 8, got " + bits);
    }
  }

  /**
   * Encodes the list: ZLIB (best compression), base64url without padding.
   *
   * @return the {@code lst} value
   */
  public String encode() {
    return TokenStatusLists.deflate(bytes);
  }

  /**
   * The {@code status_list} JSON object {@code {"bits": .., "lst": ..}}.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("bits", bits);
    n.put("lst", encode());
    return n;
  }

  /**
   * The status at an index.
   *
   * @param index the {@code idx} of a Referenced Token
   * @return the value, {@code 0..2^bits-1}
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} when the index is outside the list
   */
  public int status(long index) throws VcException {
    if (index < 0 || index >= entries()) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "idx " + index + " is outside the list (0.."
          + (entries() - 1) + ")");
    }
    return TokenStatusLists.get(bytes, bits, index);
  }

  /**
   * The number of entries: the bytes times {@code 8 / bits}.
   *
   * @return entries
   */
  public long entries() {
    return (long) bytes.length * (8 / bits);
  }

  /**
   * Bits per status.
   *
   * @return 1, 2, 4 or 8
   */
  public int bits() {
    return bits;
  }

  /**
   * A copy of the uncompressed byte array.
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * Starts signing this list as a Status List Token ({@code typ: statuslist+jwt}) to publish at {@code uri}.
   *
   * @param uri the URI the token is served at: its {@code sub}, and the {@code status.status_list.uri} of the
   *     Referenced Tokens
   * @param key the issuer's key (Ed25519, P-256 or P-384: EdDSA, ES256, ES384)
   * @return the signer
   */
  public Signer signer(String uri, KeyPair key) {
    return new Signer(this, Objects.requireNonNull(uri, "uri"), Objects.requireNonNull(key, "key"), null, null,
        null, null, Clock.systemUTC());
  }

  @Override
  public String toString() {
    return "TokenStatusList[bits=" + bits + ", entries=" + entries() + "]";
  }

  /**
   * Signs a {@link TokenStatusList} as a Status List Token in JWT form: header {@code {alg, typ: statuslist+jwt,
   * kid}}, claims {@code sub} (the URI), {@code iat}, {@code iss}, optional {@code exp} and {@code ttl}, and
   * {@code status_list}. Immutable.
   */
  public static final class Signer {
    private final TokenStatusList list;
    private final String uri;
    private final KeyPair key;
    private final String issuer;
    private final String kid;
    private final Duration ttl;
    private final Instant expiry;
    private final Clock clock;

    private Signer(TokenStatusList list, String uri, KeyPair key, String issuer, String kid, Duration ttl,
        Instant expiry, Clock clock) {
      this.list = list;
      this.uri = uri;
      this.key = key;
      this.issuer = issuer;
      this.kid = kid;
      this.ttl = ttl;
      this.expiry = expiry;
      this.clock = clock;
    }

    /**
     * Sets {@code iss} and, with {@link #withKeyId}, the key's verification method; by default the key's
     * {@code did:key}. Verifiers accept the token only when the key is an {@code assertionMethod} key of the
     * Referenced Token's issuer.
     *
     * @param issuerId the issuer's id (the {@code iss} of the SD-JWT VCs that point at the list)
     * @return a new signer
     */
    public Signer withIssuer(String issuerId) {
      return new Signer(list, uri, key, Objects.requireNonNull(issuerId, "issuer"), kid, ttl, expiry, clock);
    }

    /**
     * Sets the {@code kid}: a verification method id of the issuer. By default the key's {@code did:key} method when
     * no {@link #withIssuer issuer} is set; with an issuer and no key id the header has no {@code kid}, and
     * verifiers take the issuer's only {@code assertionMethod} key.
     *
     * @param keyId the method id
     * @return a new signer
     */
    public Signer withKeyId(String keyId) {
      return new Signer(list, uri, key, issuer, Objects.requireNonNull(keyId, "keyId"), ttl, expiry, clock);
    }

    /**
     * Sets {@code ttl}: how long verifiers may cache the token.
     *
     * @param t at least one second
     * @return a new signer
     */
    public Signer withTtl(Duration t) {
      if (t.getSeconds() < 1) {
        throw new IllegalArgumentException("ttl: expected at least 1 second, got " + t);
      }
      return new Signer(list, uri, key, issuer, kid, t, expiry, clock);
    }

    /**
     * Sets {@code exp}: when the token expires (verifiers refuse an expired Status List Token).
     *
     * @param at the expiry
     * @return a new signer
     */
    public Signer withExpiry(Instant at) {
      return new Signer(list, uri, key, issuer, kid, ttl, Objects.requireNonNull(at, "expiry"), clock);
    }

    /**
     * Sets the clock for {@code iat}.
     *
     * @param c the clock
     * @return a new signer
     */
    public Signer withClock(Clock c) {
      return new Signer(list, uri, key, issuer, kid, ttl, expiry, Objects.requireNonNull(c, "clock"));
    }

    /**
     * Signs.
     *
     * @return the compact JWS, to serve at the URI as {@link #MEDIA_TYPE}
     * @throws VcException {@link VcErrorCode#UNSUPPORTED_KEY} for an RSA key; {@link VcErrorCode#INVALID_ARGUMENT}
     *     when the URI or issuer is not an absolute URI, or the expiry is not after {@code iat}
     */
    public String get() throws VcException {
      if (key.type() == KeyType.RSA) {
        throw new VcException(VcErrorCode.UNSUPPORTED_KEY, "Status List Tokens are signed with Ed25519, P-256 or "
            + "P-384 keys (EdDSA, ES256, ES384), as the SD-JWT VCs that point at them");
      }
      if (!DataModel.isIri(uri)) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "uri: expected an absolute URI, got '" + uri + "'");
      }
      String vm = key.publicKey().didKeyVerificationMethod();
      String iss = issuer != null ? issuer : vm.substring(0, vm.indexOf('#'));
      if (!DataModel.isIri(iss)) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "issuer: expected an absolute URI, got '" + iss + "'");
      }
      long iat = clock.instant().getEpochSecond();
      if (expiry != null && expiry.getEpochSecond() <= iat) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "expiry " + expiry + " is not after iat "
            + Instant.ofEpochSecond(iat));
      }
      ObjectNode header = JsonNodeFactory.instance.objectNode();
      header.put("alg", CompactJws.alg(key.type())).put("typ", TYP);
      if (kid != null || issuer == null) {
        header.put("kid", kid != null ? kid : vm);
      }
      ObjectNode claims = JsonNodeFactory.instance.objectNode();
      claims.put("sub", uri).put("iat", iat).put("iss", iss);
      if (expiry != null) {
        claims.put("exp", expiry.getEpochSecond());
      }
      if (ttl != null) {
        claims.put("ttl", ttl.getSeconds());
      }
      claims.set("status_list", list.toJson());
      return CompactJws.sign(header, claims, key);
    }
  }
}
