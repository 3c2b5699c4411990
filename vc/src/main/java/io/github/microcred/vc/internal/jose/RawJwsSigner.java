package io.github.microcred.vc.internal.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A nimbus {@link JWSSigner} that delegates to a raw signature function: BouncyCastle Ed25519 for {@code EdDSA},
 * deterministic ECDSA with SHA-256 / SHA-384 and an {@code r||s} result for {@code ES256} / {@code ES384} (the JWS
 * signature format). No Tink. Internal.
 */
public final class RawJwsSigner extends BaseJWSProvider implements JWSSigner {
  private final JWSAlgorithm algorithm;
  private final UnaryOperator<byte[]> raw;

  /**
   * Creates the signer.
   *
   * @param algorithm the only algorithm it signs with
   * @param raw message → signature in JWS format
   */
  public RawJwsSigner(JWSAlgorithm algorithm, UnaryOperator<byte[]> raw) {
    super(Set.of(algorithm));
    this.algorithm = algorithm;
    this.raw = raw;
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!algorithm.equals(header.getAlgorithm())) {
      throw new JOSEException("this key signs " + algorithm + ", the header asks for " + header.getAlgorithm());
    }
    return Base64URL.encode(raw.apply(signingInput));
  }
}
