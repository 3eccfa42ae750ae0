package app.carnival.feed.poll;

import app.carnival.feed.store.PostStore;
import java.util.List;

/** The new and edited entries of a feed body, content extracted, and what they may answer. */
record FeedChanges(List<PostStore.Prepared> changed, Answerable answerable) {}
