package banban.nlp.impl;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Maps every variant of a synonym group to the group's canonical (first) term, token by token, the same
 * way at index and query time. Terms are normalised like citizen text so that {@code 交管12123} and a
 * full-width variant meet. When a variant appears in two groups the first group wins.
 */
public final class SynonymMap {
  private final Map<String, String> canonical;

  public SynonymMap(List<List<String>> groups, UnaryOperator<String> normalizer) {
    Map<String, String> map = new HashMap<>();
    for (List<String> group : groups) {
      String head = normalizer.apply(group.get(0));
      if (head.isEmpty()) continue;
      for (String variant : group.subList(1, group.size())) {
        String v = normalizer.apply(variant);
        if (!v.isEmpty() && !v.equals(head)) map.putIfAbsent(v, head);
      }
    }
    this.canonical = Map.copyOf(map);
  }

  public String canonical(String token) {
    return canonical.getOrDefault(token, token);
  }

  /** Canonical terms and variants: all of them must be single tokens for the segmenter. */
  public Set<String> allTerms() {
    Set<String> out = new LinkedHashSet<>(canonical.keySet());
    out.addAll(canonical.values());
    return out;
  }
}
