package app.carnival.feed.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes a feed body to text. A byte-order mark or the UTF-16/32 byte pattern of {@code <?}
 * decides first (XML 1.0 appendix F); otherwise ROME's lenient {@link XmlReader} picks the charset
 * from the XML declaration and the Content-Type. Bytes that declare nothing and are not UTF-8 go to a
 * charset detector (juniversalchardet, Mozilla's universal detector); windows-1252 when it cannot tell.
 */
final class FeedDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^[^>]*<\\?xml[^>]*\\sencoding\\s*=");
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i);\\s*charset\\s*[=:]");

    String decode(byte[] body, String contentType) {
        Charset byteOrder = byteOrderCharset(body);
        if (byteOrder != null) {
            String text = new String(body, byteOrder);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        String charsetParams = charsetParameters(contentType);
        if (!CHARSET_PARAM.matcher(charsetParams).find() && !declaresEncoding(body) && !isValidUtf8(body)) {
            return new String(body, detectedCharset(body));
        }
        return new String(body, charsetFor(body, charsetParams));
    }

    /** BOM, else the XML spec's autodetection of a BOM-less UTF-16/32 {@code <?xml}. */
    private static Charset byteOrderCharset(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xfe, 0xff) || startsWith(b, 0x00, 0x00, 0x00, 0x3c)) {
            return UTF_32BE;
        }
        if (startsWith(b, 0xff, 0xfe, 0x00, 0x00) || startsWith(b, 0x3c, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (startsWith(b, 0xfe, 0xff) || startsWith(b, 0x00, 0x3c, 0x00, 0x3f)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(b, 0xff, 0xfe) || startsWith(b, 0x3c, 0x00, 0x3f, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        return startsWith(b, 0xef, 0xbb, 0xbf) ? StandardCharsets.UTF_8 : null;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
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

    /** XmlReader (lenient: the XML declaration wins over the header), tolerant of unknown charset names. */
    private static Charset charsetFor(byte[] body, String charsetParams) {
        Charset charset = xmlReaderCharset(body, "application/xml" + charsetParams);
        if (charset == null) {
            charset = xmlReaderCharset(body, "application/xml");
        }
        if (charset == null
                || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII)) {
            // An unknown name leaves UTF-8; Latin-1 and ASCII labels mean windows-1252 in practice (WHATWG).
            return charset == null ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        return charset;
    }

    private static Charset xmlReaderCharset(byte[] body, String contentType) {
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true, "UTF-8")) {
            return Charset.forName(reader.getEncoding());
        } catch (IOException | IllegalArgumentException unknownCharset) {
            return null;
        }
    }

    /**
     * The detector's guess, read as WHATWG does (Latin-1 and ASCII labels as windows-1252). Undeclared
     * feeds are mostly Latin-1/windows-1252, so that stays the answer when the detector has none.
     */
    private static Charset detectedCharset(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, body.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null || !Charset.isSupported(name)) {
            return WINDOWS_1252;
        }
        Charset charset = Charset.forName(name);
        boolean latin1 = charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII);
        // UTF-8 cannot be right: the bytes were checked and are not valid UTF-8.
        return latin1 || charset.equals(StandardCharsets.UTF_8) ? WINDOWS_1252 : charset;
    }

    private static boolean declaresEncoding(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        return DECLARED_ENCODING.matcher(head).find();
    }

    private static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
