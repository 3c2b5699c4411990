package io.github.microcred.vc.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An ordered, bounded parallel map over a lazily read input: up to {@code window} items are in flight on a fixed
 * pool of daemon threads, results are handed out in input order as the consumer pulls them, and the pool stops when
 * the stream is exhausted or closed. Memory is bounded by the window, not the input.
 *
 * @param <I> input items
 * @param <O> results
 */
public final class BulkSigner<I, O> extends Spliterators.AbstractSpliterator<O> {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Iterator<? extends I> input;
  private final Function<Long, Function<I, O>> task;
  private final BiFunction<Long, Throwable, O> crashed;
  private final ExecutorService pool;
  private final int window;
  private final ArrayDeque<Future<O>> inFlight = new ArrayDeque<>();
  private long handedOut;
  private long next;
  private boolean done;

  private BulkSigner(Iterator<? extends I> input, int threads, Function<Long, Function<I, O>> task,
      BiFunction<Long, Throwable, O> crashed) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.input = input;
    this.task = task;
    this.crashed = crashed;
    int id = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "microcred-bulk-" + id + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.window = threads * 8;
  }

  /**
   * The ordered parallel map of {@code input}.
   *
   * @param input the input (read on the consuming thread, lazily)
   * @param threads worker threads
   * @param task the work for the item at an index
   * @param crashed the result for the item at an index whose task threw (never lost)
   * @param <I> input items
   * @param <O> results
   * @return the results, in input order; closing it stops the pool and closes {@code input}
   */
  public static <I, O> Stream<O> map(Stream<? extends I> input, int threads, Function<Long, Function<I, O>> task,
      BiFunction<Long, Throwable, O> crashed) {
    BulkSigner<I, O> s = new BulkSigner<>(input.iterator(), Math.max(1, threads), task, crashed);
    return StreamSupport.stream(s, false).onClose(() -> {
      s.pool.shutdownNow();
      input.close();
    });
  }

  @Override
  public boolean tryAdvance(Consumer<? super O> action) {
    if (done) {
      return false;
    }
    while (inFlight.size() < window && input.hasNext()) {
      I item = input.next();
      Function<I, O> work = task.apply(next++);
      inFlight.add(pool.submit(() -> work.apply(item)));
    }
    Future<O> head = inFlight.poll();
    if (head == null) {
      done = true;
      pool.shutdown();
      return false;
    }
    O result;
    try {
      result = head.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
      throw new IllegalStateException("bulk signing interrupted", e);
    } catch (ExecutionException e) {
      result = crashed.apply(handedOut, e.getCause());
    }
    handedOut++;
    action.accept(result);
    return true;
  }
}
