package app.carnival.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlRpcResponsesTest {

    private static Document parsed(String xml) throws XmlRpcException {
        return SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Document doc, String tag, int index) {
        return doc.getElementsByTagName(tag).item(index).getTextContent();
    }

    @Test
    void successIsOneStringParam() throws Exception {
        String xml = XmlRpcResponses.success("Pingback from https://b.example/p to https://c.example/a registered.");
        Document doc = parsed(xml);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("methodResponse");
        assertThat(doc.getElementsByTagName("param").getLength()).isEqualTo(1);
        assertThat(text(doc, "string", 0))
                .isEqualTo("Pingback from https://b.example/p to https://c.example/a registered.");
        assertThat(doc.getElementsByTagName("fault").getLength()).isZero();
    }

    @Test
    void faultIsAStructOfCodeAndString() throws Exception {
        Document doc =
                parsed(XmlRpcResponses.fault(PingbackFault.NO_LINK.code(), "The source does not link to the target."));

        Element fault = (Element) doc.getElementsByTagName("fault").item(0);
        assertThat(fault.getParentNode().getNodeName()).isEqualTo("methodResponse");
        assertThat(text(doc, "name", 0)).isEqualTo("faultCode");
        assertThat(text(doc, "int", 0)).isEqualTo("17");
        assertThat(text(doc, "name", 1)).isEqualTo("faultString");
        assertThat(text(doc, "string", 0)).isEqualTo("The source does not link to the target.");
        assertThat(doc.getElementsByTagName("params").getLength()).isZero();
    }

    @Test
    void aMalformedCallsFaultCarriesItsXmlRpcCode() throws Exception {
        XmlRpcException e = new XmlRpcException(XmlRpcException.Kind.NOT_WELL_FORMED, "parse error");

        assertThat(text(parsed(XmlRpcResponses.fault(e.faultCode(), e.getMessage())), "int", 0))
                .isEqualTo("-32700");
    }

    @Test
    void markupInMessagesIsEscapedAndReadsBackTheSame() throws Exception {
        String message = "<script>alert('x')</script> & \"quotes\" ]]> <![CDATA[";
        String xml = XmlRpcResponses.fault(0, message);

        assertThat(xml).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(text(parsed(xml), "string", 0)).isEqualTo(message);
        assertThat(text(parsed(XmlRpcResponses.success(message)), "string", 0)).isEqualTo(message);
    }

    @Test
    void charactersXmlCannotCarryAreReplacedAndOthersKept() throws Exception {
        String xml = XmlRpcResponses.success("a\u0000b\u001Fc\uD800d \uD83D\uDE00 ü\tok\n");

        assertThat(text(parsed(xml), "string", 0)).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd \uD83D\uDE00 ü\tok\n");
    }

    @Test
    void aMissingMessageIsEmpty() throws Exception {
        assertThat(text(parsed(XmlRpcResponses.success(null)), "string", 0)).isEmpty();
    }

    @Test
    void pingbackFaultCodesAreTheSpecs() {
        assertThat(PingbackFault.GENERIC.code()).isZero();
        assertThat(PingbackFault.SOURCE_NOT_FOUND.code()).isEqualTo(16);
        assertThat(PingbackFault.NO_LINK.code()).isEqualTo(17);
        assertThat(PingbackFault.TARGET_NOT_FOUND.code()).isEqualTo(32);
        assertThat(PingbackFault.TARGET_NOT_USABLE.code()).isEqualTo(33);
        assertThat(PingbackFault.ALREADY_REGISTERED.code()).isEqualTo(48);
    }
}
