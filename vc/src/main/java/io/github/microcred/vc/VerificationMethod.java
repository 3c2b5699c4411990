package io.github.microcred.vc;

import java.util.Objects;

/**
 * A verification method from a controller document.
 *
 * @param id the absolute id, e.g. {@code did:key:z6Mk..#z6Mk..}
 * @param type e.g. {@code Multikey} or {@code JsonWebKey}
 * @param controller the controller's id
 * @param publicKey the key
 */
public record VerificationMethod(String id, String type, String controller, PublicKey publicKey) {
  /**
   * Validates the members.
   *
   * @param id see the record description
   * @param type see the record description
   * @param controller see the record description
   * @param publicKey see the record description
   */
  public VerificationMethod {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(publicKey, "publicKey");
  }
}
