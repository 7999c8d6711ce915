package banban.kb.eval;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation case (format of shared/eval/README.md): a query and what should happen, an FAQ id or
 * one of {@code none}, {@code handoff}, {@code ticket}.
 */
public record EvalCase(int line, String query, String expect, List<String> tags) {

  public static final String NONE = "none";
  public static final String HANDOFF = "handoff";
  public static final String TICKET = "ticket";

  public boolean inScope() {
    return !expect.equals(NONE) && !expect.equals(HANDOFF) && !expect.equals(TICKET);
  }

  public boolean outOfScope() {
    return expect.equals(NONE);
  }

  public boolean intent() {
    return expect.equals(HANDOFF) || expect.equals(TICKET);
  }

  /** Reads a cases file; every bad line is reported in one exception message. */
  public static List<EvalCase> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<EvalCase> cases = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty()) continue;
      try {
        JsonObject o = new JsonObject(l);
        Object q = o.getValue("query");
        Object e = o.getValue("expect");
        if (!(q instanceof String qs) || qs.isBlank()) throw new IllegalArgumentException("missing or empty 'query'");
        if (!(e instanceof String es) || es.isBlank()) throw new IllegalArgumentException("missing or empty 'expect'");
        Object t = o.getValue("tags");
        List<String> tags = new ArrayList<>();
        if (t instanceof JsonArray arr) for (Object x : arr) tags.add(String.valueOf(x));
        else if (t != null) throw new IllegalArgumentException("'tags' must be an array");
        cases.add(new EvalCase(i + 1, qs, es.strip(), List.copyOf(tags)));
      } catch (DecodeException ex) {
        errors.add("line " + (i + 1) + ": malformed JSON");
      } catch (IllegalArgumentException ex) {
        errors.add("line " + (i + 1) + ": " + ex.getMessage());
      }
    }
    if (!errors.isEmpty()) throw new IllegalArgumentException(file + ": " + String.join("; ", errors));
    if (cases.isEmpty()) throw new IllegalArgumentException(file + ": no cases");
    return cases;
  }
}
