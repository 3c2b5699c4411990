package io.github.microcred.vc.status;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fetches a published status list credential by its URL, as published: a JSON credential secured with Data
 * Integrity, or a {@code vc+jwt}. Implementations decide how (HTTP, files, a database); {@link #offline(Map)} and
 * {@link #files(Map)} never touch the network.
 */
@FunctionalInterface
public interface StatusListSource {
  /**
   * Fetches.
   *
   * @param url the {@code statusListCredential} URL
   * @return the published text
   * @throws VcException when it cannot be fetched (the status check then fails, never passes)
   */
  String fetch(String url) throws VcException;

  /**
   * A source answering from a map of URL → published text.
   *
   * @param published the lists
   * @return the source
   */
  static StatusListSource offline(Map<String, String> published) {
    Map<String, String> copy = Map.copyOf(published);
    return url -> {
      String s = copy.get(url);
      if (s == null) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED,
            "status list " + url + " is not among the offline lists " + copy.keySet());
      }
      return s;
    };
  }

  /**
   * A source reading files: URL → path.
   *
   * @param files the files
   * @return the source
   */
  static StatusListSource files(Map<String, Path> files) {
    Map<String, Path> copy = Map.copyOf(files);
    return url -> {
      Path p = copy.get(url);
      if (p == null) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED,
            "status list " + url + " has no file (known: " + copy.keySet() + ")");
      }
      try {
        return Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED,
            "status list " + url + ": cannot read " + p + ": " + e.getMessage(), e);
      }
    };
  }
}
