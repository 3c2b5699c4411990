package io.github.microcred.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --out F}: where a command that converts a document writes it, default stdout. */
final class OutputOptions {
  @Option(names = "--out", paramLabel = "F",
      description = "write the result to F instead of stdout (its folder is created if missing)")
  Path out;

  /**
   * Writes the command's document to {@code --out}, or to stdout.
   *
   * @param spec the command
   * @param text the document
   * @throws CliException (exit 1) if the file cannot be written
   */
  void write(CommandSpec spec, String text) {
    CliFiles.output(spec, out, text);
  }
}
