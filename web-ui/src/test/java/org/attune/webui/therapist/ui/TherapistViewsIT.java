package org.attune.webui.therapist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.VerifiedTherapists;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.consent.Grant;
import org.attune.webui.consent.Grants;
import org.attune.webui.library.ReflectionAnswers;
import org.attune.webui.live.LiveUpdates;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.security.Caller;
import org.attune.webui.therapist.AssignmentItem;
import org.attune.webui.therapist.ClientSchedule;
import org.attune.webui.therapist.ClientSummary;
import org.attune.webui.therapist.FakeServices;
import org.attune.webui.therapist.FeedbackEntry;
import org.attune.webui.therapist.SafetyFlagItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The therapist's clients list and client dashboard without a browser, against the real store and broker for
 * accounts and grants, with in-memory stand-ins for checkin-service and content-service. Live signals are delivered
 * on the caller's thread here, so a test sees their effect when the call returns.
 */
@AttuneIntegrationTest(
        properties = {
            "attune.data-dir=target/it-data",
            "attune.live.deliver-on-caller-thread=true",
            "attune.live.offset-reset=earliest"
        })
@Import(FakeServices.class)
@ViewPackages(packages = {"org.attune.webui.therapist.ui", "org.attune.webui.progress.ui"})
class TherapistViewsIT extends SpringBrowserlessTest {

    @Autowired
    Accounts accounts;

    @Autowired
    TherapistVerifications verifications;

    @Autowired
    Grants grants;

    @Autowired
    UserDetailsService users;

    @Autowired
    LiveUpdates live;

    @Autowired
    FakeServices.Therapist services;

    @Autowired
    FakeServices.Progress progress;

    @Autowired
    FakeServices.Reflections reflections;

    String therapistEmail;
    Caller therapist;

    @BeforeEach
    void aTherapist() {
        therapistEmail = TestHttp.email("noor");
        therapist = new Caller(
                UUID.fromString(VerifiedTherapists.register(accounts, verifications, therapistEmail, "Dr. Noor")
                        .id()),
                Role.THERAPIST);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Caller client(String name) {
        var email = TestHttp.email(name.toLowerCase());
        var account = accounts.register(email, TestHttp.STRONG_PASSWORD, name, Role.CLIENT);
        return new Caller(UUID.fromString(account.id()), Role.CLIENT);
    }

    private Grant share(Caller client, Set<DataClass> classes) {
        return grants.grantByEmail(client, therapistEmail, classes, null);
    }

    private void signIn(String email) {
        var principal = users.loadUserByUsername(email);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    private static ClientSummary summary(Instant lastCheckIn, int openFlags) {
        return new ClientSummary(
                true, lastCheckIn, java.util.Arrays.asList(5.0, 6.0, null, 7.0), openFlags, true, null, List.of());
    }

    private List<String> rowIds() {
        return $(Div.class).all().stream()
                .filter(d -> d.getClassNames().contains("attune-client"))
                .map(d -> d.getId().orElse(""))
                .toList();
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void theListPutsWhatNeedsAttentionFirstWithASparklineAndTheLastCheckIn() {
        var calm = client("Ari");
        var flagged = client("Bea");
        var quiet = client("Cal");
        share(calm, EnumSet.of(DataClass.MOOD_CHECKINS));
        share(flagged, EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS));
        share(quiet, EnumSet.of(DataClass.MOOD_CHECKINS));
        services.summaries.put(calm.id(), summary(Instant.now().minus(Duration.ofHours(2)), 0));
        services.summaries.put(flagged.id(), summary(Instant.now().minus(Duration.ofHours(1)), 1));
        services.summaries.put(quiet.id(), summary(Instant.now().minus(Duration.ofDays(9)), 0));
        signIn(therapistEmail);

        var view = navigate(ClientsView.class);

        assertThat(rowIds())
                .containsExactly("client-row-" + flagged.id(), "client-row-" + quiet.id(), "client-row-" + calm.id());
        assertThat(text($(Div.class).id("client-row-" + flagged.id())))
                .contains("Bea")
                .contains("Open safety alert");
        assertThat(text($(Div.class).id("client-row-" + quiet.id()))).contains("No check-in for 7 days or more");
        assertThat($(Svg.class).id("sparkline-" + calm.id()).getElement().toString())
                .contains("<path");
        assertThat(text(view.clients)).contains("Last check-in:");
    }

    @Test
    void aCheckInSignalRefreshesTheOpenListWithoutAReload() {
        var first = client("Dana");
        var second = client("Eli");
        share(first, EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS));
        share(second, EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS));
        services.summaries.put(first.id(), summary(Instant.now(), 0));
        services.summaries.put(second.id(), summary(Instant.now(), 0));
        signIn(therapistEmail);
        navigate(ClientsView.class);
        assertThat(rowIds().getFirst()).isEqualTo("client-row-" + first.id());

        services.summaries.put(second.id(), summary(Instant.now(), 1));
        live.clientChanged(second.id(), LiveUpdates.Kind.SAFETY_FLAG, DataClass.SAFETY_ALERTS);

        assertThat(rowIds().getFirst()).isEqualTo("client-row-" + second.id());
    }

