package banban.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NormalizerTest {
  private final TextPipeline pipeline = Pipelines.SEEDED;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("full-width letters and digits", "ＡＢＣ１２３４５", "abc12345"),
        Arguments.of("full-width punctuation and space", "社保卡，怎么办？　谢谢", "社保卡,怎么办? 谢谢"),
        Arguments.of("traditional to simplified", "轉人工服務", "转人工服务"),
        Arguments.of("traditional sentence", "社區的路燈壞了", "社区的路灯坏了"),
        Arguments.of("traditional phrase with a character simplified Chinese also uses", "一目瞭然", "一目了然"),
        Arguments.of("upper case folded", "APP怎么下载", "app怎么下载"),
        Arguments.of("emoji and skin tone removed", "社保卡😀怎么办👍🏻", "社保卡怎么办"),
        Arguments.of("decoration removed", "【急】★公积金★提取", "急 公积金提取"),
        Arguments.of("repeated punctuation collapsed", "真的吗？？？！！！", "真的吗?!"),
        Arguments.of("digits kept", "打12345问问", "打12345问问"),
        Arguments.of("control characters dropped", "社\u0000保\u0007卡\u200b", "社保卡"),
        Arguments.of("line breaks become one space", "社保卡\r\n\t怎么办", "社保卡 怎么办"),
        Arguments.of("lone surrogates dropped", "社保\uD800卡\uDC00丢了", "社保卡丢了"),
        Arguments.of("reversed surrogate pair dropped", "公积金\uDC00\uD800", "公积金"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Normalisation folds width, script, case and noise")
  void normalizes(String name, String input, String expected) {
    assertThat(pipeline.normalize(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Normalising normalised text changes nothing")
  void isIdempotent(String name, String input, String ignored) {
    String once = pipeline.normalize(input);
    assertThat(pipeline.normalize(once)).isEqualTo(once);
  }

  @Test
  @DisplayName("Null, empty and blank text normalise to the empty string")
  void nullAndBlank() {
    assertThat(pipeline.normalize(null)).isEmpty();
    assertThat(pipeline.normalize("")).isEmpty();
    assertThat(pipeline.normalize(" \t\u3000\n ")).isEmpty();
  }
}
