package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * OB3 {@code IdentityObject}: identifies the recipient by a (usually hashed) e-mail, student id, etc.
 *
 * @param identityType e.g. {@code emailAddress}, {@code studentId}
 * @param hashed whether {@code identityHash} is a hash
 * @param identityHash the plain value, or {@code sha256$<hex>} of value + salt
 * @param salt the salt, if hashed with one
 */
public record IdentityObject(String identityType, boolean hashed, String identityHash, Optional<String> salt) {
  /**
   * A salted SHA-256 identity, as OB3 defines ({@code sha256$} + hex of UTF-8 value + salt).
   *
   * @param identityType the type
   * @param value the plain value
   * @param salt the salt
   * @return the identity object
   */
  public static IdentityObject hashed(String identityType, String value, String salt) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((value + salt).getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder("sha256$");
      for (byte b : h) {
        sb.append(String.format("%02x", b));
      }
      return new IdentityObject(identityType, true, sb.toString(), Optional.of(salt));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The JSON-LD form.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    n.put("type", "IdentityObject");
    n.put("identityHash", identityHash);
    n.put("identityType", identityType);
    n.put("hashed", hashed);
    Json.put(n, "salt", salt);
    return n;
  }

  static IdentityObject fromJson(JsonNode n, String path) throws VcException {
    return new IdentityObject(Json.required(n, "identityType", path), n.path("hashed").asBoolean(false),
        Json.required(n, "identityHash", path), Json.str(n, "salt"));
  }
}
