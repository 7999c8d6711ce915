package banban.nlp.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides which segmenter words carry retrieval meaning. Stop words come from
 * {@code banban/nlp/stopwords.txt} (one per line, {@code #} comments); punctuation and symbol-only
 * words are dropped as well.
 */
public final class WordFilter {
  static final String STOPWORDS_RESOURCE = "banban/nlp/stopwords.txt";

  private final Set<String> stopWords;

  public WordFilter(Set<String> stopWords) {
    this.stopWords = Set.copyOf(stopWords);
  }

  public static WordFilter fromClasspath() {
    try (InputStream in = WordFilter.class.getClassLoader().getResourceAsStream(STOPWORDS_RESOURCE)) {
      if (in == null) throw new IllegalStateException("Missing class path resource " + STOPWORDS_RESOURCE);
      Set<String> words = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) words.add(w);
      }
      return new WordFilter(words);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + STOPWORDS_RESOURCE, e);
    }
  }

  /** True for a word worth indexing and searching. */
  public boolean keep(String word) {
    if (word.isBlank() || stopWords.contains(word)) return false;
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetterOrDigit(word.charAt(i))) return true;
    }
    return false;
  }

  public boolean isStopWord(String word) {
    return stopWords.contains(word);
  }
}
