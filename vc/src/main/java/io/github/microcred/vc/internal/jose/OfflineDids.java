package io.github.microcred.vc.internal.jose;

import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.DidResolver;
import io.github.microcred.vc.DidResolvers;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VcException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memoised offline {@code did:key} / {@code did:jwk} work for the JWT paths. Both DID methods are pure functions of
 * the DID string (the key is in the DID), so a cached answer is always the answer resolution would give; only
 * successful resolutions are kept, and each cache is bounded (cleared when full). Internal.
 */
public final class OfflineDids {
  private static final int MAX = 4096;
  private static final DidResolver OFFLINE = DidResolvers.offline();
  private static final Map<String, ControllerDocument> DOCS = new ConcurrentHashMap<>();
  private static final Map<PublicKey, String> VMS = new ConcurrentHashMap<>();

  /** {@link DidResolvers#offline()} with a bounded memo. */
  public static final DidResolver RESOLVER = OfflineDids::resolve;

  private OfflineDids() {}

  private static ControllerDocument resolve(String did) throws VcException {
    ControllerDocument hit = DOCS.get(did);
    if (hit != null) {
      return hit;
    }
    ControllerDocument doc = OFFLINE.resolve(did);
    if (DOCS.size() >= MAX) {
      DOCS.clear();
    }
    DOCS.put(did, doc);
    return doc;
  }

  /**
   * The {@code did:key} verification method id of a key, memoised.
   *
   * @param key the key
   * @return {@code did:key:z..#z..}
   */
  public static String didKeyVerificationMethod(PublicKey key) {
    String hit = VMS.get(key);
    if (hit != null) {
      return hit;
    }
    String vm = key.didKeyVerificationMethod();
    if (VMS.size() >= MAX) {
      VMS.clear();
    }
    VMS.put(key, vm);
    return vm;
  }
}
