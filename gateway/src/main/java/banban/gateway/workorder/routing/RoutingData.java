package banban.gateway.workorder.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Labelled messages from CSV in either shape of the TipDM data: {@code 分词文本,一级分类} (training) or
 * {@code 留言主题,留言详情,一级分类} (raw messages, as in dev_raw.csv; subject and body are joined).
 */
public final class RoutingData {
  private RoutingData() {}

  public static List<NaiveBayes.Example> read(Path file) throws IOException {
    List<NaiveBayes.Example> out = new ArrayList<>();
    for (Map<String, String> row : Csv.read(file)) {
      String label = row.getOrDefault("一级分类", "").strip();
      String text = row.containsKey("分词文本") ? row.get("分词文本")
          : row.getOrDefault("留言主题", "") + "。" + row.getOrDefault("留言详情", "");
      if (label.isEmpty() || text.isBlank()) continue;
      out.add(new NaiveBayes.Example(text.strip(), label));
    }
    if (out.isEmpty()) throw new IOException(file + " has no rows with 一级分类 and 分词文本 or 留言主题/留言详情");
    return out;
  }
}
