package app.carnival.feed.parse;

import java.time.Instant;

/**
 * One entry of a parsed feed body as the next poll recognises it before mapping it.
 *
 * @param fingerprint the entry's markup in its feed ({@link EntryPrints})
 * @param published   when it was published, null when it does not say or was not kept
 */
public record EntryPrint(long fingerprint, Instant published) {}
