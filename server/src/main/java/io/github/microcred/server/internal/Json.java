package io.github.microcred.server.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.microcred.vc.CanonicalizationLimits;

/** The server module's one Jackson mapper, for request bodies and the configuration file alike. */
public final class Json {
  /**
   * The deepest nesting of arrays and objects a request body may have: the library's bound on a document
   * ({@code CanonicalizationLimits.DEFAULT}, 64) plus the request object that wraps it. Deeper bodies are refused
   * while parsing, before anything recurses through them.
   */
  public static final int MAX_DEPTH = CanonicalizationLimits.DEFAULT.maxNestingDepth() + 1;

  /** The mapper (thread-safe once configured): nesting bounded by {@link #MAX_DEPTH}, duplicate keys refused. */
  public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
          .build()).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Json() {}
}
