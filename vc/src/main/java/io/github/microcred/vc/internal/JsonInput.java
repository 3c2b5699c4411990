package io.github.microcred.vc.internal;

import io.github.microcred.vc.VcException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * Untrusted JSON as it was given, text or UTF-8 bytes, read on demand with {@link StrictJson} (bytes let the reader
 * reject invalid UTF-8, which a {@code String} can no longer show).
 */
public final class JsonInput {
  private final String text;
  private final byte[] bytes;

  private JsonInput(String text, byte[] bytes) {
    this.text = text;
    this.bytes = bytes;
  }

  /**
   * Text input.
   *
   * @param text the JSON text
   * @return the input
   */
  public static JsonInput of(String text) {
    return new JsonInput(Objects.requireNonNull(text, "json"), null);
  }

  /**
   * UTF-8 input; the array is copied.
   *
   * @param utf8 the JSON bytes
   * @return the input
   */
  public static JsonInput of(byte[] utf8) {
    return new JsonInput(null, Objects.requireNonNull(utf8, "json").clone());
  }

  /**
   * Reads the value.
   *
   * @param what what is read, for messages
   * @param limits the bounds
   * @return the value
   * @throws VcException as {@link StrictJson#read(String, String, StrictJson.Limits)}
   */
  public JsonValue read(String what, StrictJson.Limits limits) throws VcException {
    return text != null ? StrictJson.read(text, what, limits) : StrictJson.read(bytes, what, limits);
  }

  /**
   * Reads an object.
   *
   * @param what what is read, for messages
   * @param limits the bounds
   * @return the object
   * @throws VcException as {@link StrictJson#readObject(String, String, StrictJson.Limits)}
   */
  public JsonObject readObject(String what, StrictJson.Limits limits) throws VcException {
    return text != null ? StrictJson.readObject(text, what, limits) : StrictJson.readObject(bytes, what, limits);
  }
}
