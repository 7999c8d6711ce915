package banban.gateway.workorder.routing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code classify-eval --cases FILE.csv [--train FILE.csv]}: trains the department router on the
 * training file (default: BANBAN_ROUTING_DATA) and prints accuracy, macro-F1 and the confusion matrix
 * on the cases, next to a majority-class and a keyword baseline computed in the same run.
 */
public final class ClassifyEval {
  private ClassifyEval() {}

  public static int run(String[] args, Optional<Path> configuredTraining, PrintStream out, PrintStream err) {
    Path cases = null;
    Path train = configuredTraining.orElse(null);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--cases" -> cases = Path.of(args[i + 1]);
        case "--train" -> train = Path.of(args[i + 1]);
        default -> {
          err.println("classify-eval: unknown option " + args[i]);
          return 2;
        }
      }
    }
    if (cases == null || train == null || args.length % 2 != 0) {
      err.println("usage: classify-eval --cases FILE.csv [--train FILE.csv]   (training data defaults to BANBAN_ROUTING_DATA)");
      return 2;
    }
    try {
      List<NaiveBayes.Example> training = RoutingData.read(train);
      List<NaiveBayes.Example> test = RoutingData.read(cases);
      long t0 = System.nanoTime();
      NaiveBayes model = NaiveBayes.train(training);
      long trainMs = (System.nanoTime() - t0) / 1_000_000;
      String majority = training.stream().collect(Collectors.groupingBy(NaiveBayes.Example::label, Collectors.counting()))
          .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      KeywordBaseline keywords = new KeywordBaseline(majority);
      out.printf("training: %s (%d rows), trained in %d ms; cases: %s (%d rows)%n%n", train, training.size(), trainMs, cases, test.size());
      long t1 = System.nanoTime();
      report(out, "router (naive Bayes, character 2-3-grams)", test, x -> model.predict(x).label());
      out.printf("  mean time per message: %.2f ms%n%n", (System.nanoTime() - t1) / 1e6 / test.size());
      report(out, "baseline: majority class (" + majority + ")", test, x -> majority);
      out.println();
      report(out, "baseline: keywords", test, keywords::predict);
      return 0;
    } catch (Exception e) {
      err.println("classify-eval failed: " + e.getMessage());
      return 1;
    }
  }

  static void report(PrintStream out, String name, List<NaiveBayes.Example> cases, Function<String, String> classify) {
    List<String> labels = new ArrayList<>(new TreeSet<>(cases.stream().map(NaiveBayes.Example::label).toList()));
    int n = labels.size();
    int[][] confusion = new int[n][n + 1];
    int correct = 0;
    for (NaiveBayes.Example e : cases) {
      String p = classify.apply(e.text());
      int col = labels.indexOf(p);
      confusion[labels.indexOf(e.label())][col < 0 ? n : col]++;
      if (p.equals(e.label())) correct++;
    }
    double f1Sum = 0;
    for (int i = 0; i < n; i++) {
      int tp = confusion[i][i];
      int predicted = 0;
      int actual = 0;
      for (int j = 0; j < n; j++) predicted += confusion[j][i];
      for (int j = 0; j <= n; j++) actual += confusion[i][j];
      double precision = predicted == 0 ? 0 : (double) tp / predicted;
      double recall = actual == 0 ? 0 : (double) tp / actual;
      f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    out.printf("%s%n  accuracy %.1f %% (%d/%d), macro-F1 %.3f%n", name, 100.0 * correct / cases.size(), correct, cases.size(), f1Sum / n);
    out.println("  confusion (rows: true, columns: predicted in the same order)");
    for (int i = 0; i < n; i++) {
      StringBuilder row = new StringBuilder(String.format("  %-8s", labels.get(i)));
      for (int j = 0; j < n; j++) row.append(String.format("%5d", confusion[i][j]));
      out.println(row);
    }
  }
}
