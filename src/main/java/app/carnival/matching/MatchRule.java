package app.carnival.matching;

/** How link-back and hashtag evidence combine into a match (SPEC "Matching"). */
public enum MatchRule {
    LINK_OR_TAG,
    LINK_AND_TAG,
    LINK_ONLY,
    TAG_ONLY;

    /** Whether a post with this evidence satisfies the rule. */
    public boolean accepts(boolean byLink, boolean byTag) {
        return switch (this) {
            case LINK_OR_TAG -> byLink || byTag;
            case LINK_AND_TAG -> byLink && byTag;
            case LINK_ONLY -> byLink;
            case TAG_ONLY -> byTag;
        };
    }

    /** Whether link-back evidence counts at all under this rule. */
    public boolean usesLink() {
        return this != TAG_ONLY;
    }

    /** Whether hashtag evidence counts at all under this rule. */
    public boolean usesTag() {
        return this != LINK_ONLY;
    }
}
