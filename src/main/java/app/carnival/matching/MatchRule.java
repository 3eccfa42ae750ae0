package app.carnival.matching;

/** How link-back and hashtag evidence combine into a match (SPEC "Matching"). */
public enum MatchRule {
    LINK_OR_TAG,
    LINK_AND_TAG,
    LINK_ONLY,
    TAG_ONLY
}
