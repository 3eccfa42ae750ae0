package app.carnival.feed.poll;

/**
 * How many feeds each claim of a poll cycle takes: first as many as the pool fetches at once, then twice
 * the claim before, up to the batch size. A claim costs the database time per feed claimed, and the pool
 * waits for the first one: a first claim of a whole batch (256) kept the pool idle ~15 ms into a cycle of
 * 2,000 feeds answering 304, while later claims overlap the fetches of the batch before.
 */
final class ClaimSizes {

    private final int max;
    private int next;

    /**
     * @param first the first claim's size (the pool's parallelism); at least one
     * @param max   the batch size, the largest claim
     */
    ClaimSizes(int first, int max) {
        this.max = max;
        this.next = Math.max(1, Math.min(first, max));
    }

    /** The size of the next claim. */
    int next() {
        int size = next;
        next = (int) Math.min(max, 2L * next);
        return size;
    }
}
