package io.github.microcred.vc.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the vc module's opt-in remote fetches ({@code did:web} documents, remote JSON-LD contexts) read a
 * response: one deadline for the whole exchange (connection, headers and the last byte of the body) and a size
 * bound counted as the body arrives. A request timeout alone bounds only the wait for the headers: a host that then
 * sends its body one byte at a time held the caller for as long as it liked.
 */
public final class BoundedFetch {
  private BoundedFetch() {}

  /** The body was larger than the bound; reading stopped there. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(int max) {
      super("the response body is larger than " + max + " bytes");
    }
  }

  /**
   * A response.
   *
   * @param status the HTTP status code
   * @param body the body (at most the bound)
   */
  public record Response(int status, byte[] body) {}

  /**
   * Sends a request and reads the whole response within the deadline.
   *
   * @param http the client
   * @param request the request
   * @param maxBytes the largest body read
   * @param deadline the time for the whole exchange
   * @return the response
   * @throws TooLarge if the body is larger than {@code maxBytes}
   * @throws IOException if the exchange fails or does not complete within the deadline
   * @throws InterruptedException if interrupted
   */
  public static Response get(HttpClient http, HttpRequest request, int maxBytes, Duration deadline)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(request, info -> new Bounded(maxBytes));
    try {
      HttpResponse<byte[]> r = f.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
      return new Response(r.statusCode(), r.body());
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new IOException("no complete response within " + deadline.toMillis() + " ms");
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      while (c != null && !(c instanceof TooLarge) && c.getCause() != null && c.getCause() != c) {
        c = c.getCause();
      }
      if (c instanceof TooLarge) {
        throw new TooLarge(maxBytes);
      }
      Throwable first = e.getCause() == null ? e : e.getCause();
      throw new IOException(first.getMessage() == null ? first.getClass().getSimpleName() : first.getMessage(),
          first);
    }
  }

  /** Collects at most {@code max} bytes; cancels the stream past them. */
  private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Bounded(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if ((long) out.size() + b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(max));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
