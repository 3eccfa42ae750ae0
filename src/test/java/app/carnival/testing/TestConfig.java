package app.carnival.testing;

import app.carnival.config.CarnivalConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** The real settings with their real defaults, plus overrides, for tests that run without Quarkus. */
public final class TestConfig {

    private TestConfig() {}

    public static CarnivalConfig carnival(Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .withMapping(CarnivalConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValues(overrides)
                .build()
                .getConfigMapping(CarnivalConfig.class);
    }
}
