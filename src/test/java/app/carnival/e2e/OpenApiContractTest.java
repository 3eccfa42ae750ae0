package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The served document says what the API really does. */
@QuarkusTest
class OpenApiContractTest {

    static final String ASSIGNMENT = "paths.'/api/series/{slug}/assignments/{number}'";
    JsonPath doc;

    @BeforeEach
    void fetch() {
        doc = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void documentsTheBearerSchemeOnHostAndParticipantOperations() {
        assertThat(doc.getMap("components.securitySchemes.bearer"))
                .containsEntry("type", "http")
                .containsEntry("scheme", "bearer");
        for (String op : List.of(
                "paths.'/api/series/{slug}/poll'.post",
                "paths.'/api/series/{slug}/assignments'.post",
                ASSIGNMENT + ".put",
                ASSIGNMENT + ".patch",
                "paths.'/api/participants/{id}'.delete",
                "paths.'/api/participants/{id}/poll'.post",
                "paths.'/api/series/{slug}'.patch",
                "paths.'/api/series/{slug}'.delete",
                "paths.'/api/series/{slug}/host-token'.post")) {
            assertThat(doc.getList(op + ".security")).as(op).containsExactly(Map.of("bearer", List.of()));
        }
        assertThat(doc.getList("paths.'/api/series/{slug}'.get.security")).isNull();
    }

    @Test
    void documentsTheRealStatusCodes() {
        assertThat(doc.getMap("paths.'/api/series'.post.responses"))
                .containsKeys("201", "400", "409", "413", "415")
                .doesNotContainKey("200");
        assertThat(doc.getMap("paths.'/api/series/{slug}/assignments'.post.responses"))
                .containsKeys("201", "401", "403", "404", "409", "422")
                .doesNotContainKey("200");
        assertThat(doc.getMap("paths.'/api/participants/{id}'.delete.responses"))
                .containsKeys("204", "401", "403", "404")
                .doesNotContainKey("200");
        assertThat(doc.getMap("paths.'/api/series/{slug}/poll'.post.responses")).containsKeys("200", "429");
        assertThat(doc.getMap("paths.'/api/series/{slug}'.patch.responses"))
                .containsKeys("200", "400", "401", "403", "404", "422");
        assertThat(doc.getMap("paths.'/api/series/{slug}'.delete.responses"))
                .containsKeys("204", "401", "403", "404")
                .doesNotContainKey("200");
        assertThat(doc.getList("components.schemas.NewHostToken.required")).containsExactly("hostToken");
        assertThat(doc.getString("components.responses.NotFound.content.'application/problem+json'.schema.'$ref'"))
                .endsWith("/Problem");
        // the HTTP layer refuses a too large body before any resource runs, with no body of its own
        assertThat(doc.getMap("components.responses.TooLarge")).doesNotContainKey("content");
    }

    @Test
    void documentsTheMergePatchBodyAsAnObject() {
        assertThat(doc.getString(ASSIGNMENT + ".patch.requestBody.content.'application/json'.schema.type"))
                .isEqualTo("object");
        assertThat(doc.getString("paths.'/api/series/{slug}'.patch.requestBody.content.'application/json'.schema.type"))
                .isEqualTo("object");
    }

    @Test
    void documentsNullableFieldsAsNullable() {
        // 3.0.3: the contract validator of the end-to-end tests reads 3.0 schemas only.
        assertThat(doc.getString("openapi")).isEqualTo("3.0.3");
        for (String field : List.of(
                "FeedHealth.properties.lastError",
                "FeedHealth.properties.pausedReason",
                "FeedHealth.properties.lastStatus",
                "FeedHealth.properties.lastPolledAt",
                "FeedHealth.properties.title",
                "PollOutcome.properties.error",
                "PollOutcome.properties.status",
                "PollOutcome.properties.feedUrl",
                "Entry.properties.url",
                "NearMiss.properties.url",
                "PostExplanation.properties.url",
                "Verdict.properties.response")) {
            assertThat(doc.getBoolean("components.schemas." + field + ".nullable"))
                    .as(field)
                    .isTrue();
            // nullable beside a $ref means nothing in 3.0: the null would still be refused
            assertThat(doc.getMap("components.schemas." + field)).as(field).doesNotContainKeys("$ref", "allOf");
        }
        assertThat(
                        doc.getString(
                                "paths.'/api/series/{slug}/poll'.post.responses.'200'.content.'application/json'.schema.'$ref'"))
                .endsWith("/SeriesPollReport");
        assertThat(doc.getString("components.schemas.SeriesPollReport.properties.outcomes.items.'$ref'"))
                .endsWith("/PollOutcome");
        assertThat(doc.getString("components.schemas.ParticipantDetail.properties.feed.'$ref'"))
                .endsWith("/FeedHealth");
        assertThat(doc.getList("components.schemas.Verdict.properties.response.enum"))
                .containsExactlyInAnyOrderElementsOf(
                        Stream.of(Response.State.values()).map(Enum::name).toList());
    }

    @Test
    void documentsPresentFieldsAsRequiredAndNeverNullOnesAsNotNullable() {
        assertThat(doc.getList("components.schemas.PollOutcome.required"))
                .contains("feedId", "result", "status", "error");
        assertThat(doc.getList("components.schemas.FeedHealth.required")).contains("url", "lastError", "pausedReason");
        assertThat(doc.getMap("components.schemas.FeedHealth.properties.url")).doesNotContainKey("nullable");
        // absent rather than null (written only when set)
        assertThat(doc.getList("components.schemas.SeriesView.required"))
                .contains("slug")
                .doesNotContain("homeUrl", "hostToken");
        assertThat(doc.getList("components.schemas.ParticipantView.required"))
                .doesNotContain("avatarUrl", "participantToken");
        assertThat(doc.getList("components.schemas.Problem.required"))
                .containsExactlyInAnyOrder("type", "title", "status");
    }

    @Test
    void anchorsSlugAndHashtagPatterns() {
        assertThat(doc.getString("components.schemas.SeriesRequest.properties.slug.pattern"))
                .startsWith("^")
                .endsWith("$");
        assertThat(doc.getString("components.schemas.SeriesRequest.properties.hashtag.pattern"))
                .startsWith("^")
                .endsWith("$");
        assertThat(doc.getList("components.schemas.SeriesRequest.required")).contains("slug", "title", "hashtag");
    }
}
