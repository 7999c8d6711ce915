package banban.gateway.workorder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts the five elements, the appeal type and a title from the citizen's own words with simple,
 * predictable rules. What a rule does not find stays empty for the operator; a wrong guess is worse
 * than a gap, so the patterns ask for clear markers.
 */
public final class SummaryExtractor {
  private static final Pattern NAME = Pattern.compile("我(?:叫|姓|是)([\\p{IsHan}]{1,3}?)(?:[，,。.！!\\s]|$|先生|女士|，|的)");
  private static final Pattern WHEN = Pattern.compile(
      "(\\d{4}年)?\\d{1,2}月\\d{1,2}[日号]|(?:今天|昨天|前天|今早|昨晚|今晚|最近|近期|这几天|这两天|每天|天天|每晚|每到晚上|长期|一直)"
          + "(?:早上|上午|中午|下午|晚上|夜里|凌晨)?(?:\\d{1,2}点(?:多|左右)?)?"
          + "|(?:已经|持续|连续)?[一二两三四五六七八九十几\\d]+(?:个)?(?:天|周|星期|个月|月|年)(?:了|多了|以来)?"
          + "|(?:早上|上午|中午|下午|晚上|夜里|半夜|凌晨)\\d{0,2}点?");
  private static final Pattern WHERE = Pattern.compile(
      "[\\p{IsHan}A-Za-z0-9]{1,14}?(?:路|街|大道|巷|胡同|小区|社区|村|广场|公园|大厦|花园|家园|苑|市场|学校|医院|站|桥|号楼|单元|号院|商场)"
          + "(?:[\\p{IsHan}0-9]{0,8}?(?:号楼|单元|号|门口|附近|路口|东侧|西侧|南侧|北侧))?");
  private static final Pattern WANT = Pattern.compile("(?:请|希望|恳请|要求|麻烦|尽快|赶紧|赶快|能否|能不能)[^。！？!?\\n]{1,60}");
  private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?\\n]");

  private SummaryExtractor() {}

  public static AppealType appealType(String text) {
    if (text.contains("举报") || text.contains("检举")) return AppealType.REPORT;
    if (text.contains("投诉")) return AppealType.COMPLAINT;
    if (text.contains("建议")) return AppealType.SUGGESTION;
    if (text.contains("咨询")) return AppealType.CONSULT;
    return AppealType.HELP;
  }

  /** The five elements; {@code defaultWho} names the citizen when they did not. */
  public static Summary summarise(String text, String defaultWho) {
    String t = text == null ? "" : text.strip();
    Matcher name = NAME.matcher(t);
    String who = name.find() ? "市民" + name.group(1) : defaultWho;
    return new Summary(who, first(WHEN, t), location(t), what(t), first(WANT, t));
  }

  public static String location(String text) {
    return first(WHERE, text == null ? "" : text);
  }

  /** A title of at most 30 characters: the place, then the first clause of the matter. */
  public static String title(String text) {
    String what = what(text);
    String where = location(text);
    String title = where.isEmpty() || what.contains(where) ? what : where + "：" + what;
    return title.codePointCount(0, title.length()) <= 30 ? title : title.substring(0, title.offsetByCodePoints(0, 29)) + "…";
  }

  private static String what(String text) {
    String t = text == null ? "" : text.strip();
    Matcher end = SENTENCE_END.matcher(t);
    String first = end.find() ? t.substring(0, end.start()) : t;
    return first.codePointCount(0, first.length()) <= 80 ? first : first.substring(0, first.offsetByCodePoints(0, 80)) + "…";
  }

  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group().strip() : "";
  }
}
