package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The front door of the vc module: sign a credential with a Data Integrity proof, verify one, or issue an Open Badge
 * from the core model. Each method returns an immutable, configurable operation object.
 *
 * <pre>{@code
 * KeyPair key = KeyPair.generate(KeyType.ED25519);
 * ObjectNode signed = Credentials.sign(unsigned, key, Cryptosuite.EDDSA_RDFC_2022).get();
 * VerificationResult r = Credentials.verify(signed).withControllerDocument(issuerDoc).get();
 * }</pre>
 */
public final class Credentials {
  private Credentials() {}

  /**
   * Prepares signing of a JSON-LD document.
   *
   * @param document the document (an unsigned credential, or one with proofs to add to)
   * @param key the signing key
   * @param suite the cryptosuite
   * @return the operation
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the document is not a JSON object
   */
  public static SignOperation sign(JsonNode document, KeyPair key, Cryptosuite suite) throws VcException {
    Objects.requireNonNull(document, "document");
    return sign(document.toString(), key, suite);
  }

  /**
   * Prepares signing of a JSON-LD document given as text.
   *
   * @param json the document
   * @param key the signing key
   * @param suite the cryptosuite
   * @return the operation
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the text is not a JSON object
   */
  public static SignOperation sign(String json, KeyPair key, Cryptosuite suite) throws VcException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(suite, "suite");
    JsonValue v = JsonSupport.parseStructureChecked(json, "document");
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "document: $ must be a JSON object");
    }
    return new SignOperation(v.asJsonObject(), key, suite, null, null, Clock.systemUTC(), "assertionMethod",
        ContextLoader.pinned(), CanonicalizationLimits.DEFAULT);
  }

  /**
   * Prepares verification of a credential.
   *
   * @param credential the credential
   * @return the operation
   */
  public static VerifyOperation verify(JsonNode credential) {
    return verify(Objects.requireNonNull(credential, "credential").toString());
  }

  /**
   * Prepares verification of a credential given as text (verified exactly as given: duplicate keys are refused).
   *
   * @param json the credential
   * @return the operation
   */
  public static VerifyOperation verify(String json) {
    return new VerifyOperation(Objects.requireNonNull(json, "json"), Clock.systemUTC(), Duration.ofMinutes(5),
        ContextLoader.pinned(), CanonicalizationLimits.DEFAULT, DidResolvers.offline(), Map.of(),
        "assertionMethod", null);
  }
}
