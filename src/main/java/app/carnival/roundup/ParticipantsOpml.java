package app.carnival.roundup;

import app.carnival.url.Links;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.opml.io.impl.OPML20Generator;
import com.rometools.rome.io.FeedException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** A series' participants as an OPML 2.0 subscription list, written with ROME's OPML generator. */
public final class ParticipantsOpml {

    /** One subscription: the participant's name, feed and blog. */
    public record Subscription(String name, String feedUrl, String blogUrl) {}

    private ParticipantsOpml() {}

    public static String write(String title, Instant created, List<Subscription> subscriptions) {
        Opml opml = new Opml();
        opml.setFeedType("opml_2.0");
        opml.setTitle(title);
        opml.setCreated(Date.from(created));
        opml.setOutlines(subscriptions.stream().map(ParticipantsOpml::outline).toList());
        try {
            // The generator is used directly: ROME's plugin lookup of rome.properties depends on the class loader.
            return new XMLOutputter(Format.getPrettyFormat()).outputString(new OPML20Generator().generate(opml));
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write OPML it was given: " + e.getMessage(), e);
        }
    }

    private static Outline outline(Subscription s) {
        Outline outline = new Outline(s.name(), url(s.feedUrl()), url(Links.httpOrNull(s.blogUrl())));
        outline.setText(s.name());
        return outline;
    }

    private static URL url(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }
}
