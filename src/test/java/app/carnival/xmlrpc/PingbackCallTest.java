package app.carnival.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PingbackCallTest {

    private static final String SOURCE = "https://jo.example.net/2024/05/14/tsql-tuesday-174-job-interview-questions/";
    private static final String TARGET = "http://localhost:8080/series/tsql-tuesday/assignments/174";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String call(String method, String params) {
        return "<?xml version=\"1.0\"?>\n<methodCall>\n<methodName>" + method + "</methodName>\n<params>\n" + params
                + "</params></methodCall>";
    }

    private static String param(String value) {
        return "<param><value>" + value + "</value></param>\n";
    }

    private static AbstractThrowableAssert<?, ?> refused(String body, XmlRpcException.Kind kind) {
        return assertThatThrownBy(() -> PingbackCall.parse(utf8(body)))
                .isInstanceOf(XmlRpcException.class)
                .asInstanceOf(throwable(XmlRpcException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(kind))
                .satisfies(e -> assertThat(e.faultCode()).isEqualTo(kind.faultCode()));
    }

    @Test
    void readsTheCallAsWordPressSendsIt() throws Exception {
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/xmlrpc/wordpress-pingback.xml")) {
            body = in.readAllBytes();
        }

        assertThat(PingbackCall.parse(body)).isEqualTo(new PingbackCall(SOURCE, TARGET));
    }

    @Test
    void aValueWithoutATypeIsAStringAndEntitiesCdataAndWhitespaceAreRead() throws Exception {
        String body = call(
                "pingback.ping",
                param("\n  https://b.example/?p=12&amp;lang=en  ")
                        + param("<string><![CDATA[https://c.example/a?x=1&y=2]]></string>"));

        assertThat(PingbackCall.parse(utf8(body)))
                .isEqualTo(new PingbackCall("https://b.example/?p=12&lang=en", "https://c.example/a?x=1&y=2"));
    }

    @Test
    void theXmlDeclarationsEncodingIsHonoured() throws Exception {
        String body = call("pingback.ping", param("<string>https://bücher.example/beitrag</string>") + param(TARGET))
                .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");

        assertThat(PingbackCall.parse(body.getBytes(StandardCharsets.UTF_16)).sourceUri())
                .isEqualTo("https://bücher.example/beitrag");
    }

    @Test
    void aDoctypeIsRefused() {
        refused(
                        "<?xml version=\"1.0\"?><!DOCTYPE methodCall><methodCall><methodName>pingback.ping</methodName></methodCall>",
                        XmlRpcException.Kind.NOT_WELL_FORMED)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anExternalEntityIsNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE methodCall [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <methodCall><methodName>pingback.ping</methodName><params>
                <param><value><string>&xxe;</string></value></param>
                <param><value><string>https://c.example/</string></value></param></params></methodCall>""";

        refused(xxe, XmlRpcException.Kind.NOT_WELL_FORMED)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void anExternalDtdAndParameterEntitiesAreRefused() {
        refused(
                        "<?xml version=\"1.0\"?><!DOCTYPE methodCall SYSTEM \"http://127.0.0.1:9/evil.dtd\"><methodCall/>",
                        XmlRpcException.Kind.NOT_WELL_FORMED)
                .hasMessageContaining("DOCTYPE");
        refused(
                        "<!DOCTYPE m [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]><methodCall/>",
                        XmlRpcException.Kind.NOT_WELL_FORMED)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void billionLaughsAreRefused() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <methodCall><methodName>pingback.ping</methodName><params>
                <param><value>&lol9;</value></param><param><value>&lol9;</value></param></params></methodCall>""";

        refused(laughs, XmlRpcException.Kind.NOT_WELL_FORMED).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anXIncludeIsNotFollowedButIsNoString() {
        String body = call(
                "pingback.ping",
                param(
                                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>")
                        + param(TARGET));

        refused(body, XmlRpcException.Kind.BAD_PARAMETERS).hasMessageContaining("sourceURI");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "source=https%3A%2F%2Fb.example%2F&target=https%3A%2F%2Fc.example%2F",
                "<methodCall><methodName>pingback.ping</methodName>",
                "<methodCall><methodName>pingback.ping</methodName></methodcall>",
                "<?xml version=\"1.0\"?>",
                "<methodCall>&nbsp;</methodCall>"
            })
    void malformedXmlIsAParseError(String body) {
        refused(body, XmlRpcException.Kind.NOT_WELL_FORMED).hasMessageStartingWith("parse error");
    }

    @Test
    void anEmptyOrMissingBodyIsAParseError() {
        refused("", XmlRpcException.Kind.NOT_WELL_FORMED);
        assertThatThrownBy(() -> PingbackCall.parse(null))
                .isInstanceOf(XmlRpcException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void anythingButAMethodCallWithANameIsNotACall() {
        refused("<methodResponse><params/></methodResponse>", XmlRpcException.Kind.NOT_A_CALL)
                .hasMessageContaining("methodCall");
        refused("<methodCall><params/></methodCall>", XmlRpcException.Kind.NOT_A_CALL)
                .hasMessageContaining("methodName");
    }

    @Test
    void anotherMethodIsUnknownAndNamedShortly() {
        refused(call("wp.getUsersBlogs", param("admin") + param("secret")), XmlRpcException.Kind.UNKNOWN_METHOD)
                .hasMessage("requested method 'wp.getUsersBlogs' does not exist");
        refused(call("x".repeat(5000), ""), XmlRpcException.Kind.UNKNOWN_METHOD)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void pingbackTakesExactlyTwoParameters(int count) {
        refused(
                        call(
                                "pingback.ping",
                                param("<string>https://b.example/</string>").repeat(count)),
                        XmlRpcException.Kind.BAD_PARAMETERS)
                .hasMessageContaining("two parameters");
    }

    @Test
    void aCallWithoutParamsOrWithStrayElementsHasBadParameters() {
        refused("<methodCall><methodName>pingback.ping</methodName></methodCall>", XmlRpcException.Kind.BAD_PARAMETERS);
        refused(
                "<methodCall><methodName>pingback.ping</methodName><params>" + param("a") + "<extra/>" + param("b")
                        + "</params></methodCall>",
                XmlRpcException.Kind.BAD_PARAMETERS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<int>16</int>",
                "<i4>16</i4>",
                "<boolean>1</boolean>",
                "<base64>aHR0cHM6Ly9iLmV4YW1wbGUv</base64>",
                "<struct><member><name>url</name><value><string>https://b.example/</string></value></member></struct>",
                "<array><data><value><string>https://b.example/</string></value></data></array>",
                "<string><b>https://b.example/</b></string>",
                "<string>https://b.example/</string><string>https://c.example/</string>",
                "<string>   </string>",
                ""
            })
    void eachParameterMustBeANonEmptyString(String value) {
        refused(
                        call("pingback.ping", param(value) + param("<string>" + TARGET + "</string>")),
                        XmlRpcException.Kind.BAD_PARAMETERS)
                .hasMessage("sourceURI must be a non-empty string");
        refused(
                        call("pingback.ping", param("<string>" + SOURCE + "</string>") + param(value)),
                        XmlRpcException.Kind.BAD_PARAMETERS)
                .hasMessage("targetURI must be a non-empty string");
    }

    @Test
    void aParamMustHoldOneValue() {
        refused(
                call("pingback.ping", "<param><string>" + SOURCE + "</string></param>\n" + param(TARGET)),
                XmlRpcException.Kind.BAD_PARAMETERS);
    }

    @Test
    void aBodyFarLargerThanAPingbackIsRefusedUnread() {
        String padding = "<!--" + "x".repeat(PingbackCall.MAX_BODY) + "-->";
        refused(call("pingback.ping", param(SOURCE) + param(TARGET)) + padding, XmlRpcException.Kind.NOT_A_CALL)
                .hasMessageContaining("too large");
    }
}
