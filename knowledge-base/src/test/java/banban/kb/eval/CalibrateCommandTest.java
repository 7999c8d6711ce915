package banban.kb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import banban.kb.Calibration;
import banban.kb.FaqJsonl;
import banban.kb.SeedKb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

  @Test
  @DisplayName("calibrate fits one weight per feature on held-out KB questions and prints them as Java")
  void fits(@TempDir Path dir) throws IOException {
    for (String f : new String[] {"dictionary.txt", "synonyms.txt", "intents.txt"}) {
      Files.copy(SeedKb.SEEDS.resolve(f), dir.resolve(f));
    }
    Path kb = Files.writeString(dir.resolve("faq.jsonl"), FaqJsonl.write(SeedKb.entries().subList(0, 40)));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = CalibrateCommand.run(new String[] {"calibrate", "--kb", kb.toString(), "--folds", "2"},
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out).contains("calibration on 40 entries, 2 folds");
    String literal = out.lines().filter(l -> l.startsWith("new Calibration(")).findFirst().orElseThrow();
    String weights = literal.substring(literal.indexOf('{') + 1, literal.indexOf('}'));
    assertThat(weights.split(",")).hasSize(Calibration.FEATURES.size());
  }

  @Test
  @DisplayName("Bad arguments are a clear error with exit code 2")
  void rejectsBadArguments() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    assertThat(CalibrateCommand.run(new String[] {"calibrate", "--folds", "1"}, out)).isEqualTo(2);
    assertThat(CalibrateCommand.run(new String[] {"calibrate", "--folds"}, out)).isEqualTo(2);
    assertThat(CalibrateCommand.run(new String[] {"calibrate", "--bogus"}, out)).isEqualTo(2);
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("usage: calibrate");
  }
}
