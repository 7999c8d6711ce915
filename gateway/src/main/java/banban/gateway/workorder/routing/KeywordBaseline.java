package banban.gateway.workorder.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline a person would write in an afternoon: a handful of obvious words per category, the
 * category with most hits wins, ties and misses go to the fallback. Written from general knowledge of
 * the departments, not from the evaluation data.
 */
public final class KeywordBaseline {
  private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put("城乡建设", List.of("小区", "物业", "房", "拆迁", "施工", "违建", "违章", "供水", "停水", "燃气", "道路", "业主", "开发商", "城管", "路灯"));
    WORDS.put("环境保护", List.of("污染", "噪音", "噪声", "排放", "废气", "污水", "环保", "垃圾焚烧", "粉尘", "臭", "扰民", "环境"));
    WORDS.put("交通运输", List.of("公交", "出租车", "交通", "车辆", "高速", "客运", "地铁", "驾驶", "网约车", "运输", "站点", "线路"));
    WORDS.put("教育文体", List.of("学校", "学生", "老师", "教师", "教育", "幼儿园", "招生", "入学", "培训", "体育", "文化", "补课"));
    WORDS.put("劳动和社会保障", List.of("社保", "工资", "养老", "医保", "退休", "劳动", "欠薪", "就业", "失业", "工伤", "公积金", "人社"));
    WORDS.put("商贸旅游", List.of("商家", "消费", "购物", "旅游", "景区", "价格", "商场", "退款", "超市", "传销", "经营", "市场"));
    WORDS.put("卫生计生", List.of("医院", "医生", "卫生", "疫苗", "看病", "生育", "计生", "二胎", "药", "患者", "诊所", "护士"));
  }

  private final String fallback;

  public KeywordBaseline(String fallback) {
    this.fallback = fallback;
  }

  public String predict(String text) {
    String best = fallback;
    int bestHits = 0;
    for (Map.Entry<String, List<String>> e : WORDS.entrySet()) {
      int hits = 0;
      for (String w : e.getValue()) if (text.contains(w)) hits++;
      if (hits > bestHits) {
        best = e.getKey();
        bestHits = hits;
      }
    }
    return best;
  }
}
