package app.carnival.roundup;

import app.carnival.url.Links;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Writes Atom 1.0 with ROME. Plain-text summaries only; links that are not http(s) are left out. */
public final class AtomWriter {

    /** The feed itself. {@code id} is a stable absolute URI; {@code updated} the newest change. */
    public record Channel(String id, String title, String subtitle, String selfUrl, String pageUrl, Instant updated) {}

    /** One entry: {@code id} a stable absolute URI, {@code summary} plain text. */
    public record Item(
            String id, String title, String url, String author, String authorUrl, Instant published, String summary) {}

    private AtomWriter() {}

    public static String write(Channel channel, List<Item> items) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(channel.id());
        feed.setTitle(channel.title());
        feed.setDescription(channel.subtitle());
        feed.setLinks(List.of(
                link("alternate", "text/html", channel.pageUrl()),
                link("self", "application/atom+xml", channel.selfUrl())));
        feed.setPublishedDate(Date.from(channel.updated()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Item item : items) {
            entries.add(entry(item));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write an Atom feed it was given: " + e.getMessage(), e);
        }
    }

    private static SyndEntry entry(Item item) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(item.id());
        entry.setTitle(item.title().isBlank() ? "(untitled)" : item.title());
        String url = Links.httpOrNull(item.url());
        if (url != null) {
            entry.setLinks(List.of(link("alternate", "text/html", url)));
        }
        SyndPerson author = new SyndPersonImpl();
        author.setName(item.author());
        author.setUri(Links.httpOrNull(item.authorUrl()));
        entry.setAuthors(List.of(author));
        entry.setPublishedDate(Date.from(item.published()));
        entry.setUpdatedDate(Date.from(item.published()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(item.summary());
        entry.setDescription(summary);
        return entry;
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
