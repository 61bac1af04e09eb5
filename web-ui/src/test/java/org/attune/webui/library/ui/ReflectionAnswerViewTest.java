package org.attune.webui.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.time.Instant;
import org.attune.events.Role;
import org.attune.webui.library.Content;
import org.attune.webui.library.ReflectionAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The place for a client's own words under a reflection, without a browser. */
@SpringJUnitConfig(ReflectionAnswerViewTest.Beans.class)
@ViewPackages(classes = PieceView.class)
class ReflectionAnswerViewTest extends SpringBrowserlessTest {

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
        VaadinServiceInitListener roleChecks() {
            var access = new SpringNavigationAccessControl();
            return event -> event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(access));
        }
    }

    @Autowired
    FakeLibrary library;

    @Autowired
    FakeReflectionAnswers answers;

    @BeforeEach
    void aReflectionAndAnExercise() {
        library.reset();
        answers.reset();
        library.pieces.add(FakeLibrary.piece(
                "carrying-the-thread",
                "Carrying the thread between sessions",
                Content.Kind.REFLECTION,
                4,
                "- Is there something you wish you had said? You might jot it down here."));
        library.pieces.add(FakeLibrary.piece(
                "box-breathing", "Box breathing", Content.Kind.EXERCISE, 3, "Slow breath tells the body it is safe."));
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private ReflectionAnswerSection open(String slug) {
        UI.getCurrent().navigate("library/" + slug);
        return $(ReflectionAnswerSection.class).single();
    }

    @Test
    void aReflectionOffersAPlaceToWriteThatIsPrivateUnlessSharedAndSavesItSo() {
        var me = SignedIn.as(Role.CLIENT);
        var section = open("carrying-the-thread");

        assertThat(section.sharing.getValue()).as("private by default").isFalse();
        assertThat(section.getElement().getTextRecursively())
                .contains("Keep private (only you)", "Share with my therapist");
        assertThat(section.sharing.getHelperText()).contains("only while you share your notes");
        assertThat(section.remove.isVisible()).isFalse();

        test(section.text).setValue("The moment I went quiet.");
        test(section.save).click();

        assertThat(answers.stored.get(me.id() + ":carrying-the-thread"))
                .isEqualTo(new ReflectionAnswers.Answer(
                        "The moment I went quiet.", false, Instant.parse("2026-11-27T10:00:00Z")));
        assertThat(section.status.getText()).isEqualTo("Saved, just for you.");
        assertThat(section.remove.isVisible()).isTrue();
    }

    @Test
    void sharingIsOneChoiceAndSaysWhenTheTherapistCanReadIt() {
        var me = SignedIn.as(Role.CLIENT);
        var section = open("carrying-the-thread");

        test(section.text).setValue("Something to bring on Tuesday.");
        test(section.sharing).selectItem("Share with my therapist");
        test(section.save).click();

        assertThat(answers.stored.get(me.id() + ":carrying-the-thread").shared())
                .isTrue();
        assertThat(section.status.getText()).contains("while you share your notes");
    }

    @Test
    void whatWasWrittenBeforeIsThereAgainAndCanBeDeleted() {
        var me = SignedIn.as(Role.CLIENT);
        answers.stored.put(
                me.id() + ":carrying-the-thread",
                new ReflectionAnswers.Answer("Earlier words.", true, Instant.parse("2026-11-20T10:00:00Z")));
        var section = open("carrying-the-thread");

        assertThat(section.text.getValue()).isEqualTo("Earlier words.");
        assertThat(section.sharing.getValue()).isTrue();

        test(section.remove).click();

        assertThat(answers.stored).isEmpty();
        assertThat(section.text.getValue()).isEmpty();
        assertThat(section.sharing.getValue()).isFalse();
        assertThat(section.status.getText()).contains("Deleted");
    }

    @Test
    void anEmptyPageIsFineAndNothingIsSaved() {
        SignedIn.as(Role.CLIENT);
        var section = open("carrying-the-thread");

        test(section.text).setValue("   ");
        test(section.save).click();

        assertThat(answers.stored).isEmpty();
        assertThat(section.status.getText()).contains("Leaving it empty is fine too");
    }

    @Test
    void whenTheServiceDoesNotAnswerTheWordsStayOnThePage() {
        SignedIn.as(Role.CLIENT);
        var section = open("carrying-the-thread");
        answers.down = true;

        test(section.text).setValue("Still here.");
        test(section.save).click();

        assertThat(section.text.getValue()).isEqualTo("Still here.");
        assertThat(section.status.getText()).contains("couldn't save that just now");
    }

    @Test
    void otherPiecesAskForNoWords() {
        SignedIn.as(Role.CLIENT);
        UI.getCurrent().navigate("library/box-breathing");
        assertThat($(ReflectionAnswerSection.class).all()).isEmpty();
    }

    @Test
    void aTherapistPreviewingAReflectionSeesNoPlaceForTheClientsWords() {
        SignedIn.as(Role.THERAPIST);
        UI.getCurrent().navigate("library/carrying-the-thread");
        assertThat($(ReflectionAnswerSection.class).all()).isEmpty();
        assertThat($(Section.class).withId("reflection-answer").all()).isEmpty();
    }
}
