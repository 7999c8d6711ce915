package banban.kb.index;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maps analysed terms to small ints so entry profiles can be int arrays, and keeps the number of
 * entries each term occurs in (questions and keywords) for IDF weights. Grows as entries are indexed
 * and never forgets a term (the vocabulary of a FAQ is small). Writes come from the index's
 * synchronised update methods; readers may see a document frequency one update old, which only
 * nudges a weight.
 */
final class TermDictionary {

  static final int UNKNOWN = -1;

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private volatile int[] df = new int[1024];
  private volatile int docs;

  /** Sorted distinct ids of the terms, assigning new ids to unseen ones (index side). */
  int[] ids(Collection<String> terms) {
    int[] out = terms.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> next.getAndIncrement())).toArray();
    return EntryProfile.distinctSorted(out);
  }

  /** The id of a term, or {@link #UNKNOWN} when no entry contains it (query side: never grows). */
  int lookup(String term) {
    return ids.getOrDefault(term, UNKNOWN);
  }

  synchronized void addDocument(int[] terms) {
    int[] d = df;
    int max = next.get();
    if (max > d.length) d = Arrays.copyOf(d, Math.max(max, d.length * 2));
    for (int id : terms) d[id]++;
    df = d;
    docs++;
  }

  synchronized void removeDocument(int[] terms) {
    int[] d = df;
    for (int id : terms) if (id < d.length && d[id] > 0) d[id]--;
    docs = Math.max(0, docs - 1);
  }

  /** BM25's IDF: rare terms weigh more; a term of no entry weighs most. */
  double idf(int id) {
    int[] d = df;
    int n = id >= 0 && id < d.length ? d[id] : 0;
    int total = Math.max(1, docs);
    return Math.log(1 + (total - n + 0.5) / (n + 0.5));
  }
}
