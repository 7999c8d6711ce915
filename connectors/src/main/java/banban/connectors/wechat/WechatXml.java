package banban.connectors.wechat;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * WeChat's flat {@code <xml><Field>value</Field>...</xml>} documents, read with a parser that refuses any
 * DOCTYPE (so no external entities and no entity expansion: XXE and "billion laughs" fail before they
 * start), and written with every value in CDATA.
 */
public final class WechatXml {
  private static final DocumentBuilderFactory FACTORY = hardenedFactory();
  // A factory is not promised to be thread-safe and a builder is not; one builder per event-loop
  // thread, reset between documents, also saves building the parser configuration for every message.
  private static final DefaultHandler QUIET = new DefaultHandler();
  private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
    try {
      return FACTORY.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  });

  private WechatXml() {}

  /** Thrown for anything that is not a well-formed, DOCTYPE-free WeChat document. */
  public static final class Malformed extends Exception {
    public Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** The text of each child element of the root, in document order; a field given twice is refused. */
  public static Map<String, String> parse(String xml) throws Malformed {
    Document doc;
    DocumentBuilder builder = BUILDERS.get();
    builder.setErrorHandler(QUIET); // reset() forgets it; errors still throw
    try {
      doc = builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      throw new Malformed("not well-formed XML or has a DOCTYPE");
    } finally {
      builder.reset();
    }
    Element root = doc.getDocumentElement();
    if (!"xml".equals(root.getTagName())) throw new Malformed("the root element must be <xml>");
    Map<String, String> fields = new LinkedHashMap<>();
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node n = children.item(i);
      if (n.getNodeType() != Node.ELEMENT_NODE) continue;
      if (fields.put(n.getNodeName(), n.getTextContent()) != null) {
        throw new Malformed("field " + n.getNodeName() + " appears twice");
      }
    }
    return fields;
  }

  /** A flat document with the values in CDATA (numbers too: WeChat accepts both). */
  public static String write(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder(256).append("<xml>");
    fields.forEach((name, value) -> sb.append('<').append(name).append('>').append(cdata(value))
        .append("</").append(name).append('>'));
    return sb.append("</xml>").toString();
  }

  /** A CDATA section; a "]]>" inside the value is split across two sections. */
  static String cdata(String value) {
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    return f;
  }
}
