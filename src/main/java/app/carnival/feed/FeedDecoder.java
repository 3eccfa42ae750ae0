package app.carnival.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.rometools.rome.io.XmlReader;

/**
 * Decodes a feed body to text: BOM, then XML declaration, then Content-Type charset, via ROME's
 * lenient {@link XmlReader}; undeclared non-UTF-8 bytes are read as windows-1252.
 */
final class FeedDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^[^>]*<\\?xml[^>]*\\sencoding\\s*=");
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i);\\s*charset\\s*[=:]");

    String decode(byte[] body, String contentType) throws FeedParseException {
        String declaredCharsetParams = charsetParameters(contentType);
        String text;
        try {
            text = readWithXmlReader(body, "application/xml" + declaredCharsetParams);
        } catch (IOException unsupportedHeaderCharset) {
            text = readWithoutHeaderCharset(body);
        }
        if (!isDeclared(body, declaredCharsetParams) && !isValidUtf8(body)) {
            // No BOM, declaration or header: Latin-1/windows-1252 is what such feeds nearly always are.
            return new String(body, WINDOWS_1252);
        }
        return text;
    }

    /**
     * XmlReader applies RFC 3023's US-ASCII default to text/xml and gives up on non-XML types;
     * feed readers treat every body as XML, so only the charset parameter of the header is kept.
     */
    private static String charsetParameters(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return semicolon < 0 ? "" : contentType.substring(semicolon);
    }

    private static String readWithoutHeaderCharset(byte[] body) throws FeedParseException {
        try {
            return readWithXmlReader(body, "application/xml");
        } catch (IOException unsupportedDeclaredEncoding) {
            // The declaration names an unknown charset; the parser reads text, so its claim is moot.
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String readWithXmlReader(byte[] body, String contentType) throws IOException {
        try (Reader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true, "UTF-8")) {
            StringWriter text = new StringWriter(body.length);
            reader.transferTo(text);
            return text.toString();
        }
    }

    private static boolean isDeclared(byte[] body, String charsetParams) {
        if (CHARSET_PARAM.matcher(charsetParams).find() || hasBom(body)) {
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        return DECLARED_ENCODING.matcher(head.replace("\0", "")).find();
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff
                || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe
                || b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf);
    }

    private static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
