package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusListSource;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mcred demo}: the main job end to end, one step method per stage. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the end-to-end demonstration.")
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws CliException {
    PrintWriter out = spec.commandLine().getOut();
    try {
      revocationStep(out);
    } catch (VcException e) {
      throw new CliException(Main.FAILED, "demo failed: " + e.getMessage());
    }
    out.flush();
    return Main.OK;
  }

  /**
   * Revocation: issue a credential with a Bitstring Status List entry as a {@code vc+jwt}, verify it against the
   * published list, revoke it, republish, verify again: now it fails with the reason.
   *
   * @param out where to report
   * @throws VcException if the demo itself breaks
   * @throws CliException if a verification does not come out as expected
   */
  static void revocationStep(PrintWriter out) throws VcException {
    out.println("== revocation (Bitstring Status List, vc+jwt)");
    KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
    String issuer = issuerKey.publicKey().didKeyVerificationMethod().split("#")[0];
    String listUrl = "https://issuer.example/status/1";
    StatusListManager status = StatusListManager.create(new InMemoryStatusStore());
    status.createList(StatusListDefinition.revocation(listUrl));
    StatusEntry entry = status.allocate(listUrl);

    ObjectNode vc = StatusCommand.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.putArray("type").add("VerifiableCredential");
    vc.put("issuer", issuer);
    vc.put("validFrom", Instant.now().minusSeconds(60).toString());
    vc.putObject("credentialSubject").put("id", "did:example:learner");
    vc.set("credentialStatus", entry.toJson());
    String jwt = VcJwt.sign(vc, issuerKey).get();
    out.println("issued a vc+jwt with statusListIndex " + entry.index() + " of " + listUrl);

    Map<String, String> published = new HashMap<>();
    published.put(listUrl, VcJwt.sign(status.statusListCredential(listUrl, issuer, Instant.now()), issuerKey).get());
    JwtVerification before = VcJwt.verify(jwt)
        .withStatus(BitstringStatusCheck.create(StatusListSource.offline(published))).get();
    out.println("verify:            " + (before.verified() ? "VERIFIED" : "NOT VERIFIED " + before.rejections()));
    if (!before.verified()) {
      throw new CliException(Main.FAILED, "the fresh credential did not verify: " + before.result());
    }

    status.revoke(listUrl, entry.index());
    published.put(listUrl, VcJwt.sign(status.statusListCredential(listUrl, issuer, Instant.now()), issuerKey).get());
    out.println("revoked statusListIndex " + entry.index() + " and republished the list");
    JwtVerification after = VcJwt.verify(jwt)
        .withStatus(BitstringStatusCheck.create(StatusListSource.offline(published))).get();
    if (after.verified()) {
      throw new CliException(Main.FAILED, "the revoked credential still verified");
    }
    VerificationCheck reason = after.result().failures().get(0);
    out.println("verify again:      NOT VERIFIED " + reason.name() + " " + reason.message());
  }
}
