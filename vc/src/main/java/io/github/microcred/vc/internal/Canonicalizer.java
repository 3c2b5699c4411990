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
import jakarta.json.JsonObject;
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
    RdfCanon canon = RdfCanon.create("SHA-256", ticker);
    try {
      JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
      StringWriter w = new StringWriter();
      canon.provide(new NQuadsWriter(w));
      return w.toString();
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
