package banban.gateway.console;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When operators are on duty: comma-separated ranges like {@code 08:30-12:00,13:30-17:30} in the
 * district's time zone; {@code 00:00-24:00} is the 24-hour center. A range may run past midnight
 * ({@code 22:00-06:00}).
 */
public record StaffedHours(List<Range> ranges, ZoneId zone) {
  private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

  /** Minutes of the day, start inclusive, end exclusive; end may be 1440. */
  public record Range(int start, int end) {
    boolean contains(int minute) {
      return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
    }
  }

  public static StaffedHours parse(String spec, ZoneId zone) {
    List<Range> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      Matcher m = RANGE.matcher(part.strip());
      if (!m.matches()) throw new IllegalArgumentException("'" + part.strip() + "' is not a range like 08:30-17:30");
      out.add(new Range(minute(m.group(1), m.group(2)), minute(m.group(3), m.group(4))));
    }
    return new StaffedHours(List.copyOf(out), zone);
  }

  private static int minute(String h, String m) {
    int hh = Integer.parseInt(h);
    int mm = Integer.parseInt(m);
    if (hh > 24 || mm > 59 || (hh == 24 && mm > 0)) throw new IllegalArgumentException(h + ":" + m + " is not a time of day");
    return hh * 60 + mm;
  }

  public boolean staffedAt(ZonedDateTime t) {
    LocalTime local = t.withZoneSameInstant(zone).toLocalTime();
    int minute = local.getHour() * 60 + local.getMinute();
    return ranges.stream().anyMatch(r -> r.contains(minute));
  }
}
