package io.kmarket.scheduler.collect.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;

/** Records out of XML answers: attributes (Naver's chart items), children's texts (OpenDART's lists and errors). */
class XmlBodiesTest {

    private static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRecordsAttributesAreItsValues() {
        byte[] body = utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <protocol><chartdata symbol="005930">
                  <item data="20180802|46550|46800|45500|45550|8560924" />
                  <item data="20180803|45850|45900|45450|45750|8274944" />
                </chartdata></protocol>""");

        assertThat(XmlBodies.elements(body, "protocol", "item")).containsExactly(
                new XmlBodies.Element("item", Map.of("data", "20180802|46550|46800|45500|45550|8560924")),
                new XmlBodies.Element("item", Map.of("data", "20180803|45850|45900|45450|45750|8274944")));
    }

    @Test
    void aRecordsChildrenGiveTheirTextAsReceivedIncludingCdataAndBlanks() {
        byte[] body = utf8("""
                <result>
                  <list><corp_code>00126380</corp_code><corp_name><![CDATA[삼성전자 & Co]]></corp_name>
                        <stock_code> </stock_code></list>
                  <status>000</status>
                </result>""");

        assertThat(XmlBodies.elements(body, "result", "list")).singleElement().extracting(XmlBodies.Element::values)
                .isEqualTo(Map.of("corp_code", "00126380", "corp_name", "삼성전자 & Co", "stock_code", " "));
    }

    @Test
    void theRootItselfCanBeTheRecord() {
        byte[] body = utf8("<result><status>013</status><message>조회된 데이타가 없습니다.</message></result>");

        assertThat(XmlBodies.elements(body, "result", "result")).singleElement()
                .isEqualTo(new XmlBodies.Element("result", Map.of("status", "013", "message", "조회된 데이타가 없습니다.")));
    }

    @Test
    void theDeclaredEncodingIsHonoured() {
        // Naver declares EUC-KR and sends its bytes: decoding them as UTF-8 would garble the Korean name.
        byte[] body = """
                <?xml version="1.0" encoding="EUC-KR" ?>
                <protocol><chartdata symbol="005930" name="삼성전자" /></protocol>""".getBytes(Charset.forName("EUC-KR"));

        assertThat(XmlBodies.elements(body, "protocol", "chartdata")).singleElement()
                .extracting(element -> element.values().get("name")).isEqualTo("삼성전자");
    }

    @Test
    void aBodyWithoutTheRequiredRootIsMalformedEvenIfItHasRecords() {
        byte[] body = utf8("<html><item data=\"x\"/></html>");

        assertThatThrownBy(() -> XmlBodies.elements(body, "protocol", "item"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("no <protocol> element in the answer: <html><item data=\"x\"/></html>");
    }

    @Test
    void aBodyThatIsNotXmlIsMalformed() {
        assertThatThrownBy(() -> XmlBodies.elements(utf8("<protocol><item></protocol>"), "protocol", "item"))
                .isInstanceOf(MalformedPayloadException.class).hasMessageStartingWith("body is not well-formed XML");
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsEverRead() {
        byte[] body = utf8("""
                <?xml version="1.0"?>
                <!DOCTYPE protocol [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <protocol><item data="&secret;"/></protocol>""");

        assertThatThrownBy(() -> XmlBodies.elements(body, "protocol", "item"))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void anAnswerWithTheRootButNoRecordsHasNone() {
        assertThat(XmlBodies.elements(utf8("<protocol><chartdata symbol=\"005930\"/></protocol>"), "protocol", "item"))
                .isEmpty();
    }
}
