package banban.gateway.console;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The operator console's part of the configuration, parsed by {@link banban.gateway.config.GatewayConfig}.
 *
 * @param adminPassword password of the first administrator, or empty for a random one-time password
 * @param bcryptCost the bcrypt work factor (2^cost rounds)
 * @param sessionIdle a session expires after this long without a request
 * @param loginAttemptsPerMinute failed logins one user name may make per minute (an address: ten times as many attempts)
 * @param defaultCapacity concurrent conversations of a new operator
 * @param offlineAfter an operator without a connected console for this long is offline
 * @param staffedHours when operators are on duty, in the district's time zone
 * @param maxWait an estimated wait above this makes the citizen an offer to leave a message
 * @param reminderAfter an operator who leaves a citizen's message unanswered this long is reminded
 * @param idleClose a conversation with an operator and no message for this long is closed
 */
public record ConsoleSettings(
    Optional<String> adminPassword, int bcryptCost, Duration sessionIdle, int loginAttemptsPerMinute,
    int defaultCapacity, Duration offlineAfter, StaffedHours staffedHours, Duration maxWait,
    Duration reminderAfter, Duration idleClose) {

  /** How often the sweeper looks for reminders, idle conversations and unstaffed queues. */
  public Duration sweepEvery() {
    long shortest = Math.min(Math.min(reminderAfter.toMillis(), idleClose.toMillis()), offlineAfter.toMillis());
    return Duration.ofMillis(Math.max(200, Math.min(15_000, shortest / 4)));
  }

  public ZoneId zone() {
    return staffedHours.zone();
  }
}
