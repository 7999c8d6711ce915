package banban.nlp.bench;

import banban.nlp.NlpResources;
import banban.nlp.impl.Segmenter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Accuracy side of the segmenter choice (docs/benchmarks.md): the share of domain terms kept whole
 * where they occur in KB texts, per mode, and a rough speed. Run:
 * {@code mvn -B -q -o -pl nlp exec:java -Dexec.classpathScope=test -Dexec.mainClass=banban.nlp.bench.SegmenterComparison}
 */
public final class SegmenterComparison {
  public static void main(String[] args) {
    NlpResources res = NlpResources.fromDirectory(SeedCorpus.SEEDS);
    Set<String> custom = new LinkedHashSet<>(res.dictionary());
    res.synonymGroups().forEach(custom::addAll);
    List<String> texts = SeedCorpus.allTexts();
    List<String> queries = SeedCorpus.similarQuestions();
    long chars = queries.stream().mapToLong(String::length).sum();
    for (Segmenter.Mode mode : Segmenter.Mode.values()) {
      for (boolean withDict : new boolean[] {false, true}) {
        Segmenter seg = new Segmenter(withDict ? custom : List.of(), mode);
        int occurrences = 0;
        int whole = 0;
        List<String> split = new ArrayList<>();
        for (String text : texts) {
          List<String> words = seg.words(text);
          for (String term : res.dictionary()) {
            if (!text.contains(term) || insideLongerTerm(text, term, res.dictionary())) continue;
            occurrences++;
            if (words.contains(term)) whole++;
            else if (split.size() < 8) split.add(term + "→" + String.join("/", seg.words(term)));
          }
        }
        for (int i = 0; i < 100; i++) queries.forEach(seg::words);
        long t0 = System.nanoTime();
        int rounds = 30;
        for (int i = 0; i < rounds; i++) queries.forEach(seg::words);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-22s dict=%-5s kept whole %d/%d = %.1f%%  speed %.0f chars/s  e.g. %s%n", mode, withDict,
            whole, occurrences, 100.0 * whole / occurrences, rounds * chars / secs, split);
      }
    }
    Segmenter viterbi = new Segmenter(custom, Segmenter.Mode.VITERBI);
    for (Segmenter.Mode other : new Segmenter.Mode[] {Segmenter.Mode.VITERBI_FORCED, Segmenter.Mode.DICTIONARY_MAX_MATCH}) {
      Segmenter seg = new Segmenter(custom, other);
      int differ = 0;
      List<String> examples = new ArrayList<>();
      for (String q : queries) {
        List<String> a = viterbi.words(q);
        List<String> b = seg.words(q);
        if (!a.equals(b)) {
          differ++;
          if (examples.size() < 10) examples.add(String.join("/", a) + "  vs  " + String.join("/", b));
        }
      }
      System.out.printf("VITERBI vs %s: %d of %d queries segmented differently%n", other, differ, queries.size());
      examples.forEach(e -> System.out.println("  " + e));
    }
  }

  private static boolean insideLongerTerm(String text, String term, List<String> dictionary) {
    for (String longer : dictionary) {
      if (longer.length() > term.length() && longer.contains(term) && text.contains(longer)) return true;
    }
    return false;
  }
}
