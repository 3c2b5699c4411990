package io.github.microcred.spark;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/**
 * The executors' partition iterator for the audit and the planner: each input row gives zero or more output rows,
 * computed only when asked for, so a task holds one learner's rows at a time (never its whole partition).
 */
final class LazyRows implements Iterator<Row> {
  private final Iterator<Row> input;
  private final Function<Row, Iterable<Row>> rows;
  private final ArrayDeque<Row> ready = new ArrayDeque<>();

  private LazyRows(Iterator<Row> input, Function<Row, Iterable<Row>> rows) {
    this.input = input;
    this.rows = rows;
  }

  /**
   * The rows of every input row, in order, lazily.
   *
   * @param input the partition
   * @param rows the output rows of one input row
   * @return the iterator
   */
  static Iterator<Row> of(Iterator<Row> input, Function<Row, Iterable<Row>> rows) {
    return new LazyRows(input, rows);
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && input.hasNext()) {
      for (Row r : rows.apply(input.next())) {
        ready.add(r);
      }
    }
    return !ready.isEmpty();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }
}
