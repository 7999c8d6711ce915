package banban.kb.eval;

import banban.kb.Answerer;
import banban.kb.Calibration;
import banban.kb.Candidate;
import banban.kb.DecisionConfig;
import banban.kb.FaqEntry;
import banban.kb.FaqImportException;
import banban.kb.KnowledgeBase;
import banban.nlp.TextPipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code calibrate [--kb FAQ.jsonl] [--folds N] [--c C]}: fits the {@link Calibration} that turns a
 * ranked candidate's features into its confidence, from the knowledge base alone. In each of N folds
 * it builds the KB twice: once without a fifth of the similar questions, which are then asked (is the
 * top entry the one they were taken from?), and once without a fifth of the entries, whose questions
 * are then asked (every answer is wrong: these are near-domain out-of-scope questions, the kind a
 * confident wrong answer comes from). Exact matches are not learnt but certain (see
 * {@link Calibration#confidence}). Prints the weights as the Java literal of
 * {@link Calibration#DEFAULT} and as the gateway's {@code BANBAN_KB_CALIBRATION} setting. Never reads
 * evaluation cases.
 */
public final class CalibrateCommand {

  private CalibrateCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  public static int run(String[] args, PrintStream out) {
    Path kbFile = null;
    int folds = 5;
    double c = 10;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "calibrate" -> { }
          case "--kb" -> kbFile = Path.of(args[++i]);
          case "--folds" -> folds = Integer.parseInt(args[++i]);
          case "--c" -> c = Double.parseDouble(args[++i]);
          default -> {
            return usage(out, "unknown argument " + args[i]);
          }
        }
      }
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      return usage(out, "bad arguments");
    }
    if (folds < 2) return usage(out, "--folds must be at least 2");
    try {
      long t0 = System.nanoTime();
      List<FaqEntry> entries = EvalCommand.entries(kbFile).stream().filter(FaqEntry::isPublished).toList();
      TextPipeline base = TextPipeline.create(EvalCommand.nlpResources(kbFile));
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      int heldQuestions = 0;
      int heldEntries = 0;
      for (int f = 0; f < folds; f++) {
        List<FaqEntry> reduced = new ArrayList<>();
        Map<String, String> held = new LinkedHashMap<>();
        for (FaqEntry e : entries) {
          List<String> keep = new ArrayList<>();
          for (int i = 0; i < e.similar().size(); i++) {
            String s = e.similar().get(i);
            if (Math.floorMod((e.id() + i).hashCode(), folds) == f) held.put(s, e.id());
            else keep.add(s);
          }
          reduced.add(new FaqEntry(e.id(), e.category(), e.department(), e.question(), keep, e.answer(), e.keywords(),
              e.status(), e.version(), e.updatedAt()));
        }
        KnowledgeBase kb = KnowledgeBase.build(base, reduced, DecisionConfig.DEFAULTS);
        for (Map.Entry<String, String> h : held.entrySet()) add(kb, h.getKey(), h.getValue(), x, y);
        heldQuestions += held.size();

        List<FaqEntry> kept = new ArrayList<>();
        List<FaqEntry> gone = new ArrayList<>();
        for (FaqEntry e : entries) (Math.floorMod(e.id().hashCode() * 31, folds) == f ? gone : kept).add(e);
        kb = KnowledgeBase.build(base, kept, DecisionConfig.DEFAULTS);
        for (FaqEntry e : gone) for (String q : e.questions()) add(kb, q, null, x, y);
        heldEntries += gone.size();
      }
      Logistic.Fit fit = Logistic.fit(x, y, c);
      long positives = y.stream().filter(b -> b).count();
      out.printf(Locale.ROOT, "calibration on %d entries, %d folds: %d held-out similar questions, %d held-out entries%n",
          entries.size(), folds, heldQuestions, heldEntries);
      out.printf(Locale.ROOT, "%d training rows (%d with the right entry on top), C=%s, %d Newton steps, log loss %.4f%n",
          x.size(), positives, c, fit.iterations(), fit.logLoss());
      out.println();
      for (int k = 0; k < fit.weights().length; k++) {
        out.printf(Locale.ROOT, "  %-15s %8.3f%n", Calibration.FEATURES.get(k), fit.weights()[k]);
      }
      out.printf(Locale.ROOT, "  %-15s %8.3f%n%n", "intercept", fit.intercept());
      StringBuilder java = new StringBuilder("new Calibration(")
          .append(String.format(Locale.ROOT, "%.3f", fit.intercept())).append(", new double[] {");
      for (int k = 0; k < fit.weights().length; k++) {
        java.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", fit.weights()[k]));
      }
      out.println(java.append("})"));
      StringBuilder env = new StringBuilder("BANBAN_KB_CALIBRATION=").append(String.format(Locale.ROOT, "%.3f", fit.intercept()));
      for (double w : fit.weights()) env.append(',').append(String.format(Locale.ROOT, "%.3f", w));
      out.println(env);
      System.err.printf("calibrate finished in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      return 0;
    } catch (FaqImportException e) {
      out.println("error: bad knowledge base file: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      return 2;
    }
  }

  /** One training row: the top candidate's features, and whether it is the entry {@code expect} (null: none is). */
  private static void add(KnowledgeBase kb, String query, String expect, List<double[]> x, List<Boolean> y) {
    Answerer.Examined e = kb.examine(query);
    // Intents decide before retrieval and never reach the confidence.
    List<Candidate> ranked = e.candidates();
    if (!e.retrieval() || ranked.isEmpty()) return;
    x.add(Calibration.features(ranked, 0));
    y.add(expect != null && expect.equals(ranked.get(0).entry().id()));
  }

  private static int usage(PrintStream out, String problem) {
    out.println("error: " + problem);
    out.println("usage: calibrate [--kb FAQ.jsonl] [--folds N] [--c C]");
    return 2;
  }
}
