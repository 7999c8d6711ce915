package banban.kb.eval;

import banban.kb.Answerer;
import banban.kb.Decision;
import banban.kb.DecisionConfig;
import banban.kb.FaqEntry;
import banban.kb.FaqImportException;
import banban.kb.FaqJsonl;
import banban.kb.KnowledgeBase;
import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * {@code eval --cases FILE [--kb FAQ.jsonl] [--sweep]}: runs {@link KnowledgeBase#ask}, the code of the
 * HTTP API, on evaluation cases and prints the figures of shared/eval/README.md overall and per tag,
 * beside two BM25 baselines on the same KB. The last line printed is one JSON object with every figure.
 * No database: the KB comes from the JSONL file (default: {@code seeds/faq.jsonl} on the class path).
 */
public final class EvalCommand {

  private EvalCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Returns the process exit code: 0 on success, 2 on bad arguments or input files. */
  public static int run(String[] args, PrintStream out) {
    Path cases = null;
    Path kbFile = null;
    boolean sweep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "eval" -> { }
        case "--cases" -> cases = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--kb" -> kbFile = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--sweep" -> sweep = true;
        default -> {
          return usage(out, "unknown argument " + args[i]);
        }
      }
    }
    if (cases == null) return usage(out, "--cases FILE is required");
    try {
      long t0 = System.nanoTime();
      List<EvalCase> evalCases = EvalCase.read(cases);
      List<FaqEntry> entries = entries(kbFile);
      KnowledgeBase kb = KnowledgeBase.build(TextPipeline.create(nlpResources(kbFile)), entries, DecisionConfig.DEFAULTS);
      List<Answerer.Examined> examined = new ArrayList<>(evalCases.size());
      for (EvalCase c : evalCases) examined.add(kb.examine(c.query()));
      report(evalCases, examined, kb.size(), entries, out);
      if (sweep) new Sweep(kb.config(), evalCases, examined).print(out);
      System.err.printf("eval finished in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      return 0;
    } catch (FaqImportException e) {
      out.println("error: bad knowledge base file: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static void report(List<EvalCase> cases, List<Answerer.Examined> examined, int kbSize, List<FaqEntry> entries,
      PrintStream out) {
    Figures all = new Figures();
    Map<String, Figures> byTag = new TreeMap<>();
    for (int i = 0; i < cases.size(); i++) {
      EvalCase c = cases.get(i);
      Decision d = examined.get(i).decision();
      Figures.Outcome o = new Figures.Outcome(d.action().wireName(), d.faqId(),
          d.suggestions().stream().map(Decision.Suggestion::faqId).toList());
      all.add(c, o);
      for (String t : c.tags()) byTag.computeIfAbsent(t, k -> new Figures()).add(c, o);
    }
    List<FaqEntry> published = entries.stream().filter(FaqEntry::isPublished).toList();
    Bm25Baseline.Choice smart = baseline(new SmartChineseAnalyzer(), published, cases);
    Bm25Baseline.Choice cjk = baseline(new CJKAnalyzer(), published, cases);

    out.printf("banban knowledge base evaluation: %d cases, %d FAQ entries%n%n", cases.size(), kbSize);
    out.println(Figures.header());
    out.println(all.row("overall"));
    byTag.forEach((tag, f) -> out.println(f.row("  " + tag)));
    out.println();
    out.println("baselines (BM25 over standard + similar questions, top hit answered above the threshold that");
    out.println("maximises answer accuracy - wrong-answer rate on these cases):");
    out.println(Figures.header());
    out.println(all.row("banban"));
    out.println(smart.figures().row("bm25-smartcn"));
    out.println(cjk.figures().row("bm25-cjk"));
    out.printf("thresholds: smartcn %.3f, cjk %.3f%n", smart.threshold(), cjk.threshold());

    JsonObject tags = new JsonObject();
    byTag.forEach((t, f) -> tags.put(t, f.toJson()));
    out.println(new JsonObject()
        .put("banban", all.toJson().put("tags", tags))
        .put("baselineSmartcn", smart.figures().toJson().put("threshold", smart.threshold()))
        .put("baselineCjk", cjk.figures().toJson().put("threshold", cjk.threshold()))
        .encode());
  }

  private static Bm25Baseline.Choice baseline(Analyzer a, List<FaqEntry> entries, List<EvalCase> cases) {
    Bm25Baseline b = new Bm25Baseline(a, entries);
    List<Bm25Baseline.Top> tops = new ArrayList<>();
    for (EvalCase c : cases) tops.add(b.top(c.query()));
    return Bm25Baseline.sweep(cases, tops);
  }

  /** The entries of the KB file, or the seed KB on the class path when none is given. */
  static List<FaqEntry> entries(Path kbFile) throws IOException {
    return kbFile == null ? classpathSeeds() : FaqJsonl.read(kbFile);
  }

  /** The seeds beside the KB file when it has them (a full seeds directory), else the class path. */
  static NlpResources nlpResources(Path kbFile) {
    Path dir = kbFile == null ? null : kbFile.toAbsolutePath().getParent();
    if (dir != null && Files.exists(dir.resolve(NlpResources.DICTIONARY_FILE))
        && Files.exists(dir.resolve(NlpResources.SYNONYMS_FILE))) {
      return NlpResources.fromDirectory(dir);
    }
    return NlpResources.fromClasspath("seeds/");
  }

  private static List<FaqEntry> classpathSeeds() throws IOException {
    try (InputStream in = EvalCommand.class.getClassLoader().getResourceAsStream("seeds/faq.jsonl")) {
      if (in == null) throw new IllegalArgumentException("no --kb given and no seeds/faq.jsonl on the class path");
      return FaqJsonl.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static int usage(PrintStream out, String problem) {
    out.println("error: " + problem);
    out.println("usage: eval --cases FILE [--kb FAQ.jsonl] [--sweep]");
    return 2;
  }
}
