package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.sdjwt.SdJwt;
import io.github.microcred.vc.status.RevocationList;
import io.github.microcred.vc.status.TokenStatusList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcred verify --status-list FILE} reads each kind of published list offline: an IETF Status List Token
 * ({@code statuslist+jwt}) for the {@code status} claim of an SD-JWT VC, and a 1EdTech Revocation List for an
 * {@code 1EdTechRevocationList} entry, besides Bitstring Status List credentials ({@code StatusAndJwtCommandsTest});
 * a status without its list fails closed.
 */
class VerifyStatusListsTest {
  static final String URI = "https://issuer.example/token-status-lists/1";
  @TempDir Path dir;

  final KeyPair issuer = KeyPair.generate(KeyType.ED25519);
  final String did = issuer.publicKey().didKey();

  Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  Path token(String name, long idx, int status) throws Exception {
    return write(name, TokenStatusList.of(2, 1024, status == 0 ? Map.of() : Map.of(idx, status))
        .signer(URI, issuer).get());
  }

  @Test
  void anSdJwtVcsStatusClaimIsReadFromAStatusListTokenFile() throws Exception {
    ObjectNode vc = StatusAndJwtCommandsTest.statusCredential(did, "did:example:learner", null);
    vc.remove("credentialStatus");
    Path sd = write("vc.sd-jwt", SdJwt.issue(vc, issuer).withVct("https://issuer.example/vct/badge")
        .withStatusListEntry(URI, 42).get());

    var valid = run("verify", "--no-key-binding", "--status-list", token("valid.jwt", 42, 0).toString(),
        sd.toString());
    assertEquals(0, valid.code(), valid.out() + valid.err());
    assertEquals("dc+sd-jwt", CliFiles.JSON.readTree(valid.out()).get("kind").asText(), valid.out());

    var revoked = run("verify", "--no-key-binding", "--status-list", token("revoked.jwt", 42,
        TokenStatusList.INVALID).toString(), sd.toString());
    assertEquals(1, revoked.code(), revoked.out());
    assertTrue(revoked.out().contains("revoked"), revoked.out());
    var suspended = run("verify", "--no-key-binding", "--status-list", token("suspended.jwt", 42,
        TokenStatusList.SUSPENDED).toString(), sd.toString());
    assertEquals(1, suspended.code(), suspended.out());
    assertTrue(suspended.out().contains("SUSPENDED"), suspended.out());

    // no list, a token for another URI, a token signed by someone else: fail closed
    var none = run("verify", "--no-key-binding", sd.toString());
    assertEquals(1, none.code(), none.out());
    Path elsewhere = write("elsewhere.jwt", TokenStatusList.of(2, 1024, Map.of())
        .signer("https://issuer.example/token-status-lists/2", issuer).get());
    assertEquals(1, run("verify", "--no-key-binding", "--status-list", elsewhere.toString(), sd.toString()).code());
    Path forged = write("forged.jwt", TokenStatusList.of(2, 1024, Map.of())
        .signer(URI, KeyPair.generate(KeyType.ED25519)).get());
    var f = run("verify", "--no-key-binding", "--status-list", forged.toString(), sd.toString());
    assertEquals(1, f.code(), f.out());

    // a token without sub cannot be served under its URI: refused naming the file
    String[] parts = TokenStatusList.of(2, 1024, Map.of()).signer(URI, issuer).get().split("\\.");
    String noSub = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"status_list\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    var bad = run("verify", "--no-key-binding", "--status-list", write("nosub.jwt", noSub).toString(), sd.toString());
    assertEquals(1, bad.code(), bad.out() + bad.err());
    assertTrue(bad.err().contains("nosub.jwt") && bad.err().contains("sub"), bad.err());
  }

  @Test
  void aOneEdTechRevocationListFileIsReadForItsEntries() throws Exception {
    String list = "https://issuer.example/revocation-lists/1";
    ObjectNode vc = StatusAndJwtCommandsTest.statusCredential(did, "did:example:learner",
        RevocationList.create(list, did).statusEntry());
    vc.put("id", "urn:uuid:1e1e1e1e-0000-4000-8000-000000000001");
    ((ArrayNode) vc.get("@context")).add(RevocationList.CONTEXT);
    Path signed = write("vc.json", Credentials.sign(vc, issuer, Cryptosuite.EDDSA_RDFC_2022).get().toString());

    Path empty = write("list.json", RevocationList.create(list, did).toJson().toString());
    var ok = run("verify", "--status-list", empty.toString(), signed.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    Path revoked = write("revoked.json", RevocationList.create(list, did)
        .revoke(vc.get("id").asText(), "issued in error").toJson().toString());
    var r = run("verify", "--status-list", revoked.toString(), signed.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("issued in error"), r.out());
    JsonNode report = CliFiles.JSON.readTree(r.out());
    assertTrue(!report.get("verified").asBoolean(), r.out());
    assertEquals(1, run("verify", signed.toString()).code(), "no list: fails closed");
    // a list published under another id does not stand in for this one
    Path other = write("other.json", RevocationList.create(list + "0", did).toJson().toString());
    assertEquals(1, run("verify", "--status-list", other.toString(), signed.toString()).code());
  }
}
