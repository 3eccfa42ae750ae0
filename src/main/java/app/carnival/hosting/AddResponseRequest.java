package app.carnival.hosting;

import app.carnival.url.HttpUrl;

/**
 * Body of {@code POST …/responses}: a post to add by hand, given by its page's {@code url} or, for a
 * post Carnival already stored (a near-miss), by {@code postId}.
 *
 * @param participantId whose post it is, when the blog host does not tell (only used with {@code url})
 */
public record AddResponseRequest(@HttpUrl String url, Long postId, Long participantId) {}
