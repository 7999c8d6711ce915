package banban.gateway.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/** The conversation engine's citizen-facing Chinese texts, from {@code banban/gateway/texts.properties}. */
public final class Texts {
  private final Properties props = new Properties();

  private Texts() {}

  public static Texts load() {
    Texts t = new Texts();
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream("banban/gateway/texts.properties")) {
      if (in == null) throw new IllegalStateException("banban/gateway/texts.properties missing");
      t.props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  public String get(String key, Object... args) {
    String v = props.getProperty(key);
    if (v == null) throw new IllegalArgumentException("No text " + key);
    return args.length == 0 ? v : MessageFormat.format(v, args);
  }
}
