package banban.gateway.workorder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The 12345 connector's part of {@link banban.gateway.config.GatewayConfig}: where the platform is,
 * the secrets both ways, delivery timing, the phone-number key and department routing.
 *
 * @param url base URL of the platform adapter; empty = orders wait in the outbox
 * @param departments routing category → district department
 */
public record HotlineSettings(
    Optional<String> url, String secret, String callbackSecret, int timeoutMs, int retryBaseMs, int maxAttempts,
    String piiKey, Optional<Path> routingData, Map<String, String> departments) {}
