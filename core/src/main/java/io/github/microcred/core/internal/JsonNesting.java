package io.github.microcred.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Where JSON text nests too deep: the JSON path, line and column at which a parser bounded by
 * {@link StreamReadConstraints} refused it. Shared by the modules' readers, so every module names a nesting refusal
 * the same way: {@code $.a[0]['odd key'][3]}, shortened in messages to its head and tail.
 */
public final class JsonNesting {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private JsonNesting() {}

  /**
   * A nesting refusal in text.
   *
   * @param path the JSON path of the array or object that went past the bound
   * @param line its line (1-based)
   * @param column the column of its opening bracket (1-based)
   * @param limit the bound
   */
  public record TooDeep(String path, int line, int column, int limit) {
    /**
     * The refusal in words, without the path.
     *
     * @param expected what the document should have been, e.g. "a micro-credential (a few levels deep)"
     * @return {@code line L, column C: nested deeper than N levels of arrays and objects; expected ...}
     */
    public String message(String expected) {
      return "line " + line + ", column " + column + ": nested deeper than " + limit
          + " levels of arrays and objects; expected " + expected;
    }
  }

  /**
   * Parses text with a mapper whose factory bounds nesting; on a nesting refusal walks the text once more, token by
   * token up to the refusal, to tell where.
   *
   * @param mapper the module's mapper
   * @param text the text
   * @return the tree, or null for empty text
   * @throws StreamConstraintsException a refusal other than nesting (string or number length)
   * @throws NestingException when the text nests deeper than the mapper's bound
   * @throws IOException any other parse failure (a {@link com.fasterxml.jackson.core.JsonProcessingException} with
   *     its location)
   */
  public static JsonNode readTree(ObjectMapper mapper, String text) throws IOException {
    try {
      return mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      TooDeep d = find(mapper, text);
      if (d == null) {
        throw e;
      }
      throw new NestingException(d, e);
    }
  }

  /** A parse refused because the text nests too deep, with where. */
  public static final class NestingException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient TooDeep where;

    NestingException(TooDeep where, Throwable cause) {
      super("nested deeper than " + where.limit() + " levels of arrays and objects at " + where.path(), cause);
      this.where = where;
    }

    /**
     * Where the text went too deep.
     *
     * @return the path, line, column and bound
     */
    public TooDeep where() {
      return where;
    }
  }

  /**
   * Reads text token by token to where its nesting is refused by the mapper's bound.
   *
   * @param mapper the mapper (its factory's {@link StreamReadConstraints} give the bound)
   * @param text the text
   * @return where, or null when the text is not refused for nesting
   */
  public static TooDeep find(ObjectMapper mapper, String text) {
    int limit = mapper.getFactory().streamReadConstraints().getMaxNestingDepth();
    try (JsonParser p = mapper.createParser(text)) {
      try {
        while (p.nextToken() != null) {
          // walk until the parser refuses
        }
      } catch (StreamConstraintsException e) {
        JsonStreamContext c = p.getParsingContext();
        if (c == null || c.getNestingDepth() < limit) {
          return null;
        }
        JsonLocation loc = p.currentTokenLocation();
        // the parser has already opened the refused array or object: its path is its parent's position
        JsonStreamContext at = c.getNestingDepth() > limit && c.getParent() != null ? c.getParent() : c;
        return new TooDeep(path(at), loc.getLineNr(), loc.getColumnNr(), limit);
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  /**
   * The JSON path of a parser's position, walked up its contexts.
   *
   * @param c the parser's context
   * @return the path, e.g. {@code $.a[0]['odd key']}
   */
  public static String path(JsonStreamContext c) {
    Deque<String> steps = new ArrayDeque<>();
    for (JsonStreamContext x = c; x != null && !x.inRoot(); x = x.getParent()) {
      steps.push(x.inArray() ? "[" + Math.max(0, x.getCurrentIndex()) + "]" : member(String.valueOf(x.getCurrentName())));
    }
    return "$" + String.join("", steps);
  }

  /**
   * The path step of an object member: {@code .name} for a plain name, {@code ['other key']} otherwise.
   *
   * @param name the member name
   * @return the step
   */
  public static String member(String name) {
    return NAME.matcher(name).matches() ? "." + name : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /**
   * A long path shortened for a message: its head and tail with {@code ...} between.
   *
   * @param path the path
   * @return the path itself when at most 120 characters
   */
  public static String abbreviate(String path) {
    if (path.length() <= 120) {
      return path;
    }
    int head = step(path, 60, 1);
    int tail = step(path, path.length() - 40, -1);
    // "...": "$.a[0][0]...[0]", "$.a.allOf[0]...allOf[0]" (a tail that starts with its own dot keeps three dots)
    return head < 0 || tail <= head ? path
        : path.substring(0, head) + (path.charAt(tail) == '.' ? ".." : "...") + path.substring(tail);
  }

  /**
   * The index of the first step start from {@code from} on in direction {@code dir}, or -1: a {@code .} or {@code /},
   * or a {@code [} right after another step's {@code ]} (not the index of a named step such as {@code allOf[0]}).
   */
  private static int step(String path, int from, int dir) {
    for (int i = from; i > 0 && i < path.length(); i += dir) {
      char ch = path.charAt(i);
      if (ch == '.' || ch == '/' || ch == '[' && path.charAt(i - 1) == ']') {
        return i;
      }
    }
    return -1;
  }
}
