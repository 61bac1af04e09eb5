package org.attune.content.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.attune.content.Api;
import org.attune.content.TestClockConfig;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

@AttuneIntegrationTest
@Import(TestClockConfig.class)
class EngagementIT {

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MutableClock clock;

    Api api;
    UUID client = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    long stored() {
        return mongo.count(Query.query(Criteria.where("clientId").is(client.toString())), Engagement.class)
                .block();
    }

    String engage(String slug) {
        return "/api/v1/content/" + slug + "/engagements";
    }

    @Test
    void the_same_engagement_on_the_same_day_is_stored_once() {
        api.postAsClient(client, engage("feet-on-the-floor"), "{\"kind\":\"STARTED\"}")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.alreadyRecorded")
                .isEqualTo(false);
        api.postAsClient(client, engage("feet-on-the-floor"), "{\"kind\":\"STARTED\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.alreadyRecorded")
                .isEqualTo(true);
        assertThat(stored()).isEqualTo(1);

        api.postAsClient(client, engage("feet-on-the-floor"), "{\"kind\":\"COMPLETED\"}")
                .expectStatus()
                .isCreated();
        assertThat(stored()).isEqualTo(2);

        clock.advance(Duration.ofDays(1));
        api.postAsClient(client, engage("feet-on-the-floor"), "{\"kind\":\"STARTED\"}")
                .expectStatus()
                .isCreated();
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void every_engagement_kind_is_accepted() {
        for (var kind : EngagementKind.values()) {
            api.postAsClient(client, engage("hand-on-chest"), "{\"kind\":\"" + kind + "\"}")
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void unknown_pieces_and_therapists_are_refused() {
        api.postAsClient(client, engage("no-such-piece"), "{\"kind\":\"OPENED\"}")
                .expectStatus()
                .isNotFound();
        api.postAsTherapist(UUID.randomUUID(), engage("hand-on-chest"), "{\"kind\":\"OPENED\"}")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void bad_bodies_get_400_with_the_field_at_fault() {
        for (var bad : new String[][] {
            {"{}", "kind"},
            {"{\"kind\":\"LOVED_IT\"}", "kind"},
            {"{\"kind\":7}", "kind"},
            {"{\"kind\":\"OPENED\",\"mood\":3}", "mood"},
            {"not json", "body"},
            {"[\"OPENED\"]", "body"}
        }) {
            api.postAsClient(client, engage("hand-on-chest"), bad[0])
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(bad[1]);
        }
        // A body beyond the codec's limit is refused before it is read, as 413 with the same problem shape.
        api.postAsClient(client, engage("hand-on-chest"), "{\"kind\":\"OPENED\",\"x\":\"" + "y".repeat(300_000) + "\"}")
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
        assertThat(stored()).isZero();
    }
}
