package banban.gateway.config;

import banban.gateway.wechat.WechatSettings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the gateway, read once into one typed record. Keys are the environment variable
 * names; a YAML file given with {@code --config} uses the same keys. Nothing else reads raw
 * configuration.
 */
public record GatewayConfig(
    String httpHost,
    int httpPort,
    Path dataDir,
    Optional<DbUrl> dbUrl,
    int dbPoolSize,
    Optional<Path> seedsDir,
    int workerPoolSize,
    int maxBodyBytes,
    int conversationsPerMinute,
    int messagesPerMinute,
    WechatSettings wechat) {

  public static final String HTTP_HOST = "BANBAN_HTTP_HOST";
  public static final String HTTP_PORT = "BANBAN_HTTP_PORT";
  public static final String DATA_DIR = "BANBAN_DATA_DIR";
  public static final String DB_URL = "BANBAN_DB_URL";
  public static final String DB_POOL_SIZE = "BANBAN_DB_POOL_SIZE";
  public static final String SEEDS_DIR = "BANBAN_SEEDS_DIR";
  public static final String WORKER_POOL_SIZE = "BANBAN_WORKER_POOL_SIZE";
  public static final String MAX_BODY_BYTES = "BANBAN_MAX_BODY_BYTES";
  public static final String RATE_CONVERSATIONS = "BANBAN_RATE_CONVERSATIONS_PER_MINUTE";
  public static final String RATE_MESSAGES = "BANBAN_RATE_MESSAGES_PER_MINUTE";
  public static final String WECHAT_ACCOUNTS = "BANBAN_WECHAT_ACCOUNTS";
  public static final String WECHAT_API_BASE = "BANBAN_WECHAT_API_BASE";
  public static final String WECHAT_REPLY_DEADLINE_MS = "BANBAN_WECHAT_REPLY_DEADLINE_MS";
  public static final String WECHAT_TIMESTAMP_WINDOW = "BANBAN_WECHAT_TIMESTAMP_WINDOW_SECONDS";

  /** Key → (default, description), in the order the README table lists them. */
  public static final Map<String, String[]> KEYS = keys();

  private static Map<String, String[]> keys() {
    Map<String, String[]> k = new LinkedHashMap<>();
    k.put(HTTP_HOST, new String[] {"0.0.0.0", "address the HTTP server binds to"});
    k.put(HTTP_PORT, new String[] {"8080", "HTTP port (0 = any free port)"});
    k.put(DATA_DIR, new String[] {"./data", "data directory; the embedded PostgreSQL keeps its files in <dir>/postgres"});
    k.put(DB_URL, new String[] {"", "postgresql://user:pass@host:port/db of an external PostgreSQL; empty = embedded"});
    k.put(DB_POOL_SIZE, new String[] {"8", "maximum PostgreSQL connections of the pool"});
    k.put(SEEDS_DIR, new String[] {"", "directory with faq.jsonl, synonyms.txt, dictionary.txt, intents.txt; empty = the seeds inside the jar"});
    k.put(WORKER_POOL_SIZE, new String[] {String.valueOf(2 * Runtime.getRuntime().availableProcessors()), "threads for knowledge-base searches and text analysis"});
    k.put(MAX_BODY_BYTES, new String[] {"65536", "largest accepted HTTP request body in bytes"});
    k.put(RATE_CONVERSATIONS, new String[] {"20", "new conversations one client address may open per minute"});
    k.put(RATE_MESSAGES, new String[] {"60", "messages, feedback and handoff requests one client address may send per minute"});
    k.put(WECHAT_ACCOUNTS, new String[] {"", "JSON array of WeChat Official Accounts: [{\"name\",\"token\",\"appId\",\"appSecret\",\"encodingAesKey\",\"customerServiceApi\",\"menu\"}]; empty = WeChat off"});
    k.put(WECHAT_API_BASE, new String[] {"https://api.weixin.qq.com", "base URL of WeChat's server API (access token, customer-service messages)"});
    k.put(WECHAT_REPLY_DEADLINE_MS, new String[] {"4000", "milliseconds an answer may take for WeChat's passive reply; later answers go through the customer-service API"});
    k.put(WECHAT_TIMESTAMP_WINDOW, new String[] {"300", "seconds a signed WeChat request's timestamp may differ from our clock"});
    return java.util.Collections.unmodifiableMap(k);
  }

  /** The built-in defaults as the first layer of the configuration. */
  public static JsonObject defaults() {
    JsonObject json = new JsonObject();
    KEYS.forEach((key, v) -> json.put(key, v[0]));
    return json;
  }

  /** Validates the merged layers (defaults, file, environment) into the record. */
  public static GatewayConfig fromJson(JsonObject merged) {
    Set<String> unknown = new java.util.TreeSet<>(merged.fieldNames());
    unknown.removeAll(KEYS.keySet());
    if (!unknown.isEmpty()) {
      throw new ConfigException("Unknown configuration key " + unknown.iterator().next()
          + "; known keys: " + String.join(", ", KEYS.keySet()));
    }
    String dbUrl = string(merged, DB_URL);
    String seeds = string(merged, SEEDS_DIR);
    return new GatewayConfig(
        string(merged, HTTP_HOST).isEmpty() ? "0.0.0.0" : string(merged, HTTP_HOST),
        integer(merged, HTTP_PORT, 0, 65535),
        Path.of(nonEmpty(merged, DATA_DIR)),
        dbUrl.isEmpty() ? Optional.empty() : Optional.of(DbUrl.parse(DB_URL, dbUrl)),
        integer(merged, DB_POOL_SIZE, 1, 200),
        seeds.isEmpty() ? Optional.empty() : Optional.of(Path.of(seeds)),
        integer(merged, WORKER_POOL_SIZE, 1, 256),
        integer(merged, MAX_BODY_BYTES, 1024, 16 * 1024 * 1024),
        integer(merged, RATE_CONVERSATIONS, 1, 100_000),
        integer(merged, RATE_MESSAGES, 1, 100_000),
        wechat(merged));
  }

  private static WechatSettings wechat(JsonObject merged) {
    String base = string(merged, WECHAT_API_BASE);
    if (!base.matches("https?://\\S+")) throw new ConfigException(WECHAT_API_BASE + " must be an http:// or https:// URL, got '" + base + "'");
    return new WechatSettings(WechatSettings.parseAccounts(WECHAT_ACCOUNTS, merged.getValue(WECHAT_ACCOUNTS)), base,
        integer(merged, WECHAT_REPLY_DEADLINE_MS, 1, 4900), integer(merged, WECHAT_TIMESTAMP_WINDOW, 1, 86_400));
  }

  /** The same record with another port and data directory: what tests and tools change most. */
  public GatewayConfig withPortAndDataDir(int port, Path dir) {
    return new GatewayConfig(httpHost, port, dir, dbUrl, dbPoolSize, seedsDir, workerPoolSize, maxBodyBytes,
        conversationsPerMinute, messagesPerMinute, wechat);
  }

  private static String string(JsonObject json, String key) {
    Object v = json.getValue(key);
    return v == null ? "" : String.valueOf(v).strip();
  }

  private static String nonEmpty(JsonObject json, String key) {
    String v = string(json, key);
    if (v.isEmpty()) throw new ConfigException(key + " must not be empty");
    return v;
  }

  private static int integer(JsonObject json, String key, int min, int max) {
    String v = string(json, key);
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }
  }
}
