package io.github.microcred.vc.internal.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.microcred.vc.DidResolvers;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import org.junit.jupiter.api.Test;

/** The memo answers exactly what offline resolution answers, the first time and from the memo, and keeps no failure. */
class OfflineDidsTest {
  @Test
  void memoisedResolutionEqualsOfflineResolution() throws Exception {
    for (int i = 0; i < 300; i++) {
      KeyPair k = KeyPair.generate(KeyType.values()[i % 3]);
      String did = i % 2 == 0 ? k.publicKey().didKey() : k.publicKey().didJwk();
      for (int twice = 0; twice < 2; twice++) {
        assertEquals(DidResolvers.offline().resolve(did).toJson(), OfflineDids.RESOLVER.resolve(did).toJson(),
            "case " + i + ": " + did);
      }
      assertEquals(k.publicKey().didKeyVerificationMethod(), OfflineDids.didKeyVerificationMethod(k.publicKey()));
    }
    for (int twice = 0; twice < 2; twice++) {
      VcException e = assertThrows(VcException.class, () -> OfflineDids.RESOLVER.resolve("did:web:example.com"));
      assertEquals(VcErrorCode.RESOLUTION_FAILED, e.code());
    }
  }
}
