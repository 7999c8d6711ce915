package banban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("--help lists the commands and every configuration key")
  void help() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("serve", "eval --cases", "kb import", "kb export", "BANBAN_HTTP_PORT", "BANBAN_DB_URL");
  }

  @Test
  @DisplayName("An unknown command exits 2 with the usage")
  void unknownCommand() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err()).contains("Unknown command 'frobnicate'", "Usage:");
  }

  @Test
  @DisplayName("kb import of a file with bad lines reports each line number and imports nothing")
  void badImport(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, """
        {"id": "x-1", "category": "测试", "department": "区政务服务中心", "question": "问题？", "similar": [], "answer": "答案", "keywords": []}
        {"id": "x-2", "category": "测试"
        {"id": "x-3", "category": "测试", "department": "区政务服务中心", "question": "", "similar": [], "answer": "答案", "keywords": []}
        """);
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "BANBAN_DATA_DIR: " + dir.resolve("data") + "\n");
    assertThat(run("--config", config.toString(), "kb", "import", file.toString())).isEqualTo(1);
    assertThat(err()).contains("Nothing imported", "line 2", "line 3");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  @DisplayName("kb export then import round-trips the FAQ table through JSON Lines")
  void exportImport(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "BANBAN_DATA_DIR: " + dir.resolve("data") + "\n");
    Path file = dir.resolve("one.jsonl");
    Files.writeString(file, """
        {"id": "x-1", "category": "测试", "department": "区政务服务中心", "question": "测试问题怎么办？", "similar": ["测试怎么办"], "answer": "这是答案。", "keywords": ["测试"]}
        """);
    assertThat(run("--config", config.toString(), "kb", "import", file.toString())).as(err()).isZero();
    assertThat(out()).contains("Imported 1 entries");
    Path exported = dir.resolve("out.jsonl");
    assertThat(run("--config", config.toString(), "kb", "export", exported.toString())).as(err()).isZero();
    String text = Files.readString(exported);
    assertThat(text.lines().count()).isEqualTo(1);
    assertThat(text).contains("\"id\":\"x-1\"").contains("测试问题怎么办？");
  }
}
