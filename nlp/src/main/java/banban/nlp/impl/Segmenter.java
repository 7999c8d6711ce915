package banban.nlp.impl;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.io.ResourceIOAdapter;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Dijkstra.DijkstraSegment;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HanLP segmentation with our own domain dictionary. The dictionary lives in a private
 * {@link DynamicCustomDictionary} built in memory from our data, so nothing is read from or written to
 * the working directory and two pipelines with different dictionaries do not see each other's terms.
 * HanLP's core dictionary is read from the portable jar once per JVM.
 *
 * <p>A HanLP {@link Segment} keeps no per-call state once configured, so one instance serves all threads.
 */
public final class Segmenter {
  private static final Logger LOG = LoggerFactory.getLogger(Segmenter.class);
  /** Frequency given to our terms: high enough to win over the core dictionary's splits. */
  private static final String CUSTOM_NATURE = "nz 2000";

  /** Segmentation algorithms compared in docs/benchmarks.md; {@link #VITERBI_FORCED} is the one in use. */
  public enum Mode { VITERBI, VITERBI_FORCED, DIJKSTRA, DICTIONARY_MAX_MATCH }

  /** HanLP's double-array trie cannot be built empty; this entry never occurs in normalised text. */
  private static final String SENTINEL = "\u0001";

  public static final Mode DEFAULT_MODE = Mode.VITERBI_FORCED;

  static {
    // Read HanLP's data from the jar whatever hanlp.properties a deployment may carry.
    HanLP.Config.IOAdapter = new ResourceIOAdapter();
    HanLP.Config.ShowTermNature = false;
  }

  private final Segment segment;
  private final DynamicCustomDictionary dictionary;

  public Segmenter(Collection<String> customTerms) {
    this(customTerms, DEFAULT_MODE);
  }

  public Segmenter(Collection<String> customTerms, Mode mode) {
    long start = System.nanoTime();
    TreeMap<String, CoreDictionary.Attribute> entries = new TreeMap<>();
    entries.put(SENTINEL, CoreDictionary.Attribute.create(CUSTOM_NATURE));
    for (String term : customTerms) {
      if (term != null && !term.isBlank()) entries.put(term.strip(), CoreDictionary.Attribute.create(CUSTOM_NATURE));
    }
    DoubleArrayTrie<CoreDictionary.Attribute> dat = new DoubleArrayTrie<>();
    dat.build(entries);
    // A null path tells HanLP not to load its own custom dictionary files.
    this.dictionary = new DynamicCustomDictionary(dat, new BinTrie<>(), null);
    int added = entries.size() - 1;
    this.segment = newSegment(mode)
        .enableCustomDictionary(dictionary)
        .enableCustomDictionaryForcing(mode == Mode.VITERBI_FORCED || mode == Mode.DICTIONARY_MAX_MATCH)
        .enableNameRecognize(false)
        .enablePlaceRecognize(false)
        .enableOrganizationRecognize(false)
        .enableTranslatedNameRecognize(false)
        .enableJapaneseNameRecognize(false)
        .enableNumberQuantifierRecognize(false)
        .enableOffset(true)
        .enablePartOfSpeechTagging(false);
    LOG.info("Segmenter ({}) ready with {} custom terms in {} ms", mode, added, (System.nanoTime() - start) / 1_000_000);
  }

  private static Segment newSegment(Mode mode) {
    return switch (mode) {
      case VITERBI, VITERBI_FORCED -> new ViterbiSegment();
      case DIJKSTRA -> new DijkstraSegment();
      case DICTIONARY_MAX_MATCH -> new DoubleArrayTrieSegment();
    };
  }

  /** Words of the text in order, with their offsets, white space dropped. Never throws. */
  public List<Term> terms(String text) {
    if (text == null || text.isBlank()) return List.of();
    try {
      List<Term> out = new ArrayList<>();
      for (Term t : segment.seg(text)) {
        if (!t.word.isBlank()) out.add(t);
      }
      return out;
    } catch (RuntimeException e) {
      LOG.warn("HanLP failed on a text of {} chars, falling back to single characters", text.length(), e);
      return singleChars(text);
    }
  }

  public List<String> words(String text) {
    List<Term> terms = terms(text);
    List<String> out = new ArrayList<>(terms.size());
    for (Term t : terms) out.add(t.word);
    return out;
  }

  /**
   * True for a word of our dictionary, HanLP's core dictionary or HanLP's bundled general word list
   * (its default custom dictionary, about 15 MB of heap, loaded once per JVM on first use; it is used
   * here only to recognise correct words such as 卖房 or 公示, never to segment).
   */
  public boolean isKnownWord(String word) {
    return dictionary.contains(word) || CoreDictionary.contains(word) || CustomDictionary.contains(word);
  }

  /** Loads HanLP's dictionaries now rather than on the first citizen's message. */
  public void warmUp() {
    terms("社保卡怎么补办");
    isKnownWord("社保卡");
  }

  private static List<Term> singleChars(String text) {
    List<Term> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) continue;
      Term t = new Term(String.valueOf(c), null);
      t.offset = i;
      out.add(t);
    }
    return out;
  }
}
