package io.github.microcred.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * EU Annex I "identification of the learner": either a DID, or a salted hash of an email address as in the
 * Open Badges 3.0 {@code IdentityObject} ({@code identityType: emailAddress}, {@code hashed: true},
 * {@code identityHash: "sha256$" + hex(SHA-256(email + salt))}).
 */
public final class LearnerIdentity {

  /** The kind of identity. */
  public enum Type {
    /** A decentralised identifier. */
    DID,
    /** A salted SHA-256 hash of an email address. */
    HASHED_EMAIL
  }

  private final Type type;
  private final String value;
  private final String salt;

  private LearnerIdentity(Type type, String value, String salt) {
    this.type = type;
    this.value = value;
    this.salt = salt;
  }

  /**
   * A learner identified by a DID.
   *
   * @param did a DID, {@code did:method:specific-id}
   * @return the identity
   * @throws IllegalArgumentException when the value is not a DID
   */
  public static LearnerIdentity did(String did) {
    Objects.requireNonNull(did, "did");
    if (!did.matches("did:[a-z0-9]+:[A-Za-z0-9._:%\\-]+(#.*)?")) {
      throw new IllegalArgumentException("learner DID must look like did:method:id, was '" + did + "'");
    }
    return new LearnerIdentity(Type.DID, did, null);
  }

  /**
   * A learner identified by the salted hash of an email address. The address is trimmed and lower-cased
   * before hashing; the address itself is not kept.
   *
   * @param email the address
   * @param salt the salt (may be empty, but a random salt protects the address)
   * @return the identity
   */
  public static LearnerIdentity hashedEmail(String email, String salt) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(salt, "salt");
    if (!email.contains("@")) {
      throw new IllegalArgumentException("not an email address: '" + email + "'");
    }
    String normalised = email.trim().toLowerCase(Locale.ROOT);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((normalised + salt).getBytes(StandardCharsets.UTF_8));
      return new LearnerIdentity(Type.HASHED_EMAIL, "sha256$" + HexFormat.of().formatHex(h), salt);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * An already hashed email identity, as read from an {@code IdentityObject}.
   *
   * @param identityHash {@code sha256$} followed by 64 hex digits
   * @param salt the salt
   * @return the identity
   */
  public static LearnerIdentity hashed(String identityHash, String salt) {
    Objects.requireNonNull(identityHash, "identityHash");
    Objects.requireNonNull(salt, "salt");
    if (!identityHash.matches("sha256\\$[0-9a-f]{64}")) {
      throw new IllegalArgumentException("identityHash must be sha256$ + 64 lower-case hex digits");
    }
    return new LearnerIdentity(Type.HASHED_EMAIL, identityHash, salt);
  }

  /**
   * Whether an email address is this identity's (for a hashed email identity).
   *
   * @param email the address
   * @return true when it hashes to this identity
   */
  public boolean matchesEmail(String email) {
    return type == Type.HASHED_EMAIL && email.contains("@") && hashedEmail(email, salt).value.equals(value);
  }

  /**
   * The type.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The DID, or the {@code sha256$…} identity hash.
   *
   * @return the value
   */
  public String value() {
    return value;
  }

  /**
   * The salt of a hashed email identity.
   *
   * @return the salt
   */
  public Optional<String> salt() {
    return Optional.ofNullable(salt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LearnerIdentity l && type == l.type && value.equals(l.value) && Objects.equals(salt, l.salt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, value, salt);
  }

  @Override
  public String toString() {
    return type == Type.DID ? value : "hashed email " + value.substring(0, 15) + "…";
  }
}
