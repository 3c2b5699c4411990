package io.github.microcred.vc.jose;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.internal.verify.XsdDateTime;
import java.time.format.DateTimeParseException;

/**
 * The registered claims the OB 3.0 JWT proof format derives from a credential (1EdTech OB 3.0 section 8.2.2): one
 * derivation, used by the signer to write them and by the verifier to compare them with what the token says.
 */
final class Ob3Claims {
  private Ob3Claims() {}

  /**
   * The claims a credential calls for.
   *
   * @param jti the credential {@code id}
   * @param sub the {@code credentialSubject.id}
   * @param nbf {@code validFrom} ({@code issuanceDate} for VC 1.1), NumericDate seconds
   * @param exp {@code validUntil} ({@code expirationDate} for VC 1.1), or null
   * @param problem why the credential cannot carry the profile's claims (path first), or null
   */
  record Expected(String jti, String sub, long nbf, Long exp, String problem) {
    static Expected failed(String problem) {
      return new Expected(null, null, 0, null, problem);
    }
  }

  static String fromMember(boolean vc1) {
    return vc1 ? "issuanceDate" : "validFrom";
  }

  static String untilMember(boolean vc1) {
    return vc1 ? "expirationDate" : "validUntil";
  }

  static Expected expected(JsonNode credential, boolean vc1) {
    JsonNode id = credential.get("id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      return Expected.failed("$.id: the OB 3.0 JWT profile requires a credential id (the jti claim)");
    }
    JsonNode subject = credential.get("credentialSubject");
    if (subject != null && subject.isArray() && subject.size() == 1) {
      subject = subject.get(0);
    }
    if (subject == null || !subject.isObject() || !subject.path("id").isTextual()) {
      return Expected.failed("$.credentialSubject.id: the OB 3.0 JWT profile requires one credentialSubject with an"
          + " id (the sub claim)");
    }
    String from = fromMember(vc1);
    Long nbf = seconds(credential.get(from));
    if (nbf == null) {
      return Expected.failed("$." + from + ": the OB 3.0 JWT profile requires a " + from
          + " dateTime (the nbf claim)");
    }
    String until = untilMember(vc1);
    Long exp = null;
    if (credential.has(until)) {
      exp = seconds(credential.get(until));
      if (exp == null) {
        return Expected.failed("$." + until + ": expected an XML Schema dateTime (the exp claim)");
      }
    }
    return new Expected(id.asText(), subject.get("id").asText(), nbf, exp, null);
  }

  /** A dateTime as NumericDate seconds (fractions dropped), or null when it is not one. */
  private static Long seconds(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    try {
      return XsdDateTime.parse(n.asText()).getEpochSecond();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A NumericDate claim as whole seconds (RFC 7519 allows fractions), or null when it is not a number. */
  static Long numericDate(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? n.asLong() : null;
    }
    double d = n.asDouble();
    return Double.isFinite(d) && Math.abs(d) < 1e17 ? (long) Math.floor(d) : null;
  }
}
