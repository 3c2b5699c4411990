package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.StatusListOptions;
import io.github.microcred.vc.status.StatusListSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code mcred verify} and {@code mcred audit} give the verifier from files: trusted controller documents
 * ({@code --controller}) and published status lists ({@code --status-list}), read the same way by both.
 */
final class VerifierInputs {
  private VerifierInputs() {}

  /**
   * Reads trusted controller documents.
   *
   * @param files the files
   * @return the documents
   */
  static List<ControllerDocument> controllers(List<Path> files) {
    List<ControllerDocument> docs = new ArrayList<>();
    for (Path c : files) {
      try {
        docs.add(ControllerDocument.parse(io.github.microcred.vc.Credentials.readObject(
            java.nio.file.Files.readAllBytes(c))));
      } catch (VcException | IOException e) {
        throw new CliException(Main.FAILED, c + ": " + e.getMessage());
      }
    }
    return docs;
  }

  /**
   * The status check over published status list credentials (JSON or vc+jwt), each served offline under its own
   * {@code id}, trusting the controller documents for the lists' own proofs.
   *
   * @param lists the status list files
   * @param docs trusted controller documents
   * @return the check
   */
  static BitstringStatusCheck statusCheck(List<Path> lists, List<ControllerDocument> docs) {
    Map<String, String> published = new HashMap<>();
    for (Path p : lists) {
      String list = read(p).strip();
      published.put(listId(list, p), list);
    }
    StatusListOptions options = StatusListOptions.defaults();
    for (ControllerDocument d : docs) {
      options = options.withControllerDocument(d);
    }
    return BitstringStatusCheck.create(StatusListSource.offline(published), options);
  }

  static String read(Path p) {
    return CliFiles.readText(p);
  }

  private static String listId(String list, Path p) {
    try {
      JsonNode doc = VcJwt.looksLikeJwt(list)
          ? CliFiles.JSON.readTree(Base64.getUrlDecoder().decode(list.split("\\.")[1]))
          : CliFiles.JSON.readTree(list);
      if (doc.path("id").isTextual()) {
        return doc.get("id").asText();
      }
    } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      // reported below
    }
    throw new CliException(Main.FAILED, "--status-list " + p + ": not a status list credential with an id");
  }
}
