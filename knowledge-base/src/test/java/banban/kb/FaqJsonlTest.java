package banban.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FaqJsonlTest {

  private static final String GOOD = """
      {"id":"a-1","category":"测试","department":"区测试局","question":"怎么办理测试证？","similar":["测试证去哪办"],"answer":"到窗口办理。","keywords":["测试证"]}
      {"id":"a-2","category":"测试","department":"区测试局","question":"测试证丢了怎么办？","answer":"挂失后补办。","status":"draft","version":3}
      """;

  @Test
  @DisplayName("A valid file parses into entries with defaults for the optional fields")
  void parsesValidLines() {
    List<FaqEntry> entries = FaqJsonl.parse(GOOD);
    assertThat(entries).extracting(FaqEntry::id).containsExactly("a-1", "a-2");
    assertThat(entries.get(0).similar()).containsExactly("测试证去哪办");
    assertThat(entries.get(0).status()).isEqualTo(FaqEntry.Status.PUBLISHED);
    assertThat(entries.get(1).status()).isEqualTo(FaqEntry.Status.DRAFT);
    assertThat(entries.get(1).version()).isEqualTo(3);
    assertThat(entries.get(1).keywords()).isEmpty();
  }

  @Test
  @DisplayName("Export then import gives back the same entries")
  void roundTrip() {
    List<FaqEntry> entries = FaqJsonl.parse(GOOD).stream()
        .map(e -> e.withVersion(e.version(), Instant.parse("2026-01-02T03:04:05Z"))).toList();
    assertThat(FaqJsonl.parse(FaqJsonl.write(entries))).isEqualTo(entries);
  }

  @Test
  @DisplayName("Every bad line is reported with its number and problem, and nothing is returned")
  void reportsEveryBadLine() {
    String file = String.join("\n",
        "{\"id\":\"a-1\",\"category\":\"c\",\"department\":\"d\",\"question\":\"q\",\"answer\":\"x\"}",
        "{\"id\":\"a-2\", broken",
        "{\"id\":\"a-3\",\"category\":\"c\",\"department\":\"d\",\"question\":\"q\"}",
        "",
        "{\"id\":\"a-4\",\"category\":\"c\",\"department\":\"d\",\"question\":\"q\",\"answer\":\"x\",\"similar\":\"not a list\"}",
        "{\"id\":\"a-1\",\"category\":\"c\",\"department\":\"d\",\"question\":\"q\",\"answer\":\"x\"}",
        "{\"id\":\"a-6\",\"category\":\"c\",\"department\":\" \",\"question\":7,\"answer\":\"x\",\"status\":\"gone\"}");
    assertThatThrownBy(() -> FaqJsonl.parse(file))
        .isInstanceOfSatisfying(FaqImportException.class, e -> {
          assertThat(e.errors()).extracting(FaqImportException.LineError::line).containsExactly(2, 3, 5, 6, 7);
          assertThat(e.errors().get(0).problem()).startsWith("malformed JSON");
          assertThat(e.errors().get(1).problem()).contains("missing field 'answer'");
          assertThat(e.errors().get(2).problem()).contains("'similar' must be an array");
          assertThat(e.errors().get(3).problem()).contains("duplicate id 'a-1'").contains("line 1");
          assertThat(e.errors().get(4).problem()).contains("'department' is empty")
              .contains("'question' must be a string").contains("'status'");
        });
  }

  @Test
  @DisplayName("The seed file parses cleanly")
  void seedsParse() {
    assertThat(SeedKb.entries()).hasSize(213).allSatisfy(e -> assertThat(e.similar()).isNotEmpty());
  }
}
