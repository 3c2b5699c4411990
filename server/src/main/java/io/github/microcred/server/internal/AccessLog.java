package io.github.microcred.server.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The structured access log: one JSON object per line and per request ({@code time}, {@code id}, {@code method},
 * {@code path}, {@code status}, {@code micros}, {@code bytesIn}, {@code bytesOut}, {@code subject} when
 * authenticated, {@code problem} for an error). Never a token, a header or a body.
 */
public final class AccessLog implements AutoCloseable {
  private final Writer out;
  private final boolean owned;
  private final AtomicLong ids = new AtomicLong();

  /**
   * A log writing to a writer.
   *
   * @param out where lines go
   * @param owned whether {@link #close()} closes it
   */
  public AccessLog(Writer out, boolean owned) {
    this.out = out;
    this.owned = owned;
  }

  /**
   * The next request id.
   *
   * @return a number, unique in this run
   */
  long nextId() {
    return ids.incrementAndGet();
  }

  /** One request. */
  void log(long id, Instant time, String method, String path, int status, long micros, long bytesIn, long bytesOut,
      String subject, String problem) {
    ObjectNode n = JsonNodeFactory.instance.objectNode().put("time", time.toString()).put("id", id)
        .put("method", method).put("path", path).put("status", status).put("micros", micros)
        .put("bytesIn", bytesIn).put("bytesOut", bytesOut);
    if (subject != null) {
      n.put("subject", subject);
    }
    if (problem != null) {
      n.put("problem", problem);
    }
    String line = n.toString() + "\n";
    synchronized (this) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        // a full disk must not fail the request; the line is lost, and said so once per failure on stderr
        System.err.println("microcred-server: access log write failed: " + e.getMessage());
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (owned) {
      out.close();
    } else {
      out.flush();
    }
  }
}
