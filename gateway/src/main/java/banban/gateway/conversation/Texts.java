package banban.gateway.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/**
 * Citizen-facing Chinese texts from a UTF-8 properties resource: the conversation engine's
 * ({@code banban/gateway/texts.properties}) and, through {@link #load(String)}, other features' own files.
 */
public final class Texts {
  private final Properties props = new Properties();

  private Texts() {}

  public static Texts load() {
    return load("banban/gateway/texts.properties");
  }

  public static Texts load(String resource) {
    Texts t = new Texts();
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " missing");
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
