package banban.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Citizen-facing replies of the decision rule, read from {@code banban/kb/texts.properties} (UTF-8) so
 * the wording can be changed by a district without touching code.
 */
public final class Texts {

  private static final String RESOURCE = "banban/kb/texts.properties";
  private final Properties props;

  private Texts(Properties props) {
    this.props = props;
  }

  public static Texts load() {
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("Missing class path resource " + RESOURCE);
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new Texts(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text under {@code key}; a missing key is a packaging error, so it fails loudly. */
  public String get(String key) {
    String v = props.getProperty(key);
    if (v == null) throw new IllegalStateException("No text for key " + key + " in " + RESOURCE);
    return v;
  }

  /** The text under {@code key}, or under {@code fallbackKey} when the first is absent. */
  public String get(String key, String fallbackKey) {
    String v = props.getProperty(key);
    return v != null ? v : get(fallbackKey);
  }
}
