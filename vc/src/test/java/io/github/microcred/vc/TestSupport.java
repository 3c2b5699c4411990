package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helpers: resources and the loader with test-only contexts. */
final class TestSupport {
  static final ObjectMapper JSON = new ObjectMapper();

  private TestSupport() {}

  static byte[] bytes(String name) {
    try (InputStream in = TestSupport.class.getResourceAsStream("/io/github/microcred/vc/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode json(String name) {
    try {
      return (ObjectNode) JSON.readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode vector(String file) {
    return json("vectors/" + file);
  }

  /** The pinned loader plus the citizenship context that only the employment vector uses. */
  static ContextLoader loader() {
    try {
      return ContextLoader.pinned().withContext("https://w3id.org/citizenship/v4rc1",
          bytes("vectors/citizenship-v4rc1.jsonld"),
          "5038c7383afd7ab2158f1b997913a8f60978a0abcf96e0b0d08e29f146d2db1e");
    } catch (VcException e) {
      throw new IllegalStateException(e);
    }
  }
}
