package banban.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {

  @Test
  @DisplayName("Five failures in any sixty seconds lock the name, across a clock-minute boundary too, until the oldest is a minute old")
  void slidingMinute() {
    FailedLogins f = new FailedLogins(5);
    long t = 59_000; // one second before a clock minute ends
    for (int i = 0; i < 5; i++) {
      assertThat(f.retryAfter("li.si", t + i * 400)).isZero();
      f.failed("li.si", t + i * 400);
    }
    assertThat(f.retryAfter("li.si", 61_000)).isEqualTo(58); // next clock minute: still locked
    assertThat(f.retryAfter("zhang.san", 61_000)).isZero();
    assertThat(f.retryAfter("li.si", 118_999)).isEqualTo(1);
    assertThat(f.retryAfter("li.si", 119_000)).isZero(); // the first failure is a minute old
    f.failed("li.si", 119_000);
    assertThat(f.retryAfter("li.si", 119_001)).isEqualTo(1); // four still in the window plus this one
  }
}