    @Test
    void aSignalAboutSomeoneElsesClientOrAnUnsharedClassReadsNothing() {
        var mine = client("Fay");
        share(mine, EnumSet.of(DataClass.MOOD_CHECKINS));
        var stranger = client("Gus");
        signIn(therapistEmail);
        navigate(ClientsView.class);
        services.calls.clear();

        live.clientChanged(stranger.id(), LiveUpdates.Kind.CHECK_IN, DataClass.MOOD_CHECKINS);
        live.clientChanged(mine.id(), LiveUpdates.Kind.SAFETY_FLAG, DataClass.SAFETY_ALERTS);

        assertThat(services.calls).isEmpty();

        live.clientChanged(mine.id(), LiveUpdates.Kind.CHECK_IN, DataClass.MOOD_CHECKINS);

        assertThat(services.callsFor(mine.id())).contains("summary:" + mine.id());
    }

    @Test
    void aClientWhoStopsSharingDisappearsFromTheOpenListAtOnce() {
        var client = client("Hal");
        var grant = share(client, EnumSet.of(DataClass.MOOD_CHECKINS));
        signIn(therapistEmail);
        var view = navigate(ClientsView.class);
        assertThat(rowIds()).containsExactly("client-row-" + client.id());

        grants.revoke(client, grant.id());

        assertThat(rowIds()).isEmpty();
        assertThat(text(view.clients)).contains("No client is sharing with you");
        assertThat(view.status.isVisible()).isTrue();
        assertThat(view.status.getText()).contains("stopped sharing").doesNotContain("Hal");
    }

    @Test
    void theDashboardShowsSafetyFlagsAndAcknowledgingOneSavesIt() {
        var client = client("Ida");
        share(client, EnumSet.allOf(DataClass.class));
        var raised = Instant.now().minus(Duration.ofMinutes(20));
        services.summaries.put(client.id(), summary(Instant.now().minus(Duration.ofHours(3)), 1));
        services.flags.put(client.id(), List.of(new SafetyFlagItem("f1", "HELP_NOW", "help-now", raised, null)));
        services.feedback.put(
                client.id(),
                List.of(
                        new FeedbackEntry(
                                "s1",
                                LocalDate.now().minusDays(2),
                                Instant.now(),
                                3,
                                4,
                                4,
                                5,
                                16,
                                true,
                                "LOW_TOTAL",
                                "It felt rushed"),
                        new FeedbackEntry(
                                "s2", LocalDate.now().minusDays(9), Instant.now(), 9, 9, 9, 9, 36, false, null, null)));
        services.assignments.put(
                client.id(),
                List.of(new AssignmentItem(
                        "a1",
                        "box-breathing",
                        "Box breathing",
                        null,
                        null,
                        Instant.now().minus(Duration.ofDays(3)),
                        true,
                        Instant.now())));
        progress.byClient.put(
                client.id(),
                new ProgressData(
                        LocalDate.now().minusDays(27),
                        LocalDate.now(),
                        Set.of("MOOD_CHECKINS"),
                        new ProgressData.Mood(
                                List.of(new ProgressData.DayPoint(
                                        LocalDate.now().minusDays(1), 6, 5, 1)),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of()),
                        null,
                        null,
                        "about"));
        services.schedules.put(
                client.id(),
                new ClientSchedule(
                        ClientSchedule.State.SET,
                        "Europe/Dublin",
                        DayOfWeek.TUESDAY,
                        "14:00",
                        50,
                        List.of(),
                        Instant.parse("2099-12-01T14:00:00Z")));
        signIn(therapistEmail);

        UI.getCurrent().navigate("clients/" + client.id());

        var view = (ClientDashboardView) getCurrentView();
        assertThat(view.title.getText()).isEqualTo("Ida");
        assertThat(view.lastCheckIn.getId()).contains("last-checkin");
        assertThat(view.lastCheckIn.getText()).startsWith("Last check-in:");
        assertThat(text($(ListItem.class).id("safety-flag-f1"))).contains("Let my therapist know");
        assertThat(text($(ListItem.class).id("rupture-s1")))
                .contains("It felt rushed")
                .contains("16 of 40");
        assertThat($(ListItem.class).all().stream()
                        .noneMatch(li -> li.getId().orElse("").equals("rupture-s2")))
                .isTrue();
        assertThat(text($(ListItem.class).id("assignment-a1")))
                .contains("Box breathing")
                .contains("done");
        assertThat($(Svg.class).id("chart-mood")).isNotNull();
        assertThat($(Div.class).id("dashboard-assign")).isNotNull();
        assertThat(text(view.schedule))
                .contains("Weekly on Tuesday at 14:00 (Europe/Dublin), 50 minutes")
                .contains("Next session: " + UserTime.of(view).dateTime(Instant.parse("2099-12-01T14:00:00Z")));

        test($(Button.class).id("ack-f1")).click();

        assertThat(services.calls).contains("ack:f1:" + client.id());
        assertThat(text($(ListItem.class).id("safety-flag-f1"))).contains("acknowledged");
        assertThat($(Button.class).all().stream()
                        .noneMatch(b -> b.getId().orElse("").equals("ack-f1")))
                .isTrue();
    }

