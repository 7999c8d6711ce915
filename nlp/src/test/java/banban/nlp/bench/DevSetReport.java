package banban.nlp.bench;

import banban.nlp.AnalyzedQuery;
import banban.nlp.Intent;
import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures intents and typo correction on an evaluation file (e.g. the shared dev.jsonl), given as the
 * first argument. A measuring tool, not a test: no evaluation data is copied into the repository.
 */
public final class DevSetReport {
  private static final Pattern FIELD = Pattern.compile("\"(query|expect)\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  public static void main(String[] args) throws Exception {
    boolean verbose = args.length > 1 && args[1].equals("-v");
    TextPipeline pipeline = TextPipeline.create(NlpResources.fromDirectory(SeedCorpus.SEEDS))
        .withVocabulary(SeedCorpus.allTexts());
    int handoff = 0, handoffHit = 0, ticket = 0, ticketHit = 0, other = 0, falseHuman = 0, falseTicket = 0,
        falseEmergency = 0, typo = 0, typoCorrected = 0, clean = 0, cleanCorrected = 0, smalltalk = 0;
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String query = null, expect = null;
      Matcher m = FIELD.matcher(line);
      while (m.find()) {
        if (m.group(1).equals("query")) query = m.group(2);
        else expect = m.group(2);
      }
      if (query == null) continue;
      AnalyzedQuery a = pipeline.analyze(query);
      boolean human = a.has(Intent.REQUEST_HUMAN), complaint = a.has(Intent.COMPLAINT_OR_REPORT);
      String mark = "";
      switch (expect) {
        case "handoff" -> { handoff++; if (human) handoffHit++; else mark = "MISSED handoff"; }
        case "ticket" -> { ticket++; if (complaint) ticketHit++; else mark = "MISSED ticket"; }
        default -> {
          other++;
          if (human) { falseHuman++; mark = "FALSE human"; }
          if (complaint) { falseTicket++; mark += " FALSE ticket"; }
          if (a.has(Intent.EMERGENCY)) { falseEmergency++; mark += " emergency"; }
          if (a.smalltalkOnly()) smalltalk++;
        }
      }
      if (line.contains("\"typo\"")) {
        typo++;
        if (!a.corrections().isEmpty()) typoCorrected++;
        if (verbose) System.out.println("typo  " + a.corrections() + "  " + a.tokens());
      } else if (expect.matches("[a-z]+-\\d+|none")) {
        clean++;
        if (!a.corrections().isEmpty()) {
          cleanCorrected++;
          System.out.println("CORRECTION on a non-typo query " + a.corrections() + "  " + a.tokens());
        }
      }
      if (!mark.isEmpty()) System.out.println(mark.strip() + ": " + a.intents() + "  " + a.normalized());
    }
    System.out.printf("request_human on handoff cases: %d/%d = %.1f%%%n", handoffHit, handoff, 100.0 * handoffHit / handoff);
    System.out.printf("complaint_or_report on ticket cases: %d/%d = %.1f%%%n", ticketHit, ticket, 100.0 * ticketHit / ticket);
    System.out.printf("FAQ/none cases (%d): false request_human %d, false complaint %d, emergency %d, smalltalkOnly %d%n",
        other, falseHuman, falseTicket, falseEmergency, smalltalk);
    System.out.printf("typo-tagged queries with a correction: %d/%d; other FAQ/none queries with a correction: %d/%d%n",
        typoCorrected, typo, cleanCorrected, clean);
  }
}
