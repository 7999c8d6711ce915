package banban.kb.bench;

import banban.kb.FaqEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Large KBs for benchmarks, made by recombining seed entries: entry i takes the standard question,
 * answer and category of one seed entry, some of its similar questions plus one of another entry,
 * and a keyword of that other entry. Texts repeat as they do in real large KBs (shared phrasings),
 * entries differ in their combination. Benchmark fixture only; never shipped in seeds/.
 */
final class SyntheticKb {

  private SyntheticKb() {}

  static List<FaqEntry> of(List<FaqEntry> seeds, int size) {
    List<FaqEntry> out = new ArrayList<>(size);
    int n = seeds.size();
    for (int i = 0; i < size; i++) {
      FaqEntry a = seeds.get(i % n);
      FaqEntry b = seeds.get((i * 7 + i / n + 3) % n);
      List<String> similar = new ArrayList<>(a.similar().subList(0, Math.min(3, a.similar().size())));
      similar.add(b.similar().get((i / n) % b.similar().size()));
      LinkedHashSet<String> keywords = new LinkedHashSet<>(a.keywords());
      keywords.add(b.keywords().get(0));
      out.add(FaqEntry.published("syn-" + i, a.category(), a.department(),
          a.question(), similar, a.answer(), List.copyOf(keywords)));
    }
    return out;
  }
}
