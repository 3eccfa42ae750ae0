package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.HtmlChecker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The series calendar (.ics), read back with ical4j's parser: its events, their stability across edits, escaping. */
@QuarkusTest
class CalendarTest {

    static final String INVITATION = "https://host.example/2024/05/calendar-invitation/";

    static String createSeries(String slug, String title) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", title, "hashtag", "meme15"))
                .post("/api/series")
                .then()
                .statusCode(201)
                .extract()
                .path("hostToken");
    }

    static void createAssignment(String slug, String token, Map<String, Object> body) {
        Api.createAssignment(slug, token, body).statusCode(201);
    }

    static String ics(String slug) {
        return given().get("/series/" + slug + "/calendar.ics")
                .then()
                .statusCode(200)
                .contentType("text/calendar;charset=UTF-8")
                .extract()
                .asString();
    }

    static Calendar parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate(); // RFC 5545 rules as ical4j checks them: throws on a violation
        return calendar;
    }

    static Map<String, VEvent> eventsByUid(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        Map<String, VEvent> byUid = events.stream().collect(Collectors.toMap(e -> text(e, Property.UID), e -> e));
        assertThat(byUid).as("UIDs are unique").hasSameSizeAs(events);
        return byUid;
    }

    static String text(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow().getValue();
    }

    static Instant instant(VEvent event, String property) {
        DateProperty<?> date = event.<DateProperty<?>>getProperty(property).orElseThrow();
        return Instant.from(date.getDate());
    }

    static VEvent only(Map<String, VEvent> events, String summaryStart) {
        List<VEvent> found = events.values().stream()
                .filter(e -> text(e, Property.SUMMARY).startsWith(summaryStart))
                .toList();
        assertThat(found).as(summaryStart).hasSize(1);
        return found.get(0);
    }

    @Test
    void twoEventsPerAssignmentAtItsMomentsWithStableUidsThatEditsUpdate() throws Exception {
        String token = createSeries("cal-main", "Meme15");
        Map<String, Object> hosted =
                new HashMap<>(Api.assignment(INVITATION, "2024-05-01T00:00:00+02:00", "2024-05-15T00:00:00+02:00", 30));
        hosted.put("title", "Tabs or spaces?");
        hosted.put("timezone", "Europe/Paris");
        hosted.put("guestHost", Map.of("name", "Dan Example", "blogUrl", "https://dan.example/"));
        createAssignment("cal-main", token, hosted);
        OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime closes = opens.plusDays(14);
        createAssignment(
                "cal-main",
                token,
                Map.of(
                        "opensAt",
                        opens.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        "closesAt",
                        closes.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        "graceMinutes",
                        0));

        String text = ics("cal-main");
        Calendar calendar = parse(text);
        assertThat(calendar.<Property>getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("PUBLISH");
        assertThat(calendar.<Property>getProperty(Property.PRODID)).isPresent();
        assertThat(calendar.<Property>getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Meme15");
        Map<String, VEvent> events = eventsByUid(calendar);
        assertThat(events).hasSize(4);
        assertThat(events.keySet()).allMatch(uid -> uid.matches("assignment-\\d+-(opens|deadline)@carnival\\.test"));

        VEvent opening = only(events, "Meme15 #1 opens: Tabs or spaces?");
        VEvent deadline = only(events, "Meme15 #1 deadline: Tabs or spaces?");
        assertThat(instant(opening, Property.DTSTART)).isEqualTo(Instant.parse("2024-04-30T22:00:00Z"));
        assertThat(instant(deadline, Property.DTSTART)).isEqualTo(Instant.parse("2024-05-14T22:00:00Z"));
        assertThat(Duration.between(instant(deadline, Property.DTSTART), instant(deadline, Property.DTEND)))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(text).contains("DTSTART:20240430T220000Z", "DTSTART:20240514T220000Z");
        for (VEvent e : List.of(opening, deadline)) {
            assertThat(text(e, Property.URL)).isEqualTo("http://carnival.test/series/cal-main/1");
            assertThat(text(e, Property.DESCRIPTION))
                    .contains("Hosted by Dan Example (https://dan.example/)")
                    .contains("Invitation: " + INVITATION)
                    .contains("http://carnival.test/series/cal-main/1");
            assertThat(e.<Property>getProperty(Property.DTSTAMP)).isPresent();
            assertThat(text(e, Property.TRANSP)).isEqualTo("TRANSPARENT");
        }
        assertThat(text(deadline, Property.DESCRIPTION))
                .contains("Grace period: 30 minutes (posts published until Wed 15 May 2024, 00:30 Europe/Paris");
        assertThat(text(opening, Property.DESCRIPTION)).doesNotContain("Grace period");

        VEvent planned = only(events, "Meme15 #2 opens: Topic to be announced");
        assertThat(instant(planned, Property.DTSTART)).isEqualTo(opens.toInstant());
        assertThat(instant(only(events, "Meme15 #2 deadline: Topic to be announced"), Property.DTSTART))
                .isEqualTo(closes.toInstant());
        assertThat(text(planned, Property.URL)).isEqualTo("http://carnival.test/series/cal-main/2");
        assertThat(text(planned, Property.DESCRIPTION))
                .contains("The invitation is not published yet.")
                .doesNotContain("Hosted by");

        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("title", "Tabs, spaces or both?"))
                .patch("/api/series/cal-main/assignments/1")
                .then()
                .statusCode(200);
        Map<String, VEvent> edited = eventsByUid(parse(ics("cal-main")));
        assertThat(edited.keySet()).isEqualTo(events.keySet());
        String openingUid = text(opening, Property.UID);
        VEvent openingAfter = edited.get(openingUid);
        assertThat(text(openingAfter, Property.SUMMARY)).isEqualTo("Meme15 #1 opens: Tabs, spaces or both?");
        assertThat(text(edited.get(text(deadline, Property.UID)), Property.SUMMARY))
                .isEqualTo("Meme15 #1 deadline: Tabs, spaces or both?");
        assertThat(sequence(openingAfter)).isGreaterThan(sequence(opening));
        String plannedUid = text(planned, Property.UID);
        assertThat(sequence(edited.get(plannedUid))).isEqualTo(sequence(planned));
    }

    static int sequence(VEvent event) {
        return Integer.parseInt(text(event, Property.SEQUENCE));
    }

    @Test
    void hostileTitlesAreEscapedAndReadBackEqual() throws Exception {
        String seriesTitle = "Tabs, spaces; \\ <b>bold</b>";
        String title =
                "<script>alert('x')</script>, semi; colon: back\\slash\nsecond line\r\nthird\rfourth \"quoted\" ünïcødé 🎉";
        String token = createSeries("cal-hostile", seriesTitle);
        Map<String, Object> a = new HashMap<>(
                Api.assignment("https://host.example/a,b;c/", "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0));
        a.put("title", title);
        a.put(
                "guestHost",
                Map.of(
                        "name",
                        "Eve; \"Mallory\", <i>x</i>\nDESCRIPTION:injected",
                        "blogUrl",
                        "https://eve.example/a,b;c"));
        createAssignment("cal-hostile", token, a);

        String text = ics("cal-hostile");
        assertThat(text).doesNotContain("\nDESCRIPTION:injected", "\nthird", "\rfourth", "\nfourth");
        assertThat(text.replace("\r\n ", "")) // unfolded
                .contains("SUMMARY:Tabs\\, spaces\\; \\\\ <b>bold</b> #1 opens: <script>alert('x')</script>\\, semi\\;"
                        + " colon: back\\\\slash\\nsecond line\\nthird\\nfourth");
        Calendar calendar = parse(text);
        Map<String, VEvent> events = eventsByUid(calendar);
        assertThat(events).hasSize(2);
        String storedTitle = given().get("/api/series/cal-hostile/assignments/1")
                .then()
                .statusCode(200)
                .extract()
                .path("title");
        VEvent opening = only(events, seriesTitle + " #1 opens: ");
        assertThat(storedTitle).isEqualTo(title);
        // iCalendar text has line feeds only: a carriage return comes back as one.
        assertThat(text(opening, Property.SUMMARY))
                .isEqualTo(seriesTitle + " #1 opens: "
                        + title.replace("\r\n", "\n").replace('\r', '\n'));
        assertThat(calendar.<Property>getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo(seriesTitle);
        assertThat(text(opening, Property.DESCRIPTION))
                .contains("Hosted by Eve; \"Mallory\", <i>x</i>\nDESCRIPTION:injected (https://eve.example/a,b;c)\n");
        assertThat(text(opening, Property.URL)).isEqualTo("http://carnival.test/series/cal-hostile/1");
        // Lines are folded at 75 octets (RFC 5545 3.1), and every line ends with CRLF.
        assertThat(text.split("\r\n")).allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= 75);
        assertThat(text.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void aSeriesWithoutAssignmentsHasAnEmptyCalendarAndAnUnknownOneIsA404() throws Exception {
        createSeries("cal-empty", "Empty");
        String text = ics("cal-empty");
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.<VEvent>getComponents(VEvent.VEVENT)).isEmpty();
        given().get("/series/no-such-series/calendar.ics").then().statusCode(404);
    }

    @Test
    void theSeriesPageLinksToTheCalendarAndAnnouncesIt() {
        createSeries("cal-page", "Calendar page");
        String html =
                given().get("/series/cal-page").then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("a[href=/series/cal-page/calendar.ics]").text())
                .isEqualTo("Add the deadlines to your calendar");
        assertThat(page.select("head link[rel=alternate][type=text/calendar]"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.attr("href")).isEqualTo("/series/cal-page/calendar.ics");
                    assertThat(l.attr("title")).isEqualTo("Calendar page: invitations and deadlines");
                });
        assertThat(HtmlChecker.problems(html)).isEmpty();
    }
}
