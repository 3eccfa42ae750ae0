package app.carnival.feed.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.security.Digests;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Post identity keys are bounded in bytes, not characters, so that the (feed_id, guid) btree always takes them. */
class PostStoreKeyTest {

    @Test
    void aGuidOfAtMost1000BytesIsItsOwnKey() {
        assertThat(PostStore.key("https://blog.example/?p=42")).isEqualTo("https://blog.example/?p=42");
        String exactly1000 = "é".repeat(500);
        assertThat(exactly1000.getBytes(StandardCharsets.UTF_8)).hasSize(1000);
        assertThat(PostStore.key(exactly1000)).isEqualTo(exactly1000);
    }

    @Test
    void aGuidOverThe1000BytesIsKeyedByTheHashOfItsUtf8() {
        String nonAscii = "漢".repeat(2048); // 2048 characters, 6144 bytes: within the old character limit
        assertThat(PostStore.key(nonAscii))
                .isEqualTo("sha256:" + HexFormat.of().formatHex(Digests.sha256(nonAscii)))
                .hasSize(71);
        String oneByteOver = "é".repeat(500) + "x";
        assertThat(PostStore.key(oneByteOver))
                .isEqualTo("sha256:" + HexFormat.of().formatHex(Digests.sha256(oneByteOver)));
    }
}
