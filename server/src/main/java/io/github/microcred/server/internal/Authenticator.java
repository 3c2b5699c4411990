package io.github.microcred.server.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.microcred.server.ServerConfig;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bearer-token authentication and scope authorization: a static API token grants every scope; an OAuth 2.0 access
 * token (a JWT from the client-credentials grant, RFC 9068) is verified against the configured JWKS as RFC 9068 §4
 * says (typ {@code at+jwt}, signature with an allowed asymmetric algorithm only, {@code iss} and {@code aud} exact,
 * the REQUIRED claims of §2.2 present, {@code exp} not passed, {@code iat} not in the future) and grants the scopes
 * of its {@code scope} claim (space-separated) or {@code scp} array.
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

  /** The clock skew allowed on {@code exp}, {@code nbf} and {@code iat} (the authorization server's clock drifts). */
  public static final int MAX_CLOCK_SKEW_SECONDS = 60;

  /** The claims RFC 9068 §2.2 makes REQUIRED in a JWT access token. */
  static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "exp", "aud", "sub", "client_id", "iat", "jti");

  private static DefaultJWTProcessor<SecurityContext> processor(ServerConfig.OAuth o) {
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    // RFC 9068 §4 step 1: typ "at+jwt" or "application/at+jwt", any other value (or none: an ID token, a bare JWT
    // of the same issuer) refused
    p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"),
        new JOSEObjectType("application/at+jwt")));
    Set<JWSAlgorithm> algs = new HashSet<>();
    o.algorithms().forEach(a -> algs.add(JWSAlgorithm.parse(a)));
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(algs, new ImmutableJWKSet<>(o.keys())));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new Rfc9068ClaimsVerifier(o);
    claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    p.setJWTClaimsSetVerifier(claims);
    return p;
  }

  /**
   * The claims of RFC 9068 §2.2 and §4: {@code iss} equal to the configured issuer, {@code aud} containing the
   * configured audience (both compared as exact strings: no case folding, no trailing-slash leniency), every REQUIRED
   * claim present ({@code jti} and {@code client_id} non-empty strings), {@code exp} not passed, {@code nbf} (when
   * present) reached and {@code iat} not in the future, each within {@link #MAX_CLOCK_SKEW_SECONDS}. {@code jti} is
   * not one-time: an access token is a bearer token used for every request until it expires (RFC 6750), and
   * RFC 9068 asks a resource server for no replay check.
   */
  private static final class Rfc9068ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
    Rfc9068ClaimsVerifier(ServerConfig.OAuth o) {
      super(o.audience(), new JWTClaimsSet.Builder().issuer(o.issuer()).build(), REQUIRED_CLAIMS);
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
      super.verify(claims, context);
      Date iat = claims.getIssueTime();
      long ahead = iat.getTime() - currentTime().getTime();
      if (ahead > MAX_CLOCK_SKEW_SECONDS * 1000L) {
        throw new BadJWTException("JWT issued in the future: iat is " + ahead / 1000 + " s ahead of this "
            + "server's clock (more than the " + MAX_CLOCK_SKEW_SECONDS + " s skew)");
      }
      for (String name : List.of("jti", "client_id")) {
        if (!(claims.getClaim(name) instanceof String v) || v.isBlank()) {
          throw new BadJWTException("JWT claim " + name + ": expected a non-empty string (RFC 9068 §2.2)");
        }
      }
    }
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
    } catch (JOSEException e) {
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
