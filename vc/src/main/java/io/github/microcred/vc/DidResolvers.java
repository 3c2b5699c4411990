package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.internal.BoundedFetch;
import io.github.microcred.vc.internal.JsonSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ready-made {@link DidResolver}s. */
public final class DidResolvers {
  private DidResolvers() {}

  /**
   * Offline resolution of {@code did:key} (Ed25519, P-256, P-384 Multikey) and {@code did:jwk}. Any other method
   * fails with {@link VcErrorCode#RESOLUTION_FAILED}.
   *
   * @return the resolver
   */
  public static DidResolver offline() {
    return DidResolvers::resolveOffline;
  }

  private static ControllerDocument resolveOffline(String did) throws VcException {
    if (did.startsWith("did:key:")) {
      String mb = did.substring("did:key:".length());
      PublicKey key;
      try {
        key = PublicKey.fromMultibase(mb);
      } catch (VcException e) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": " + e.getMessage());
      }
      return ControllerDocument.singleKey(did, did + "#" + mb, "Multikey", key);
    }
    if (did.startsWith("did:jwk:")) {
      try {
        byte[] json = Base64.getUrlDecoder().decode(did.substring("did:jwk:".length()));
        JsonNode jwk = JsonSupport.readTree(json, did);
        if (!jwk.isObject() || jwk.has("d")) {
          throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": the JWK must be public (no 'd')");
        }
        return ControllerDocument.singleKey(did, did + "#0", "JsonWebKey", PublicKey.fromJwk(jwk));
      } catch (IllegalArgumentException e) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": not base64url JSON");
      } catch (VcException e) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": " + e.getMessage());
      }
    }
    throw new VcException(VcErrorCode.RESOLUTION_FAILED, "DID method of '" + did
        + "' cannot be resolved offline (did:key and did:jwk can); configure a resolver or controller document");
  }

  /**
   * Tries resolvers in order; the first that does not fail wins.
   *
   * @param resolvers the resolvers
   * @return the combined resolver
   */
  public static DidResolver chain(DidResolver... resolvers) {
    List<DidResolver> list = List.of(resolvers);
    return did -> {
      VcException last = new VcException(VcErrorCode.RESOLUTION_FAILED, "no resolver for " + did);
      for (DidResolver r : list) {
        try {
          return r.resolve(did);
        } catch (VcException e) {
          last = e;
        }
      }
      throw last;
    };
  }

  /**
   * The {@code did:web} HTTP resolver: opt-in, {@code https:} only, hosts restricted to an allow list, no redirects,
   * the timeout for the whole exchange (connection, headers and the last byte of the body), and at most 256 KiB per
   * document. Never used in microcred's own tests.
   *
   * @param allowedHosts host names that may be contacted (case-insensitive); must not be empty
   * @param timeout connect timeout and the time for the whole exchange, at most 30 s
   * @return the resolver
   */
  public static DidResolver web(Set<String> allowedHosts, Duration timeout) {
    if (allowedHosts.isEmpty()) {
      throw new IllegalArgumentException("allowedHosts must not be empty");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException("timeout must be in (0, 30 s]");
    }
    Set<String> hosts = new TreeSet<>();
    allowedHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    return did -> {
      URI url = didWebUrl(did);
      if (!hosts.contains(url.getHost().toLowerCase(Locale.ROOT))) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": host " + url.getHost() + " is not allowed");
      }
      try {
        // one deadline for the whole exchange: a request timeout bounds only the wait for the headers
        BoundedFetch.Response r = BoundedFetch.get(http, HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
            256 << 10, timeout);
        if (r.status() != 200) {
          throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": HTTP " + r.status() + " from " + url);
        }
        ControllerDocument doc = ControllerDocument.fromJson(JsonSupport.readTree(r.body(), did + " document"));
        if (!doc.id().equals(did)) {
          throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": document id is " + doc.id());
        }
        return doc;
      } catch (BoundedFetch.TooLarge e) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": document larger than 256 KiB");
      } catch (IOException e) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": interrupted");
      }
    };
  }

  /**
   * The URL a {@code did:web} DID resolves to ({@code did:web:example.com} becomes
   * {@code https://example.com/.well-known/did.json}; path segments are separated by {@code :}). As the did:web
   * method's Read operation says, only the port's colon ({@code %3A}) is percent-decoded: the host is a DNS name
   * (letters, digits, {@code -}, {@code .}) with an optional {@code %3A}port, and each path segment is made of
   * unreserved characters or percent-encodings other than those of {@code / \ . ? # %} and control characters, and
   * is not a dot segment. Anything else would make the fetched URL name another document than the DID (a path, a
   * query or a parent folder on an allowed host) and is refused.
   *
   * @param did the DID
   * @return the URL
   * @throws VcException {@link VcErrorCode#RESOLUTION_FAILED} if it is not a well-formed did:web
   */
  public static URI didWebUrl(String did) throws VcException {
    if (!did.startsWith("did:web:") || did.length() == "did:web:".length()) {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, "'" + did + "' is not a did:web DID");
    }
    String[] parts = did.substring("did:web:".length()).split(":", -1);
    Matcher host = WEB_HOST.matcher(parts[0]);
    if (!host.matches()) {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": the host must be a DNS name with an optional "
          + "%3A port (did:web decodes only the port's colon), got '" + parts[0] + "'");
    }
    StringBuilder sb = new StringBuilder("https://").append(host.group(1));
    if (host.group(2) != null) {
      int port = Integer.parseInt(host.group(2));
      if (port < 1 || port > 65535) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": port " + host.group(2) + " is out of range");
      }
      sb.append(':').append(port);
    }
    if (parts.length == 1) {
      sb.append("/.well-known");
    } else {
      for (int i = 1; i < parts.length; i++) {
        if (!webSegment(parts[i])) {
          throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": invalid path segment '" + parts[i]
              + "' (unreserved characters or percent-encodings other than of / \\ . ? # %, not a dot segment)");
        }
        sb.append('/').append(parts[i]);
      }
    }
    sb.append("/did.json");
    try {
      URI u = URI.create(sb.toString());
      if (u.getHost() == null || u.getRawUserInfo() != null) {
        throw new IllegalArgumentException("bad host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, did + ": not a valid did:web host");
    }
  }

  /** A did:web host: DNS labels, and an optional percent-encoded port colon. */
  private static final Pattern WEB_HOST = Pattern.compile(
      "((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)"
      + "(?:%3[Aa]([0-9]{1,5}))?");

  private static boolean webSegment(String s) {
    if (s.isEmpty() || s.equals(".") || s.equals("..")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          return false;
        }
        int b;
        try {
          b = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        } catch (NumberFormatException e) {
          return false;
        }
        if (b < 0x20 || b == 0x7f || b == '/' || b == '\\' || b == '.' || b == '?' || b == '#' || b == '%') {
          return false;
        }
        i += 2;
      } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '~')) {
        return false;
      }
    }
    return true;
  }
}
