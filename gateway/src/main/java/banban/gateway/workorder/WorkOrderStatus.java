package banban.gateway.workorder;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a work order, from banban's draft to the platform's 回访. The platform drives everything
 * after {@link #SUBMITTED}; a transition not listed here is refused (a callback gets 409).
 */
public enum WorkOrderStatus {
  DRAFT("草稿"), SUBMITTED("已提交"), ACCEPTED("已受理"), DISPATCHED("已派单"), IN_PROGRESS("办理中"),
  REPLIED("已答复"), CLOSED("已办结"), VISITED("已回访"), RETURNED("已退单"), MERGED("已并单");

  private final String chinese;

  WorkOrderStatus(String chinese) {
    this.chinese = chinese;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status as a citizen reads it. */
  public String chinese() {
    return chinese;
  }

  public static Optional<WorkOrderStatus> fromWire(String s) {
    if (s == null) return Optional.empty();
    for (WorkOrderStatus v : values()) {
      if (v.wireName().equals(s)) return Optional.of(v);
    }
    return Optional.empty();
  }

  public Set<WorkOrderStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(SUBMITTED, MERGED);
      case SUBMITTED -> EnumSet.of(ACCEPTED, RETURNED, MERGED);
      // A consultation may be settled on the spot (直接办结) without a department.
      case ACCEPTED -> EnumSet.of(DISPATCHED, CLOSED, RETURNED, MERGED);
      case DISPATCHED -> EnumSet.of(IN_PROGRESS, RETURNED, MERGED);
      case IN_PROGRESS -> EnumSet.of(REPLIED, RETURNED);
      // The platform's review may send a reply back for rework (退回重办).
      case REPLIED -> EnumSet.of(CLOSED, IN_PROGRESS);
      case CLOSED -> EnumSet.of(VISITED);
      // A returned order is re-dispatched (改派) or closed with the reason.
      case RETURNED -> EnumSet.of(DISPATCHED, CLOSED);
      case VISITED, MERGED -> EnumSet.noneOf(WorkOrderStatus.class);
    };
  }

  public boolean canMoveTo(WorkOrderStatus target) {
    return next().contains(target);
  }
}
