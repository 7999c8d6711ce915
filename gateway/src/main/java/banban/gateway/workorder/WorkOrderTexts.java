package banban.gateway.workorder;

import banban.gateway.conversation.Texts;

/** The work-order flows' citizen-facing Chinese texts, from {@code banban/gateway/workorder/texts.properties}. */
public final class WorkOrderTexts {
  private final Texts texts;

  private WorkOrderTexts(Texts texts) {
    this.texts = texts;
  }

  public static WorkOrderTexts load() {
    return new WorkOrderTexts(Texts.load("banban/gateway/workorder/texts.properties"));
  }

  public String get(String key, Object... args) {
    return texts.get(key, args);
  }

  /** The summary block the citizen and the operator read. */
  public String summary(AppealType type, Summary s) {
    return get("summary", type.chinese(), orUnknown(s.who()), orUnknown(s.when()), orUnknown(s.where()),
        orUnknown(s.what()), orUnknown(s.want()));
  }

  private String orUnknown(String v) {
    return v == null || v.isBlank() ? get("summary.unknown") : v;
  }
}
