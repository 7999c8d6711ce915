package banban.connectors.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hardened parser, the message model and the passive reply. */
class WechatXmlTest {
  static final String TEXT = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>"
      + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[公积金 & 提取]]></Content>"
      + "<MsgId>9876543210987654321</MsgId></xml>";

  @Test
  @DisplayName("A text message parses into its fields, keeping 64-bit ids and special characters, and dedupes on sender and MsgId")
  void text() throws Exception {
    WechatMessage m = WechatMessage.from(WechatXml.parse(TEXT));
    assertThat(m.fromUser()).isEqualTo("oUser");
    assertThat(m.words()).isEqualTo("公积金 & 提取");
    assertThat(m.msgId()).isEqualTo("9876543210987654321");
    assertThat(m.dedupeKey()).isEqualTo("oUser|9876543210987654321");
  }

  @Test
  @DisplayName("A voice message's recognised speech counts as words; events dedupe on sender, time, event and key")
  void voiceAndEvents() throws Exception {
    WechatMessage voice = WechatMessage.from(WechatXml.parse("<xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName>"
        + "<CreateTime>1</CreateTime><MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format>"
        + "<Recognition><![CDATA[社保怎么交]]></Recognition><MsgId>5</MsgId></xml>"));
    assertThat(voice.words()).isEqualTo("社保怎么交");
    WechatMessage click = WechatMessage.from(WechatXml.parse("<xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName>"
        + "<CreateTime>7</CreateTime><MsgType>event</MsgType><Event>CLICK</Event><EventKey>KEY_HPF</EventKey></xml>"));
    assertThat(click.isEvent()).isTrue();
    assertThat(click.dedupeKey()).isEqualTo("o|7|CLICK|KEY_HPF");
  }

  @Test
  @DisplayName("DOCTYPEs (external entities, billion laughs), truncated XML, another root and duplicated fields are refused, every time")
  void hostile() throws Exception {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Content>&x;</Content></xml>";
    String laughs = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><Content>&b;</Content></xml>";
    for (String bad : new String[] {xxe, laughs, TEXT.substring(0, TEXT.length() - 12), "<root><a>1</a></root>",
        "<xml><Content>a</Content><Content>b</Content></xml>", "", "not xml"}) {
      assertThatThrownBy(() -> WechatXml.parse(bad)).as(bad).isInstanceOf(WechatXml.Malformed.class);
      // The thread's parser is reused: a good document in between must not loosen it, nor a bad one break it.
      assertThat(WechatXml.parse(TEXT)).containsEntry("FromUserName", "oUser");
    }
  }

  @Test
  @DisplayName("Missing required fields, a non-numeric MsgId or an empty text are refused")
  void missingFields() {
    for (String bad : new String[] {
        "<xml><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>a</Content><MsgId>1</MsgId></xml>",
        "<xml><ToUserName>g</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>a</Content></xml>",
        "<xml><ToUserName>g</ToUserName><FromUserName>o</FromUserName><CreateTime>x</CreateTime><MsgType>text</MsgType><Content>a</Content><MsgId>1</MsgId></xml>",
        "<xml><ToUserName>g</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content> </Content><MsgId>1</MsgId></xml>",
        "<xml><ToUserName>g</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType></xml>"}) {
      assertThatThrownBy(() -> WechatMessage.from(WechatXml.parse(bad))).as(bad).isInstanceOf(WechatXml.Malformed.class);
    }
  }

  @Test
  @DisplayName("A passive reply swaps sender and receiver and survives a ']]>' in the text")
  void reply() throws Exception {
    WechatMessage m = WechatMessage.from(WechatXml.parse(TEXT));
    Map<String, String> back = WechatXml.parse(PassiveReply.text(m, "答复]]>结束", 1700000001L));
    assertThat(back).containsEntry("ToUserName", "oUser").containsEntry("FromUserName", "gh_1")
        .containsEntry("MsgType", "text").containsEntry("Content", "答复]]>结束").containsEntry("CreateTime", "1700000001");
  }
}
