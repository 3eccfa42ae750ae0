package app.carnival.feed.parse;

import com.rometools.rome.io.FeedException;
import org.jdom2.input.JDOMParseException;

/** Turns XML parser failures into the short explanations shown as a feed's last error. */
final class ParseErrorMessages {

    private ParseErrorMessages() {}

    static String describe(FeedException e) {
        JDOMParseException xmlError = findCause(e, JDOMParseException.class);
        if (xmlError == null) {
            // ROME's parsers fail with NullPointerExceptions when required elements (e.g. channel) are missing.
            return "not a readable feed: required RSS/Atom elements are missing or invalid";
        }
        String detail = xmlError.getCause() != null && xmlError.getCause().getMessage() != null
                ? xmlError.getCause().getMessage()
                : xmlError.getMessage();
        if (detail.contains("must start and end within the same entity") || detail.contains("Premature end of file")) {
            return "truncated feed: the document ends at line " + xmlError.getLineNumber()
                    + " before its elements are closed";
        }
        return "malformed XML at line " + xmlError.getLineNumber() + ": " + detail;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
