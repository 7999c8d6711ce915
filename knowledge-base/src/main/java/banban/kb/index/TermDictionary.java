package banban.kb.index;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maps analysed terms to small ints so entry profiles can be int arrays. Grows as entries are
 * indexed and never shrinks (a removed entry's terms keep their ids; the vocabulary of a FAQ is small).
 */
final class TermDictionary {

  static final int UNKNOWN = -1;

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  /** Sorted distinct ids of the terms, assigning new ids to unseen ones (index side). */
  int[] ids(Collection<String> terms) {
    int[] out = terms.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> next.getAndIncrement())).toArray();
    return EntryProfile.distinctSorted(out);
  }

  /** The id of a term, or {@link #UNKNOWN} when no entry contains it (query side: never grows). */
  int lookup(String term) {
    return ids.getOrDefault(term, UNKNOWN);
  }

  static boolean contains(int[] sorted, int id) {
    return id != UNKNOWN && Arrays.binarySearch(sorted, id) >= 0;
  }
}
