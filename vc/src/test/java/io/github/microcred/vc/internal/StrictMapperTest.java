package io.github.microcred.vc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** vc's one Jackson mapper ({@link JsonSupport#MAPPER}) reads strictly, and it is the only one in vc's main code. */
class StrictMapperTest {

  @Test
  void aDuplicateKeyIsRefused() {
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> JsonSupport.MAPPER.readTree("{\"kid\": \"a\", \"kid\": \"b\"}"));
    assertTrue(e.getOriginalMessage().contains("Duplicate field 'kid'"), e.getOriginalMessage());
  }

  @Test
  void contentAfterTheDocumentIsRefused() {
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> JsonSupport.MAPPER.readTree("{\"kid\": \"a\"} {\"kid\": \"b\"}"));
    assertTrue(e.getOriginalMessage().contains("Trailing token"), e.getOriginalMessage());
  }

  @Test
  void decimalsAreReadExactly() throws Exception {
    String digits = "0.1000000000000000055511151231257827021181583404541015625";
    JsonNode n = JsonSupport.MAPPER.readTree("{\"v\": " + digits + "}");
    assertTrue(n.get("v").isBigDecimal(), n.get("v").getNodeType().toString());
    assertEquals(new BigDecimal(digits), n.get("v").decimalValue());
  }

  @Test
  void noOtherMapperIsBuiltInMainCode() throws IOException {
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> bare = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> read(p).contains("new ObjectMapper(")).map(p -> main.relativize(p).toString()).toList();
      assertEquals(List.of(), bare, "one strict mapper per module: use JsonSupport.MAPPER");
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException(p.toString(), e);
    }
  }
}
