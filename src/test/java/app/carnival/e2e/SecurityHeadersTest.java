package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.roundup.RoundupExports;
import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 4: every kind of answer (pages, the JSON API and its problems, static files, /q/*, the
 * WebSub callbacks, 404s) carries the security headers, with exactly these values; HSTS only when the
 * request came over https. The service runs as behind a TLS proxy (forwarding on), so one run sees both:
 * a plain request, and the same with {@code X-Forwarded-Proto: https}.
 */
@QuarkusTest
@TestProfile(SecurityHeadersTest.BehindTlsProxy.class)
@SendsInvalidRequests // a 400 on purpose; every answer is still checked against the API document
class SecurityHeadersTest {

    /** As the README says to run it behind an Ingress that ends TLS. */
    public static class BehindTlsProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true");
        }
    }

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final String SWAGGER_UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final String SLUG = "headers";
    static final String SERIES = "/series/" + SLUG;

    static String hostToken;

    @Inject
    RoundupExports exports;

    /**
     * One request of a kind: its path, the status it gets, whether the host's session goes with it, and the
     * JSON it posts (null: a GET).
     */
    record Probe(String path, int status, boolean asHost, String posted) {
        static Probe get(String path, int status) {
            return new Probe(path, status, false, null);
        }

        static Probe asHost(String path) {
            return new Probe(path, 200, true, null);
        }
    }

    static final List<Probe> EVERY_KIND = List.of(
            Probe.get("/", 200),
            Probe.get(SERIES, 200),
            Probe.get(SERIES + "/1", 200),
            Probe.get(SERIES + "/host", 200), // the login form
            Probe.asHost(SERIES + "/host"), // the dashboard
            Probe.asHost(SERIES + "/host/1"), // curation
            Probe.get("/series/nope", 404), // the error page
            Probe.get("/no/such/address", 404), // nothing answers it
            Probe.get("/api/series/" + SLUG, 200),
            Probe.get("/api/series/" + SLUG + "/assignments/1/roundup", 200),
            Probe.get("/api/series/" + SLUG + "/assignments/1/roundup.html", 200),
            Probe.get("/api/series/" + SLUG + "/assignments/1/roundup.md", 200),
            Probe.get("/api/series/nope", 404), // problem+json
            new Probe("/api/series", 400, false, "{\"slug\":"), // problem+json for bad input
            Probe.get("/static/countdown.js", 200),
            Probe.get("/static/carnival.css", 200),
            Probe.get("/static/favicon.svg", 200),
            Probe.get("/favicon.ico", 301),
            Probe.get("/q/health/ready", 200),
            Probe.get("/q/metrics", 200),
            Probe.get("/q/openapi", 200),
            Probe.get("/websub/unknown-token", 404));

    @BeforeEach
    void series() {
        // here rather than in @BeforeAll, which may run before the application is up
        if (hostToken != null) {
            return;
        }
        hostToken = Api.createSeries(SLUG, "headers");
        Api.createAssignment(
                        SLUG,
                        hostToken,
                        Api.assignment(
                                "https://host.example/headers/invitation",
                                Instant.now().minus(Duration.ofDays(1)).toString(),
                                Instant.now().plus(Duration.ofDays(6)).toString(),
                                0))
                .statusCode(201);
    }

    @Test
    void everyKindOfAnswerOverPlainHttpCarriesTheHeadersButNoHsts() {
        SoftAssertions soft = new SoftAssertions();
        for (Probe probe : EVERY_KIND) {
            Response answer = request(probe, false);
            assertTheHeaders(soft, probe.path(), answer, CSP);
            soft.assertThat(answer.headers().getValues("Strict-Transport-Security"))
                    .as("HSTS over plain http on %s", probe.path())
                    .isEmpty();
        }
        soft.assertAll();
    }

    @Test
    void everyKindOfAnswerOverHttpsAlsoCarriesHsts() {
        SoftAssertions soft = new SoftAssertions();
        for (Probe probe : EVERY_KIND) {
            Response answer = request(probe, true);
            assertTheHeaders(soft, probe.path(), answer, CSP);
            soft.assertThat(answer.headers().getValues("Strict-Transport-Security"))
                    .as("HSTS over https on %s", probe.path())
                    .containsExactly("max-age=31536000");
        }
        soft.assertAll();
    }

    /** Quarkus' Swagger UI, linked from every page, starts with an inline script: allowed there alone. */
    @Test
    void swaggerUiMayRunItsInlineScriptButNotBeFramed() {
        SoftAssertions soft = new SoftAssertions();
        Response answer = given().redirects().follow(false).get("/q/swagger-ui/");
        soft.assertThat(answer.statusCode()).isEqualTo(200);
        assertTheHeaders(soft, "/q/swagger-ui/", answer, SWAGGER_UI_CSP);
        soft.assertAll();
    }

    /** The login's cookies: HttpOnly and SameSite=Strict always, Secure when the browser came over https. */
    @Test
    void cookiesAreSecureOnlyOverHttps() {
        for (boolean https : List.of(false, true)) {
            Response page = spec(https).get(SERIES + "/host");
            Response login = spec(https)
                    .cookie("carnival_form", page.cookie("carnival_form"))
                    .contentType(ContentType.URLENC)
                    .formParam(
                            "form",
                            Jsoup.parse(page.asString())
                                    .select("input[name=form]")
                                    .attr("value"))
                    .formParam("token", hostToken)
                    .post(SERIES + "/host/login");
            assertThat(login.statusCode()).isEqualTo(303);
            SoftAssertions soft = new SoftAssertions();
            assertTheHeaders(soft, "the login's answer", login, CSP);
            for (Cookie cookie : List.of(page.detailedCookie("carnival_form"), login.detailedCookie("carnival_host"))) {
                soft.assertThat(cookie.isHttpOnly())
                        .as("%s HttpOnly", cookie.getName())
                        .isTrue();
                soft.assertThat(cookie.getSameSite())
                        .as("%s SameSite", cookie.getName())
                        .isEqualTo("Strict");
                soft.assertThat(cookie.isSecured())
                        .as("%s Secure over %s", cookie.getName(), https ? "https" : "http")
                        .isEqualTo(https);
            }
            soft.assertAll();
        }
    }

    /** Headers only: the exports are the service's own text, byte for byte, for pasting into a blog. */
    @Test
    void theRoundupExportsAreServedUnchanged() {
        String path = "/api/series/" + SLUG + "/assignments/1/roundup";
        for (boolean https : List.of(false, true)) {
            assertThat(spec(https).get(path + ".html").asString()).isEqualTo(exports.htmlSnippet(SLUG, "1"));
            assertThat(spec(https).get(path + ".md").asString()).isEqualTo(exports.markdown(SLUG, "1"));
        }
    }

    Response request(Probe probe, boolean https) {
        RequestSpecification request = spec(https);
        if (probe.asHost()) {
            request.cookie("carnival_host", hostToken);
        }
        Response answer = probe.posted() == null
                ? request.get(probe.path())
                : request.contentType(ContentType.JSON).body(probe.posted()).post(probe.path());
        assertThat(answer.statusCode()).as(probe.path()).isEqualTo(probe.status());
        return answer;
    }

    /** A request as the browser sends it: directly over http, or through the TLS proxy. */
    static RequestSpecification spec(boolean https) {
        RequestSpecification request = given().redirects().follow(false);
        return https ? request.header("X-Forwarded-Proto", "https") : request;
    }

    static void assertTheHeaders(SoftAssertions soft, String what, Response answer, String csp) {
        soft.assertThat(answer.headers().getValues("Content-Security-Policy"))
                .as("CSP of %s", what)
                .containsExactly(csp);
        soft.assertThat(answer.headers().getValues("X-Frame-Options"))
                .as("X-Frame-Options of %s", what)
                .containsExactly("DENY");
        soft.assertThat(answer.headers().getValues("X-Content-Type-Options"))
                .as("X-Content-Type-Options of %s", what)
                .containsExactly("nosniff");
        soft.assertThat(answer.headers().getValues("Referrer-Policy"))
                .as("Referrer-Policy of %s", what)
                .containsExactly("strict-origin-when-cross-origin");
    }
}
