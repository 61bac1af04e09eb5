package org.attune.webui.inbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attune.events.Role;
import org.attune.webui.alerts.FakeClientAlerts;
import org.attune.webui.inbox.InboxGateway;
import org.attune.webui.library.ui.SignedIn;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.ReminderChoices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The inbox without a browser, against an in-memory notification-service that follows the real one's rules. */
@SpringJUnitConfig(InboxViewTest.Beans.class)
@ViewPackages(classes = InboxView.class)
class InboxViewTest extends SpringBrowserlessTest {

    /** Keeps messages like the service: read, dismiss, snooze; safety messages cannot be snoozed (409). */
    static class FakeInbox implements InboxGateway {

        final List<Item> items = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Override
        public Optional<Page> page(Caller caller, int page) {
            if (down) {
                return Optional.empty();
            }
            var sorted = new ArrayList<>(items);
            sorted.sort((a, b) -> Boolean.compare(b.unread(), a.unread()));
            return Optional.of(new Page(
                    List.copyOf(sorted),
                    sorted.size(),
                    sorted.stream().filter(Item::unread).count()));
        }

        @Override
        public Outcome markRead(Caller caller, String id) {
            calls.add("read " + id);
            return replace(
                    id,
                    i -> new Item(
                            i.id(), i.kind(), i.clientId(), i.title(), i.body(), false, i.urgent(), i.deliveredAt()));
        }

        @Override
        public Outcome dismiss(Caller caller, String id) {
            calls.add("dismiss " + id);
            return items.removeIf(i -> i.id().equals(id)) ? Outcome.DONE : Outcome.GONE;
        }

        @Override
        public Outcome snooze(Caller caller, String id, int minutes) {
            calls.add("snooze " + id + " " + minutes);
            var item = items.stream().filter(i -> i.id().equals(id)).findFirst();
            if (item.isEmpty()) {
                return Outcome.GONE;
            }
            if (item.get().urgent()) {
                return Outcome.NOT_ALLOWED;
            }
            items.remove(item.get());
            return Outcome.DONE;
        }

