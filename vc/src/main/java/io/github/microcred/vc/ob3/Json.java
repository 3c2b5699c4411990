package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.internal.JsonValues;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small JSON helpers shared by the OB3 records (package-private). */
final class Json {
  private Json() {}

  static ObjectNode obj() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ObjectNode typed(String... types) {
    ObjectNode n = obj();
    ArrayNode t = n.putArray("type");
    for (String s : types) {
      t.add(s);
    }
    return n;
  }

  static void put(ObjectNode n, String k, Optional<?> v) {
    v.ifPresent(x -> {
      if (x instanceof BigDecimal) {
        n.put(k, (BigDecimal) x);
      } else if (x instanceof Integer) {
        n.put(k, (Integer) x);
      } else if (x instanceof JsonNode) {
        n.set(k, (JsonNode) x);
      } else {
        n.put(k, x.toString());
      }
    });
  }

  static <T> void putList(ObjectNode n, String k, List<T> list, Function<T, JsonNode> f) {
    if (!list.isEmpty()) {
      ArrayNode a = n.putArray(k);
      list.forEach(x -> a.add(f.apply(x)));
    }
  }

  static void putStrings(ObjectNode n, String k, List<String> list) {
    if (!list.isEmpty()) {
      ArrayNode a = n.putArray(k);
      list.forEach(a::add);
    }
  }

  static Optional<String> str(JsonNode n, String k) {
    JsonNode v = n.get(k);
    return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
  }

  static String required(JsonNode n, String k, String path) throws VcException {
    return str(n, k).orElseThrow(() -> new VcException(VcErrorCode.INVALID_DOCUMENT,
        path + "." + k + " is required (a string)"));
  }

  static Optional<BigDecimal> dec(JsonNode n, String k) {
    JsonNode v = n.get(k);
    return v != null && v.isNumber() ? Optional.of(v.decimalValue()) : Optional.empty();
  }

  static Optional<Integer> integer(JsonNode n, String k) {
    JsonNode v = n.get(k);
    return v != null && v.canConvertToInt() ? Optional.of(v.intValue()) : Optional.empty();
  }

  /** A property that may be one value or an array of values. */
  static List<JsonNode> many(JsonNode n, String k) {
    return JsonValues.list(n.get(k));
  }

  static List<String> strings(JsonNode n, String k) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : many(n, k)) {
      out.add(v.asText());
    }
    return List.copyOf(out);
  }

  interface Reader<T> {
    T read(JsonNode n, String path) throws VcException;
  }

  static <T> List<T> list(JsonNode n, String k, String path, Reader<T> r) throws VcException {
    List<T> out = new ArrayList<>();
    List<JsonNode> items = many(n, k);
    for (int i = 0; i < items.size(); i++) {
      out.add(r.read(items.get(i), path + "." + k + "[" + i + "]"));
    }
    return List.copyOf(out);
  }
}
