package banban.gateway.wechat;

import banban.connectors.wechat.CustomerServiceApi;
import banban.connectors.wechat.WechatAccount;
import banban.gateway.config.ConfigException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WeChat part of the configuration: the connected Official Accounts (none = WeChat off), the API base
 * URL, how long a passive reply may take, and how old a signed timestamp may be.
 */
public record WechatSettings(List<WechatAccount> accounts, String apiBase, int replyDeadlineMs, int timestampWindowSeconds) {

  public WechatSettings {
    accounts = List.copyOf(accounts);
  }

  public static WechatSettings off() {
    return new WechatSettings(List.of(), CustomerServiceApi.DEFAULT_BASE, 4000, 300);
  }

  public boolean enabled() {
    return !accounts.isEmpty();
  }

  /**
   * The accounts from a JSON array, given either as a string (an environment variable) or as a YAML list
   * (a configuration file); every problem names the key and the account.
   */
  public static List<WechatAccount> parseAccounts(String key, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) return List.of();
    JsonArray array;
    try {
      array = value instanceof JsonArray a ? a : new JsonArray(String.valueOf(value));
    } catch (DecodeException e) {
      throw new ConfigException(key + " must be a JSON array of accounts such as "
          + "[{\"name\":\"district\",\"token\":\"...\",\"appId\":\"wx...\",\"encodingAesKey\":\"...\"}]");
    }
    List<WechatAccount> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject o)) throw new ConfigException(key + ": entry " + (i + 1) + " is not an object");
      WechatAccount a = account(key + ": account " + (i + 1), o);
      if (!names.add(a.name())) throw new ConfigException(key + ": account name '" + a.name() + "' appears twice");
      out.add(a);
    }
    return out;
  }

  private static WechatAccount account(String where, JsonObject o) {
    Set<String> unknown = new HashSet<>(o.fieldNames());
    unknown.removeAll(Set.of("name", "token", "appId", "appSecret", "encodingAesKey", "customerServiceApi", "menu"));
    if (!unknown.isEmpty()) throw new ConfigException(where + ": unknown field '" + unknown.iterator().next() + "'");
    String name = text(where, o, "name", "[a-z0-9][a-z0-9_-]{0,31}", "lower-case letters, digits, '-' or '_' (it is the URL /wechat/<name>)");
    where = where + " '" + name + "'";
    String token = text(where, o, "token", "[A-Za-z0-9]{3,32}", "3 to 32 letters and digits, as entered in the account's server settings");
    String appId = text(where, o, "appId", "wx[0-9a-zA-Z]{8,30}", "the account's AppId, wx followed by letters and digits");
    String aesKey = o.getString("encodingAesKey", "");
    if (!aesKey.isEmpty() && !aesKey.matches("[A-Za-z0-9]{43}")) {
      throw new ConfigException(where + ": encodingAesKey must be the 43 letters and digits of the EncodingAESKey, or absent for plaintext mode");
    }
    Object cs = o.getValue("customerServiceApi", false);
    if (!(cs instanceof Boolean customerService)) throw new ConfigException(where + ": customerServiceApi must be true or false");
    String secret = o.getString("appSecret", "");
    if (customerService && secret.isBlank()) throw new ConfigException(where + ": appSecret is required when customerServiceApi is true");
    Map<String, String> menu = new LinkedHashMap<>();
    Object m = o.getValue("menu");
    if (m != null) {
      if (!(m instanceof JsonObject mo)) throw new ConfigException(where + ": menu must map menu keys to FAQ ids or categories");
      for (String k : mo.fieldNames()) {
        if (!(mo.getValue(k) instanceof String target) || target.isBlank()) {
          throw new ConfigException(where + ": menu key '" + k + "' must map to a FAQ id or category name");
        }
        menu.put(k, target.strip());
      }
    }
    return new WechatAccount(name, token, appId, secret, aesKey, customerService, menu);
  }

  private static String text(String where, JsonObject o, String field, String pattern, String expected) {
    Object v = o.getValue(field);
    if (!(v instanceof String s) || !s.strip().matches(pattern)) throw new ConfigException(where + ": " + field + " must be " + expected);
    return s.strip();
  }
}
