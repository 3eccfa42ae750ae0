package app.carnival.content;

/** Where on an invitation page a candidate response was named. */
public enum CandidateKind {
    /** A pingback listed among the comments (or in the WordPress REST API): the pinging post. */
    PINGBACK,
    /** A trackback listed among the comments: the post that sent it. */
    TRACKBACK,
    /** A commenter's website address, which commenters often set to their response. */
    COMMENT_AUTHOR,
    /** A link inside a comment. */
    COMMENT_LINK,
    /** A Webmention or citation the page shows (microformats {@code h-cite}, {@code u-comment}, mention lists). */
    MENTION
}
