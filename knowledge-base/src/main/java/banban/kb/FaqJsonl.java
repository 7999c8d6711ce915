package banban.kb;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FAQ entries as JSON Lines, the format of {@code seeds/faq.jsonl}: one object per line. Parsing is
 * all-or-nothing: every bad line is reported with its number and problem in one
 * {@link FaqImportException}, so an administrator fixes the file in one pass and an import never
 * applies half a file.
 */
public final class FaqJsonl {

  private static final String[] REQUIRED_TEXT = {"id", "category", "department", "question", "answer"};

  private FaqJsonl() {}

  public static List<FaqEntry> read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Parses a whole file; blank lines are skipped. Throws when any line is bad. */
  public static List<FaqEntry> parse(String content) {
    List<FaqEntry> entries = new ArrayList<>();
    List<FaqImportException.LineError> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      if (i == 0 && line.charAt(0) == '\uFEFF') line = line.substring(1);
      try {
        FaqEntry e = fromJson(new JsonObject(line));
        Integer first = seen.putIfAbsent(e.id(), lineNo);
        if (first != null) throw new IllegalArgumentException("duplicate id '" + e.id() + "' (first on line " + first + ")");
        entries.add(e);
      } catch (DecodeException e) {
        errors.add(new FaqImportException.LineError(lineNo, "malformed JSON: " + firstLine(e.getMessage())));
      } catch (IllegalArgumentException | ClassCastException e) {
        errors.add(new FaqImportException.LineError(lineNo, e.getMessage()));
      }
    }
    if (!errors.isEmpty()) throw new FaqImportException(errors);
    return entries;
  }

  /** Maps one JSON object; throws IllegalArgumentException naming every problem of the object. */
  public static FaqEntry fromJson(JsonObject o) {
    List<String> problems = new ArrayList<>();
    for (String f : REQUIRED_TEXT) {
      Object v = o.getValue(f);
      if (v == null) problems.add("missing field '" + f + "'");
      else if (!(v instanceof String s)) problems.add("field '" + f + "' must be a string");
      else if (s.isBlank()) problems.add("field '" + f + "' is empty");
    }
    List<String> similar = stringList(o, "similar", problems);
    List<String> keywords = stringList(o, "keywords", problems);
    FaqEntry.Status status = FaqEntry.Status.PUBLISHED;
    Object st = o.getValue("status");
    if (st != null) {
      try {
        status = FaqEntry.Status.valueOf(String.valueOf(st).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("field 'status' must be published or draft, not '" + st + "'");
      }
    }
    int version = 1;
    Object ver = o.getValue("version");
    if (ver != null) {
      if (ver instanceof Number n && n.intValue() >= 1) version = n.intValue();
      else problems.add("field 'version' must be a positive integer");
    }
    Instant updatedAt = null;
    Object up = o.getValue("updatedAt");
    if (up != null) {
      try {
        updatedAt = Instant.parse(String.valueOf(up));
      } catch (DateTimeParseException e) {
        problems.add("field 'updatedAt' must be an ISO-8601 instant");
      }
    }
    if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    return new FaqEntry(o.getString("id").strip(), o.getString("category").strip(), o.getString("department").strip(),
        o.getString("question").strip(), similar, o.getString("answer").strip(), keywords, status, version, updatedAt);
  }

  public static JsonObject toJson(FaqEntry e) {
    return new JsonObject()
        .put("id", e.id())
        .put("category", e.category())
        .put("department", e.department())
        .put("question", e.question())
        .put("similar", new JsonArray(new ArrayList<>(e.similar())))
        .put("answer", e.answer())
        .put("keywords", new JsonArray(new ArrayList<>(e.keywords())))
        .put("status", e.status().name().toLowerCase(Locale.ROOT))
        .put("version", e.version())
        .put("updatedAt", e.updatedAt().toString());
  }

  /** One line per entry, each ending with a newline; {@link #parse} reads it back unchanged. */
  public static String write(List<FaqEntry> entries) {
    StringBuilder sb = new StringBuilder();
    for (FaqEntry e : entries) sb.append(toJson(e).encode()).append('\n');
    return sb.toString();
  }

  private static List<String> stringList(JsonObject o, String field, List<String> problems) {
    Object v = o.getValue(field);
    if (v == null) return List.of();
    if (!(v instanceof JsonArray arr)) {
      problems.add("field '" + field + "' must be an array of strings");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object item : arr) {
      if (!(item instanceof String s) || s.isBlank()) {
        problems.add("field '" + field + "' must contain only non-empty strings");
        return List.of();
      }
      out.add(s.strip());
    }
    return out;
  }

  private static String firstLine(String message) {
    if (message == null) return "unreadable";
    int nl = message.indexOf('\n');
    String m = nl < 0 ? message : message.substring(0, nl);
    return m.length() > 160 ? m.substring(0, 160) + "…" : m;
  }
}