    @Test
    void theDashboardShowsOnlyTheSharedPartsAndReadsNothingElse() {
        var client = client("Jo");
        share(client, EnumSet.of(DataClass.MOOD_CHECKINS));
        services.summaries.put(client.id(), summary(Instant.now(), 0));
        signIn(therapistEmail);

        UI.getCurrent().navigate("clients/" + client.id());

        var view = (ClientDashboardView) getCurrentView();
        assertThat(view.title.getText()).isEqualTo("Jo");
        assertThat(services.callsFor(client.id()))
                .containsExactlyInAnyOrder("summary:" + client.id(), "schedule:" + client.id());
        assertThat(progress.calls).contains("progress:" + client.id());
        assertThat(text(view.schedule)).contains("No session rhythm set yet");
        assertThat(view.flags.isAttached()).isFalse();
        assertThat(view.assign.isAttached()).isFalse();
        assertThat(text(view)).contains("Not shared with you: ").contains("Safety alerts");
    }

    @Test
    void underNotesTheDashboardShowsTheReflectionAnswersTheClientSharedInTheirOwnWords() {
        var client = client("Pia");
        share(client, EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.NOTES));
        services.summaries.put(client.id(), summary(Instant.now(), 0));
        var written = Instant.parse("2026-11-27T10:00:00Z");
        reflections.shared.put(
                client.id(),
                List.of(new ReflectionAnswers.SharedAnswer(
                        "between-sessions-carrying-the-thread",
                        "Carrying the thread between sessions",
                        "I wish I had said that the homework felt like too much.",
                        written)));
        signIn(therapistEmail);

        UI.getCurrent().navigate("clients/" + client.id());

