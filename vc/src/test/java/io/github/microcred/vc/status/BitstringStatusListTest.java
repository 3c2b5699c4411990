package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.testing.Peers;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode check() throws Exception {
    return JSON.readTree(Peers.vectors()
        .resolve("w3c-vc-bitstring-status-list/encodedList-check.json").toFile());
  }

  @Test
  void decodesTheSpecExampleToAll131072ZeroBits() throws Exception {
    JsonNode spec = check().get("specExample");
    BitstringStatusList list = BitstringStatusList.decode(spec.get("encodedList").asText(), 1);
    assertEquals(spec.get("decodedBits").asLong(), list.entries());
    assertEquals(spec.get("decodedBytes").asInt(), list.toBytes().length);
    for (long i = 0; i < list.entries(); i++) {
      assertEquals(0, list.status(i), "index " + i);
    }
  }

  @Test
  void decodesTheSpecExampleEmbeddedInTheStatusListCredentialExample() throws Exception {
    JsonNode examples = JSON.readTree(Peers.vectors()
        .resolve("w3c-vc-bitstring-status-list/examples.json").toFile()).get("examples");
    JsonNode listVc = examples.get(1).get("json");
    assertEquals("BitstringStatusListCredential", listVc.get("type").get(1).asText());
    BitstringStatusList list =
        BitstringStatusList.decode(listVc.get("credentialSubject").get("encodedList").asText(), 1);
    // the entry example points at index 94567 of this list: not revoked
    JsonNode entry = examples.get(0).get("json").get("credentialStatus").get(0);
    assertEquals(0, list.status(Long.parseLong(entry.get("statusListIndex").asText())));
  }

  @Test
  void bitZeroIsTheLeftMostBitOfTheFirstByte() throws Exception {
    JsonNode derived = check().get("derivedByThisTool");
    BitstringStatusList list = BitstringStatusList.decode(derived.get("encodedList").asText(), 1);
    long index = derived.get("statusListIndex").asLong();
    assertEquals(1, list.status(index));
    assertEquals(derived.get("byteValue").asInt(), list.toBytes()[derived.get("byteIndex").asInt()] & 0xff);
    for (long i = 0; i < list.entries(); i++) {
      if (i != index) {
        assertEquals(0, list.status(i), "index " + i);
      }
    }
    // and our encoder, decoded by the same rule, sets the same single byte
    byte[] ours = BitstringStatusList.of(131_072, 1, Map.of(index, 1)).toBytes();
    assertArrayEquals(list.toBytes(), ours);
  }

  /** Oracle: a string of '0'/'1' characters, MSB first, written independently of the implementation. */
  private static byte[] oracle(long entries, int size, Map<Long, Integer> statuses) {
    StringBuilder bits = new StringBuilder("0".repeat((int) (entries * size)));
    statuses.forEach((i, v) -> {
      String b = Integer.toBinaryString(v);
      b = "0".repeat(size - b.length()) + b;
      bits.replace((int) (i * size), (int) (i * size + size), b);
    });
    byte[] out = new byte[(bits.length() + 7) / 8];
    for (int i = 0; i < bits.length(); i++) {
      if (bits.charAt(i) == '1') {
        out[i / 8] |= (byte) (0x80 >>> (i % 8));
      }
    }
    return out;
  }

  @Test
  void roundTripsRandomListsForEveryStatusSizeAgainstAnOracle() throws Exception {
    long seed = 0x5eed_0001L;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int c = 0; c < 40; c++) {
      int size = 1 + c % 8;
      long entries = 131_072 + rnd.nextInt(1000);
      Map<Long, Integer> statuses = new HashMap<>();
      int n = rnd.nextInt(200);
      for (int k = 0; k < n; k++) {
        statuses.put(rnd.nextLong(entries), rnd.nextInt(1 << size));
      }
      String where = "seed " + seed + " case " + c + " size " + size;
      BitstringStatusList list = BitstringStatusList.of(entries, size, statuses);
      assertArrayEquals(oracle(entries, size, statuses), list.toBytes(), where);
      String encoded = list.encode();
      assertTrue(encoded.startsWith("u"), where);
      BitstringStatusList back = BitstringStatusList.decode(encoded, size);
      assertArrayEquals(list.toBytes(), back.toBytes(), where);
      for (Map.Entry<Long, Integer> e : statuses.entrySet()) {
        assertEquals(e.getValue(), back.status(e.getKey()), where + " index " + e.getKey());
      }
    }
  }

  private static String gzipB64(byte[] raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  @Test
  void rejectsBadEncodingsWithNamedErrors() throws Exception {
    VcException prefix = assertThrows(VcException.class,
        () -> BitstringStatusList.decode("z" + gzipB64(new byte[16384]), 1));
    assertEquals(VcErrorCode.STATUS_LIST_ENCODING, prefix.code());
    assertTrue(prefix.getMessage().contains("prefix 'u'"), prefix.getMessage());

    VcException notGzip = assertThrows(VcException.class,
        () -> BitstringStatusList.decode("u" + Base64.getUrlEncoder().encodeToString(new byte[40]), 1));
    assertEquals(VcErrorCode.STATUS_LIST_ENCODING, notGzip.code());
    assertTrue(notGzip.getMessage().contains("GZIP"), notGzip.getMessage());

    VcException tooShort = assertThrows(VcException.class,
        () -> BitstringStatusList.decode("u" + gzipB64(new byte[16383]), 1));
    assertEquals(VcErrorCode.STATUS_LIST_ENCODING, tooShort.code());
    assertTrue(tooShort.getMessage().contains("131072"), tooShort.getMessage());

    VcException notB64 = assertThrows(VcException.class, () -> BitstringStatusList.decode("u$$$", 1));
    assertEquals(VcErrorCode.STATUS_LIST_ENCODING, notB64.code());

    BitstringStatusList ok = BitstringStatusList.decode("u" + gzipB64(new byte[16384]), 1);
    VcException range = assertThrows(VcException.class, () -> ok.status(131_072));
    assertTrue(range.getMessage().contains("131072"), range.getMessage());
  }

  @Test
  void listsHoldAtLeast131072Entries() {
    IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
        () -> new StatusListDefinition("https://example.edu/s", StatusPurpose.REVOCATION, 1, 131_071,
            java.util.List.of()));
    assertTrue(small.getMessage().startsWith("entries:"), small.getMessage());
    assertEquals(131_072, StatusListDefinition.revocation("https://example.edu/s").entries());
    assertEquals(131_072, StatusListDefinition.suspension("https://example.edu/s").entries());
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> new StatusListDefinition("https://example.edu/s", StatusPurpose.REVOCATION, 2, 131_072,
            java.util.List.of()));
    assertTrue(wide.getMessage().startsWith("statusSize:"), wide.getMessage());
    IllegalArgumentException fewMessages = assertThrows(IllegalArgumentException.class,
        () -> StatusListDefinition.message("https://example.edu/s", 2,
            java.util.List.of(new StatusMessage(0, "ok"), new StatusMessage(1, "late"))));
    assertTrue(fewMessages.getMessage().startsWith("messages:"), fewMessages.getMessage());
  }
}
