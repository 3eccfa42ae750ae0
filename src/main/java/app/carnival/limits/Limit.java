package app.carnival.limits;

import app.carnival.config.CarnivalConfig;
import app.carnival.config.Rate;
import java.util.function.Function;

/** The public writes limited per client, each with its setting and the words of its refusal. */
public enum Limit {
    SERIES_CREATION(CarnivalConfig.RateLimits::seriesCreation, "Too many series started from your address"),
    REGISTRATION(CarnivalConfig.RateLimits::registration, "Too many registrations from your address"),
    SELF_SERVICE(CarnivalConfig.RateLimits::selfService, "Too many requests for participants from your address"),
    WRONG_TOKENS(CarnivalConfig.RateLimits::wrongTokens, "Too many wrong tokens from your address");

    private final Function<CarnivalConfig.RateLimits, Rate> setting;
    private final String refusal;

    Limit(Function<CarnivalConfig.RateLimits, Rate> setting, String refusal) {
        this.setting = setting;
        this.refusal = refusal;
    }

    Rate rate(CarnivalConfig.RateLimits config) {
        return setting.apply(config);
    }

    String refusal() {
        return refusal;
    }
}
