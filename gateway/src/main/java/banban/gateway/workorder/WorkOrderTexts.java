package banban.gateway.workorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/** The work-order flows' citizen-facing Chinese texts, from {@code banban/gateway/workorder/texts.properties}. */
public final class WorkOrderTexts {
  private final Properties props = new Properties();

  private WorkOrderTexts() {}

  public static WorkOrderTexts load() {
    WorkOrderTexts t = new WorkOrderTexts();
    try (InputStream in = WorkOrderTexts.class.getClassLoader().getResourceAsStream("banban/gateway/workorder/texts.properties")) {
      if (in == null) throw new IllegalStateException("banban/gateway/workorder/texts.properties missing");
      t.props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  public String get(String key, Object... args) {
    String v = props.getProperty(key);
    if (v == null) throw new IllegalArgumentException("No text " + key);
    // MessageFormat treats ' as a quote; the texts have none, and arguments are passed as strings.
    return args.length == 0 ? v : MessageFormat.format(v, args);
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
