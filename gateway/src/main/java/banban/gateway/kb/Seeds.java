package banban.gateway.kb;

import banban.kb.FaqEntry;
import banban.kb.FaqJsonl;
import banban.nlp.NlpResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the seed data comes from: a configured directory, or the {@code seeds/} folder packed into the
 * jar from the repository's {@code seeds/}.
 */
public record Seeds(Optional<Path> dir) {
  private static final String CLASSPATH_PREFIX = "seeds/";

  public NlpResources nlpResources() {
    return dir.map(NlpResources::fromDirectory).orElseGet(() -> NlpResources.fromClasspath(CLASSPATH_PREFIX));
  }

  public List<FaqEntry> faqEntries() {
    if (dir.isPresent()) return FaqJsonl.read(dir.get().resolve("faq.jsonl"));
    try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream(CLASSPATH_PREFIX + "faq.jsonl")) {
      if (in == null) throw new IllegalStateException("seeds/faq.jsonl is missing from the class path");
      return FaqJsonl.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String describe() {
    return dir.map(Path::toString).orElse("the seeds inside the jar");
  }
}
