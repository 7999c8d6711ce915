package banban.gateway.browser;

import static banban.gateway.browser.HelpBox.testId;
import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.TestGateways;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The help box in a real browser against a real gateway (embedded PostgreSQL, the seed knowledge
 * base): what a citizen does with it, by mouse and keyboard, on a desktop and a phone-sized window.
 */
class HelpBoxTest {
  static final String SEED_QUESTION = "个体工商户营业执照怎么办理";
  /** Short, ambiguous questions; the test uses the first that the running knowledge base answers with a clarify. */
  static final List<String> AMBIGUOUS = List.of("社保卡", "公积金提取", "社保", "医保", "营业执照", "户口");

  @TempDir static Path dataDir;
  static Vertx vertx;
  static Gateway gateway;
  static Browser browser;
  static String site;
  HelpBox box;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateways.start(vertx, dataDir);
    site = "http://127.0.0.1:" + gateway.port() + "/";
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.close();
    if (gateway != null) gateway.stop().await(60, TimeUnit.SECONDS);
    if (vertx != null) vertx.close().await(30, TimeUnit.SECONDS);
  }

  /** Every test is a new visitor: the stored conversation is forgotten before the page loads. */
  @BeforeEach
  void freshVisitor() {
    browser.resize(1280, 900);
    browser.driver.get(site);
    box = new HelpBox(browser.driver);
    box.script("localStorage.clear();");
    browser.driver.navigate().refresh();
  }

  @Test
  @DisplayName("A seed question typed and sent with Enter gets the FAQ answer with its department as source, and feedback buttons")
  void answersSeedQuestion() {
    box.open();
    assertThat(box.activeTestId()).as("focus moves into the box").isEqualTo("chat-input");

    WebElement answer = box.ask(SEED_QUESTION);

    assertThat(answer.getText()).contains("个体工商户登记由区行政审批服务局负责").contains("来源：区行政审批服务局");
    assertThat(box.last("citizen").getText()).isEqualTo(SEED_QUESTION);
    assertThat(box.find("chat-feedback-yes").isDisplayed()).isTrue();
    assertThat(box.find("chat-feedback-no").isDisplayed()).isTrue();
    assertThat(box.find("chat-input").getAttribute("value")).as("the input is cleared after sending").isEmpty();
    assertThat(box.messages("citizen")).as("the POST response and the stream show the message once").hasSize(1);
  }

  @Test
  @DisplayName("An ambiguous question shows the server's suggestions; clicking one asks it and gets its answer")
  void clickSuggestion() {
    String ambiguous = firstClarifyingQuestion();
    box.open();

    WebElement clarify = box.ask(ambiguous);
    assertThat(clarify.getText()).contains("您是想问以下哪个问题");
    List<WebElement> suggestions = clarify.findElements(testId("chat-suggestion"));
    assertThat(suggestions).hasSizeGreaterThanOrEqualTo(2);
    String question = suggestions.get(0).findElement(By.cssSelector("span:last-child")).getText();

    browser.screenshot("help-box-suggestions");
    int bots = box.messages("bot").size();
    suggestions.get(0).click();
    WebElement answer = box.nextBot(bots);

    assertThat(box.last("citizen").getText()).isEqualTo(question);
    assertThat(answer.getText()).contains("来源：");
    assertThat(answer.findElements(testId("chat-suggestion"))).isEmpty();
  }

  @Test
  @DisplayName("没用 on an answer disables both buttons and brings the bot's offer of a person, with 转人工 highlighted")
  void notHelpfulOffersPerson() {
    box.open();
    box.ask(SEED_QUESTION);
    int bots = box.messages("bot").size();

    box.find("chat-feedback-no").click();
    WebElement offer = box.nextBot(bots);

    assertThat(offer.getText()).contains("人工");
    assertThat(box.find("chat-feedback-no").isEnabled()).isFalse();
    assertThat(box.find("chat-feedback-yes").isEnabled()).isFalse();
    box.wait.until(d -> box.find("chat-human").getAttribute("class").contains("bb-human--offer"));
  }

  @Test
  @DisplayName("After a reload the box shows the same transcript again, feedback already given stays given")
  void reloadKeepsTranscript() {
    box.open();
    box.ask(SEED_QUESTION);
    box.find("chat-feedback-yes").click();
    box.nextBot(2);
    List<String> before = box.transcript();

    browser.driver.navigate().refresh();
    box.open();
    box.wait.until(d -> box.allMessages().size() >= before.size());

    assertThat(box.transcript()).isEqualTo(before);
    assertThat(box.find("chat-feedback-yes").isEnabled()).isFalse();
  }

  @Test
  @DisplayName("A stored conversation the server does not know is forgotten and a new one starts")
  void forgetsUnknownConversation() {
    box.script("localStorage.setItem('banban.conversation', JSON.stringify({id: '00000000-0000-4000-8000-000000000000', token: 'stale'}));");
    browser.driver.navigate().refresh();

    box.open();

    String stored = (String) box.script("return localStorage.getItem('banban.conversation');");
    assertThat(new JsonObject(stored).getString("id")).isNotEqualTo("00000000-0000-4000-8000-000000000000");
    assertThat(box.messages("bot")).hasSize(1);
  }

  @Test
  @DisplayName("Markup typed by a citizen is shown as text: no element is created and no script runs")
  void markupIsText() {
    String payload = "<img src=x onerror=alert(1)>";
    box.script("window.__alerts = 0; window.alert = function () { window.__alerts++; };");
    box.open();

    box.ask(payload);

    assertThat(box.last("citizen").getText()).isEqualTo(payload);
    assertThat(browser.driver.findElements(By.cssSelector("[data-testid='chat-message'] img, .bb-messages img"))).isEmpty();
    assertThat(box.script("return window.__alerts;")).isEqualTo(0L);
  }

  @Test
  @DisplayName("转人工 queues the citizen and shows the queue position; operator messages from the stream are marked as a person's, once")
  void handoffAndOperator() {
    box.open();
    box.find("chat-human").click();

    box.wait.until(d -> box.find("chat-queue-position").isDisplayed());
    // The console's queue pushes may add the estimated wait.
    assertThat(box.find("chat-queue-position").getText()).matches("您前面还有 \\d+ 位，请稍候(，预计等待约 \\d+ 分钟)?");
    assertThat(box.last("system").getText()).contains("人工客服");

    String id = new JsonObject((String) box.script("return localStorage.getItem('banban.conversation');")).getString("id");
    JsonObject said = new JsonObject().put("id", 1_000_000L).put("sender", "operator")
        .put("text", "您好，我是人工客服小王。\n请问有什么可以帮您？").put("createdAt", "2026-11-27T09:30:00Z");
    JsonObject frame = new JsonObject().put("type", "message").put("message", said);
    // The same message twice, as a stream and a refetch may deliver it: it must appear once.
    vertx.eventBus().publish(gateway.conversations().streamAddress(id), frame);
    vertx.eventBus().publish(gateway.conversations().streamAddress(id), frame);

    WebElement operator = box.last("operator");
    assertThat(operator.getText()).isEqualTo("您好，我是人工客服小王。\n请问有什么可以帮您？");
    WebElement row = operator.findElement(By.xpath(".."));
    assertThat(row.findElement(By.cssSelector(".bb-who")).getText()).isEqualTo("人工客服");
    assertThat(box.messages("operator")).hasSize(1);
    browser.screenshot("help-box-operator");
  }

  /** How sending fails (a script standing in for fetch's result) and what the citizen is told. */
  static Stream<Arguments> sendFailures() {
    return Stream.of(
        Arguments.of("429 too many requests",
            "Promise.resolve(new Response(JSON.stringify({error: {code: 'too_many_requests', message: 'slow down'}}),"
                + " {status: 429, headers: {'Retry-After': '30'}}))",
            "发送太频繁，请稍后再试"),
        Arguments.of("400 too long",
            "Promise.resolve(new Response(JSON.stringify({error: {code: 'text_too_long',"
                + " message: 'Field text is longer than 1000 characters'}}), {status: 400}))",
            "消息太长了，请控制在 1000 字以内"),
        Arguments.of("network down", "Promise.reject(new TypeError('Failed to fetch'))", "网络连接中断，正在重试…"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sendFailures")
  @DisplayName("When sending fails the citizen sees why in Chinese, keeps the typed text, and can send it once it works again")
  void sendingFails(String name, String failure, String shown) {
    box.open();
    // Only the sending of messages fails; reading the transcript and the stream keep working.
    box.script("window.__fetch = window.fetch; window.fetch = function (url, init) {"
        + " return init && init.method === 'POST' && /\\/messages$/.test(url) ? " + failure + " : window.__fetch(url, init); };");
    WebElement input = box.find("chat-input");
    input.sendKeys("公积金怎么提取");
    input.sendKeys(Keys.ENTER);

    box.wait.until(d -> box.find("chat-notice").isDisplayed());
    assertThat(box.find("chat-notice").getText()).isEqualTo(shown);
    assertThat(input.getAttribute("value")).isEqualTo("公积金怎么提取");
    assertThat(box.messages("citizen")).isEmpty();

    box.script("window.fetch = window.__fetch;");
    int bots = box.messages("bot").size();
    box.find("chat-send").click();
    box.nextBot(bots);
    assertThat(box.last("citizen").getText()).isEqualTo("公积金怎么提取");
    assertThat(input.getAttribute("value")).isEmpty();
    box.wait.until(d -> !box.find("chat-notice").isDisplayed());
  }

  @Test
  @DisplayName("Esc closes the box and gives focus back to the floating button; a typed draft survives closing")
  void keyboard() {
    box.open();
    box.find("chat-input").sendKeys("草稿");
    box.find("chat-input").sendKeys(Keys.ESCAPE);

    box.wait.until(d -> !d.findElement(By.id("bb-panel")).isDisplayed());
    assertThat(box.activeTestId()).isEqualTo("chat-open");

    box.find("chat-open").sendKeys(Keys.ENTER);
    box.wait.until(d -> d.findElement(By.id("bb-panel")).isDisplayed());
    assertThat(box.activeTestId()).isEqualTo("chat-input");
    assertThat(box.find("chat-input").getAttribute("value")).isEqualTo("草稿");
  }

  @Test
  @DisplayName("On a phone the open box fills the screen; screenshots of phone and desktop are saved for review")
  void phoneAndDesktop() {
    box.open();
    box.ask(SEED_QUESTION);
    browser.screenshot("help-box-desktop");
    assertThat(((Number) box.script("return document.getElementById('bb-panel').getBoundingClientRect().width;")).intValue())
        .isLessThan(500);

    browser.resize(390, 844);
    box.wait.until(d -> ((Number) box.script("return window.innerWidth;")).intValue() <= 480);
    // The layout viewport: the window less any scroll bar.
    int viewport = ((Number) box.script("return document.documentElement.clientWidth;")).intValue();
    int panel = ((Number) box.script("return Math.round(document.getElementById('bb-panel').getBoundingClientRect().width);")).intValue();
    assertThat(panel).isEqualTo(viewport);
    browser.screenshot("help-box-phone");
  }

  /** Asks the running gateway's ask API which of the candidate questions it answers with a clarify. */
  private static String firstClarifyingQuestion() {
    WebClient client = WebClient.create(vertx);
    try {
      for (String q : AMBIGUOUS) {
        JsonObject d = client.post(gateway.port(), "127.0.0.1", "/api/v1/ask")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(new JsonObject().put("text", q).encode())).await()
            .bodyAsJsonObject();
        if ("clarify".equals(d.getString("action"))) return q;
      }
    } finally {
      client.close();
    }
    throw new AssertionError("None of " + AMBIGUOUS + " gets a clarify from the seed knowledge base");
  }
}
