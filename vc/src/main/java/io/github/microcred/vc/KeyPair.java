package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.Crypto;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.Rsa;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signing key pair (Ed25519, P-256, P-384 or RSA). Immutable. The secret is reachable only through methods that take a
 * {@link SecretKeyAccess} token, and never appears in {@link #toString()}.
 */
public final class KeyPair {
  private final PublicKey publicKey;
  private final byte[] secret;
  /** The secret's signing parameters, built once (null for RSA). */
  private final Crypto.SigningKey signingKey;

  private KeyPair(PublicKey publicKey, byte[] secret, Crypto.SigningKey signingKey) {
    this.publicKey = publicKey;
    this.secret = secret;
    this.signingKey = signingKey;
  }

  /**
   * Generates a fresh key pair from a secure random source (RSA: 2048 bits, exponent 65537; see
   * {@link #generateRsa(int)}).
   *
   * @param type the key type
   * @return the key pair
   */
  public static KeyPair generate(KeyType type) {
    Objects.requireNonNull(type, "type");
    if (type == KeyType.RSA) {
      return generateRsa(2048);
    }
    try {
      return fromSecret(type, Crypto.generateSecret(PublicKey.curve(type)));
    } catch (VcException e) {
      throw new IllegalStateException("generated key rejected", e);
    }
  }

  /**
   * Generates a fresh RSA key pair (exponent 65537) for {@code RS256}.
   *
   * @param bits 2048, 3072 or 4096
   * @return the key pair
   * @throws IllegalArgumentException for another size
   */
  public static KeyPair generateRsa(int bits) {
    if (bits != 2048 && bits != 3072 && bits != 4096) {
      throw new IllegalArgumentException("RSA key size must be 2048, 3072 or 4096 bits, got " + bits);
    }
    try {
      return fromSecret(KeyType.RSA, Rsa.generate(bits));
    } catch (VcException e) {
      throw new IllegalStateException("generated key rejected", e);
    }
  }

  /**
   * Creates a key pair from raw secret bytes: a 32-byte Ed25519 seed (a 64-byte seed||public key is accepted and
   * checked), a 32/48-byte EC scalar, or for RSA the DER of a PKCS#1 {@code RSAPrivateKey} or of a PKCS#8
   * {@code PrivateKeyInfo} holding one (its CRT members are checked against each other).
   *
   * @param type the key type
   * @param secret the secret bytes
   * @return the key pair
   * @throws VcException {@link VcErrorCode#INVALID_KEY} if the bytes are not a valid secret
   */
  public static KeyPair fromSecret(KeyType type, byte[] secret) throws VcException {
    Objects.requireNonNull(type, "type");
    if (type == KeyType.RSA) {
      try {
        byte[] der = Rsa.decodeSecret(secret);
        return new KeyPair(PublicKey.create(type, Rsa.encodePublic(Rsa.publicOf(der))), der, null);
      } catch (IllegalArgumentException e) {
        throw new VcException(VcErrorCode.INVALID_KEY, "RSA secret key: " + e.getMessage());
      }
    }
    byte[] s = secret.clone();
    byte[] expectedPublic = null;
    if (type == KeyType.ED25519 && s.length == 64) {
      expectedPublic = Arrays.copyOfRange(s, 32, 64);
      s = Arrays.copyOf(s, 32);
    }
    byte[] pub;
    Crypto.SigningKey signingKey;
    try {
      signingKey = Crypto.signingKey(PublicKey.curve(type), s);
      pub = signingKey.publicKey();
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, e.getMessage());
    }
    if (expectedPublic != null && !Arrays.equals(expectedPublic, pub)) {
      throw new VcException(VcErrorCode.INVALID_KEY,
          "Ed25519 64-byte secret: the last 32 bytes are not the public key of the seed");
    }
    return new KeyPair(PublicKey.create(type, pub), s, signingKey);
  }

  /**
   * Decodes a Multikey pair. The secret's multicodec header decides the key type (ed25519-priv 0x1300,
   * p256-priv 0x1306, p384-priv 0x1307); if a public key is given it must match.
   *
   * @param publicKeyMultibase the {@code publicKeyMultibase}, or empty string to derive it
   * @param secretKeyMultibase the {@code secretKeyMultibase}
   * @return the key pair
   * @throws VcException naming the value that is wrong
   */
  public static KeyPair fromMultikey(String publicKeyMultibase, String secretKeyMultibase) throws VcException {
    byte[] raw;
    try {
      raw = Base58.decodeMultibase(secretKeyMultibase);
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "secretKeyMultibase: " + e.getMessage());
    }
    KeyPair kp = null;
    for (KeyType t : KeyType.values()) {
      byte[] codec = t.secretCodec();
      if (raw.length > 2 && raw[0] == codec[0] && raw[1] == codec[1]) {
        kp = fromSecret(t, Arrays.copyOfRange(raw, 2, raw.length));
        break;
      }
    }
    if (kp == null) {
      throw new VcException(VcErrorCode.UNSUPPORTED_KEY,
          "secretKeyMultibase: multicodec header is not ed25519-priv, p256-priv or p384-priv");
    }
    if (!publicKeyMultibase.isEmpty() && !kp.publicKey.equals(PublicKey.fromMultibase(publicKeyMultibase))) {
      throw new VcException(VcErrorCode.INVALID_KEY, "publicKeyMultibase does not match secretKeyMultibase");
    }
    return kp;
  }

  /**
   * Decodes a private JWK ({@code kty}, {@code crv}, {@code x}, {@code d}, and {@code y} for EC; for RSA
   * {@code n}, {@code e}, {@code d}, {@code p}, {@code q}, {@code dp}, {@code dq}, {@code qi}, checked against each
   * other).
   *
   * @param jwk the JWK
   * @return the key pair
   * @throws VcException naming the member that is wrong
   */
  public static KeyPair fromJwk(JsonNode jwk) throws VcException {
    KeyType t = PublicKey.jwkType(jwk);
    if (t == KeyType.RSA) {
      BigInteger[] m = new BigInteger[RSA_MEMBERS.length];
      for (int i = 0; i < m.length; i++) {
        m[i] = PublicKey.unsigned(jwk, RSA_MEMBERS[i]);
      }
      try {
        return fromSecret(t, Rsa.encodeSecret(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]));
      } catch (IllegalArgumentException e) {
        throw new VcException(VcErrorCode.INVALID_KEY, "JWK: " + e.getMessage());
      }
    }
    byte[] d = PublicKey.b64Member(jwk, "d");
    KeyPair kp = fromSecret(t, d);
    if (!kp.publicKey.equals(PublicKey.fromJwk(jwk))) {
      throw new VcException(VcErrorCode.INVALID_KEY, "JWK: public members do not match the private member 'd'");
    }
    return kp;
  }

  /** The members of a private RSA JWK, in PKCS#1 order (RFC 7518 section 6.3). */
  private static final String[] RSA_MEMBERS = {"n", "e", "d", "p", "q", "dp", "dq", "qi"};

  /**
   * Reads a PEM private key: {@code -----BEGIN PRIVATE KEY-----} (PKCS#8) or {@code -----BEGIN RSA PRIVATE
   * KEY-----} (PKCS#1), holding an RSA key (what {@code openssl genpkey -algorithm RSA} writes). Encrypted PEM is
   * not read.
   *
   * @param pem the PEM text
   * @return the key pair
   * @throws VcException {@link VcErrorCode#INVALID_KEY} naming what is wrong
   */
  public static KeyPair fromPem(String pem) throws VcException {
    Objects.requireNonNull(pem, "pem");
    Matcher m = Pattern
        .compile("-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----")
        .matcher(pem);
    if (!m.find() || !Objects.equals(m.group(1), m.group(3))) {
      throw new VcException(VcErrorCode.INVALID_KEY, pem.contains("ENCRYPTED")
          ? "PEM: encrypted private keys are not read; decrypt it first (openssl pkey -in key.pem -out plain.pem)"
          : "PEM: expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY----- with base64 content");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "PEM: the content is not base64");
    }
    return fromSecret(KeyType.RSA, der);
  }

  /** Key files are small; a larger file is refused before it is read whole. */
  private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

  /**
   * Reads a key file as written by {@link #toKeyFile} (and by {@code mcred keygen}): a private JWK, a Multikey
   * object with {@code secretKeyMultibase}, or an RSA PEM private key (see {@link #fromPem(String)}).
   *
   * @param file the key file (UTF-8 JSON, at most 64 KiB)
   * @return the key pair
   * @throws VcException {@link VcErrorCode#INVALID_KEY} naming the file if it cannot be read, is not UTF-8 JSON, or is
   *     neither kind of key
   */
  public static KeyPair fromKeyFile(Path file) throws VcException {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw new VcException(VcErrorCode.INVALID_KEY, "key file " + file + ": larger than 64 KiB, not a key file");
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (NoSuchFileException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "key file " + file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "key file " + file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, "key file " + file + ": cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
    try {
      return fromKeyFile(text);
    } catch (VcException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, e.getMessage().replaceFirst("^key file", "key file " + file));
    }
  }

  /**
   * Parses the content of a key file (see {@link #fromKeyFile(java.nio.file.Path)}): a private JWK, a Multikey
   * object with {@code secretKeyMultibase}, or an RSA PEM private key.
   *
   * @param json the file's content
   * @return the key pair
   * @throws VcException if the content is neither
   */
  public static KeyPair fromKeyFile(String json) throws VcException {
    if (json.strip().startsWith("-----BEGIN")) {
      return fromPem(json);
    }
    JsonNode n;
    try {
      n = JsonSupport.readTree(json, "key file");
    } catch (VcException e) {
      throw new VcException(VcErrorCode.INVALID_KEY, e.getMessage());
    }
    if (n != null && n.has("kty")) {
      return fromJwk(n);
    }
    if (n != null && n.path("secretKeyMultibase").isTextual()) {
      return fromMultikey(n.path("publicKeyMultibase").asText(""), n.get("secretKeyMultibase").asText());
    }
    throw new VcException(VcErrorCode.INVALID_KEY,
        "key file: expected a private JWK (kty, d), a Multikey with secretKeyMultibase or a PEM private key");
  }

  /**
   * The public key.
   *
   * @return the public key
   */
  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * The key type.
   *
   * @return the type
   */
  public KeyType type() {
    return publicKey.type();
  }

  /**
   * The raw secret: Ed25519 32-byte seed, EC scalar, or for RSA the DER PKCS#1 {@code RSAPrivateKey}. A copy.
   *
   * @param access the access token
   * @return the secret bytes
   */
  public byte[] secretKeyBytes(SecretKeyAccess access) {
    Objects.requireNonNull(access, "access");
    return secret.clone();
  }

  /**
   * The Multikey {@code secretKeyMultibase} (multicodec header + raw secret, base58btc).
   *
   * @param access the access token
   * @return the value
   */
  public String secretKeyMultibase(SecretKeyAccess access) {
    Objects.requireNonNull(access, "access");
    byte[] codec = publicKey.type().secretCodec();
    byte[] raw = new byte[codec.length + secret.length];
    System.arraycopy(codec, 0, raw, 0, codec.length);
    System.arraycopy(secret, 0, raw, codec.length, secret.length);
    return Base58.encodeMultibase(raw);
  }

  /**
   * The private JWK (public members plus {@code d}).
   *
   * @param access the access token
   * @return a new JSON object
   */
  public ObjectNode toPrivateJwk(SecretKeyAccess access) {
    Objects.requireNonNull(access, "access");
    ObjectNode n = publicKey.toJwk();
    if (publicKey.type() == KeyType.RSA) {
      BigInteger[] m = Rsa.secretMembers(secret);
      for (int i = 2; i < RSA_MEMBERS.length; i++) {
        n.put(RSA_MEMBERS[i], PublicKey.b64(m[i]));
      }
      return n;
    }
    n.put("d", PublicKey.b64(secret));
    return n;
  }

  /**
   * A key file in the given format: {@code jwk} (private JWK) or {@code multikey}
   * ({@code {"type":"Multikey","publicKeyMultibase":..,"secretKeyMultibase":..}}; not for RSA, which Multikey does
   * not define).
   *
   * @param format {@code jwk} or {@code multikey}
   * @param access the access token
   * @return the JSON object
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} for another format
   */
  public ObjectNode toKeyFile(String format, SecretKeyAccess access) throws VcException {
    if ("jwk".equals(format)) {
      return toPrivateJwk(access);
    }
    if ("multikey".equals(format) && publicKey.type() == KeyType.RSA) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "key format 'multikey': Multikey defines no RSA keys; use jwk");
    }
    if ("multikey".equals(format)) {
      ObjectNode n = PublicKey.JSON.createObjectNode();
      n.put("type", "Multikey");
      n.put("publicKeyMultibase", publicKey.toMultibase());
      n.put("secretKeyMultibase", secretKeyMultibase(access));
      return n;
    }
    throw new VcException(VcErrorCode.INVALID_ARGUMENT, "key format '" + format + "': expected jwk or multikey");
  }

  /**
   * Signs raw bytes (Ed25519, deterministic ECDSA with raw r||s, or RSASSA-PKCS1-v1_5 with SHA-256 for RSA).
   *
   * @param message the message
   * @return the signature
   */
  public byte[] sign(byte[] message) {
    if (publicKey.type() == KeyType.RSA) {
      return Rsa.signSha256(secret, message);
    }
    return Crypto.sign(signingKey, message);
  }

  @Override
  public String toString() {
    return "KeyPair[" + publicKey.type() + ", public " + (publicKey.type() == KeyType.RSA ? publicKey.toString()
        : publicKey.toMultibase()) + ", secret redacted]";
  }
}
