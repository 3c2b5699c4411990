package io.github.microcred.vc;

/**
 * Resolves a DID to its controller document. Implementations are in {@link DidResolvers}: offline
 * {@code did:key} / {@code did:jwk}, and an opt-in HTTP {@code did:web}.
 */
@FunctionalInterface
public interface DidResolver {
  /**
   * Resolves a DID (without fragment).
   *
   * @param did the DID
   * @return its document
   * @throws VcException {@link VcErrorCode#RESOLUTION_FAILED} if the method is not supported or resolution fails
   */
  ControllerDocument resolve(String did) throws VcException;
}
