package io.github.microcred.vc;

import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.BoundedFetch;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serves JSON-LD contexts to the processor. By default only the contexts pinned in this module's resources (each
 * checked by SHA-256 against {@code contexts.tsv}) are served; any other URL fails with
 * {@link VcErrorCode#CONTEXT_NOT_PINNED}. Callers may pin more contexts ({@link #withContext}) or opt in to remote
 * loading for an allow list of hosts ({@link #withRemote}); the allow list also applies to nested contexts. Immutable.
 */
public final class ContextLoader {
  private static final String RESOURCES = "/io/github/microcred/vc/contexts/";
  private static final ContextLoader PINNED = loadDefaults();

  private final Map<String, JsonStructure> pinned;
  private final Set<String> remoteHosts;
  private final Duration timeout;
  private final HttpClient http;

  private ContextLoader(Map<String, JsonStructure> pinned, Set<String> remoteHosts, Duration timeout) {
    this.pinned = pinned;
    this.remoteHosts = remoteHosts;
    this.timeout = timeout;
    this.http = remoteHosts.isEmpty() ? null
        : HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * The default loader: the pinned contexts shipped with microcred (VC 1.1 and 2.0, Data Integrity, Multikey, JWK,
   * status lists, DID / CID, Open Badges 3.0.x, CLR 2.0, and the microcred extension), no network.
   *
   * @return the loader
   */
  public static ContextLoader pinned() {
    return PINNED;
  }

  private static ContextLoader loadDefaults() {
    Map<String, JsonStructure> map = new HashMap<>();
    try (InputStream in = ContextLoader.class.getResourceAsStream(RESOURCES + "contexts.tsv")) {
      if (in == null) {
        throw new IllegalStateException("contexts.tsv missing from the microcred-vc jar");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        byte[] bytes;
        try (InputStream r = ContextLoader.class.getResourceAsStream(RESOURCES + f[1])) {
          if (r == null) {
            throw new IllegalStateException("pinned context resource missing: " + f[1]);
          }
          bytes = r.readAllBytes();
        }
        if (!sha256(bytes).equals(f[2])) {
          throw new IllegalStateException("pinned context " + f[0] + " (" + f[1] + ") does not match its SHA-256 "
              + f[2] + "; the jar is corrupt or was modified");
        }
        map.put(f[0], JsonSupport.parseStructure(new String(bytes, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read pinned contexts", e);
    }
    return new ContextLoader(Collections.unmodifiableMap(map), Set.of(), Duration.ofSeconds(5));
  }

  static String sha256(byte[] bytes) {
    try {
      return Base58.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns a loader that also serves {@code content} for {@code url}, after checking its SHA-256.
   *
   * @param url the context URL, exactly as it appears in documents
   * @param content the context document's bytes
   * @param sha256Hex the expected SHA-256 of {@code content}, lower-case hex
   * @return a new loader
   * @throws VcException {@link VcErrorCode#CONTEXT_HASH_MISMATCH} if the hash differs,
   *     {@link VcErrorCode#INVALID_DOCUMENT} if the content is not JSON
   */
  public ContextLoader withContext(String url, byte[] content, String sha256Hex) throws VcException {
    Objects.requireNonNull(url, "url");
    String actual = sha256(content);
    if (!actual.equalsIgnoreCase(sha256Hex)) {
      throw new VcException(VcErrorCode.CONTEXT_HASH_MISMATCH,
          "context " + url + ": SHA-256 is " + actual + ", expected " + sha256Hex);
    }
    Map<String, JsonStructure> map = new HashMap<>(pinned);
    map.put(url, JsonSupport.parseStructureChecked(content, url));
    return new ContextLoader(Collections.unmodifiableMap(map), remoteHosts, timeout);
  }

  /**
   * Returns a loader that, for URLs that are not pinned, fetches {@code https:} contexts from the listed hosts only
   * (no redirects, the given timeout for the whole exchange, at most 1 MiB). Remote contexts are not hash-checked: pin them instead
   * whenever possible.
   *
   * @param allowedHosts host names allowed, compared case-insensitively; must not be empty
   * @param timeout connect timeout and the time for the whole exchange (headers and the last byte of the body), at
   *     most one minute
   * @return a new loader
   * @throws IllegalArgumentException if the list is empty or the timeout out of range
   */
  public ContextLoader withRemote(Set<String> allowedHosts, Duration timeout) {
    if (allowedHosts.isEmpty()) {
      throw new IllegalArgumentException("allowedHosts must not be empty");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("timeout must be in (0, 1 minute]");
    }
    Set<String> hosts = new TreeSet<>();
    allowedHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
    return new ContextLoader(pinned, Collections.unmodifiableSet(hosts), timeout);
  }

  /**
   * Whether {@code url} is served from a pinned copy.
   *
   * @param url the URL
   * @return true if pinned
   */
  public boolean isPinned(String url) {
    return pinned.containsKey(url);
  }

  /**
   * The pinned URLs.
   *
   * @return an unmodifiable set
   */
  public Set<String> pinnedUrls() {
    return Collections.unmodifiableSet(new TreeSet<>(pinned.keySet()));
  }

  /**
   * Loads a context document.
   *
   * @param url the URL
   * @return the parsed document (immutable)
   * @throws VcException {@link VcErrorCode#CONTEXT_NOT_PINNED} if it is neither pinned nor allowed remotely
   */
  public JsonStructure load(String url) throws VcException {
    JsonStructure s = pinned.get(url);
    if (s != null) {
      return s;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.CONTEXT_NOT_PINNED, "context URL '" + url + "' is not a valid URI");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (http == null || !"https".equals(uri.getScheme()) || !remoteHosts.contains(host)) {
      throw new VcException(VcErrorCode.CONTEXT_NOT_PINNED, "JSON-LD context " + url
          + " is not pinned and remote loading is " + (http == null ? "off" : "not allowed for this host")
          + "; pin it with ContextLoader.withContext(url, bytes, sha256)");
    }
    try {
      // one deadline for the whole exchange: a request timeout bounds only the wait for the headers
      BoundedFetch.Response r = BoundedFetch.get(http, HttpRequest.newBuilder(uri).timeout(timeout)
          .header("Accept", "application/ld+json, application/json").GET().build(), 1 << 20, timeout);
      if (r.status() != 200) {
        throw new VcException(VcErrorCode.CONTEXT_NOT_PINNED, "context " + url + ": HTTP " + r.status());
      }
      return JsonSupport.parseStructureChecked(r.body(), url);
    } catch (BoundedFetch.TooLarge e) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, "context " + url + " is larger than 1 MiB");
    } catch (IOException e) {
      throw new VcException(VcErrorCode.CONTEXT_NOT_PINNED, "context " + url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VcException(VcErrorCode.CONTEXT_NOT_PINNED, "context " + url + ": interrupted");
    }
  }

  @Override
  public String toString() {
    return "ContextLoader[" + pinned.size() + " pinned, remote " + (remoteHosts.isEmpty() ? "off" : remoteHosts) + "]";
  }
}
