package io.github.microcred.vc;

/**
 * A token that must be passed to read secret key bytes, so that every place that touches raw secrets is visible in
 * the code (the Tink {@code InsecureSecretKeyAccess} habit). It carries no data.
 */
public final class SecretKeyAccess {
  private static final SecretKeyAccess INSTANCE = new SecretKeyAccess();

  private SecretKeyAccess() {}

  /**
   * Returns the token. Call it only where exposing secret key material is intended (key export, storage).
   *
   * @return the token
   */
  public static SecretKeyAccess get() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "SecretKeyAccess";
  }
}
