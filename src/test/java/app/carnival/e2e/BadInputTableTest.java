package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Garbage to every write endpoint and unknown ids to every read: always a 4xx problem with a
 * detail, never a 500, and the database is byte-for-byte what it was.
 */
@QuarkusTest
@SendsInvalidRequests
class BadInputTableTest {

    static final String S = "/api/series/bad-table";
    static String token;
    static long participant;
    static String before;

    /** Runs once, inside the first test: Quarkus is only up by then. */
    @BeforeEach
    void setUp() throws Exception {
        if (token != null) {
            return;
        }
        token = Api.createSeries("bad-table", "badtable");
        Api.createAssignment(
                        "bad-table",
                        token,
                        Api.assignment("https://host.example/i", "2024-05-01T00:00:00Z", "2024-05-10T00:00:00Z", 0))
                .statusCode(201);
        participant = Api.register("bad-table", "Pat", "https://pat.example/", "https://pat.example/feed");
        before = fingerprint();
    }

    @AfterAll
    static void databaseUnchanged() throws Exception {
        assertThat(fingerprint()).isEqualTo(before);
    }

    record Case(String name, String method, String path, String body, boolean host, int... statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String LONG = "x".repeat(10_001);
    static final String VALID_ASSIGNMENT =
            "{\"title\":\"t\",\"invitationUrl\":\"https://h.example/i\",\"opensAt\":\"2024-05-01T00:00:00Z\",\"closesAt\":\"2024-05-10T00:00:00Z\"";

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        // series
        c.add(new Case("series: malformed JSON", "POST", "/api/series", "{\"slug\":", false, 400));
        c.add(new Case("series: not an object", "POST", "/api/series", "[1,2,3]", false, 400));
        c.add(new Case("series: empty body", "POST", "/api/series", "", false, 400));
        c.add(new Case("series: null", "POST", "/api/series", "null", false, 400));
        c.add(new Case(
                "series: wrong type",
                "POST",
                "/api/series",
                "{\"slug\":{\"a\":1},\"title\":\"t\",\"hashtag\":\"h\"}",
                false,
                400));
        c.add(new Case("series: missing fields", "POST", "/api/series", "{}", false, 400));
        c.add(new Case(
                "series: over-long title",
                "POST",
                "/api/series",
                "{\"slug\":\"ok-slug\",\"title\":\"" + LONG + "\",\"hashtag\":\"h\"}",
                false,
                400));
        c.add(new Case(
                "series: over-long slug",
                "POST",
                "/api/series",
                "{\"slug\":\"" + "a".repeat(65) + "\",\"title\":\"t\",\"hashtag\":\"h\"}",
                false,
                400));
        c.add(new Case(
                "series: bad slug",
                "POST",
                "/api/series",
                "{\"slug\":\"../etc\",\"title\":\"t\",\"hashtag\":\"h\"}",
                false,
                400));
        c.add(new Case(
                "series: bad hashtag",
                "POST",
                "/api/series",
                "{\"slug\":\"ok-slug\",\"title\":\"t\",\"hashtag\":\"two words\"}",
                false,
                400));
        c.add(new Case(
                "series: javascript URL",
                "POST",
                "/api/series",
                "{\"slug\":\"ok-slug\",\"title\":\"t\",\"hashtag\":\"h\",\"homeUrl\":\"javascript:alert(1)\"}",
                false,
                400));
        c.add(new Case(
                "series: relative URL",
                "POST",
                "/api/series",
                "{\"slug\":\"ok-slug\",\"title\":\"t\",\"hashtag\":\"h\",\"homeUrl\":\"/home\"}",
                false,
                400));
        c.add(new Case(
                "series: duplicate slug",
                "POST",
                "/api/series",
                "{\"slug\":\"bad-table\",\"title\":\"t\",\"hashtag\":\"h\"}",
                false,
                409));
        c.add(new Case("series: unknown slug", "GET", "/api/series/nope", null, false, 404));
        c.add(new Case("series: PATCH malformed", "PATCH", S, "{\"title\"", true, 400));
        c.add(new Case("series: PATCH not an object", "PATCH", S, "[]", true, 400));
        c.add(new Case("series: PATCH wrong type", "PATCH", S, "{\"title\":5}", true, 400));
        c.add(new Case("series: PATCH unknown policy", "PATCH", S, "{\"intakePolicy\":\"NEVER\"}", true, 400));
        c.add(new Case("series: PATCH blank title", "PATCH", S, "{\"title\":\" \"}", true, 422));
        c.add(new Case("series: PATCH bad hashtag", "PATCH", S, "{\"hashtag\":\"two words\"}", true, 422));
        c.add(new Case("series: PATCH bad home URL", "PATCH", S, "{\"homeUrl\":\"javascript:alert(1)\"}", true, 422));
        c.add(new Case("series: PATCH other slug", "PATCH", S, "{\"slug\":\"bad-other\"}", true, 422));
        c.add(new Case("series: PATCH unknown field", "PATCH", S, "{\"hostToken\":\"mine\"}", true, 422));
        c.add(new Case("series: PATCH without token", "PATCH", S, "{\"title\":\"t\"}", false, 401));
        c.add(new Case("series: PATCH unknown slug", "PATCH", "/api/series/nope", "{\"title\":\"t\"}", true, 404));
        c.add(new Case("series: new token without token", "POST", S + "/host-token", null, false, 401));
        c.add(new Case("series: delete without token", "DELETE", S, null, false, 401));
        c.add(new Case("series: delete unknown slug", "DELETE", "/api/series/nope", null, true, 404));
        // assignments
        c.add(new Case("assignment: malformed JSON", "POST", S + "/assignments", "{\"title\":", true, 400));
        c.add(new Case("assignment: missing fields", "POST", S + "/assignments", "{\"title\":\"t\"}", true, 400));
        c.add(new Case(
                "assignment: bad date",
                "POST",
                S + "/assignments",
                "{\"title\":\"t\",\"invitationUrl\":\"https://h.example/i\",\"opensAt\":\"2024-13-45\",\"closesAt\":\"2024-05-10T00:00:00Z\"}",
                true,
                400));
        c.add(new Case(
                "assignment: date without offset",
                "POST",
                S + "/assignments",
                "{\"title\":\"t\",\"invitationUrl\":\"https://h.example/i\",\"opensAt\":\"2024-05-01T00:00:00\",\"closesAt\":\"2024-05-10T00:00:00Z\"}",
                true,
                400));
        c.add(new Case(
                "assignment: number as text",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"number\":\"three\"}",
                true,
                400));
        c.add(new Case(
                "assignment: negative number",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"number\":-3}",
                true,
                400));
        c.add(new Case(
                "assignment: huge number",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"number\":99999999999999}",
                true,
                400));
        c.add(new Case(
                "assignment: duplicate number",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"number\":1}",
                true,
                409));
        c.add(new Case(
                "assignment: negative grace",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"graceMinutes\":-1}",
                true,
                400));
        c.add(new Case(
                "assignment: unknown rule",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"matchRule\":\"SOMETIMES\"}",
                true,
                400));
        c.add(new Case(
                "assignment: questions not a list",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"questions\":\"why\"}",
                true,
                400));
        c.add(new Case(
                "assignment: blank question",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"questions\":[\" \"]}",
                true,
                400));
        c.add(new Case(
                "assignment: ftp invitation",
                "POST",
                S + "/assignments",
                "{\"title\":\"t\",\"invitationUrl\":\"ftp://h.example/i\",\"opensAt\":\"2024-05-01T00:00:00Z\",\"closesAt\":\"2024-05-10T00:00:00Z\"}",
                true,
                400));
        c.add(new Case(
                "assignment: bad alias",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"aliasUrls\":[\"not a url\"]}",
                true,
                400));
        c.add(new Case(
                "assignment: over-long intro",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"roundupIntro\":\"" + LONG + "\"}",
                true,
                400));
        c.add(new Case(
                "assignment: closes before opens",
                "POST",
                S + "/assignments",
                "{\"title\":\"t\",\"invitationUrl\":\"https://h.example/i\",\"opensAt\":\"2024-05-10T00:00:00Z\",\"closesAt\":\"2024-05-01T00:00:00Z\"}",
                true,
                422));
        c.add(new Case(
                "assignment: unknown zone",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"timezone\":\"Nowhere/Land\"}",
                true,
                422));
        c.add(new Case(
                "assignment: unknown series",
                "POST",
                "/api/series/nope/assignments",
                VALID_ASSIGNMENT + "}",
                true,
                404));
        c.add(new Case("assignment: unknown number", "GET", S + "/assignments/42", null, false, 404));
        c.add(new Case("assignment: number zero", "GET", S + "/assignments/0", null, false, 404));
        c.add(new Case("assignment: negative number path", "GET", S + "/assignments/-1", null, false, 404));
        c.add(new Case(
                "assignment: huge number path", "GET", S + "/assignments/99999999999999999999", null, false, 404));
        c.add(new Case("assignment: text number path", "GET", S + "/assignments/one", null, false, 404));
        c.add(new Case("assignment: PUT missing fields", "PUT", S + "/assignments/1", "{\"title\":\"t\"}", true, 400));
        c.add(new Case("assignment: PUT unknown", "PUT", S + "/assignments/9", VALID_ASSIGNMENT + "}", true, 404));
        c.add(new Case("assignment: PATCH malformed", "PATCH", S + "/assignments/1", "{\"title\"", true, 400));
        c.add(new Case(
                "assignment: PATCH wrong type",
                "PATCH",
                S + "/assignments/1",
                "{\"graceMinutes\":\"lots\"}",
                true,
                400));
        c.add(new Case("assignment: PATCH blank title", "PATCH", S + "/assignments/1", "{\"title\":\"\"}", true, 422));
        c.add(new Case(
                "assignment: PATCH bad window",
                "PATCH",
                S + "/assignments/1",
                "{\"closesAt\":\"2020-01-01T00:00:00Z\"}",
                true,
                422));
        c.add(new Case("assignment: PATCH not an object", "PATCH", S + "/assignments/1", "[]", true, 400));
        c.add(new Case("roundup: unknown number", "GET", S + "/assignments/7/roundup", null, false, 404));
        // participants
        c.add(new Case("participant: malformed JSON", "POST", S + "/participants", "{\"name\"", false, 400));
        c.add(new Case("participant: missing fields", "POST", S + "/participants", "{}", false, 400));
        c.add(new Case(
                "participant: over-long name",
                "POST",
                S + "/participants",
                "{\"name\":\"" + LONG + "\",\"blogUrl\":\"https://b.example/\",\"feedUrl\":\"https://b.example/feed\"}",
                false,
                400));
        c.add(new Case(
                "participant: bad blog URL",
                "POST",
                S + "/participants",
                "{\"name\":\"n\",\"blogUrl\":\"b.example\",\"feedUrl\":\"https://b.example/feed\"}",
                false,
                400));
        c.add(new Case(
                "participant: file feed URL",
                "POST",
                S + "/participants",
                "{\"name\":\"n\",\"blogUrl\":\"https://b.example/\",\"feedUrl\":\"file:///etc/passwd\"}",
                false,
                400));
        c.add(new Case(
                "participant: over-long URL",
                "POST",
                S + "/participants",
                "{\"name\":\"n\",\"blogUrl\":\"https://b.example/" + LONG
                        + "\",\"feedUrl\":\"https://b.example/feed\"}",
                false,
                400));
        c.add(new Case(
                "participant: duplicate feed",
                "POST",
                S + "/participants",
                "{\"name\":\"n\",\"blogUrl\":\"https://pat.example/\",\"feedUrl\":\"https://pat.example/feed\"}",
                false,
                409));
        c.add(new Case(
                "participant: unknown series",
                "POST",
                "/api/series/nope/participants",
                "{\"name\":\"n\",\"blogUrl\":\"https://b.example/\",\"feedUrl\":\"https://b.example/feed\"}",
                false,
                404));
        c.add(new Case("participant: unknown id", "GET", "/api/participants/999999", null, false, 404));
        c.add(new Case("participant: negative id", "GET", "/api/participants/-1", null, false, 404));
        c.add(new Case("participant: huge id", "GET", "/api/participants/99999999999999999999999", null, false, 404));
        c.add(new Case("participant: delete unknown", "DELETE", "/api/participants/999999", null, true, 404));
        c.add(new Case("participant: delete without token", "DELETE", "/api/participants/{p}", null, false, 401));
        c.add(new Case("participant: poll unknown", "POST", "/api/participants/999999/poll", null, true, 404));
        c.add(new Case("poll: unknown series", "POST", "/api/series/nope/poll", null, true, 404));
        // strict JSON types: a number is not a string, a string not a number, a date not a number
        c.add(new Case(
                "series: number as slug",
                "POST",
                "/api/series",
                "{\"slug\":123,\"title\":\"t\",\"hashtag\":\"h\"}",
                false,
                400));
        c.add(new Case(
                "series: boolean as title",
                "POST",
                "/api/series",
                "{\"slug\":\"ok-slug\",\"title\":true,\"hashtag\":\"h\"}",
                false,
                400));
        c.add(new Case(
                "assignment: grace as text",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"graceMinutes\":\"5\"}",
                true,
                400));
        c.add(new Case(
                "assignment: date as number",
                "POST",
                S + "/assignments",
                "{\"title\":\"t\",\"invitationUrl\":\"https://h.example/i\",\"opensAt\":1714521600,\"closesAt\":\"2024-05-10T00:00:00Z\"}",
                true,
                400));
        c.add(new Case("assignment: PATCH number as title", "PATCH", S + "/assignments/1", "{\"title\":7}", true, 400));
        // control characters: in the path, the query and any string of a body (PostgreSQL refuses NUL)
        c.add(new Case("NUL: series path", "GET", "/api/series/%00", null, false, 400));
        c.add(new Case("NUL: series OPML", "GET", "/api/series/%00/participants.opml", null, false, 400));
        c.add(new Case("NUL: series Atom", "GET", "/api/series/%00/responses.atom", null, false, 400));
        c.add(new Case("NUL: round-up HTML", "GET", S + "/assignments/1%00/roundup.html", null, false, 400));
        c.add(new Case(
                "NUL: assignments of series",
                "POST",
                "/api/series/bad%00/assignments",
                VALID_ASSIGNMENT + "}",
                true,
                400));
        c.add(new Case("NUL: poll series", "POST", "/api/series/%00/poll", null, true, 400));
        c.add(new Case("NUL: participant", "GET", "/api/participants/%00", null, false, 400));
        c.add(new Case("NUL: poll participant", "POST", "/api/participants/1%00/poll", null, true, 400));
        c.add(new Case(
                "NUL: register in series",
                "POST",
                "/api/series/%00/participants",
                "{\"name\":\"n\",\"blogUrl\":\"https://b.example/\",\"feedUrl\":\"https://b.example/feed\"}",
                false,
                400));
        c.add(new Case("control: escape in path", "GET", "/api/series/bad-table%1B", null, false, 400));
        c.add(new Case("NUL: query", "GET", "/api/series?q=%00", null, false, 400));
        c.add(new Case(
                "NUL: series title",
                "POST",
                "/api/series",
                "{\"slug\":\"ok-slug\",\"title\":\"a\\u0000b\",\"hashtag\":\"h\"}",
                false,
                400));
        c.add(new Case(
                "NUL: assignment title",
                "POST",
                S + "/assignments",
                "{\"title\":\"a\\u0000\",\"invitationUrl\":\"https://h.example/i\",\"opensAt\":\"2024-05-01T00:00:00Z\",\"closesAt\":\"2024-05-10T00:00:00Z\"}",
                true,
                400));
        c.add(new Case(
                "control: assignment question",
                "POST",
                S + "/assignments",
                VALID_ASSIGNMENT + ",\"questions\":[\"why\\u0007\"]}",
                true,
                400));
        c.add(new Case("NUL: PATCH intro", "PATCH", S + "/assignments/1", "{\"roundupIntro\":\"\\u0000\"}", true, 400));
        c.add(new Case(
                "NUL: participant name",
                "POST",
                S + "/participants",
                "{\"name\":\"n\\u0000\",\"blogUrl\":\"https://b.example/\",\"feedUrl\":\"https://b.example/feed\"}",
                false,
                400));
        c.add(new Case(
                "NUL: add response URL",
                "POST",
                S + "/assignments/1/responses",
                "{\"url\":\"https://pat.example/\\u0000\"}",
                true,
                400));
        // protocol
        c.add(new Case("wrong method", "PUT", "/api/series/bad-table", null, true, 405));
        c.add(new Case("not JSON", "POST", "/api/series", "slug=x", false, 415));
        return c.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithAProblemAndChangesNothing(Case c) {
        RequestSpecification request = given().contentType(
                        c.name().equals("not JSON") ? "application/x-www-form-urlencoded" : "application/json");
        if (c.path().contains("%")) {
            request.urlEncodingEnabled(false); // the escape is the point: send it as written
        }
        if (c.body() != null) {
            request.body(c.body());
        }
        if (c.host()) {
            request.header("Authorization", "Bearer " + token);
        }
        Response response = request.request(c.method(), c.path().replace("{p}", String.valueOf(participant)));
        assertThat(response.statusCode())
                .as(c.name() + ": " + response.asString())
                .isIn(box(c.statuses()));
        assertThat(response.contentType()).as(c.name()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).as(c.name()).isNotBlank();
        assertThat(response.jsonPath().getInt("status")).isEqualTo(response.statusCode());
    }

    @Test
    void requestBodiesHaveASizeLimit() {
        String huge = "{\"slug\":\"big\",\"title\":\"" + "x".repeat(200_000) + "\",\"hashtag\":\"h\"}";
        assertThat(given().contentType("application/json")
                        .body(huge)
                        .post("/api/series")
                        .statusCode())
                .isEqualTo(413);
        given().get("/api/series/big").then().statusCode(404);
    }

    static Integer[] box(int[] statuses) {
        return java.util.Arrays.stream(statuses).boxed().toArray(Integer[]::new);
    }

    /** A digest of every row of every table. */
    static String fingerprint() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement()) {
            for (String table : List.of(
                    "series",
                    "assignment",
                    "assignment_question",
                    "assignment_alias",
                    "feed",
                    "participant",
                    "post",
                    "response",
                    "mention")) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table
                                + " t")) {
                    rs.next();
                    all.append(table)
                            .append('=')
                            .append(rs.getLong(1))
                            .append(':')
                            .append(rs.getString(2))
                            .append(' ');
                }
            }
        }
        return all.toString();
    }
}
