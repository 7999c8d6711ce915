package banban.gateway.workorder.routing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes), header row first. */
public final class Csv {
  private Csv() {}

  /** Rows as header → value maps. */
  public static List<Map<String, String>> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<List<String>> rows = parse(r);
      if (rows.isEmpty()) return List.of();
      List<String> header = rows.get(0);
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) header.set(0, header.get(0).substring(1));
      List<Map<String, String>> out = new ArrayList<>();
      for (List<String> row : rows.subList(1, rows.size())) {
        if (row.size() == 1 && row.get(0).isEmpty()) continue;
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) m.put(header.get(i).strip(), row.get(i));
        out.add(m);
      }
      return out;
    }
  }

  static List<List<String>> parse(Reader r) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int c;
    while ((c = r.read()) != -1) {
      if (quoted) {
        if (c == '"') {
          r.mark(1);
          int next = r.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next == -1) break;
            r.reset();
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          r.mark(1);
          if (r.read() != '\n') r.reset();
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append((char) c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
