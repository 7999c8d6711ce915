package banban.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data files the pipeline is built from: domain dictionary, synonym groups and intent rules. Read
 * from a seeds directory on disk or from {@code seeds/} on the class path (the gateway jar ships them).
 */
public record NlpResources(List<String> dictionary, List<List<String>> synonymGroups, List<String> intentRuleLines) {

  public static final String DICTIONARY_FILE = "dictionary.txt";
  public static final String SYNONYMS_FILE = "synonyms.txt";
  public static final String INTENTS_FILE = "intents.txt";

  public static NlpResources fromDirectory(Path dir) {
    return new NlpResources(
        terms(readLines(dir.resolve(DICTIONARY_FILE))),
        groups(readLines(dir.resolve(SYNONYMS_FILE))),
        Files.exists(dir.resolve(INTENTS_FILE)) ? readLines(dir.resolve(INTENTS_FILE)) : List.of());
  }

  public static NlpResources fromClasspath(String prefix) {
    return new NlpResources(
        terms(classpathLines(prefix + DICTIONARY_FILE)),
        groups(classpathLines(prefix + SYNONYMS_FILE)),
        classpathLines(prefix + INTENTS_FILE));
  }

  private static List<String> terms(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      String t = l.strip();
      if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
    }
    return List.copyOf(out);
  }

  private static List<List<String>> groups(List<String> lines) {
    List<List<String>> out = new ArrayList<>();
    for (String l : terms(lines)) {
      List<String> g = Arrays.stream(l.split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (g.size() > 1) out.add(g);
    }
    return List.copyOf(out);
  }

  private static List<String> readLines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p, e);
    }
  }

  private static List<String> classpathLines(String resource) {
    try (InputStream in = NlpResources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) return List.of();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read class path resource " + resource, e);
    }
  }
}
