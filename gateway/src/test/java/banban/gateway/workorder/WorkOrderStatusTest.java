package banban.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkOrderStatusTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "draft, submitted", "submitted, accepted", "accepted, dispatched", "dispatched, in_progress",
      "in_progress, replied", "replied, closed", "closed, visited", "dispatched, returned", "returned, dispatched",
      "submitted, merged", "accepted, closed", "replied, in_progress"})
  @DisplayName("The lifecycle's transitions are allowed")
  void allowed(String from, String to) {
    assertThat(WorkOrderStatus.fromWire(from).orElseThrow().canMoveTo(WorkOrderStatus.fromWire(to).orElseThrow())).isTrue();
  }

  @ParameterizedTest(name = "{0} ↛ {1}")
  @CsvSource({
      "draft, accepted", "submitted, closed", "accepted, accepted", "dispatched, closed", "closed, in_progress",
      "visited, closed", "merged, accepted", "replied, visited", "in_progress, dispatched", "returned, visited"})
  @DisplayName("Skipping a step, going back, repeating a status or leaving a final status is refused")
  void refused(String from, String to) {
    assertThat(WorkOrderStatus.fromWire(from).orElseThrow().canMoveTo(WorkOrderStatus.fromWire(to).orElseThrow())).isFalse();
  }

  @Test
  @DisplayName("Visited and merged are final; every status has a Chinese name for the citizen; unknown wire names are rejected")
  void finals() {
    assertThat(WorkOrderStatus.VISITED.next()).isEmpty();
    assertThat(WorkOrderStatus.MERGED.next()).isEmpty();
    for (WorkOrderStatus s : WorkOrderStatus.values()) assertThat(s.chinese()).matches("\\p{IsHan}{2,3}");
    assertThat(WorkOrderStatus.fromWire("done")).isEmpty();
    assertThat(WorkOrderStatus.fromWire(null)).isEmpty();
  }
}