        private Outcome replace(String id, java.util.function.UnaryOperator<Item> change) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id().equals(id)) {
                    items.set(i, change.apply(items.get(i)));
                    return Outcome.DONE;
                }
            }
            return Outcome.GONE;
        }
    }

    /** Records the one-tap choices; safety kinds are refused as the service refuses them. */
    static class FakeReminderChoices implements ReminderChoices {

        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Override
        public Result mute(Caller caller, String kind) {
            calls.add("mute " + kind);
            return down ? Result.UNAVAILABLE : KINDS.contains(kind) ? Result.DONE : Result.REFUSED;
        }

        @Override
        public Result pauseForAWeek(Caller caller) {
            calls.add("pause");
            return down ? Result.UNAVAILABLE : Result.DONE;
        }

        @Override
        public Result resume(Caller caller) {
            calls.add("resume");
            return Result.DONE;
        }

        @Override
        public Optional<Instant> pausedUntil(Caller caller) {
            return Optional.empty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        FakeInbox fakeInbox() {
            return new FakeInbox();
        }

        @Bean
        FakeClientAlerts fakeClientAlerts() {
            return new FakeClientAlerts();
        }

        @Bean
        FakeReminderChoices fakeReminderChoices() {
            return new FakeReminderChoices();
        }

        @Bean
        VaadinServiceInitListener roleChecks() {
            var access = new SpringNavigationAccessControl();
            return event -> event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(access));
        }
    }

    @Autowired
    FakeInbox inbox;

    @Autowired
    FakeReminderChoices choices;

    static final Instant AT = Instant.parse("2026-11-26T18:00:00Z");

    @BeforeEach
    void empty() {
        inbox.items.clear();
        inbox.calls.clear();
        inbox.down = false;
        choices.calls.clear();
        choices.down = false;
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private static InboxGateway.Item reminder(String id, boolean unread) {
        return new InboxGateway.Item(
                id, "daily-checkin", null, "A moment for yourself?", "Check in if you like.", unread, false, AT);
    }

    private static InboxGateway.Item alert(String id) {
        return new InboxGateway.Item(
                id, "safety-alert", null, "A client may need support", "Rae asked for help.", true, true, AT);
    }

    @Test
    void anEmptyInboxSaysWarmlyWhatWillAppear() {
        SignedIn.as(Role.CLIENT);

        var view = navigate(InboxView.class);

        assertThat(view.status.getText()).contains("Nothing waiting for you").contains("will appear here");
        assertThat(view.items.getChildren()).isEmpty();
        assertThat(view.retry.isVisible()).isFalse();
    }

    @Test
    void messagesShowWithTheirTextAndCanBeReadAndDismissed() {
        SignedIn.as(Role.CLIENT);
        inbox.items.add(reminder("n1", true));
        var view = navigate(InboxView.class);
        var card = $(Div.class, view.items).id("inbox-item-n1");
        assertThat(card.getElement().getTextRecursively())
                .contains("A moment for yourself?", "Check in if you like.", "New");
        assertThat(view.status.getText()).isEqualTo("1 new");

        test($(Button.class).id("inbox-read-n1")).click();

        assertThat(inbox.calls).containsExactly("read n1");
        assertThat(view.status.getText()).isEqualTo("You're all caught up.");
        assertThat($(Button.class).withId("inbox-read-n1").all()).isEmpty();

        test($(Button.class).id("inbox-dismiss-n1")).click();

        assertThat(inbox.items).isEmpty();
        assertThat(view.status.getText()).contains("Nothing waiting for you");
    }

    @Test
    void aReminderCanBeBroughtBackLater() {
        SignedIn.as(Role.CLIENT);
        inbox.items.add(reminder("n1", true));
        navigate(InboxView.class);

        @SuppressWarnings("unchecked")
        Select<Integer> snooze = $(Select.class).id("inbox-snooze-n1");
        test(snooze).selectItem("Tomorrow");

        assertThat(inbox.calls).containsExactly("snooze n1 1440");
        assertThat($(Div.class).withId("inbox-item-n1").all()).isEmpty();
    }

    @Test
    void aReminderCanMuteItsKindOrPauseRemindersForAWeekWithOneTap() {
        SignedIn.as(Role.CLIENT);
        inbox.items.add(reminder("n1", true));
        var view = navigate(InboxView.class);

        var mute = $(Button.class).id("inbox-mute-n1");
        assertThat(mute.getText()).isEqualTo("Mute reminders like this");
        assertThat(mute.getElement().getAttribute("aria-label")).contains("Daily check-in reminders");
        test(mute).click();

        assertThat(choices.calls).containsExactly("mute daily-checkin");
        assertThat(view.status.getText())
                .contains("muted")
                .contains("Daily check-in reminders")
                .contains("turn them back on in Settings");

        test($(Button.class).id("inbox-pause-n1")).click();

        assertThat(choices.calls).containsExactly("mute daily-checkin", "pause");
        assertThat(view.status.getText())
                .contains("paused for a week")
                .contains("start again by themselves")
                .contains("Safety messages still come through");
    }

    @Test
    void whenAChoiceCannotBeMadeThePageSaysSoWithoutBlame() {
        SignedIn.as(Role.CLIENT);
        inbox.items.add(reminder("n1", true));
        choices.down = true;
        var view = navigate(InboxView.class);

        test($(Button.class).id("inbox-pause-n1")).click();

        assertThat(view.status.getText()).contains("couldn't do that just now");
    }

    @Test
    void safetyMessagesAndNoticesOfferNoMuteOrPause() {
        SignedIn.as(Role.CLIENT);
        inbox.items.add(new InboxGateway.Item(
                "c1", "crisis-resources", null, "Help is close", "Lines open now.", true, true, AT));
        inbox.items.add(
                new InboxGateway.Item("e1", "consent-ended-client", null, "Your sharing changed", "", true, false, AT));
        navigate(InboxView.class);

        assertThat($(Button.class).withId("inbox-mute-c1").all()).isEmpty();
        assertThat($(Button.class).withId("inbox-pause-c1").all()).isEmpty();
        assertThat($(Button.class).withId("inbox-mute-e1").all()).isEmpty();
    }

    @Test
    void aSafetyAlertStandsOutComesFirstAndCannotBeSnoozed() {
        SignedIn.as(Role.THERAPIST);
        inbox.items.add(reminder("n1", true));
        inbox.items.add(alert("s1"));

        var view = navigate(InboxView.class);

        var first = (Div) view.items.getChildren().findFirst().orElseThrow();
        assertThat(first.getId()).contains("inbox-item-s1");
        assertThat(first.getClassNames()).contains("attune-inbox-urgent");
        assertThat(first.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(first.getElement().getTextRecursively()).contains("Safety", "stay until you dismiss them");
        assertThat($(Select.class).withId("inbox-snooze-s1").all()).isEmpty();
        assertThat($(Anchor.class, first).single().getHref()).isEqualTo("clients");
        assertThat($(Button.class).id("inbox-dismiss-s1").isEnabled()).isTrue();
    }

    static final String CLIENT = "0b6f3a52-3c1e-4d6a-9f1e-2a7c5d8e9b10";

    @Test
    void aTherapistsSafetyAlertAndRuptureSignalAboutAClientLinkToThatClientsDashboard() {
        SignedIn.as(Role.THERAPIST);
        inbox.items.add(new InboxGateway.Item(
                "s1", "safety-alert", CLIENT, "A client may need support", "Rae asked for help.", true, true, AT));
        inbox.items.add(new InboxGateway.Item(
                "r1",
                "rupture-signal",
                CLIENT,
                "Last session may have felt off",
                "Worth a gentle word.",
                true,
                false,
                AT));

        var view = navigate(InboxView.class);

        var alert = $(Div.class, view.items).id("inbox-item-s1");
        assertThat($(Anchor.class, alert).single().getHref()).isEqualTo("clients/" + CLIENT);
        assertThat($(Anchor.class, alert).single().getText()).isEqualTo("Open their dashboard");
        var rupture = $(Anchor.class).id("inbox-client-r1");
        assertThat(rupture.getHref()).isEqualTo("clients/" + CLIENT);
        assertThat(rupture.getElement().getAttribute("aria-label")).contains("Last session may have felt off");
    }

    @Test
    void anEndedConsentAndMessagesWithoutAClientOpenNoDashboard() {
        SignedIn.as(Role.THERAPIST);
        inbox.items.add(new InboxGateway.Item(
                "e1", "consent-ended-therapist", CLIENT, "A client stopped sharing", "Thank you.", true, false, AT));
        inbox.items.add(new InboxGateway.Item(
                "r2", "rupture-signal", null, "Last session may have felt off", "", true, false, AT));
        inbox.items.add(new InboxGateway.Item(
                "r3", "rupture-signal", "not-an-id", "Last session may have felt off", "", true, false, AT));

        var view = navigate(InboxView.class);

        assertThat($(Anchor.class, view.items).all()).isEmpty();
    }

    @Test
    void aClientNeverGetsALinkToADashboard() {
        SignedIn.as(Role.CLIENT);
        inbox.items.add(new InboxGateway.Item(
                "r1", "rupture-signal", CLIENT, "Thank you for your feedback", "", true, false, AT));

        var view = navigate(InboxView.class);

        assertThat($(Anchor.class, view.items).all()).isEmpty();
    }

    @Test
    void aClientsCrisisMessageLinksToCrisisResources() {
        SignedIn.as(Role.CLIENT);
        inbox.items.add(new InboxGateway.Item(
                "c1", "crisis-resources", null, "Help is close", "Lines open now.", true, true, AT));

        var view = navigate(InboxView.class);

        assertThat($(Anchor.class, view.items).single().getHref()).isEqualTo("help");
    }

    @Test
    void whenTheServiceDoesNotAnswerTheInboxSaysSoAndOffersToTryAgain() {
        SignedIn.as(Role.CLIENT);
        inbox.down = true;

        var view = navigate(InboxView.class);

        assertThat(view.status.getText()).contains("couldn't reach your inbox").contains("Nothing is lost");
        assertThat(view.retry.isVisible()).isTrue();

        inbox.down = false;
        inbox.items.add(reminder("n1", false));
        test(view.retry).click();

        assertThat($(Div.class).withId("inbox-item-n1").all()).hasSize(1);
        assertThat(view.retry.isVisible()).isFalse();
    }

    @Test
    void bothClientsAndTherapistsHaveAnInboxButNotSomeoneSignedOut() {
        SignedIn.as(Role.THERAPIST);
        UI.getCurrent().navigate("inbox");
        assertThat(getCurrentView()).isInstanceOf(InboxView.class);

        SignedIn.as(Role.CLIENT);
        UI.getCurrent().navigate("inbox");
        assertThat(getCurrentView()).isInstanceOf(InboxView.class);

        SignedIn.out();
        UI.getCurrent().navigate("inbox");
        assertThat(getCurrentView()).isNotInstanceOf(InboxView.class);
    }
}
