package io.github.microcred.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The cli's one I/O class: reading and writing the files named on the command line (JSON, key files, micro-credentials,
 * a command's output to {@code --out} or stdout, warnings on stderr), with one-sentence errors that name the file and
 * say what was expected (never an exception class or {@code Input length = 1}). Every command reads and writes through
 * it, so a file error reads the same whichever command met it.
 */
final class CliFiles {
  /**
   * The cli's one JSON mapper (reports are built from its nodes), strict when it reads: decimals as exact
   * {@code BigDecimal}s, a duplicate key and content after the document refused.
   */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private CliFiles() {}

  /**
   * Reads a key file (a private JWK or Multikey, as {@code mcred keygen} writes it).
   *
   * @param file the key file
   * @return the key pair
   * @throws CliException (exit 1) if it cannot be read or is not a key
   */
  static KeyPair readKey(Path file) {
    try {
      return KeyPair.fromKeyFile(file);
    } catch (VcException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
  }

  /**
   * Reads a micro-credential in the core JSON form.
   *
   * @param file the file
   * @return the micro-credential
   * @throws CliException (exit 1) as {@link #readText}, or {@code FILE: <the reader's message>} if it is not one
   */
  static MicroCredential readMicroCredential(Path file) {
    String text = readText(file);
    try {
      return MicroCredential.fromJson(text);
    } catch (CoreException e) {
      throw new CliException(Main.FAILED, file + ": " + e.getMessage());
    }
  }

  /**
   * Reads an organization in the core JSON form (as in a micro-credential's {@code awardingBodies}).
   *
   * @param file the file
   * @return the organization
   * @throws CliException (exit 1) as {@link #readMicroCredential}
   */
  static Organization readOrganization(Path file) {
    String text = readText(file);
    try {
      return Organization.fromJson(text);
    } catch (CoreException e) {
      throw new CliException(Main.FAILED, file + ": " + e.getMessage());
    }
  }

  /**
   * Writes a command's output document: to {@code out} (as {@link #write}) or, when it is null, to stdout.
   *
   * @param spec the command, for its stdout
   * @param out the {@code --out} file, or null
   * @param text the document
   * @throws CliException (exit 1) if the file cannot be written
   */
  static void output(CommandSpec spec, Path out, String text) {
    if (out == null) {
      spec.commandLine().getOut().println(text);
      spec.commandLine().getOut().flush();
      return;
    }
    write(out, text);
  }

  /**
   * Prints warnings on stderr, one {@code warning: ...} line each, and flushes.
   *
   * @param spec the command, for its stderr
   * @param warnings the warnings: core issues print as {@code warning: PATH: MESSAGE}, others by {@code toString}
   */
  static void warn(CommandSpec spec, Iterable<?> warnings) {
    PrintWriter err = spec.commandLine().getErr();
    for (Object w : warnings) {
      err.println("warning: " + (w instanceof Issue i ? i.path() + ": " + i.message() : w));
    }
    err.flush();
  }

  /**
   * Reads a whole file as UTF-8 text.
   *
   * @param file the file
   * @return its text
   * @throws CliException (exit 1) if the file is missing, a directory, unreadable or not UTF-8 text
   */
  static String readText(Path file) {
    return utf8(file, readBytes(file));
  }

  /**
   * Reads a whole file.
   *
   * @param file the file
   * @return its bytes
   * @throws CliException (exit 1) if the file is missing, a directory or unreadable
   */
  static byte[] readBytes(Path file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new CliException(Main.FAILED, file + ": is a directory, expected a file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(Main.FAILED, file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new CliException(Main.FAILED, file + ": permission denied");
    } catch (IOException e) {
      throw new CliException(Main.FAILED, file + ": cannot be read (" + reason(e) + ")");
    }
    return bytes;
  }

  /**
   * Decodes a file's bytes as UTF-8, strictly.
   *
   * @param file the file, for the message
   * @param bytes its bytes
   * @return the text
   * @throws CliException (exit 1) if they are not UTF-8 text
   */
  static String utf8(Path file, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CliException(Main.FAILED, file + ": not UTF-8 text, expected a JSON (or JWT) text file");
    }
  }

  /**
   * Reads a file as one JSON value.
   *
   * @param file the file
   * @return the parsed tree
   * @throws CliException (exit 1) as {@link #readText}, or if the text is not JSON (with line and column)
   */
  static JsonNode readJson(Path file) {
    return parseJson(file, readText(file));
  }

  /**
   * Parses the text of a file as one JSON value.
   *
   * @param file the file, for the message
   * @param text its text
   * @return the parsed tree
   * @throws CliException (exit 1) if the text is not JSON, with line and column
   */
  static JsonNode parseJson(Path file, String text) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || n.isMissingNode()) {
        throw new CliException(Main.FAILED, file + ": empty, expected a JSON document");
      }
      return n;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      if (e.getOriginalMessage().startsWith("Trailing token")) {
        // the words the vc reader uses for the same refusal, so sign and verify say it one way
        throw new CliException(Main.FAILED, file + ": content after the end of the JSON value" + where
            + "; expected the end of the input");
      }
      throw new CliException(Main.FAILED, file + ": not JSON" + where + " (" + e.getOriginalMessage() + ")");
    }
  }

  /**
   * Writes text (with a final newline) to a file, creating its parent folders.
   *
   * @param file the file
   * @param text the text
   * @throws CliException (exit 1) if it cannot be written
   */
  static void write(Path file, String text) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
    } catch (AccessDeniedException e) {
      throw new CliException(Main.FAILED, file + ": permission denied, cannot write it");
    } catch (IOException e) {
      throw new CliException(Main.FAILED, file + ": cannot be written (" + reason(e) + ")");
    }
  }

  /**
   * Checks an option value that must be an absolute URL (http or https).
   *
   * @param option the option name, for the message
   * @param value the value
   * @return the value
   * @throws CliException (exit 2) if it is not one
   */
  static String httpUrl(String option, String value) {
    try {
      URI u = new URI(value);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && u.getHost() != null && !u.getHost().isEmpty()) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new CliException(Main.USAGE, option + ": expected an absolute http(s) URL such as "
        + "https://issuer.example/status/1, got '" + value + "'");
  }

  /**
   * Checks an option value that must be an absolute IRI (a DID, a DID URL, an https URL, a urn:...).
   *
   * @param option the option name, for the message
   * @param value the value
   * @return the value
   * @throws CliException (exit 2) if it is not one
   */
  static String iri(String option, String value) {
    try {
      if (new URI(value).isAbsolute()) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new CliException(Main.USAGE, option + ": expected an absolute IRI such as a DID (did:key:z6Mk...) or an "
        + "https URL, got '" + value + "'");
  }

  /**
   * The one-sentence error for a failure while streaming a file.
   *
   * @param file the file
   * @param e what went wrong (an {@link IOException}, or one wrapped in an {@link java.io.UncheckedIOException})
   * @return the exception to throw (exit 1)
   */
  static CliException readFailure(Path file, Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof CharacterCodingException) {
      return new CliException(Main.FAILED, file + ": not UTF-8 text, expected a JSON (or JWT) text file");
    }
    if (t instanceof NoSuchFileException) {
      return new CliException(Main.FAILED, file + ": no such file");
    }
    if (t instanceof AccessDeniedException) {
      return new CliException(Main.FAILED, file + ": permission denied");
    }
    return new CliException(Main.FAILED, file + ": cannot be read (" + (t instanceof IOException io ? reason(io)
        : String.valueOf(t.getMessage())) + ")");
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
