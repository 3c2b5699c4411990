package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcred serve}: starts on 127.0.0.1, answers, stops when interrupted; bad configuration is one sentence. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void servesOnLoopbackAndIssuesWithThePrintedToken() throws Exception {
    PipedReader pr = new PipedReader(1 << 16);
    PrintWriter out = new PrintWriter(new PipedWriter(pr), true);
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread t = new Thread(() -> code.set(Main.commandLine(out, new PrintWriter(err, true))
        .execute("serve", "--http", "--port", "0")));
    t.start();
    try {
      String line = new BufferedReader(pr).readLine();
      assertNotNull(line, err.toString());
      JsonNode j = CliFiles.JSON.readTree(line);
      URI base = URI.create(j.path("serving").asText());
      assertEquals("127.0.0.1", base.getHost());
      assertEquals(2, j.path("issuers").size());
      String issuer = j.path("issuers").get(0).path("id").asText();
      HttpClient c = HttpClient.newHttpClient();
      String body = "{\"credential\":{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":"
          + "[\"VerifiableCredential\"],\"issuer\":\"" + issuer + "\",\"credentialSubject\":{\"id\":"
          + "\"did:example:ada\"}}}";
      HttpResponse<String> r = c.send(HttpRequest.newBuilder(base.resolve("/credentials/issue"))
          .header("Authorization", "Bearer " + j.path("token").asText())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(201, r.statusCode(), r.body());
      HttpResponse<String> no = c.send(HttpRequest.newBuilder(base.resolve("/credentials/issue"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, no.statusCode());
    } finally {
      t.interrupt();
      t.join(10_000);
    }
    assertEquals(Main.OK, code.get(), err.toString());
  }

  @Test
  void aBadConfigurationIsOneSentence() throws Exception {
    Path cfg = dir.resolve("server.json");
    Files.writeString(cfg, "{\"issuers\":[{\"key\":\"missing.json\"}]}");
    MainTest.Run r = run("serve", "--config", cfg.toString());
    assertEquals(Main.FAILED, r.code());
    CliConventionTest.oneSentence(r, "$.issuers[0].key");
    Files.writeString(cfg, "{\"port\":\"x\"}");
    CliConventionTest.oneSentence(run("serve", "--config", cfg.toString()), "$.port: expected an integer");
    MainTest.Run none = run("serve", "--config", dir.resolve("nope.json").toString());
    CliConventionTest.oneSentence(none, "nope.json: no such file");
    String help = run("serve", "--help").out();
    for (String s : new String[] {"--http", "--config", "/credentials/issue", "/credentials/derive", "/credentials/status",
        "/credentials/verify", "/presentations/verify", "/status-lists/", "MCRED_SERVER_"}) {
      assertTrue(help.replace("\n", " ").replaceAll("\\s+", " ").contains(s), s + " in: " + help);
    }
  }
}
