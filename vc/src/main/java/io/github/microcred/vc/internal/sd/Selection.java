package io.github.microcred.vc.internal.sd;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Pointers (RFC 6901) and the selection of a compact JSON-LD document they define (W3C vc-di-ecdsa,
 * jsonPointerToPaths, createInitialSelection, selectPaths, selectJsonLd): every node on a pointer's path keeps its
 * {@code id} (unless a blank node identifier) and {@code type}, the pointer's target is copied whole, arrays keep
 * only their selected items, in document order.
 *
 * <p>Stricter than the specification's JavaScript notation, so that a pointer means one thing: an array index is a
 * canonical non-negative integer ({@code 0}, {@code 12}, not {@code 012} or {@code -}) within the array, {@code ~}
 * is followed only by {@code 0} or {@code 1}, the empty pointer (the whole document) and pointers into strings are
 * refused. Each failure is an {@link VcErrorCode#INVALID_ARGUMENT} naming the pointer.
 */
public final class Selection {
  private Selection() {}

  /** A selected array, sparse until the selection is finished (then its items keep their document order). */
  private static final class Sparse {
    final TreeMap<Integer, Object> items = new TreeMap<>();
  }

  /**
   * Splits a JSON Pointer into its reference tokens, unescaped.
   *
   * @param pointer the pointer
   * @return the tokens
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} if it is not a JSON Pointer to a member
   */
  public static List<String> tokens(String pointer) throws VcException {
    if (pointer.isEmpty()) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "JSON pointer '' selects the whole document; name the "
          + "members to disclose (e.g. /credentialSubject)");
    }
    if (pointer.charAt(0) != '/') {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "JSON pointer '" + pointer + "' must start with '/'");
    }
    List<String> out = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      StringBuilder b = new StringBuilder(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '~') {
          char n = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
          if (n != '0' && n != '1') {
            throw new VcException(VcErrorCode.INVALID_ARGUMENT, "JSON pointer '" + pointer
                + "': '~' must be followed by 0 or 1 (RFC 6901 escapes ~0 and ~1)");
          }
          b.append(n == '0' ? '~' : '/');
          i++;
        } else {
          b.append(c);
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  private static int index(String token) {
    if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }

  private static Map<String, Object> initial(JsonValue source) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (source.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject o = source.asJsonObject();
      JsonValue id = o.get("id");
      if (id instanceof JsonString && !((JsonString) id).getString().startsWith("_:")) {
        s.put("id", id);
      }
      if (o.containsKey("type")) {
        s.put("type", o.get("type"));
      }
    }
    return s;
  }

  private static boolean container(JsonValue v) {
    return v.getValueType() == JsonValue.ValueType.OBJECT || v.getValueType() == JsonValue.ValueType.ARRAY;
  }

  /** A mutable copy (one level) of a selected value that was copied whole, so a later pointer can change it. */
  private static Object mutable(Object selected) {
    if (selected instanceof JsonObject) {
      return new LinkedHashMap<String, Object>(((JsonObject) selected));
    }
    if (selected instanceof JsonArray) {
      Sparse s = new Sparse();
      JsonArray a = (JsonArray) selected;
      for (int i = 0; i < a.size(); i++) {
        s.items.put(i, a.get(i));
      }
      return s;
    }
    return selected;
  }

  @SuppressWarnings("unchecked")
  private static Object getSelected(Object parent, String token) {
    return parent instanceof Sparse ? ((Sparse) parent).items.get(index(token))
        : ((Map<String, Object>) parent).get(token);
  }

  @SuppressWarnings("unchecked")
  private static void putSelected(Object parent, String token, Object value) {
    if (parent instanceof Sparse) {
      ((Sparse) parent).items.put(index(token), value);
    } else {
      ((Map<String, Object>) parent).put(token, value);
    }
  }

  private static void selectPaths(String pointer, List<String> paths, JsonObject document,
      Map<String, Object> selection) throws VcException {
    JsonValue value = document;
    Object selectedParent;
    Object selectedValue = selection;
    String token = null;
    selectedParent = selection;
    for (String path : paths) {
      token = path;
      selectedParent = selectedValue;
      JsonValue parentValue = value;
      if (parentValue.getValueType() == JsonValue.ValueType.OBJECT) {
        value = parentValue.asJsonObject().get(path);
      } else if (parentValue.getValueType() == JsonValue.ValueType.ARRAY) {
        int i = index(path);
        value = i >= 0 && i < parentValue.asJsonArray().size() ? parentValue.asJsonArray().get(i) : null;
      } else {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "JSON pointer '" + pointer + "' descends into a "
            + parentValue.getValueType().toString().toLowerCase(Locale.ROOT) + " at '" + path + "'");
      }
      if (value == null) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "JSON pointer '" + pointer
            + "' does not match the document (no '" + path + "')");
      }
      selectedValue = getSelected(selectedParent, path);
      if (selectedValue == null) {
        selectedValue = value.getValueType() == JsonValue.ValueType.ARRAY ? new Sparse() : initial(value);
        putSelected(selectedParent, path, selectedValue);
      } else if (selectedValue instanceof JsonValue && container(value)) {
        selectedValue = mutable(selectedValue);
        putSelected(selectedParent, path, selectedValue);
      }
    }
    Object target;
    if (!container(value) || value.getValueType() == JsonValue.ValueType.ARRAY) {
      target = value; // immutable JSON: the whole value
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> merged = selectedValue instanceof Map ? new LinkedHashMap<>((Map<String, Object>)
          selectedValue) : new LinkedHashMap<>();
      merged.putAll(value.asJsonObject());
      target = merged;
    }
    putSelected(selectedParent, token, target);
  }

  /**
   * selectJsonLd: the part of {@code document} the pointers select, with its {@code @context}.
   *
   * @param document the compact JSON-LD document
   * @param pointers the JSON pointers
   * @param maxPointers the most pointers accepted
   * @return the selection, or null if there are no pointers
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} for a pointer that is malformed or does not match,
   *     {@link VcErrorCode#LIMIT_EXCEEDED} for more than {@code maxPointers}
   */
  public static JsonObject select(JsonObject document, List<String> pointers, int maxPointers)
      throws VcException {
    if (pointers.isEmpty()) {
      return null;
    }
    if (pointers.size() > maxPointers) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, pointers.size() + " JSON pointers, above the limit of "
          + maxPointers);
    }
    Map<String, Object> selection = new LinkedHashMap<>();
    if (document.containsKey("@context")) {
      selection.put("@context", document.get("@context"));
    }
    selection.putAll(initial(document));
    for (String pointer : pointers) {
      selectPaths(pointer, tokens(pointer), document, selection);
    }
    return toJson(selection).asJsonObject();
  }

  /**
   * Checks that each pointer is well formed and matches the document.
   *
   * @param document the document
   * @param pointers the pointers
   * @param maxPointers the most pointers accepted
   * @throws VcException as {@link #select}
   */
  public static void check(JsonObject document, List<String> pointers, int maxPointers) throws VcException {
    select(document, pointers, maxPointers);
  }

  @SuppressWarnings("unchecked")
  private static JsonValue toJson(Object o) {
    if (o instanceof JsonValue) {
      return (JsonValue) o;
    }
    if (o instanceof Sparse) {
      JsonArrayBuilder b = JsonSupport.PROVIDER.createArrayBuilder();
      for (Object item : ((Sparse) o).items.values()) {
        b.add(toJson(item));
      }
      return b.build();
    }
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
    ((Map<String, Object>) o).forEach((k, v) -> b.add(k, toJson(v)));
    return b.build();
  }
}
