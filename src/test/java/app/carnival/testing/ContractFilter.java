package app.carnival.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Checks every rest-assured exchange under {@code /api/} against the OpenAPI document the service that answered
 * serves at {@code /q/openapi}: an undocumented status, a missing, extra or mistyped field fails the test that
 * made the request. Installed for every {@code @QuarkusTest} by {@link ContractCheck}.
 */
public final class ContractFilter implements Filter {

    /** Requests and responses must both be as documented. */
    public static final ContractFilter STRICT = new ContractFilter(true);
    /** For tests that send invalid requests on purpose: their answers must still be as documented. */
    public static final ContractFilter RESPONSES_ONLY = new ContractFilter(false);

    // One document per running service (scheme, host and port): loaded at its first API exchange.
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final boolean checksRequests;

    private ContractFilter(boolean checksRequests) {
        this.checksRequests = checksRequests;
    }

    /** Makes {@code filter} the one contract filter of every later rest-assured request, keeping any others. */
    public static void install(ContractFilter filter) {
        List<Filter> others = RestAssured.filters().stream()
                .filter(f -> !(f instanceof ContractFilter))
                .toList();
        RestAssured.replaceFiltersWith(
                Stream.concat(others.stream(), Stream.of(filter)).toList());
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        if (!request.getDerivedPath().startsWith("/api/")) {
            return response;
        }
        OpenApiInteractionValidator validator =
                VALIDATORS.computeIfAbsent(request.getBaseUri() + ":" + request.getPort(), ContractFilter::load);
        List<ValidationReport.Message> broken =
                validator
                        .validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response))
                        .getMessages()
                        .stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        // request messages include "no such path or method": then there is no answer to check either
                        .filter(m -> checksRequests || !m.getKey().startsWith("validation.request."))
                        .toList();
        if (!broken.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered " + response.statusLine()
                    + " against the OpenAPI document:\n"
                    + SimpleValidationReportFormat.getInstance().apply(ValidationReport.from(broken))
                    + "\nResponse body: " + abbreviated(response.asString()));
        }
        return response;
    }

    private static String abbreviated(String body) {
        return body.length() <= 2_000 ? body : body.substring(0, 2_000) + "…";
    }

    private static OpenApiInteractionValidator load(String origin) {
        try {
            HttpResponse<String> doc = HTTP.send(
                    HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (doc.statusCode() != 200) {
                throw new AssertionError(origin + "/q/openapi answered " + doc.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(doc.body())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
