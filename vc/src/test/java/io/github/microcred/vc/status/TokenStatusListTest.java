package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The Token Status List encoding against the draft's own vectors (draft-ietf-oauth-status-list @2fb61cd, copied into
 * {@code status/token-status-list-vectors.json} with their source), and against an independent bit-order oracle.
 */
class TokenStatusListTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNode V = load();

  static JsonNode load() {
    try (InputStream in = TokenStatusListTest.class.getResourceAsStream("/status/token-status-list-vectors.json")) {
      return JSON.readTree(in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<JsonNode> vectors() {
    Iterator<JsonNode> it = V.get("vectors").elements();
    Stream.Builder<JsonNode> b = Stream.builder();
    it.forEachRemaining(b::add);
    return b.build();
  }

  /** The oracle: bit j of the array is bit (j mod 8) of byte j / 8; status i is bits i*b .. i*b+b-1, low bit first. */
  static int oracle(byte[] bytes, int bits, long index) {
    int v = 0;
    for (int k = 0; k < bits; k++) {
      long j = index * bits + k;
      v |= ((bytes[(int) (j / 8)] >> (int) (j % 8)) & 1) << k;
    }
    return v;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyStatusOfTheDraftsVectorsIsRead(JsonNode v) throws Exception {
    TokenStatusList list = TokenStatusList.decode(v.get("bits").asInt(), v.get("lst").asText());
    assertEquals(v.get("bits").asInt(), list.bits());
    if (v.has("entries")) {
      assertEquals(v.get("entries").asLong(), list.entries());
    }
    if (v.has("bytesHex")) {
      assertEquals(v.get("bytesHex").asText(), HexFormat.of().formatHex(list.toBytes()));
    }
    Map<Long, Integer> expected = new HashMap<>();
    v.get("statuses").fields().forEachRemaining(e -> expected.put(Long.parseLong(e.getKey()), e.getValue().asInt()));
    byte[] bytes = list.toBytes();
    int nonZero = 0;
    for (long i = 0; i < list.entries(); i++) {
      int s = list.status(i);
      assertEquals(expected.getOrDefault(i, 0), s, "status[" + i + "]");
      assertEquals(oracle(bytes, list.bits(), i), s, "oracle at " + i);
      nonZero += s == 0 ? 0 : 1;
    }
    assertEquals(expected.size(), nonZero);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void buildingTheVectorsStatusesEncodesToTheDraftsBytes(JsonNode v) throws Exception {
    int bits = v.get("bits").asInt();
    long entries = v.has("entries") ? v.get("entries").asLong() : v.get("bytesHex").asText().length() / 2 * (8 / bits);
    Map<Long, Integer> statuses = new HashMap<>();
    v.get("statuses").fields().forEachRemaining(e -> statuses.put(Long.parseLong(e.getKey()), e.getValue().asInt()));
    TokenStatusList list = TokenStatusList.of(bits, entries, statuses);
    // the draft's lst is ZLIB at level 9 (its src/status_list.py); the JDK's Deflater at BEST_COMPRESSION is the
    // same zlib algorithm, so the compressed bytes are equal, not only the inflated ones
    assertEquals(v.get("lst").asText(), list.encode());
    assertEquals(JSON.createObjectNode().put("bits", bits).put("lst", v.get("lst").asText()), list.toJson());
  }

  @Test
  void theDraftsStatusListTokenIsSignedByItsExampleKeyAndCarriesTheOneBitList() throws Exception {
    JsonNode t = V.get("statusListToken");
    String[] parts = t.get("token").asText().split("\\.");
    PublicKey key = PublicKey.fromJwk(t.get("jwk"));
    byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
    assertTrue(key.verify((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), sig));
    byte[] tampered = (parts[0] + "." + parts[1] + "x").getBytes(StandardCharsets.US_ASCII);
    assertFalse(key.verify(tampered, sig));
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    assertEquals(TokenStatusList.TYP, header.get("typ").asText());
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals(t.get("sub"), claims.get("sub"));
    TokenStatusList list = TokenStatusList.fromJson(claims.get("status_list"));
    assertEquals(HexFormat.of().formatHex(list.toBytes()), V.get("vectors").get(0).get("bytesHex").asText());
    assertEquals(1, list.status(0));
    assertEquals(0, list.status(1));
  }

  static IntStream seeds() {
    return IntStream.range(0, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void seededListsRoundTripAndMatchTheOracle(int seed) throws Exception {
    SplittableRandom r = new SplittableRandom(0x75157L * 31 + seed);
    int bits = new int[] {1, 2, 4, 8}[r.nextInt(4)];
    long entries = 1 + r.nextInt(r.nextBoolean() ? 40 : 5000);
    Map<Long, Integer> statuses = new HashMap<>();
    int n = r.nextInt((int) Math.min(entries, 300) + 1);
    for (int i = 0; i < n; i++) {
      statuses.put((long) r.nextInt((int) entries), r.nextInt(1 << bits));
    }
    TokenStatusList list = TokenStatusList.of(bits, entries, statuses);
    TokenStatusList back = TokenStatusList.decode(bits, list.encode());
    byte[] bytes = back.toBytes();
    assertArrayEquals(list.toBytes(), bytes, "seed " + seed);
    assertTrue(back.entries() >= entries && back.entries() - entries < 8 / bits, "seed " + seed);
    for (long i = 0; i < back.entries(); i++) {
      int want = statuses.getOrDefault(i, 0);
      assertEquals(want, back.status(i), "seed " + seed + " index " + i);
      assertEquals(want, oracle(bytes, bits, i), "seed " + seed + " oracle index " + i);
    }
  }

  static String zlib(byte[] data, boolean trailing) {
    Deflater d = new Deflater(9);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    if (trailing) {
      out.write(0);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  @Test
  void badEncodingsAreRefusedNamingTheProblem() throws Exception {
    String good = zlib(new byte[16], false);
    assertEquals(128, TokenStatusList.decode(1, good).entries());
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put(good + "==", "base64url"); // padding
    bad.put(good.replace('-', '+').replace('_', '/') + "+", "base64url");
    bad.put(zlib(new byte[16], true), "after the end");
    bad.put(good.substring(0, good.length() - 4), "truncated");
    bad.put(Base64.getUrlEncoder().withoutPadding().encodeToString("not zlib".getBytes(StandardCharsets.US_ASCII)),
        "ZLIB");
    // GZIP (the Bitstring Status List's coding) is not ZLIB
    bad.put(BitstringStatusList.of(131072, 1, Map.of()).encode().substring(1), "ZLIB");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      VcException x = assertThrows(VcException.class, () -> TokenStatusList.decode(1, e.getKey()), e.getValue());
      assertEquals(VcErrorCode.STATUS_LIST_ENCODING, x.code());
      assertTrue(x.getMessage().contains(e.getValue()), x.getMessage());
    }
  }

  @Test
  void aDecompressionBombStopsAtTheBound() throws Exception {
    String bomb = zlib(new byte[4 << 20], false); // 4 MiB of zeros in a few KiB
    assertTrue(bomb.length() < 8192, "compressed: " + bomb.length());
    VcException x = assertThrows(VcException.class, () -> TokenStatusList.decode(1, bomb, 1 << 20));
    assertTrue(x.getMessage().contains("more than 1048576 bytes"), x.getMessage());
    assertEquals(4L << 23, TokenStatusList.decode(1, bomb).entries());
    String bigger = zlib(new byte[TokenStatusList.MAX_DECODED_BYTES + 1], false);
    assertThrows(VcException.class, () -> TokenStatusList.decode(8, bigger));
  }

  @Test
  void membersAndArgumentsAreChecked() throws Exception {
    String lst = zlib(new byte[2], false);
    for (String json : new String[] {"{\"bits\": 3, \"lst\": \"" + lst + "\"}", "{\"bits\": \"1\", \"lst\": \"" + lst
        + "\"}", "{\"bits\": 1.0, \"lst\": \"" + lst + "\"}", "{\"lst\": \"" + lst + "\"}", "{\"bits\": 1}",
        "{\"bits\": 1, \"lst\": 5}", "[]", "{\"bits\": 4294967297, \"lst\": \"" + lst + "\"}"}) {
      VcException x = assertThrows(VcException.class, () -> TokenStatusList.fromJson(JSON.readTree(json)), json);
      assertEquals(VcErrorCode.INVALID_DOCUMENT, x.code(), json);
      assertTrue(x.getMessage().startsWith("status_list"), x.getMessage());
    }
    ObjectNode ok = JSON.createObjectNode().put("bits", 2).put("lst", lst).put("aggregation_uri", "https://x.example");
    assertEquals(8, TokenStatusList.fromJson(ok).entries());
    assertThrows(VcException.class, () -> TokenStatusList.of(3, 8, Map.of()));
    assertThrows(VcException.class, () -> TokenStatusList.of(1, 0, Map.of()));
    assertThrows(VcException.class, () -> TokenStatusList.of(2, 8, Map.of(8L, 1)));
    assertThrows(VcException.class, () -> TokenStatusList.of(2, 8, Map.of(1L, 4)));
    assertThrows(VcException.class, () -> TokenStatusList.of(1, 8, Map.of(-1L, 1)));
    TokenStatusList l = TokenStatusList.of(4, 3, Map.of(2L, 15));
    assertEquals(4, l.entries()); // rounded up to whole bytes
    assertEquals(15, l.status(2));
    assertThrows(VcException.class, () -> l.status(4));
    assertThrows(VcException.class, () -> l.status(-1));
  }
}
