package banban.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.conversation.Texts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the engine's stored messages become the text of one WeChat reply. */
class ReplyTextTest {
  final Texts texts = Texts.load();
  final ReplyText render = new ReplyText(texts);

  static JsonObject message(String sender, String text, JsonObject payload) {
    return new JsonObject().put("id", 1).put("sender", sender).put("text", text).put("payload", payload);
  }

  @Test
  @DisplayName("An answer names its department; a clarification becomes a numbered list without the web's 'click' hint")
  void answerAndClarify() {
    JsonObject answer = message("bot", "可以网上办理。", new JsonObject().put("action", "answer").put("department", "区行政审批服务局"));
    assertThat(render.render(new JsonArray().add(message("citizen", "怎么办", null)).add(answer)))
        .isEqualTo("可以网上办理。\n\n来源：区行政审批服务局");
    JsonObject clarify = message("bot", "您想问的是哪一个？" + texts.get("clarify.hint"), new JsonObject().put("action", "clarify")
        .put("suggestions", new JsonArray().add(new JsonObject().put("faqId", "a").put("question", "问题甲"))
            .add(new JsonObject().put("faqId", "b").put("question", "问题乙"))));
    assertThat(render.render(new JsonArray().add(clarify)))
        .isEqualTo("您想问的是哪一个？\n1. 问题甲\n2. 问题乙\n" + texts.get("wechat.clarify.hint"));
  }

  @Test
  @DisplayName("Only the citizen's message stored (a person owns the conversation) means no text, i.e. 'success'")
  void silent() {
    assertThat(render.render(new JsonArray().add(message("citizen", "你好", null)))).isNull();
  }

  @Test
  @DisplayName("Text over 2048 UTF-8 bytes is cut at a character boundary and says so; shorter text is untouched")
  void truncates() {
    String longText = "办".repeat(1000) + "😀".repeat(10);
    String fitted = render.fit(longText);
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ReplyText.MAX_BYTES);
    assertThat(fitted).endsWith(texts.get("wechat.truncated")).startsWith("办办办");
    assertThat(fitted.codePoints().filter(c -> c == 0xFFFD).count()).isZero();
    assertThat(render.fit("短文本")).isEqualTo("短文本");
  }
}
