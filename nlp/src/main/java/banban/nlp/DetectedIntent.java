package banban.nlp;

/**
 * One intent found in a message. {@code detail} carries what the intent needs downstream: for
 * {@link Intent#EMERGENCY} the number to call (110, 119, 120 or 122); otherwise the matched cue.
 */
public record DetectedIntent(Intent intent, String detail) {}
