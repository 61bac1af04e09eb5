package org.attune.webui.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.util.List;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.library.Content;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The library screens without a browser, against an in-memory content-service; the context holds only the fake and
 * Vaadin's role check, so no broker or database is involved.
 */
@SpringJUnitConfig(LibraryViewsTest.Beans.class)
@ViewPackages(packages = "org.attune.webui.library.ui")
class LibraryViewsTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        FakeLibrary fakeLibrary() {
            return new FakeLibrary();
        }

        @Bean
        FakeReflectionAnswers fakeReflectionAnswers() {
            return new FakeReflectionAnswers();
        }

        @Bean
        AssignContentPanels assignContentPanels(FakeLibrary library) {
            return new AssignContentPanels(library);
        }

        @Bean
        VaadinServiceInitListener roleChecks() {
            var access = new SpringNavigationAccessControl();
            return event -> event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(access));
        }
    }

    @Autowired
    FakeLibrary library;

    @BeforeEach
    void aSmallLibrary() {
        library.reset();
        library.pieces.add(FakeLibrary.piece(
                "box-breathing",
                "Box breathing",
                Content.Kind.EXERCISE,
                3,
                "## Why\n\nSlow breath tells the body it is safe."));
        library.pieces.add(FakeLibrary.piece(
                "noticing-your-own-no", "Noticing your own no", Content.Kind.REFLECTION, 12, "Questions to sit with."));
        library.pieces.add(FakeLibrary.piece(
                "what-to-expect", "What to expect from therapy", Content.Kind.READING, 6, "Therapy has a pace."));
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void aClientSeesWhatTheirTherapistAssignedWhatIsSuggestedAndTheWholeLibrary() {
        SignedIn.as(Role.CLIENT);
        library.assignments.add(new Content.Assignment(
                "a1",
                "box-breathing",
                "Box breathing",
                "Try it before bed",
                null,
                java.time.Instant.parse("2026-11-20T10:00:00Z"),
                false,
                null));
        library.recommendations.add(new Content.Recommendation(
                "r1", "noticing-your-own-no", "Noticing your own no", "You noted people-pleasing this week.", false));

        var view = navigate(LibraryView.class);

        assertThat(view.assigned.isVisible()).isTrue();
        assertThat(text(view.assigned))
                .contains("From your therapist", "Box breathing", "Try it before bed", "Nov 20, 2026");
        assertThat(text(view.suggested)).contains("Suggested for you", "Noticing your own no", "people-pleasing");
        assertThat($(RouterLink.class, view.results).all())
                .extracting(RouterLink::getId)
                .containsExactly(
                        java.util.Optional.of("content-box-breathing"),
                        java.util.Optional.of("content-noticing-your-own-no"),
                        java.util.Optional.of("content-what-to-expect"));
        assertThat(text(view.results)).contains("Exercise · About 3 minutes");
    }

    @Test
    void withNothingAssignedOrSuggestedOnlyTheLibraryShows() {
        SignedIn.as(Role.CLIENT);

        var view = navigate(LibraryView.class);

        assertThat(view.assigned.isVisible()).isFalse();
        assertThat(view.suggested.isVisible()).isFalse();
        assertThat(view.resultStatus.getText()).isEqualTo("3 pieces to explore");
    }

    @Test
    void searchKindAndLengthNarrowTheListAndSayKindlyWhenNothingMatches() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(LibraryView.class);

        test(view.search).setValue("breathing");
        assertThat(text(view.results)).contains("Box breathing").doesNotContain("Noticing");

        test(view.search).setValue("");
        test(view.kind).selectItem("Reflection");
        assertThat(text(view.results)).contains("Noticing your own no").doesNotContain("Box breathing");

        view.kind.clear();
        test(view.length).selectItem("Up to 3 minutes");
        assertThat(text(view.results)).contains("Box breathing").doesNotContain("What to expect");

        test(view.search).setValue("gardening");
        assertThat(view.results.getChildren()).isEmpty();
        assertThat(view.resultStatus.getText()).contains("Nothing matches that just now");
    }

    @Test
    void notForMeHidesASuggestionButPinnedOnesCannotBeHidden() {
        SignedIn.as(Role.CLIENT);
        library.recommendations.add(
                new Content.Recommendation("r1", "box-breathing", "Box breathing", "A short one.", false));
        library.recommendations.add(
                new Content.Recommendation("r2", "crisis", "If you are in crisis", "Always here.", true));
        var view = navigate(LibraryView.class);

        assertThat($(Button.class, view.suggested).id("dismiss-r1").isVisible()).isTrue();
        assertThat($(Button.class, view.suggested).withId("dismiss-r2").all()).isEmpty();

        test($(Button.class, view.suggested).id("dismiss-r1")).click();

        assertThat(library.dismissed).containsExactly("r1");
        assertThat(text(view.suggested)).doesNotContain("A short one.").contains("If you are in crisis");
    }

    @Test
    void whenTheServiceDoesNotAnswerTheLibrarySaysSoWithoutShowingAnything() {
        SignedIn.as(Role.CLIENT);
        library.down = true;

        var view = navigate(LibraryView.class);

        assertThat(view.resultStatus.getText())
                .contains("couldn't reach the library")
                .contains("Nothing is lost");
        assertThat(view.results.getChildren()).isEmpty();
        assertThat(text(view.assigned)).contains("couldn't check for pieces from your therapist");
    }

    @Test
    void openingAPieceFromTheListShowsItAndNotesThatItWasOpened() {
        SignedIn.as(Role.CLIENT);
        navigate(LibraryView.class);

        test($(RouterLink.class).id("content-box-breathing")).click();

        var piece = (PieceView) getCurrentView();
        assertThat(piece.title.getText()).isEqualTo("Box breathing");
        assertThat(piece.duration.getText()).isEqualTo("Exercise · About 3 minutes");
        assertThat(text(piece.content)).contains("Slow breath tells the body it is safe.");
        assertThat(library.engagements).containsExactly("box-breathing:OPENED");
    }

    @Test
    void markdownBecomesComponentsAndRawHtmlOrScriptLinksNeverReachThePage() {
        SignedIn.as(Role.CLIENT);
        library.pieces.add(FakeLibrary.piece("tricky", "Tricky", Content.Kind.READING, 2, """
                ## A heading

                Some **strong** and *gentle* words.

                <script>alert('x')</script>

                - [Needs statement builder](/library/needs-statement-builder)
                - [sneaky](javascript:alert(1))
                - [Samaritans](https://www.samaritans.org)
                - <img src=x onerror=alert(1)>
                """));

        UI.getCurrent().navigate("library/tricky");
        var piece = (PieceView) getCurrentView();

        assertThat($(Html.class).all()).isEmpty();
        var body = text(piece.content);
        assertThat(body).contains("A heading", "strong", "<script>alert('x')</script>", "sneaky");
        var hrefs = $(Anchor.class, piece.content).all().stream()
                .map(Anchor::getHref)
                .toList();
        assertThat(hrefs).containsExactlyInAnyOrder("library/needs-statement-builder", "https://www.samaritans.org");
        assertThat(piece.content.getElement().getOuterHTML())
                .doesNotContain("<script>")
                .doesNotContain("javascript:")
                .doesNotContain("<img")
                .contains("<strong>strong</strong>", "<em>gentle</em>", "<h2>A heading</h2>");
    }

    @Test
    void triedThisIsRecordedAndHowItFeltIsAskedGentlyAndOptionally() {
        SignedIn.as(Role.CLIENT);
        UI.getCurrent().navigate("library/box-breathing");
        var piece = (PieceView) getCurrentView();
        assertThat(piece.feeling.isVisible()).isFalse();

        test($(Button.class).id("tried-this")).click();

        assertThat(library.engagements).contains("box-breathing:COMPLETED");
        assertThat(piece.feedback.getText()).contains("However it went is fine");
        assertThat(piece.feeling.isVisible()).isTrue();
        assertThat(text(piece.feeling)).contains("optional").contains("isn't a score");

        test($(Button.class).id("felt-helpful")).click();

        assertThat(library.engagements)
                .containsExactly("box-breathing:OPENED", "box-breathing:COMPLETED", "box-breathing:HELPFUL");
        assertThat(piece.feeling.isVisible()).isFalse();
    }

    @Test
    void whenTryingCannotBeSavedThePersonIsToldNothingIsLost() {
        SignedIn.as(Role.CLIENT);
        UI.getCurrent().navigate("library/box-breathing");
        var piece = (PieceView) getCurrentView();
        library.down = true;

        test($(Button.class).id("tried-this")).click();

        assertThat(piece.feedback.getText()).contains("couldn't save that just now");
        assertThat(piece.feeling.isVisible()).isFalse();
    }

    @Test
    void exercisesShowTheirPacingAndEachStepWithItsLength() {
        SignedIn.as(Role.CLIENT);
        library.pieces.add(new Content.Piece(
                "four-breaths",
                "Four slow breaths",
                Content.Kind.EXERCISE,
                2,
                null,
                "A very short one.",
                List.of(new Content.Step("Settle", "Let your feet find the floor.", 20)),
                new Content.Breathing(4, 2, 6, 4),
                ""));

        UI.getCurrent().navigate("library/four-breaths");
        var piece = (PieceView) getCurrentView();

        assertThat(piece.duration.getText()).contains("About 2 minutes");
        assertThat(text(piece.content))
                .contains("Breathe in for 4 seconds, hold for 2, breathe out for 6; 4 rounds")
                .contains("Settle", "Let your feet find the floor.", "About 20 seconds");
    }

    @Test
    void anUnknownPieceIsExplainedKindly() {
        SignedIn.as(Role.CLIENT);

        UI.getCurrent().navigate("library/not-a-piece");

        var piece = (PieceView) getCurrentView();
        assertThat(piece.title.getText()).isEqualTo("We couldn't find that piece");
        assertThat($(Button.class).withId("tried-this").all()).isEmpty();
    }

    @Test
    void aTherapistMayPreviewAPieceButHasNothingToTryAndNothingIsRecorded() {
        SignedIn.as(Role.THERAPIST);

        UI.getCurrent().navigate("library/box-breathing");

        var piece = (PieceView) getCurrentView();
        assertThat(piece.title.getText()).isEqualTo("Box breathing");
        assertThat($(Button.class).withId("tried-this").all()).isEmpty();
        assertThat(library.engagements).isEmpty();
    }

    @Test
    void aTherapistCannotOpenTheClientsLibrary() {
        SignedIn.as(Role.THERAPIST);

        UI.getCurrent().navigate("library");

        assertThat(getCurrentView()).isNotInstanceOf(LibraryView.class);
        assertThat($(H1.class).all()).extracting(H1::getText).doesNotContain("Library");
    }

    @Test
    void someoneNotSignedInCannotOpenTheLibraryOrAPiece() {
        SignedIn.out();

        UI.getCurrent().navigate("library");
        assertThat(getCurrentView()).isNotInstanceOf(LibraryView.class);

        UI.getCurrent().navigate("library/box-breathing");
        assertThat(getCurrentView()).isNotInstanceOf(PieceView.class);
    }

    @Test
    void aTherapistAssignsAPieceWithANoteAndSeesIt() {
        SignedIn.as(Role.THERAPIST);
        var panel = new AssignContentPanels(library).create(UUID.randomUUID());
        UI.getCurrent().add(panel);
        assertThat(text(panel.assignments)).contains("Nothing assigned yet");

        assertThat($(Button.class, panel).withId("assign-box-breathing").all()).isEmpty();
        test(panel.note).setValue("For the evenings");
        test(panel.browse).click();
        test($(Button.class, panel).id("assign-box-breathing")).click();

        assertThat(library.lastNote).isEqualTo("For the evenings");
        assertThat(text(panel.assignments)).contains("Box breathing", "For the evenings", "Not tried yet");
        assertThat(panel.status.getText()).isEqualTo("Assigned \"Box breathing\".");
        assertThat(panel.note.getValue()).isEmpty();
    }

    @Test
    void theAssignPanelShowsWhatTheClientTried() {
        SignedIn.as(Role.THERAPIST);
        library.assignments.add(new Content.Assignment(
                "a1",
                "box-breathing",
                "Box breathing",
                null,
                null,
                java.time.Instant.parse("2026-11-20T10:00:00Z"),
                true,
                java.time.Instant.parse("2026-11-22T19:00:00Z")));

        var panel = new AssignContentPanels(library).create(UUID.randomUUID());
        UI.getCurrent().add(panel);

        assertThat(text($(Div.class, panel.assignments).id("assignment-a1"))).contains("Tried on Nov 22, 2026");
    }

    @Test
    void withoutSharingTheAssignPanelSaysNotSharedAndShowsNothingElse() {
        SignedIn.as(Role.THERAPIST);
        library.shared = false;

        var panel = new AssignContentPanels(library).create(UUID.randomUUID());
        UI.getCurrent().add(panel);

        assertThat(panel.notShared.isVisible()).isTrue();
        assertThat(panel.notShared.getText()).contains("not shared with you");
        assertThat(panel.picker.isVisible()).isFalse();
        assertThat($(Button.class, panel).withId("assign-box-breathing").all()).isEmpty();
    }

    @Test
    void sharingEndingBetweenLoadingAndAssigningIsShownAsNotShared() {
        SignedIn.as(Role.THERAPIST);
        var panel = new AssignContentPanels(library).create(UUID.randomUUID());
        UI.getCurrent().add(panel);
        test(panel.browse).click();
        library.shared = false;

        test($(Button.class, panel).id("assign-box-breathing")).click();

        assertThat(panel.notShared.isVisible()).isTrue();
        assertThat(library.assignments).isEmpty();
    }

    @Test
    void onlyATherapistGetsAnAssignPanel() {
        SignedIn.as(Role.CLIENT);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new AssignContentPanels(library).create(UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
    }
}
