package banban.nlp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Texts of the seed FAQ (../seeds/faq.jsonl) without a JSON library: nlp has none and needs none. */
public final class SeedCorpus {
  public static final Path SEEDS = Path.of(System.getProperty("banban.seeds", "../seeds"));
  private static final Pattern QUESTION = Pattern.compile("\"question\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SIMILAR = Pattern.compile("\"similar\":\\s*\\[(.*?)]");
  private static final Pattern ANSWER = Pattern.compile("\"answer\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private SeedCorpus() {}

  /** The similar questions (相似问): citizen-style text. */
  public static List<String> similarQuestions() {
    List<String> out = new ArrayList<>();
    for (String line : lines()) {
      Matcher m = SIMILAR.matcher(line);
      if (m.find()) {
        Matcher s = STRING.matcher(m.group(1));
        while (s.find()) out.add(s.group(1));
      }
    }
    return out;
  }

  /** Standard questions, similar questions and answers: everything the KB would index. */
  public static List<String> allTexts() {
    List<String> out = new ArrayList<>(similarQuestions());
    for (String line : lines()) {
      Matcher q = QUESTION.matcher(line);
      if (q.find()) out.add(q.group(1));
      Matcher a = ANSWER.matcher(line);
      if (a.find()) out.add(a.group(1));
    }
    return out;
  }

  private static List<String> lines() {
    try {
      return Files.readAllLines(SEEDS.resolve("faq.jsonl"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
