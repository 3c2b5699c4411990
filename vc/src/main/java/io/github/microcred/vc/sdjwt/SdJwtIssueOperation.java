package io.github.microcred.vc.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.jose.OfflineDids;
import io.github.microcred.vc.internal.sdjwt.CompactJws;
import io.github.microcred.vc.internal.sdjwt.SdJwtCodec;
import io.github.microcred.vc.internal.sdjwt.SdJwtFailure;
import io.github.microcred.vc.internal.sdjwt.X5cChain;
import io.github.microcred.vc.internal.verify.DataModel;
import io.github.microcred.vc.internal.verify.XsdDateTime;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Issues a credential as an SD-JWT VC. Immutable: each {@code with} returns a new operation holding one settings
 * value.
 *
 * <p>The header is {@code {alg, typ: dc+sd-jwt, kid}}. The payload is the credential's members plus {@code iss},
 * {@code iat}, {@code nbf} / {@code exp} (from {@code validFrom} / {@code validUntil}), {@code vct}, {@code cnf}
 * (when a Holder key is set), {@code status} (when a Token Status List entry is set) and {@code _sd_alg} (sha-256 unless
 * {@link #withSdAlg} says otherwise);
 * each disclosable claim is replaced by the digest of its
 * Disclosure (salt of 128 random bits), {@code _sd} arrays sorted. The claims in
 * {@link #NEVER_DISCLOSABLE} stay visible.
 */
public final class SdJwtIssueOperation {
  /** Top-level claims that cannot be made disclosable (a Holder must not be able to hide them). */
  public static final Set<String> NEVER_DISCLOSABLE = SdJwtCodec.NEVER_DISCLOSABLE;
  private static final Set<String> RESERVED = Set.of("iss", "iat", "nbf", "exp", "cnf", "vct", "status", "_sd",
      "_sd_alg", "sub");

  private record Settings(List<String> disclosable, int decoys, PublicKey holder, String vct, String kid,
      Clock clock, ObjectNode status, String sdAlg, List<X509Certificate> x5c) {}

  private final JsonNode credential;
  private final KeyPair key;
  private final Settings s;

  SdJwtIssueOperation(JsonNode credential, KeyPair key) {
    this(credential, key, new Settings(List.of(), 0, null, null, null, Clock.systemUTC(), null, SdJwt.SD_ALG, List.of()));
  }

  private SdJwtIssueOperation(JsonNode credential, KeyPair key, Settings s) {
    this.credential = credential;
    this.key = key;
    this.s = s;
  }

  /**
   * Adds selectively disclosable claims, as RFC 6901 JSON Pointers into the credential: object members
   * ({@code /credentialSubject/achievement/name}) or array elements ({@code /credentialSubject/result/0}). A pointer
   * inside another disclosable claim becomes a recursive Disclosure.
   *
   * @param pointers the pointers
   * @return a new operation
   */
  public SdJwtIssueOperation withDisclosable(String... pointers) {
    return withDisclosable(Arrays.asList(pointers));
  }

  /**
   * Adds selectively disclosable claims (see {@link #withDisclosable(String...)}).
   *
   * @param pointers the pointers
   * @return a new operation
   */
  public SdJwtIssueOperation withDisclosable(List<String> pointers) {
    List<String> all = new ArrayList<>(s.disclosable);
    for (String p : pointers) {
      all.add(Objects.requireNonNull(p, "pointer"));
    }
    return new SdJwtIssueOperation(credential, key, new Settings(List.copyOf(all), s.decoys, s.holder, s.vct, s.kid,
        s.clock, s.status, s.sdAlg, s.x5c));
  }

  /**
   * Adds this many decoy digests to each {@code _sd} array and each array with disclosable elements (RFC 9901
   * section 4.2.5), hiding how many claims there are.
   *
   * @param count 0 to 64
   * @return a new operation
   */
  public SdJwtIssueOperation withDecoys(int count) {
    if (count < 0 || count > 64) {
      throw new IllegalArgumentException("decoys: expected 0 to 64, got " + count);
    }
    return new SdJwtIssueOperation(credential, key, new Settings(s.disclosable, count, s.holder, s.vct, s.kid,
        s.clock, s.status, s.sdAlg, s.x5c));
  }

  /**
   * Binds the credential to the Holder's key ({@code cnf.jwk}); the Holder then proves possession in a KB-JWT.
   *
   * @param holderKey the Holder's public key
   * @return a new operation
   */
  public SdJwtIssueOperation withHolderKey(PublicKey holderKey) {
    return new SdJwtIssueOperation(credential, key, new Settings(s.disclosable, s.decoys,
        Objects.requireNonNull(holderKey, "holderKey"), s.vct, s.kid, s.clock, s.status, s.sdAlg, s.x5c));
  }

  /**
   * Sets {@code vct}, the credential type. By default {@link SdJwt#VCT_OPEN_BADGE} for an
   * {@code OpenBadgeCredential} / {@code AchievementCredential} and {@link SdJwt#VCT_CLR} for a
   * {@code ClrCredential}; other credentials need one.
   *
   * @param vct a URI
   * @return a new operation
   */
  public SdJwtIssueOperation withVct(String vct) {
    return new SdJwtIssueOperation(credential, key, new Settings(s.disclosable, s.decoys, s.holder,
        Objects.requireNonNull(vct, "vct"), s.kid, s.clock, s.status, s.sdAlg, s.x5c));
  }

  /**
   * Sets the {@code kid}: an {@code assertionMethod} verification method of the issuer. By default the
   * {@code did:key} method of the key when the issuer is that {@code did:key}, or {@code <did:jwk>#0}.
   *
   * @param keyId a DID URL
   * @return a new operation
   */
  public SdJwtIssueOperation withKeyId(String keyId) {
    return new SdJwtIssueOperation(credential, key, new Settings(s.disclosable, s.decoys, s.holder, s.vct,
        Objects.requireNonNull(keyId, "keyId"), s.clock, s.status, s.sdAlg, s.x5c));
  }

  /**
   * Adds the {@code status} claim of the IETF Token Status List: {@code "status": {"status_list": {"idx": index,
   * "uri": uri}}}, the entry {@code index} of the Status List Token published at {@code uri} (see
   * {@link io.github.microcred.vc.status.TokenStatusList}). The claim stays visible (never selectively disclosable).
   *
   * @param uri the absolute URI of the Status List Token
   * @param index the entry of this credential, 0 or more
   * @return a new operation
   */
  public SdJwtIssueOperation withStatusListEntry(String uri, long index) {
    if (!DataModel.isIri(Objects.requireNonNull(uri, "uri"))) {
      throw new IllegalArgumentException("uri: expected the absolute URI of the Status List Token, got '" + uri + "'");
    }
    if (index < 0) {
      throw new IllegalArgumentException("index: expected 0 or more, got " + index);
    }
    ObjectNode status = JsonSupport.MAPPER.createObjectNode();
    status.putObject("status_list").put("idx", index).put("uri", uri);
    return new SdJwtIssueOperation(credential, key, new Settings(s.disclosable, s.decoys, s.holder, s.vct, s.kid,
        s.clock, status, s.sdAlg, s.x5c));
  }

  /**
   * Sets {@code _sd_alg}, the hash of the Disclosure digests (and of the Holder's {@code sd_hash}): {@code sha-256}
   * (the default), {@code sha-384} or {@code sha-512}, by their IANA names.
   *
   * @param sdAlg one of {@link SdJwt#SD_ALGORITHMS}
   * @return a new operation
   * @throws IllegalArgumentException for any other name
   */
  public SdJwtIssueOperation withSdAlg(String sdAlg) {
    if (!SdJwt.SD_ALGORITHMS.contains(Objects.requireNonNull(sdAlg, "sdAlg"))) {
      throw new IllegalArgumentException("_sd_alg: expected one of " + new TreeSet<>(SdJwt.SD_ALGORITHMS)
          + ", got '" + sdAlg + "'");
    }
    return new SdJwtIssueOperation(credential, key, new Settings(s.disclosable, s.decoys, s.holder, s.vct, s.kid,
        s.clock, s.status, sdAlg, s.x5c));
  }

  /**
   * Puts the issuer's X.509 certificate chain into the Issuer-signed JWT's {@code x5c} header (SD-JWT VC "Inline
   * X.509 Certificates"; RFC 7515 4.1.6: the certificate holding the signing key first, each one certified by the
   * next), for verifiers that trust the chain's root ({@link SdJwtVerifyOperation#withX509TrustAnchors}). The
   * end-entity certificate's key must be the signing key, and the certificate must name the issuer (a URI subject
   * alternative name equal to it, or for an {@code https} issuer a DNS name equal to its host) and, with a key
   * usage, allow {@code digitalSignature}; {@link #get()} refuses otherwise. No {@code kid} is written unless
   * {@link #withKeyId} sets one.
   *
   * @param chain the certificates, end-entity first, 1 to 8 (read PEM files with {@link X509Files#certificates})
   * @return a new operation
   * @throws IllegalArgumentException when the chain is empty or longer than 8 certificates
   */
  public SdJwtIssueOperation withX5c(List<X509Certificate> chain) {
    if (chain.isEmpty() || chain.size() > X5cChain.MAX_CERTIFICATES) {
      throw new IllegalArgumentException("x5c: expected 1 to " + X5cChain.MAX_CERTIFICATES + " certificates, got "
          + chain.size());
    }
    for (X509Certificate c : chain) {
      Objects.requireNonNull(c, "certificate");
    }
    return new SdJwtIssueOperation(credential, key, new Settings(s.disclosable, s.decoys, s.holder, s.vct, s.kid,
        s.clock, s.status, s.sdAlg, List.copyOf(chain)));
  }

  /**
   * Sets the clock for {@code iat}.
   *
   * @param clock the clock
   * @return a new operation
   */
  public SdJwtIssueOperation withClock(Clock clock) {
    return new SdJwtIssueOperation(credential, key, new Settings(s.disclosable, s.decoys, s.holder, s.vct, s.kid,
        Objects.requireNonNull(clock, "clock"), s.status, s.sdAlg, s.x5c));
  }

  /**
   * Issues.
   *
   * @return the SD-JWT: {@code <Issuer-signed JWT>~<Disclosure>~...~}
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} when the credential is not an object, has no issuer
   *     IRI, uses a reserved claim name ({@code iss}, {@code vct}, {@code cnf}, {@code _sd}, ...) or a date that is
   *     not a dateTime; {@link VcErrorCode#INVALID_ARGUMENT} for a pointer that names nothing, the root, a reserved
   *     or never-disclosable claim, when no {@code vct} or {@code kid} can be derived;
   *     {@link VcErrorCode#UNSUPPORTED_KEY} for an RSA issuer or Holder key
   */
  public String get() throws VcException {
    if (!credential.isObject()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$: the credential must be a JSON object");
    }
    if (key.type() == KeyType.RSA || s.holder != null && s.holder.type() == KeyType.RSA) {
      throw new VcException(VcErrorCode.UNSUPPORTED_KEY, "SD-JWT VC signs and binds Ed25519, P-256 and P-384 keys "
          + "(EdDSA, ES256, ES384); RSA keys serve the OB 3.0 JWT profile");
    }
    ObjectNode payload = ((ObjectNode) credential).deepCopy();
    String issuer = DataModel.partyId(payload.get("issuer"));
    if (issuer == null) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.issuer: expected an IRI or an object with an IRI id");
    }
    for (String r : RESERVED) {
      if (payload.has(r)) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$." + r + ": a JWT / SD-JWT claim name; the credential "
            + "must not carry it (the issuer sets it)");
      }
    }
    reservedKeys(payload, "$");
    for (String p : s.disclosable) {
      List<String> segs = SdJwtCodec.parsePointer(p);
      if (segs.size() == 1 && NEVER_DISCLOSABLE.contains(segs.get(0))) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "disclosable pointer " + p
            + ": this claim must stay visible (never selectively disclosable: " + new TreeSet<>(
                NEVER_DISCLOSABLE) + ")");
      }
    }
    String vct = s.vct != null ? s.vct : defaultVct(payload);
    String kid = s.kid != null ? s.kid : s.x5c.isEmpty() ? defaultKid(issuer) : null;
    ArrayNode x5c = x5cHeader(issuer);
    payload.put("iss", issuer);
    payload.put("iat", s.clock.instant().getEpochSecond());
    epoch(payload, "validFrom", "nbf");
    epoch(payload, "validUntil", "exp");
    payload.put("vct", vct);
    if (s.holder != null) {
      payload.putObject("cnf").set("jwk", s.holder.toJwk());
    }
    if (s.status != null) {
      payload.set("status", s.status.deepCopy());
    }
    payload.put("_sd_alg", s.sdAlg);
    SdJwtCodec.Issued issued = SdJwtCodec.makeDisclosable(payload, s.disclosable, s.decoys, new SecureRandom(),
        s.sdAlg);
    ObjectNode header = JsonSupport.MAPPER.createObjectNode();
    header.put("alg", CompactJws.alg(key.type())).put("typ", SdJwt.TYP);
    if (kid != null) {
      header.put("kid", kid);
    }
    if (x5c != null) {
      header.set("x5c", x5c);
    }
    StringBuilder b = new StringBuilder(CompactJws.sign(header, issued.payload(), key)).append('~');
    for (String d : issued.disclosures()) {
      b.append(d).append('~');
    }
    return b.toString();
  }

  /** The x5c header of the chain, after checking it fits the key and the issuer; null without a chain. */
  private ArrayNode x5cHeader(String issuer) throws VcException {
    if (s.x5c.isEmpty()) {
      return null;
    }
    X509Certificate leaf = s.x5c.get(0);
    PublicKey certified;
    try {
      certified = X5cChain.endEntityKey(leaf, "x5c[0]");
    } catch (SdJwtFailure e) {
      throw new VcException(VcErrorCode.UNSUPPORTED_KEY, e.path() + ": " + e.getMessage());
    }
    if (!certified.equals(key.publicKey())) {
      throw new VcException(VcErrorCode.INVALID_KEY, "x5c[0]: the end-entity certificate ("
          + leaf.getSubjectX500Principal().getName() + ") certifies another key than the signing key: a verifier "
          + "would verify with the certificate's key");
    }
    boolean[] usage = leaf.getKeyUsage();
    if (usage != null && !usage[0]) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "x5c[0]: the end-entity certificate's key usage does not "
          + "allow digitalSignature");
    }
    if (!X5cChain.namesIssuer(leaf, issuer)) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "x5c[0]: the end-entity certificate ("
          + leaf.getSubjectX500Principal().getName() + ") does not name the issuer '" + issuer + "' (a URI subject "
          + "alternative name equal to it, or for an https issuer a DNS name equal to its host)");
    }
    ArrayNode out = JsonSupport.MAPPER.createArrayNode();
    for (X509Certificate c : s.x5c) {
      try {
        out.add(Base64.getEncoder().encodeToString(c.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "x5c: a certificate cannot be encoded: " + e.getMessage());
      }
    }
    return out;
  }

  private static void epoch(ObjectNode payload, String member, String claim) throws VcException {
    JsonNode v = payload.get(member);
    if (v == null) {
      return;
    }
    try {
      payload.put(claim, XsdDateTime.parse(v.asText(null)).getEpochSecond());
    } catch (DateTimeParseException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$." + member + ": expected an XML Schema dateTime, got "
          + v);
    }
  }

  /** {@code _sd} anywhere, or an array element object with {@code ...}, would be read as SD-JWT digests. */
  private static void reservedKeys(JsonNode n, String path) throws VcException {
    if (n.isObject()) {
      if (n.has("_sd")) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + "._sd: reserved by SD-JWT");
      }
      var it = n.fields();
      while (it.hasNext()) {
        var f = it.next();
        reservedKeys(f.getValue(), path + "." + f.getKey());
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        if (n.get(i).isObject() && n.get(i).has("...")) {
          throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + "[" + i + "]: an object with the key '...' is "
              + "reserved by SD-JWT in arrays");
        }
        reservedKeys(n.get(i), path + "[" + i + "]");
      }
    }
  }

  private static String defaultVct(ObjectNode payload) throws VcException {
    if (DataModel.hasType(payload, "OpenBadgeCredential") || DataModel.hasType(payload, "AchievementCredential")) {
      return SdJwt.VCT_OPEN_BADGE;
    }
    if (DataModel.hasType(payload, "ClrCredential")) {
      return SdJwt.VCT_CLR;
    }
    throw new VcException(VcErrorCode.INVALID_ARGUMENT, "vct: not an Open Badges 3.0 or CLR 2.0 credential; set "
        + "withVct(type URI)");
  }

  private String defaultKid(String issuer) throws VcException {
    String didKeyVm = OfflineDids.didKeyVerificationMethod(key.publicKey());
    if (didKeyVm.startsWith(issuer) && didKeyVm.startsWith("#", issuer.length())) {
      return didKeyVm;
    }
    if (issuer.startsWith("did:jwk:") && issuer.equals(key.publicKey().didJwk())) {
      return issuer + "#0";
    }
    throw new VcException(VcErrorCode.INVALID_ARGUMENT, "kid: the issuer " + issuer
        + " is not the did:key or did:jwk of this key; set withKeyId(verification method id)");
  }
}
