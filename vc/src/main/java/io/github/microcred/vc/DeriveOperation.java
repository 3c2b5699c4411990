package io.github.microcred.vc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.sd.EcdsaSd2023;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A configured selective disclosure of an {@link Cryptosuite#ECDSA_SD_2023} credential: from the issuer's base proof,
 * the holder derives a credential that discloses only the mandatory parts (chosen by the issuer) and the parts the
 * selective JSON pointers name, with a derived proof a verifier checks ({@link Credentials#verify}). Immutable: each
 * {@code with...} returns a new operation. Obtained from {@link Credentials#derive}.
 *
 * <p>The base proof is not verified here (verify the result, or the base credential's issuer, as the use requires);
 * a base proof that does not fit the credential fails with {@link VcErrorCode#INVALID_DOCUMENT}.
 */
public final class DeriveOperation {
  private final JsonObject credential;
  private final List<String> selectivePointers;
  private final ContextLoader loader;
  private final CanonicalizationLimits limits;

  DeriveOperation(JsonObject credential, List<String> selectivePointers, ContextLoader loader,
      CanonicalizationLimits limits) {
    this.credential = credential;
    this.selectivePointers = selectivePointers;
    this.loader = loader;
    this.limits = limits;
  }

  /**
   * Sets the context loader (default {@link ContextLoader#pinned()}).
   *
   * @param l the loader
   * @return a new operation
   */
  public DeriveOperation withDocumentLoader(ContextLoader l) {
    return new DeriveOperation(credential, selectivePointers, Objects.requireNonNull(l, "loader"), limits);
  }

  /**
   * Sets the bounds of canonicalization and of the proof value (signatures, labels and pointers are bounded by
   * {@link CanonicalizationLimits#maxQuads()}).
   *
   * @param l the limits
   * @return a new operation
   */
  public DeriveOperation withLimits(CanonicalizationLimits l) {
    return new DeriveOperation(credential, selectivePointers, loader, Objects.requireNonNull(l, "limits"));
  }

  /**
   * The selective pointers this operation discloses (besides the mandatory ones).
   *
   * @return the pointers
   */
  public List<String> selectivePointers() {
    return selectivePointers;
  }

  /**
   * Derives.
   *
   * @return the derived credential (a new object)
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the credential has no (or more than one)
   *     {@code ecdsa-sd-2023} base proof, or its proof value does not parse or does not fit the credential,
   *     {@link VcErrorCode#INVALID_ARGUMENT} for a JSON pointer that is malformed or does not match the credential,
   *     {@link VcErrorCode#LIMIT_EXCEEDED}, {@link VcErrorCode#CONTEXT_NOT_PINNED} or
   *     {@link VcErrorCode#CANONICALIZATION_FAILED}
   */
  public ObjectNode get() throws VcException {
    return JsonSupport.toJackson(derive());
  }

  /**
   * Derives and returns JSON text.
   *
   * @return the derived credential
   * @throws VcException as {@link #get()}
   */
  public String getJson() throws VcException {
    return derive().toString();
  }

  private JsonObject derive() throws VcException {
    JsonValue p = credential.get("proof");
    List<JsonObject> candidates = new ArrayList<>();
    if (p != null && p.getValueType() == JsonValue.ValueType.OBJECT) {
      candidates.add(p.asJsonObject());
    } else if (p != null && p.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue v : p.asJsonArray()) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
          candidates.add(v.asJsonObject());
        }
      }
    }
    List<JsonObject> sd = new ArrayList<>();
    for (JsonObject c : candidates) {
      if (c.get("cryptosuite") instanceof JsonString
          && EcdsaSd2023.ID.equals(c.getString("cryptosuite")) && "DataIntegrityProof".equals(c.getString("type",
              ""))) {
        sd.add(c);
      }
    }
    if (sd.size() != 1) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.proof: expected one DataIntegrityProof with "
          + "cryptosuite " + EcdsaSd2023.ID + " (the issuer's base proof), found " + sd.size());
    }
    JsonObject base = sd.get(0);
    if (!(base.get("proofValue") instanceof JsonString)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.proof.proofValue must be a string");
    }
    JsonObject unsecured = DataIntegrity.withoutProof(credential);
    EcdsaSd2023.Disclosure d = EcdsaSd2023.derive(unsecured, base.getString("proofValue"), selectivePointers,
        loader, limits);
    JsonObjectBuilder proof = JsonSupport.PROVIDER.createObjectBuilder();
    base.forEach((k, v) -> proof.add(k, "proofValue".equals(k) ? JsonSupport.PROVIDER.createValue(d.proofValue())
        : v));
    return JsonSupport.PROVIDER.createObjectBuilder(d.revealDocument()).add("proof", proof).build();
  }
}