        var view = (ClientDashboardView) getCurrentView();
        assertThat(view.reflections.isAttached()).isTrue();
        assertThat(text($(ListItem.class).id("shared-reflection-between-sessions-carrying-the-thread")))
                .contains("Carrying the thread between sessions")
                .contains("I wish I had said that the homework felt like too much.")
                .contains("Written " + UserTime.of(view).dateTime(written));
        assertThat(reflections.calls)
                .filteredOn(c -> c.endsWith(client.id().toString()))
                .hasSize(1);
    }

    @Test
    void underNotesWithNothingSharedTheDashboardSaysSoGently() {
        var client = client("Quin");
        share(client, EnumSet.of(DataClass.NOTES));
        signIn(therapistEmail);

        UI.getCurrent().navigate("clients/" + client.id());

        var view = (ClientDashboardView) getCurrentView();
        assertThat(text(view.reflections)).contains("Nothing shared from the reflections yet");
    }

    @Test
    void withoutNotesTheDashboardNeitherShowsNorReadsSharedReflections() {
        var client = client("Rae");
        share(client, EnumSet.complementOf(EnumSet.of(DataClass.NOTES)));
        services.summaries.put(client.id(), summary(Instant.now(), 0));
        reflections.shared.put(
                client.id(),
                List.of(new ReflectionAnswers.SharedAnswer(
                        "some-piece", "Some piece", "Private words", Instant.now())));
        signIn(therapistEmail);

        UI.getCurrent().navigate("clients/" + client.id());

        var view = (ClientDashboardView) getCurrentView();
        assertThat(view.reflections.isAttached()).isFalse();
        assertThat(text(view)).doesNotContain("Private words").doesNotContain("Reflections the client shared");
        assertThat(reflections.calls).noneMatch(c -> c.endsWith(client.id().toString()));
    }

    @Test
    void whenTheRhythmCannotBeReadTheDashboardSaysSoHonestly() {
        var client = client("Ola");
        share(client, EnumSet.of(DataClass.MOOD_CHECKINS));
        services.summaries.put(client.id(), summary(Instant.now(), 0));
        services.schedules.put(client.id(), ClientSchedule.unavailable());
        signIn(therapistEmail);

        UI.getCurrent().navigate("clients/" + client.id());

        var view = (ClientDashboardView) getCurrentView();
        assertThat(text(view.schedule)).contains("cannot be read back here yet").doesNotContain("Next session");
    }

    @Test
    void anUnsharedClientAnUnknownIdAndAMalformedIdAllGetTheSameFriendlyPageAndNoData() {
        var notSharing = client("Kit");
        signIn(therapistEmail);

        for (var id : List.of(notSharing.id().toString(), UUID.randomUUID().toString(), "not-an-id")) {
            UI.getCurrent().navigate("clients/" + id);

            var view = (ClientDashboardView) getCurrentView();
            assertThat(view.notShared.isVisible()).as(id).isTrue();
            assertThat(view.content.isVisible()).as(id).isFalse();
            assertThat(text(view.notShared)).contains("This page is not shared with you");
        }
        assertThat(services.callsFor(notSharing.id())).isEmpty();
        assertThat(progress.calls).noneMatch(c -> c.endsWith(notSharing.id().toString()));
    }

    @Test
    void aLiveCheckInUpdatesTheOpenDashboard() {
        var client = client("Lou");
        share(client, EnumSet.of(DataClass.MOOD_CHECKINS));
        services.summaries.put(client.id(), summary(null, 0));
        signIn(therapistEmail);
        UI.getCurrent().navigate("clients/" + client.id());
        var view = (ClientDashboardView) getCurrentView();
        assertThat(view.lastCheckIn.getText()).isEqualTo("No check-ins yet");

        services.summaries.put(client.id(), summary(Instant.now(), 0));
        live.clientChanged(client.id(), LiveUpdates.Kind.CHECK_IN, DataClass.MOOD_CHECKINS);

        assertThat(view.lastCheckIn.getText()).startsWith("Last check-in:");
    }

    @Test
    void revokingClosesTheOpenDashboardAtOnceAndTheListSaysSo() {
        var client = client("Max");
        var grant = share(client, EnumSet.of(DataClass.MOOD_CHECKINS));
        services.summaries.put(client.id(), summary(Instant.now(), 0));
        signIn(therapistEmail);
        UI.getCurrent().navigate("clients/" + client.id());
        assertThat(getCurrentView()).isInstanceOf(ClientDashboardView.class);

        grants.revoke(client, grant.id());

        assertThat(getCurrentView()).isInstanceOf(ClientsView.class);
        var list = (ClientsView) getCurrentView();
        assertThat(list.status.getText()).contains("stopped sharing");
        assertThat(rowIds()).isEmpty();
    }

    @Test
    void closingThePageEndsItsSubscription() {
        signIn(therapistEmail);
        int before = live.subscribers();
        var view = navigate(ClientsView.class);
        assertThat(view.isSubscribed()).isTrue();
        assertThat(live.subscribers()).isEqualTo(before + 1);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(LiveView.SAFETY_NET_POLL_MILLIS);

        view.getElement().removeFromParent();

        assertThat(view.isSubscribed()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(live.subscribers()).isEqualTo(before);
    }

    @Test
    void aClientCannotOpenTheTherapistPages() {
        var client = client("Ned");
        share(client, EnumSet.of(DataClass.MOOD_CHECKINS));
        signIn(accounts.byId(client.id()).orElseThrow().email());

        UI.getCurrent().navigate("clients");
        assertThat(getCurrentView()).isNotInstanceOf(ClientsView.class);

        UI.getCurrent().navigate("clients/" + client.id());
        assertThat(getCurrentView()).isNotInstanceOf(ClientDashboardView.class);
        assertThat(services.callsFor(client.id())).isEmpty();
    }

    @Test
    void aTherapistCannotOpenAClientsOwnProgressPage() {
        signIn(therapistEmail);

        UI.getCurrent().navigate("progress");

        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("ProgressView");
        assertThat(progress.calls).noneMatch(c -> c.startsWith("own:"));
    }
}
