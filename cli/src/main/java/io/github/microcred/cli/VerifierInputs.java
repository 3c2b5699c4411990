package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.RevocationList;
import io.github.microcred.vc.status.RevocationListCheck;
import io.github.microcred.vc.status.StatusChecks;
import io.github.microcred.vc.status.StatusListOptions;
import io.github.microcred.vc.status.StatusListSource;
import io.github.microcred.vc.status.TokenStatusList;
import io.github.microcred.vc.status.TokenStatusListCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code mcred verify} and {@code mcred audit} give the verifier from files: trusted controller documents
 * ({@code --controller}) and published status lists ({@code --status-list}), read the same way by both. A status
 * list file is one of: a Bitstring Status List credential (JSON, or {@code vc+jwt}), an IETF Status List Token
 * ({@code statuslist+jwt}, for the {@code status} claim of SD-JWT VCs), or a 1EdTech Revocation List (JSON with
 * {@code revokedCredential}); each is served offline under its own {@code id} ({@code sub} for a token).
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
        docs.add(ControllerDocument.fromJson(Credentials.readObject(
            Files.readAllBytes(c))));
      } catch (VcException | IOException e) {
        throw new CliException(Main.FAILED, c + ": " + e.getMessage());
      }
    }
    return docs;
  }

  /** What a status list file holds. */
  private enum Kind { BITSTRING, TOKEN, REVOCATION_LIST }

  /**
   * The status check over published status lists (see the class comment), each served offline under its own
   * {@code id}, trusting the controller documents for the lists' own signatures. Each {@code credentialStatus} type
   * and {@code status} mechanism goes to its check; one without a list fails closed.
   *
   * @param lists the status list files
   * @param docs trusted controller documents
   * @return the check
   */
  static StatusCheck statusCheck(List<Path> lists, List<ControllerDocument> docs) {
    Map<Kind, Map<String, String>> published = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      published.put(k, new HashMap<>());
    }
    for (Path p : lists) {
      String list = read(p).strip();
      Kind kind = kind(list);
      String id = listId(list, p, kind);
      if (published.get(kind).put(id, list) != null) {
        throw new CliException(Main.USAGE, "--status-list " + p + ": a second list with the id " + id);
      }
    }
    StatusListOptions options = StatusListOptions.defaults();
    for (ControllerDocument d : docs) {
      options = options.withControllerDocument(d);
    }
    return StatusChecks.byType(Map.of(
        "BitstringStatusListEntry",
        BitstringStatusCheck.create(StatusListSource.offline(published.get(Kind.BITSTRING)), options),
        TokenStatusListCheck.MECHANISM,
        TokenStatusListCheck.create(StatusListSource.offline(published.get(Kind.TOKEN)), options),
        RevocationList.TYPE,
        RevocationListCheck.create(StatusListSource.offline(published.get(Kind.REVOCATION_LIST)), options)));
  }

  /** A Status List Token by its typ header, a 1EdTech list by its revokedCredential member or lack of a type. */
  private static Kind kind(String list) {
    if (VcJwt.looksLikeJwt(list)) {
      try {
        JsonNode h = CliFiles.JSON.readTree(Base64.getUrlDecoder().decode(list.split("\\.")[0]));
        return TokenStatusList.TYP.equals(h.path("typ").asText()) ? Kind.TOKEN : Kind.BITSTRING;
      } catch (IOException | IllegalArgumentException e) {
        return Kind.BITSTRING; // reported by listId
      }
    }
    try {
      JsonNode doc = CliFiles.JSON.readTree(list);
      return doc.has("revokedCredential") || (doc.isObject() && !doc.has("type")) ? Kind.REVOCATION_LIST
          : Kind.BITSTRING;
    } catch (IOException e) {
      return Kind.BITSTRING; // reported by listId
    }
  }

  static String read(Path p) {
    return CliFiles.readText(p);
  }

  private static String listId(String list, Path p, Kind kind) {
    String member = kind == Kind.TOKEN ? "sub" : "id";
    try {
      JsonNode doc = VcJwt.looksLikeJwt(list)
          ? CliFiles.JSON.readTree(Base64.getUrlDecoder().decode(list.split("\\.")[1]))
          : CliFiles.JSON.readTree(list);
      if (doc.path(member).isTextual()) {
        return doc.get(member).asText();
      }
    } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      // reported below
    }
    throw new CliException(Main.FAILED, "--status-list " + p + ": " + switch (kind) {
      case TOKEN -> "a Status List Token (statuslist+jwt) without a sub (the URI it is published at)";
      case REVOCATION_LIST -> "a 1EdTech Revocation List without an id";
      default -> "not a status list credential with an id";
    });
  }
}
