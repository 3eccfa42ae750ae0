package app.carnival.boot;

import app.carnival.errors.DomainException;
import app.carnival.series.SeriesRequest;
import app.carnival.series.SeriesService;
import app.carnival.series.SeriesView;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.Dependent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code create-series --slug=… --title=… --hashtag=… [--description=…] [--home-url=…]}: the operator
 * starts a series from the command line, whatever {@code carnival.series-creation} says (the way in
 * when it is {@code closed}). Prints the host token, shown this once.
 */
@Dependent
public class CreateSeriesCommand implements QuarkusApplication {

    static final String NAME = "create-series";
    private static final List<String> OPTIONS = List.of("slug", "title", "hashtag", "description", "home-url");

    private final SeriesService series;

    public CreateSeriesCommand(SeriesService series) {
        this.series = series;
    }

    /** Exit status 0 with the series and its token on standard output; 2 with the reason on standard error. */
    @Override
    public int run(String... args) {
        try {
            Map<String, String> options = options(args);
            SeriesView created = series.create(new SeriesRequest(
                    options.get("slug"),
                    options.get("title"),
                    options.get("description"),
                    options.get("hashtag"),
                    options.get("home-url"),
                    null,
                    null,
                    null,
                    null,
                    null));
            System.out.println("Series '" + created.slug() + "' started: /series/" + created.slug());
            System.out.println("Host token (shown this once): " + created.hostToken());
            return 0;
        } catch (IllegalArgumentException | DomainException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.err.println("usage: " + NAME + " --slug=meme15 --title='Meme 15' --hashtag=meme15"
                    + " [--description=…] [--home-url=https://…]");
            return 2;
        }
    }

    static Map<String, String> options(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException(
                        "'" + arg + "' is not one of --" + String.join("=…, --", OPTIONS) + "=…");
            }
            options.put(name, arg.substring(eq + 1));
        }
        return options;
    }
}
