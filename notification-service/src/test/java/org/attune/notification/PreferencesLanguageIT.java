package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.notification.support.IntegrationTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

class PreferencesLanguageIT extends IntegrationTestBase {

    private static Map<String, Object> preferences(Object language) {
        var body = new HashMap<String, Object>();
        body.put("timeZone", "Europe/Berlin");
        body.put("dailyReminderTime", "19:00");
        body.put("quietHoursStart", "21:00");
        body.put("quietHoursEnd", "08:00");
        body.put("channels", List.of("IN_APP"));
        if (language != null) {
            body.put("language", language);
        }
        return body;
    }

    private String put(UUID client, Object language) {
        return asClient(client)
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(preferences(language))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("language")
                .toString();
    }

    private String get(UUID client) {
        return asClient(client)
                .get()
                .uri("/api/v1/preferences")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("language")
                .toString();
    }

    private String stored(UUID account) {
        var doc = mongo.findById(account.toString(), Document.class, "preferences")
                .block();
        return doc == null ? null : doc.getString("language");
    }

    private void refused(UUID client, Object body) {
        asClient(client)
                .put()
                .uri("/api/v1/preferences")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(
                                ((List<?>) fields).stream().map(String::valueOf).toList())
                        .as(String.valueOf(body))
                        .isNotEmpty()
                        .containsOnly("language"));
    }

    @Test
    void someone_who_never_chose_a_language_gets_english() {
        assertThat(get(UUID.randomUUID())).isEqualTo("en");
        asTherapist(UUID.randomUUID())
                .get()
                .uri("/api/v1/preferences")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("en");
    }

    @Test
    void a_chosen_language_is_stored_read_back_and_exported() {
        var client = UUID.randomUUID();

        assertThat(put(client, "de")).isEqualTo("de");

        assertThat(get(client)).isEqualTo("de");
        assertThat(stored(client)).isEqualTo("de");
        asClient(client)
                .get()
                .uri("/api/v1/export")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.preferences.language")
                .isEqualTo("de");
    }

    @Test
    void tags_are_stored_in_their_canonical_case_with_script_and_region() {
        var client = UUID.randomUUID();

        assertThat(put(client, "EN-gb")).isEqualTo("en-GB");
        assertThat(stored(client)).isEqualTo("en-GB");
        assertThat(put(client, "zh-hant-tw")).isEqualTo("zh-Hant-TW");
        assertThat(put(client, "es-419")).isEqualTo("es-419");
        assertThat(put(client, "de-CH-1996")).isEqualTo("de-CH-1996");
    }

    @Test
    void a_put_without_a_language_goes_back_to_english_as_with_every_other_field() {
        var client = UUID.randomUUID();
        put(client, "fr");

        assertThat(put(client, null)).isEqualTo("en");
        assertThat(stored(client)).isEqualTo("en");
    }

    @Test
    void preferences_stored_before_the_language_existed_read_as_english() {
        var client = UUID.randomUUID();
        put(client, "de");
        var result = mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(client.toString())),
                        new Update().unset("language"),
                        "preferences")
                .block();
        assertThat(result.getModifiedCount()).isEqualTo(1);
        assertThat(mongo.findById(client.toString(), Document.class, "preferences")
                        .block()
                        .containsKey("language"))
                .isFalse();

        assertThat(get(client)).isEqualTo("en");
        asClient(client)
                .get()
                .uri("/api/v1/export")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.preferences.language")
                .isEqualTo("en")
                .jsonPath("$.preferences.timeZone")
                .isEqualTo("Europe/Berlin");
    }

    @Test
    void a_language_that_is_not_a_tag_is_answered_with_the_field_at_fault() {
        var client = UUID.randomUUID();
        for (var bad : List.of("english", "en_US", "", " en", "e", "en-", "de-DE-x-private", "12", "en-ab-cd")) {
            refused(client, preferences(bad));
        }
        refused(client, preferences("en-" + "a".repeat(40))); // oversized
        refused(client, preferences(42)); // wrong type
        refused(client, preferences(List.of("en"))); // wrong type
        assertThat(stored(client)).as("nothing stored from a refused request").isNull();
    }
}
