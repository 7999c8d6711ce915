package banban.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DecisionTest {

  @Test
  @DisplayName("An answer carries faqId, question, answer and department on the wire")
  void answerJson() {
    FaqEntry e = FaqEntry.published("x-1", "类", "区某局", "问？", List.of(), "答。", List.of());
    JsonObject j = Decision.answer(e, 0.87654, List.of("greeting")).toJson();
    assertThat(j.fieldNames()).containsExactly("action", "faqId", "question", "answer", "department", "confidence",
        "suggestions", "intents");
    assertThat(j.getString("action")).isEqualTo("answer");
    assertThat(j.getDouble("confidence")).isEqualTo(0.877);
    assertThat(j.getJsonArray("intents").getList()).containsExactly("greeting");
  }

  @Test
  @DisplayName("A clarifying question has suggestions and no faqId or question")
  void clarifyJson() {
    JsonObject j = Decision.reply(Decision.Action.CLARIFY, "您是想问以下哪个问题？", 0.4,
        List.of(new Decision.Suggestion("x-1", "问一？"), new Decision.Suggestion("x-2", "问二？")), List.of()).toJson();
    assertThat(j.getString("action")).isEqualTo("clarify");
    assertThat(j.containsKey("faqId")).isFalse();
    assertThat(j.containsKey("question")).isFalse();
    assertThat(j.getJsonArray("suggestions").getJsonObject(1).encode()).isEqualTo("{\"faqId\":\"x-2\",\"question\":\"问二？\"}");
  }
}
