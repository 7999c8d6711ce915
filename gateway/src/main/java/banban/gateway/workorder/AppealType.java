package banban.gateway.workorder;

import java.util.Locale;
import java.util.Optional;

/** 诉求类型 of the 12345 classification: 咨询/求助/投诉/举报/建议. */
public enum AppealType {
  CONSULT("咨询"), HELP("求助"), COMPLAINT("投诉"), REPORT("举报"), SUGGESTION("建议");

  private final String chinese;

  AppealType(String chinese) {
    this.chinese = chinese;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String chinese() {
    return chinese;
  }

  /** Accepts the wire name or the Chinese name. */
  public static Optional<AppealType> parse(String s) {
    if (s == null) return Optional.empty();
    for (AppealType t : values()) {
      if (t.wireName().equals(s) || t.chinese.equals(s)) return Optional.of(t);
    }
    return Optional.empty();
  }
}
