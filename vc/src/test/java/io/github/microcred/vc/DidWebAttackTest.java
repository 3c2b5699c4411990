package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * did:web identifiers that would make the resolver fetch another document than the DID names. The did:web method
 * (W3C CCG did:web, "Read (Resolve)") builds the URL by replacing {@code :} with {@code /} and percent-decoding only
 * the port's colon; a resolver that decodes more lets one DID name a path, a query or a parent folder on an allowed
 * host, so a document published anywhere on that host (a user's upload folder) answers for a DID that reads as the
 * host's own. No network: only {@link DidResolvers#didWebUrl} is exercised, which every fetch goes through.
 */
class DidWebAttackTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "did:web:example.com%2Fusers%2Fmallory",      // a path hidden in the host: .../users/mallory/.well-known
      "did:web:example.com%2fusers",                // lower-case escape
      "did:web:example.com%3Fx%3D",                 // a query
      "did:web:example.com%23frag",                 // a fragment
      "did:web:example.com+evil",                   // '+' that a form decoder turns into a space
      "did:web:example.com%20",                     // a space
      "did:web:example.com%3A",                     // a port colon without a port
      "did:web:example.com%3A443%2F",               // a path after the port
      "did:web:example.com:%2E%2E:admin",           // an encoded parent folder: servers normalise /%2E%2E/
      "did:web:example.com:%2e%2e:admin",
      "did:web:example.com:.:x",                    // a dot segment
      "did:web:example.com:users%2Fmallory",        // an encoded slash in a path segment
      "did:web:example.com:users%5Cmallory",        // a backslash
      "did:web:example.com:a?b",                    // a query in a path segment
      "did:web:example.com:a#b",
      "did:web:exa_mple.com",                       // not a host name
      "did:web:example.com%00.evil"})
  void identifiersThatNameAnotherUrlAreRefused(String did) {
    VcException e = assertThrows(VcException.class, () -> DidResolvers.didWebUrl(did), did);
    assertEquals(VcErrorCode.RESOLUTION_FAILED, e.code());
    assertTrue(e.getMessage().contains(did), e::getMessage);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "did:web:w3c-ccg.github.io, https://w3c-ccg.github.io/.well-known/did.json",
      "did:web:w3c-ccg.github.io:user:alice, https://w3c-ccg.github.io/user/alice/did.json",
      "did:web:example.com%3A3000:user:alice, https://example.com:3000/user/alice/did.json",
      "did:web:example.com%3a3000, https://example.com:3000/.well-known/did.json",
      "did:web:Issuer.Example.EDU:v1.2:keys_a-b~c, https://Issuer.Example.EDU/v1.2/keys_a-b~c/did.json"})
  void theMethodsOwnExamplesStillResolveToTheirUrl(String did, String url) throws VcException {
    assertEquals(URI.create(url), DidResolvers.didWebUrl(did));
  }
}
