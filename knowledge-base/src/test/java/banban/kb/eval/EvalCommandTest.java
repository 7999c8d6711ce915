package banban.kb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  /** Hand-written cases in the evaluation format (not from the shared sets). */
  private static final String CASES = """
      {"query": "租房的人能不能提公积金", "expect": "hpf-001", "tags": ["colloquial"]}
      {"query": "驾驶证丢失了怎么补领", "expect": "traffic-002", "tags": []}
      {"query": "火星上的天气怎么样", "expect": "none", "tags": ["out_of_scope"]}
      """;

  @Test
  @DisplayName("eval prints a table and ends with one JSON line holding our figures and both baselines")
  void printsFigures(@TempDir Path dir) throws IOException {
    Path cases = Files.writeString(dir.resolve("cases.jsonl"), CASES);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = EvalCommand.run(new String[] {"eval", "--cases", cases.toString(), "--kb", "../seeds/faq.jsonl"},
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out).contains("overall").contains("out_of_scope").contains("bm25-smartcn").contains("bm25-cjk");
    String[] lines = out.strip().split("\n");
    JsonObject json = new JsonObject(lines[lines.length - 1]);
    assertThat(json.getJsonObject("banban").getInteger("cases")).isEqualTo(3);
    assertThat(json.getJsonObject("banban").getDouble("rejection")).isEqualTo(1.0);
    assertThat(json.getJsonObject("baselineSmartcn").containsKey("threshold")).isTrue();
    assertThat(json.getJsonObject("baselineCjk").containsKey("answerAccuracy")).isTrue();
  }

  @Test
  @DisplayName("A bad cases file is a clear error naming the line, with a non-zero exit code")
  void rejectsBadInput(@TempDir Path dir) throws IOException {
    Path cases = Files.writeString(dir.resolve("bad.jsonl"), "{\"query\": \"x\", \"expect\": \"none\"}\n{oops\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = EvalCommand.run(new String[] {"--cases", cases.toString(), "--kb", "../seeds/faq.jsonl"},
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("error").contains("line 2");
    assertThat(EvalCommand.run(new String[] {"--cases"}, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    assertThat(EvalCommand.run(new String[] {"--cases", dir.resolve("missing.jsonl").toString()},
        new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
  }
}
