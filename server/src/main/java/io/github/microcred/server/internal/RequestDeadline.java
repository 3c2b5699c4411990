package io.github.microcred.server.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * The whole-request deadline. An idle timeout bounds each read, so a client sending one byte a second is never idle
 * and holds its connection (and, while its body is read, a thread) as long as it likes. Here the headers and the body
 * of one request must both arrive within the deadline, counted from the request's first byte (for a connection's
 * first request, from the connection's opening, so that a dripped TLS handshake counts too):
 *
 * <ul>
 *   <li>headers: {@link #watch} sweeps the connector's connections a few times per deadline and closes one whose
 *       request headers (or first request) are late; there is no request yet to answer, as with Jetty's own idle
 *       timeout while headers are read;
 *   <li>body: {@link #read} reads the content with a wait bounded by what is left of the deadline; past it the
 *       caller answers 408 and closes the connection.
 * </ul>
 *
 * Idle keep-alive connections between requests are left to the idle timeout.
 */
public final class RequestDeadline {
  private final ServerConnector connector;
  private final long deadlineNanos;
  private final long tickMillis;

  private RequestDeadline(ServerConnector connector, Duration deadline) {
    this.connector = connector;
    this.deadlineNanos = deadline.toNanos();
    this.tickMillis = Math.max(10, Math.min(1_000, deadline.toMillis() / 4));
  }

  /**
   * Starts sweeping a started connector's connections; the sweep stops with the connector.
   *
   * @param connector the connector (running)
   * @param deadline the whole-request deadline
   */
  public static void watch(ServerConnector connector, Duration deadline) {
    new RequestDeadline(connector, deadline).schedule();
  }

  private void schedule() {
    if (connector.isRunning()) {
      connector.getScheduler().schedule(this::sweep, tickMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      long wallNow = System.currentTimeMillis();
      for (EndPoint ep : connector.getConnectedEndPoints()) {
        if (late(ep, now, wallNow)) {
          ep.close(new TimeoutException("request deadline of " + deadlineNanos / 1_000_000 + " ms passed"));
        }
      }
    } catch (RuntimeException e) {
      // a connection closing meanwhile; the next sweep sees the rest
    } finally {
      schedule();
    }
  }

  /** Whether an endpoint's request headers (or its first request) are late; its body is the handler's to bound. */
  private boolean late(EndPoint ep, long now, long wallNow) {
    Connection c = ep.getConnection();
    if (c instanceof SslConnection ssl) {
      c = ssl.getSslEndPoint().getConnection();
    }
    if (!(c instanceof HttpConnection http)) {
      return false;
    }
    HttpParser parser = http.getParser();
    if (parser.isStart()) {
      // nothing of a request parsed: the first request (TLS handshake included) is due a deadline after the
      // connection opened; between requests a kept-alive connection is the idle timeout's
      return http.getMessagesIn() == 0 && wallNow - ep.getCreatedTimeStamp() > deadlineNanos / 1_000_000;
    }
    return parser.inHeaderState() && now - parser.getBeginNanoTime() > deadlineNanos;
  }

  /** What {@link #read} read: the bytes kept, how many were read in all, and whether the content was read to its end. */
  record Read(byte[] bytes, long count, boolean ended) {}

  /**
   * Reads a request's content until it ends, or until more than {@code max} bytes were read, keeping the first
   * {@code keep} + 1 bytes; waits only until {@code deadline} ({@link System#nanoTime()} scale).
   *
   * @throws TimeoutException when the deadline passes first (the content was not all read: close the connection)
   * @throws IOException when the content fails (the client went away, an idle timeout)
   */
  static Read read(Content.Source in, long max, int keep, long deadline) throws IOException, TimeoutException {
    // the kept bytes, copied once from each chunk: a body that arrives in one chunk is one array of its size
    byte[] kept = new byte[0];
    int size = 0;
    long count = 0;
    while (true) {
      Content.Chunk chunk = in.read();
      if (chunk == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException();
        }
        Semaphore ready = new Semaphore(0);
        in.demand(ready::release);
        try {
          if (!ready.tryAcquire(left, TimeUnit.NANOSECONDS)) {
            throw new TimeoutException();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading the body");
        }
        continue;
      }
      try {
        if (Content.Chunk.isFailure(chunk)) {
          Throwable f = chunk.getFailure();
          if (f instanceof TimeoutException t) {
            throw t;
          }
          throw f instanceof IOException io ? io : new IOException(f.getMessage(), f);
        }
        ByteBuffer b = chunk.getByteBuffer();
        int n = b.remaining();
        int take = (int) Math.max(0, Math.min(n, keep + 1L - size));
        if (take > 0) {
          if (size + take > kept.length) {
            kept = Arrays.copyOf(kept, (int) Math.max(size + take, Math.min(keep + 1L, 2L * kept.length)));
          }
          b.duplicate().get(kept, size, take);
          size += take;
        }
        count += n;
        if (chunk.isLast()) {
          return new Read(size == kept.length ? kept : Arrays.copyOf(kept, size), count, true);
        }
        if (count > max) {
          return new Read(size == kept.length ? kept : Arrays.copyOf(kept, size), count, false);
        }
      } finally {
        chunk.release();
      }
    }
  }
}
