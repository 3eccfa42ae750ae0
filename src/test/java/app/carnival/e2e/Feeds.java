package app.carnival.e2e;

/** Feed documents in the shapes the big blog platforms produce, for the end-to-end tests. */
final class Feeds {

    private Feeds() {}

    /** WordPress-style RSS 2.0 with full content in content:encoded. */
    static String wordpress(String site, String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                  <title>Alice writes</title>
                  <link>%s</link>
                  <description>Just another WordPress site</description>
                  <generator>https://wordpress.org/?v=6.5</generator>
                  %s
                </channel>
                </rss>
                """.formatted(site, String.join("\n", items));
    }

    static String wordpressItem(String link, String title, String pubDate, String category, String contentHtml) {
        return """
                <item>
                  <title>%s</title>
                  <link>%s</link>
                  <dc:creator><![CDATA[alice]]></dc:creator>
                  <pubDate>%s</pubDate>
                  <category><![CDATA[%s]]></category>
                  <guid isPermaLink="false">%s?p=%d</guid>
                  <description><![CDATA[A short teaser [&#8230;]]]></description>
                  <content:encoded><![CDATA[%s]]></content:encoded>
                </item>
                """.formatted(title, link, pubDate, category, link, Math.abs(link.hashCode()), contentHtml);
    }

    /** Blogger-style Atom feed. */
    static String blogger(String site, String... entries) {
        return """
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2008'>
                  <id>tag:blogger.com,1999:blog-123</id>
                  <updated>2024-05-20T10:00:00.000-07:00</updated>
                  <title type='text'>Bob's Blogger blog</title>
                  <link rel='alternate' type='text/html' href='%s'/>
                  <author><name>Bob</name></author>
                  <generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>
                  %s
                </feed>
                """.formatted(site, String.join("\n", entries));
    }

    static String bloggerEntry(String id, String link, String title, String published, String category, String html) {
        return """
                <entry>
                  <id>tag:blogger.com,1999:blog-123.post-%s</id>
                  <published>%s</published>
                  <updated>%s</updated>
                  <category scheme='http://www.blogger.com/atom/ns#' term='%s'/>
                  <title type='text'>%s</title>
                  <content type='html'>%s</content>
                  <link rel='alternate' type='text/html' href='%s' title='%s'/>
                  <author><name>Bob</name></author>
                </entry>
                """.formatted(id, published, published, category, title, escape(html), link, title);
    }

    /** RSS 1.0 (RDF) feed. */
    static String rdf(String site, String... items) {
        StringBuilder seq = new StringBuilder();
        for (String item : items) {
            String about = item.substring(item.indexOf("rdf:about=\"") + 11);
            seq.append("<rdf:li rdf:resource=\"")
                    .append(about, 0, about.indexOf('"'))
                    .append("\"/>");
        }
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                         xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel rdf:about="%s/index.rdf">
                    <title>Carol's notes</title>
                    <link>%s</link>
                    <description>RSS 1.0</description>
                    <items><rdf:Seq>%s</rdf:Seq></items>
                  </channel>
                  %s
                </rdf:RDF>
                """.formatted(site, site, seq, String.join("\n", items));
    }

    static String rdfItem(String link, String title, String date, String html) {
        return """
                <item rdf:about="%s">
                  <title>%s</title>
                  <link>%s</link>
                  <dc:date>%s</dc:date>
                  <description>%s</description>
                </item>
                """.formatted(link, escape(title), link, date, escape(html));
    }

    /** RSS 2.0 that carries only a teaser, as many sites configure their feeds. */
    static String summaryOnly(String site, String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                  <title>Dave's digest</title><link>%s</link><description>Teasers only</description>
                  %s
                </channel></rss>
                """.formatted(site, String.join("\n", items));
    }

    static String summaryItem(String link, String title, String pubDate, String teaser) {
        return """
                <item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>
                  <description>%s</description></item>
                """.formatted(title, link, link, pubDate, escape(teaser));
    }

    /** A blog post page with the article, a sidebar and comments, as a theme renders it. */
    static String postPage(String title, String articleHtml, String sidebarHtml) {
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>%s</title></head>
                <body>
                  <header><nav><a href="/">Home</a></nav></header>
                  <main><article><h1>%s</h1><div class="entry-content">%s</div></article></main>
                  <aside class="sidebar">%s</aside>
                  <footer>Footer</footer>
                </body></html>
                """.formatted(title, title, articleHtml, sidebarHtml);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
