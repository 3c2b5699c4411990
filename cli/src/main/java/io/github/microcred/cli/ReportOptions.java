package io.github.microcred.cli;

import picocli.CommandLine.Option;

/** The one output convention of every command that reports: JSON on stdout, or {@code --text} for people. */
final class ReportOptions {
  @Option(names = "--text", description = "Print a human summary instead of the JSON report")
  boolean text;
}
