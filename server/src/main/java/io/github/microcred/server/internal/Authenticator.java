package io.github.microcred.server.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.microcred.server.ServerConfig;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bearer-token authentication and scope authorization: a static API token grants every scope; an OAuth 2.0 access
 * token (a JWT from the client-credentials grant, RFC 9068) is verified against the configured JWKS (signature with
 * an allowed asymmetric algorithm only, {@code iss}, {@code aud}, {@code exp} required and not passed) and grants
 * the scopes of its {@code scope} claim (space-separated) or {@code scp} array.
 */
public final class Authenticator {
  /** The scope of {@code /credentials/issue} and the OB3 awards. */
  public static final String ISSUE = "credentials:issue";
  /** The scope of {@code /credentials/status}. */
  public static final String STATUS = "credentials:status";
  /** The scope of the verify endpoints, when they are not open. */
  public static final String VERIFY = "credentials:verify";
  /** The scope of {@code /audits}, when not open. */
  public static final String AUDIT = "audits";

  /** The outcome: who, and with which scopes, or why not. */
  public record Outcome(int status, String error, String detail, String subject) {
    boolean ok() {
      return status == 200;
    }
  }

  private final ServerConfig config;
  private final DefaultJWTProcessor<SecurityContext> jwt;

  /**
   * Creates the authenticator of a configuration.
   *
   * @param config the configuration
   */
  public Authenticator(ServerConfig config) {
    this.config = config;
    this.jwt = config.oauth().map(Authenticator::processor).orElse(null);
  }

  private static DefaultJWTProcessor<SecurityContext> processor(ServerConfig.OAuth o) {
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"), JOSEObjectType.JWT,
        null));
    Set<JWSAlgorithm> algs = new HashSet<>();
    o.algorithms().forEach(a -> algs.add(JWSAlgorithm.parse(a)));
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(algs, new ImmutableJWKSet<>(o.keys())));
    p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(o.audience(),
        new JWTClaimsSet.Builder().issuer(o.issuer()).build(), Set.of("iss", "aud", "exp", "sub")));
    return p;
  }

  /**
   * Checks the {@code Authorization} header for a scope.
   *
   * @param header the header value, or {@code null}
   * @param scope the scope the endpoint needs
   * @return 200, 401 (no, unknown, malformed, forged or expired token) or 403 (valid, without the scope)
   */
  public Outcome check(String header, String scope) {
    if (header == null || header.isBlank()) {
      return new Outcome(401, null, "this endpoint needs 'Authorization: Bearer TOKEN'", null);
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Outcome(401, "invalid_request", "expected 'Authorization: Bearer TOKEN'", null);
    }
    String token = header.substring(7).strip();
    if (config.acceptsToken(token)) {
      return new Outcome(200, null, null, "api-token");
    }
    if (jwt == null || token.chars().filter(c -> c == '.').count() != 2) {
      return new Outcome(401, "invalid_token", "the bearer token is not one of the configured tokens"
          + (jwt == null ? "" : " nor a signed JWT access token"), null);
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.process(token, null);
    } catch (ParseException e) {
      return new Outcome(401, "invalid_token", "the access token is not a JWT: " + e.getMessage(), null);
    } catch (BadJOSEException e) {
      return new Outcome(401, "invalid_token", "the access token was refused: " + e.getMessage(), null);
    } catch (com.nimbusds.jose.JOSEException e) {
      return new Outcome(401, "invalid_token", "the access token cannot be verified: " + e.getMessage(), null);
    }
    List<String> scopes = scopes(claims);
    if (!scopes.contains(scope)) {
      return new Outcome(403, "insufficient_scope", "the access token of '" + claims.getSubject()
          + "' does not grant the scope '" + scope + "' (it grants " + scopes + ")", claims.getSubject());
    }
    return new Outcome(200, null, null, claims.getSubject());
  }

  private static List<String> scopes(JWTClaimsSet claims) {
    List<String> out = new ArrayList<>();
    Object scope = claims.getClaim("scope");
    if (scope instanceof String s) {
      for (String x : s.trim().split("\\s+")) {
        if (!x.isEmpty()) {
          out.add(x);
        }
      }
    }
    Object scp = claims.getClaim("scp");
    if (scp instanceof List<?> l) {
      l.forEach(x -> {
        if (x instanceof String s) {
          out.add(s);
        }
      });
    }
    return out;
  }
}
