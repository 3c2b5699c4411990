package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.microcred.core.internal.JsonValues;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/** Shared Jackson mapper and parse helpers. */
public final class Json {
  /**
   * The module's one mapper (thread-safe once configured), strict: decimal numbers are read as exact
   * {@code BigDecimal}s, as written ({@code 10.0} stays {@code 10.0}), so credit amounts keep every digit of the
   * record; a duplicate key or content after the document is a parse error, not the last duplicate silently winning.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  /**
   * How deep arrays and objects may nest, in text and in trees handed in (a Registry envelope with its graph is about
   * ten levels); deeper input is refused with the path where it went too deep, before anything recurses into it.
   */
  public static final int MAX_DEPTH = 256;

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }

  private Json() {}

  /**
   * The path of the first array or object nested deeper than {@link #MAX_DEPTH}, found without recursion, so a tree
   * built in memory (which no parser bounded) cannot overflow the stack of the code that walks it.
   *
   * @param root the tree
   * @return the path ({@code $['@graph'][0]...}), or null when the tree is within the bound
   */
  public static String tooDeep(JsonNode root) {
    record Entry(JsonNode node, int depth, Entry parent, String step) {}
    Deque<Entry> todo = new ArrayDeque<>();
    todo.push(new Entry(root, root.isContainerNode() ? 1 : 0, null, "$"));
    while (!todo.isEmpty()) {
      Entry e = todo.pop();
      if (e.depth > MAX_DEPTH) {
        StringBuilder path = new StringBuilder();
        Deque<String> steps = new ArrayDeque<>();
        for (Entry x = e; x != null; x = x.parent) {
          steps.push(x.step);
        }
        steps.forEach(path::append);
        return path.toString();
      }
      if (e.node.isArray()) {
        for (int i = e.node.size() - 1; i >= 0; i--) {
          JsonNode c = e.node.get(i);
          if (c.isContainerNode()) {
            todo.push(new Entry(c, e.depth + 1, e, "[" + i + "]"));
          }
        }
      } else if (e.node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = e.node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (f.getValue().isContainerNode()) {
            todo.push(new Entry(f.getValue(), e.depth + 1, e, "['" + f.getKey().replace("'", "\\'") + "']"));
          }
        }
      }
    }
    return null;
  }

  /**
   * The message for a tree nested deeper than {@link #MAX_DEPTH}.
   *
   * @param path where, from {@link #tooDeep}
   * @return the message, naming the path (abbreviated when long)
   */
  public static String tooDeepMessage(String path) {
    return "nested deeper than " + MAX_DEPTH + " levels of arrays and objects at " + abbreviate(path)
        + "; expected a CTDL record (a few levels deep)";
  }

  private static String abbreviate(String path) {
    if (path.length() <= 120) {
      return path;
    }
    int head = path.indexOf('[', 60);
    int tail = path.lastIndexOf('[', path.length() - 30);
    return head < 0 || tail <= head ? path : path.substring(0, head) + "..." + path.substring(tail);
  }

  private static String path(JsonStreamContext c) {
    Deque<String> steps = new ArrayDeque<>();
    for (JsonStreamContext x = c; x != null && !x.inRoot(); x = x.getParent()) {
      steps.push(x.inArray() ? "[" + Math.max(0, x.getCurrentIndex()) + "]"
          : "['" + String.valueOf(x.getCurrentName()).replace("'", "\\'") + "']");
    }
    return "$" + String.join("", steps);
  }

  /**
   * Parses JSON text, tolerating a leading UTF-8 byte order mark (CE envelope samples carry one).
   *
   * @param text the text
   * @return the tree
   * @throws JsonProcessingException when malformed
   */
  public static JsonNode parse(String text) throws JsonProcessingException {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    JsonNode n;
    try (JsonParser p = MAPPER.createParser(t)) {
      try {
        n = MAPPER.readTree(p);
      } catch (StreamConstraintsException e) {
        if (p.getParsingContext() == null || p.getParsingContext().getNestingDepth() < MAX_DEPTH) {
          throw e;
        }
        throw new JsonParseException(p, tooDeepMessage(path(p.getParsingContext())));
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new JsonParseException(null, String.valueOf(e.getMessage()));
    }
    if (n == null || n.isMissingNode()) {
      throw new JsonParseException(null, "empty document");
    }
    return n;
  }

  /**
   * Describes a parse failure with line and column.
   *
   * @param e the failure
   * @return the message
   */
  public static String describe(JsonProcessingException e) {
    return JsonValues.describe(e);
  }
}
