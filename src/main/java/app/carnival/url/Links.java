package app.carnival.url;

/** Links taken from feeds are shown only when they are http(s): a {@code javascript:} URL in a feed stays text. */
public final class Links {

    private Links() {}

    /** The URL if it is an absolute http(s) URL, else null (render no link). */
    public static String httpOrNull(String url) {
        return url != null && HttpUrl.Validator.isHttpUrl(url) ? url.strip() : null;
    }
}
