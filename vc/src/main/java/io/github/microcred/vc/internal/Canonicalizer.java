package io.github.microcred.vc.internal;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * JSON-LD to RDF (titanium, safe mode: undefined terms fail) and RDFC-1.0 canonical N-Quads (titanium-rdfc), with
 * a document size cap and a bound on blank-node labelling work.
 */
public final class Canonicalizer {
  private Canonicalizer() {}

  /** Thrown by the ticker when the work bound is exceeded. */
  private static final class WorkExceeded extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    WorkExceeded(String m) {
      super(m);
    }
  }

  private static boolean absolute(String s) {
    if (s.startsWith("_:")) {
      return true;
    }
    int colon = s.indexOf(':');
    if (colon <= 0 || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < colon; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Finds an {@code @id}/{@code @type} value or property that is not an absolute IRI (jsonld.js safe mode). */
  private static String relativeReference(JsonValue v, String path) {
    if (v.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue e : v.asJsonArray()) {
        String r = relativeReference(e, path);
        if (r != null) {
          return r;
        }
      }
    } else if (v.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject o = v.asJsonObject();
      boolean valueObject = o.containsKey("@value");
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        String k = e.getKey();
        if ("@id".equals(k) || "@type".equals(k)) {
          JsonValue t = e.getValue();
          List<JsonValue> vals = t.getValueType() == JsonValue.ValueType.ARRAY ? t.asJsonArray() : List.of(t);
          for (JsonValue x : vals) {
            if (x instanceof JsonString && !absolute(((JsonString) x).getString())
                && !(valueObject && "@type".equals(k) && "@json".equals(((JsonString) x).getString()))) {
              return k + " '" + ((JsonString) x).getString() + "'";
            }
          }
        } else if ("@value".equals(k)) {
          continue;
        } else if (!k.startsWith("@") && !absolute(k)) {
          return "property '" + k + "'";
        } else {
          String r = relativeReference(e.getValue(), path);
          if (r != null) {
            return r;
          }
        }
      }
    }
    return null;
  }

  /**
   * Canonicalizes a JSON-LD document.
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @return canonical N-Quads (RDFC-1.0)
   * @throws VcException {@link VcErrorCode#LIMIT_EXCEEDED}, {@link VcErrorCode#CONTEXT_NOT_PINNED} or
   *     {@link VcErrorCode#CANONICALIZATION_FAILED}
   */
  public static String canonicalize(JsonObject document, ContextLoader loader, CanonicalizationLimits limits)
      throws VcException {
    return canonicalize(document, loader, limits, "SHA-256");
  }

  /**
   * Canonicalizes a JSON-LD document with RDFC-1.0 using the given hash for blank-node labelling
   * ({@code ecdsa-rdfc-2019} with P-384 uses SHA-384).
   *
   * @param document the document
   * @param loader the context loader
   * @param limits the bounds
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @return canonical N-Quads
   * @throws VcException as {@link #canonicalize(JsonObject, ContextLoader, CanonicalizationLimits)}
   */
  public static String canonicalize(JsonObject document, ContextLoader loader, CanonicalizationLimits limits,
      String rdfcHash) throws VcException {
    int size = document.toString().getBytes(StandardCharsets.UTF_8).length;
    if (size > limits.maxDocumentBytes()) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED,
          "document is " + size + " bytes, above the limit of " + limits.maxDocumentBytes());
    }
    long max = limits.maxBlankNodeWork();
    long[] ticks = {0};
    RdfCanonTicker ticker = () -> {
      if (++ticks[0] > max) {
        throw new WorkExceeded("canonicalization exceeded " + max + " blank-node work steps (poison graph?)");
      }
    };
    VcException[] loaderError = {null};
    DocumentLoader titaniumLoader = (url, options) -> {
      try {
        return JsonDocument.of(loader.load(url.toString()));
      } catch (VcException e) {
        loaderError[0] = e;
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
      }
    };
    JsonLdOptions options = new JsonLdOptions(titaniumLoader);
    options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    RdfCanon canon = RdfCanon.create(rdfcHash, ticker);
    try {
      JsonArray expanded = JsonLd.expand(JsonDocument.of(document)).options(options).get();
      String relative = relativeReference(expanded, "");
      if (relative != null) {
        throw new VcException(VcErrorCode.CANONICALIZATION_FAILED, "safe mode: " + relative
            + " is a relative IRI reference and would be dropped from the signed data");
      }
      JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(canon);
      StringWriter w = new StringWriter();
      canon.provide(new NQuadsWriter(w));
      return w.toString();
    } catch (VcException e) {
      throw e;
    } catch (JsonLdError e) {
      if (loaderError[0] != null) {
        throw loaderError[0];
      }
      throw new VcException(VcErrorCode.CANONICALIZATION_FAILED,
          "JSON-LD processing failed (" + e.getCode() + "): " + e.getMessage());
    } catch (WorkExceeded e) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, e.getMessage());
    } catch (RdfConsumerException | RuntimeException e) {
      if (e.getCause() instanceof WorkExceeded) {
        throw new VcException(VcErrorCode.LIMIT_EXCEEDED, e.getCause().getMessage());
      }
      throw new VcException(VcErrorCode.CANONICALIZATION_FAILED, "canonicalization failed: " + e);
    }
  }
}
