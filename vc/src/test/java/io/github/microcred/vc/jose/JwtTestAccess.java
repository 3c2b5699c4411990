package io.github.microcred.vc.jose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helpers shared with other packages. */
public final class JwtTestAccess {
  /** A mapper. */
  public static final ObjectMapper JSON = JwtTestSupport.JSON;

  private JwtTestAccess() {}

  /**
   * A sample credential.
   *
   * @param issuer the issuer
   * @return the credential
   */
  public static ObjectNode credential(String issuer) {
    return JwtTestSupport.credential(issuer);
  }
}
