package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.JdbcStatusStore;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusMessage;
import io.github.microcred.vc.status.StatusPurpose;
import io.github.microcred.vc.status.StatusStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcred status}: Bitstring Status List lists in an embedded (H2 file) or JDBC store. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Manage Bitstring Status Lists (revocation, suspension, message) in an embedded store or --jdbc.",
    subcommands = {
      StatusCommand.Init.class,
      StatusCommand.Allocate.class,
      StatusCommand.Revoke.class,
      StatusCommand.Suspend.class,
      StatusCommand.Resume.class,
      StatusCommand.SetValue.class,
      StatusCommand.Publish.class
    })
public final class StatusCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** Where the store is: an embedded H2 file (default) or a JDBC URL. */
  static class StoreOptions {
    @Option(names = "--db", paramLabel = "FILE", defaultValue = "mcred-status",
        description = "Embedded H2 database file (without .mv.db); default: ${DEFAULT-VALUE}")
    Path db;

    @Option(names = "--jdbc", paramLabel = "URL", description = "JDBC URL instead of the embedded store, "
        + "e.g. jdbc:postgresql://127.0.0.1:5432/microcred?user=postgres")
    String jdbc;

    @Option(names = "--list", required = true, paramLabel = "URL",
        description = "The status list URL (where its credential is published)")
    String list;

    StatusStore open() throws CliException {
      CliFiles.httpUrl("--list", list);
      try {
        return JdbcStatusStore.open(jdbc != null ? jdbc : JdbcStatusStore.embeddedH2Url(db));
      } catch (VcException e) {
        throw new CliException(Main.FAILED, "cannot open the status store: " + e.getMessage());
      }
    }
  }

  /** Runs an action against the store, mapping library errors to exit code 1. */
  abstract static class StoreAction implements Callable<Integer> {
    @CommandLine.Mixin StoreOptions store;
    @CommandLine.Mixin ReportOptions report;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    abstract void act(StatusListManager manager, PrintWriter out) throws VcException, CliException;

    /** Prints the report: the JSON object, or with {@code --text} the sentence. */
    void report(PrintWriter out, ObjectNode json, String text) {
      out.println(this.report.text ? text : json.toPrettyString());
    }

    ObjectNode json() {
      return CliFiles.JSON.createObjectNode().put("list", store.list);
    }

    @Override
    public Integer call() throws CliException {
      try (StatusStore s = store.open()) {
        act(StatusListManager.create(s), spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return Main.OK;
      } catch (VcException e) {
        throw new CliException(Main.FAILED, e.getMessage());
      }
    }
  }

  /** {@code status init}. */
  @Command(name = "init", mixinStandardHelpOptions = true, description = "Create a status list.")
  static final class Init extends StoreAction {
    @Option(names = "--purpose", defaultValue = "revocation",
        description = "revocation, suspension or message (default: ${DEFAULT-VALUE})")
    String purpose;

    @Option(names = "--status-size", defaultValue = "1", description = "Bits per entry (message lists: 2..8)")
    int statusSize;

    @Option(names = "--message", paramLabel = "VALUE=TEXT",
        description = "For message lists: the meaning of each value, e.g. --message 0=valid --message 1=pending")
    List<String> messages = new ArrayList<>();

    @Option(names = "--entries", defaultValue = "131072", description = "Number of entries (>= 131072)")
    int entries;

    @Override
    void act(StatusListManager m, PrintWriter out) throws VcException, CliException {
      StatusPurpose p = StatusPurpose.fromTerm(purpose).orElseThrow(() -> new CliException(Main.USAGE,
          "--purpose: expected revocation, suspension or message, got '" + purpose + "'"));
      List<StatusMessage> parsed = new ArrayList<>();
      for (String s : messages) {
        int eq = s.indexOf('=');
        try {
          parsed.add(new StatusMessage(Integer.decode(s.substring(0, eq)), s.substring(eq + 1)));
        } catch (RuntimeException e) {
          throw new CliException(Main.USAGE, "--message: expected VALUE=TEXT, got '" + s + "'");
        }
      }
      StatusListDefinition def;
      try {
        def = new StatusListDefinition(store.list, p, statusSize, entries, parsed);
      } catch (IllegalArgumentException e) {
        throw new CliException(Main.USAGE, e.getMessage());
      }
      Optional<StatusListDefinition> existing = m.store().findList(store.list);
      String where = store.jdbc != null ? store.jdbc : store.db + ".mv.db";
      if (existing.isPresent()) {
        if (!existing.get().equals(def)) {
          throw new CliException(Main.FAILED, "--list: a different status list " + store.list + " already exists in "
              + where + " (" + describe(existing.get()) + "); nothing changed");
        }
        report(out, json().put("created", false).put("exists", true).put("store", where),
            "status list " + store.list + " already exists in " + where + " (" + describe(def) + "); nothing changed");
        return;
      }
      m.createList(def);
      report(out, json().put("created", true).put("purpose", p.term()).put("entries", entries)
          .put("statusSize", statusSize).put("store", where),
          "created " + describe(def) + " list " + store.list + " in " + where);
    }
  }

  static String describe(StatusListDefinition d) {
    return d.purpose().term() + ", " + d.entries() + " entries, statusSize " + d.statusSize();
  }

  /** {@code status allocate}. */
  @Command(name = "allocate", mixinStandardHelpOptions = true,
      description = "Allocate an index; prints the credentialStatus entry (JSON).")
  static final class Allocate extends StoreAction {
    @Override
    void act(StatusListManager m, PrintWriter out) throws VcException {
      StatusEntry e = m.allocate(store.list);
      out.println(e.toJson().toPrettyString());
    }
  }

  /** Shared {@code --index}. */
  abstract static class IndexAction extends StoreAction {
    @Option(names = "--index", required = true, description = "The statusListIndex")
    long index;

    /** Reports the entry's new status: JSON {@code index}, {@code status}; text {@code VERB statusListIndex N of L}. */
    void changed(PrintWriter out, String status, String verb) {
      report(out, json().put("index", index).put("status", status),
          verb + " statusListIndex " + index + " of " + store.list);
    }
  }

  /** {@code status revoke}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an entry (final).")
  static final class Revoke extends IndexAction {
    @Override
    void act(StatusListManager m, PrintWriter out) throws VcException {
      m.revoke(store.list, index);
      changed(out, "revoked", "revoked");
    }
  }

  /** {@code status suspend}. */
  @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend an entry.")
  static final class Suspend extends IndexAction {
    @Override
    void act(StatusListManager m, PrintWriter out) throws VcException {
      m.suspend(store.list, index);
      changed(out, "suspended", "suspended");
    }
  }

  /** {@code status resume}. */
  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Lift the suspension of an entry.")
  static final class Resume extends IndexAction {
    @Override
    void act(StatusListManager m, PrintWriter out) throws VcException {
      m.resume(store.list, index);
      changed(out, "active", "resumed");
    }
  }

  /** {@code status set} (message lists). */
  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Set the status value of an entry of a message list (0..2^statusSize-1).")
  static final class SetValue extends IndexAction {
    @Option(names = "--value", required = true, description = "The status value, e.g. 2 or 0x2")
    String value;

    @Override
    void act(StatusListManager m, PrintWriter out) throws VcException, CliException {
      int v;
      try {
        v = Integer.decode(value);
      } catch (NumberFormatException e) {
        throw new CliException(Main.USAGE, "--value: expected a number such as 2 or 0x2, got '" + value + "'");
      }
      m.setMessage(store.list, index, v);
      report(out, json().put("index", index).put("value", v),
          "set statusListIndex " + index + " of " + store.list + " to 0x" + Integer.toHexString(v));
    }
  }

  /** {@code status publish}. */
  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = "Sign the current BitstringStatusListCredential (Data Integrity or vc+jwt) and write it.")
  static final class Publish extends StoreAction {
    @CommandLine.Mixin KeyOptions key;

    @Option(names = "--issuer", paramLabel = "DID", description = "Issuer id (default: the key's did:key)")
    String issuer;

    @Option(names = "--format", defaultValue = "di", description = "di or jwt (default: ${DEFAULT-VALUE})")
    String format;

    @Parameters(index = "0", paramLabel = "OUT", description = "Output file")
    Path out;

    @Override
    void act(StatusListManager m, PrintWriter stdout) throws VcException, CliException {
      KeyPair k = key.read();
      String iss = issuer != null ? CliFiles.iri("--issuer", issuer)
          : k.publicKey().didKeyVerificationMethod().split("#")[0];
      ObjectNode vc = m.statusListCredential(store.list, iss, Instant.now());
      String text;
      if (format.equals("jwt")) {
        text = VcJwt.sign(vc, k).get();
      } else if (format.equals("di")) {
        Cryptosuite suite = k.type() == KeyType.ED25519 ? Cryptosuite.EDDSA_RDFC_2022 : Cryptosuite.ECDSA_RDFC_2019;
        text = Credentials.sign(vc, k, suite).get().toPrettyString();
      } else {
        throw new CliException(Main.USAGE, "--format: expected di or jwt, got '" + format + "'");
      }
      CliFiles.write(out, text);
      report(stdout, json().put("published", out.toString()).put("format", format.equals("jwt") ? "vc+jwt"
          : "data-integrity").put("issuer", iss), "published " + store.list + " (" + format + ") to " + out);
    }
  }
}
