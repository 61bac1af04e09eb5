package org.attune.webui.datarights.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.attune.events.Role;
import org.attune.webui.datarights.DataRights;
import org.attune.webui.identity.Passwords;
import org.attune.webui.identity.ui.ChangePasswordSection;
import org.attune.webui.security.Caller;

/** Download everything as one JSON file, or delete the account after typing the password again. */
@Route("my-data")
@RolesAllowed({"CLIENT", "THERAPIST"})
class MyDataView extends Main implements HasDynamicTitle {

    final Anchor download;
    /** Only for a client: the FHIR export holds a client's questionnaires. */
    final Anchor downloadFhir;

    final PasswordField password = new PasswordField();
    final Button delete = new Button();
    final Paragraph deleted = new Paragraph();

    private final DataRights dataRights;
    private final AuthenticationContext authentication;
    private final Caller caller;

    MyDataView(DataRights dataRights, Passwords passwords, AuthenticationContext authentication) {
        this.dataRights = dataRights;
        this.authentication = authentication;
        this.caller = Caller.current().orElseThrow();
        addClassName("attune-page");

        download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    // The caller as signed in now: a password changed on this page moved the session on.
                    var bytes =
                            dataRights.export(Caller.current().orElse(caller)).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), "attune-my-data.json", "application/json", bytes.length);
                }),
                getTranslation("mydata.download"));
        download.addClassName("attune-download");
        downloadFhir = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = dataRights.fhirExport(Caller.current().orElse(caller));
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), "attune-fhir.json", DataRights.FHIR_JSON, bytes.length);
                }),
                getTranslation("mydata.download.fhir"));
        downloadFhir.setId("download-fhir");
        downloadFhir.addClassName("attune-download");
        var fhir = new Paragraph(getTranslation("mydata.download.fhir.intro"));
        fhir.setVisible(caller.role() == Role.CLIENT);
        downloadFhir.setVisible(caller.role() == Role.CLIENT);

        password.setLabel(getTranslation("mydata.delete.password"));
        delete.setText(getTranslation("mydata.delete.submit"));
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(e -> delete());
        deleted.setVisible(false);
        deleted.addClassName("attune-notice");

        add(
                new H1(getTranslation("mydata.title")),
                new Paragraph(getTranslation("mydata.download.intro")),
                new Paragraph(download),
                fhir,
                new Paragraph(downloadFhir),
                new ChangePasswordSection(passwords, caller),
                new H2(getTranslation("mydata.delete.title")),
                new Paragraph(getTranslation("mydata.delete.intro")),
                password,
                delete,
                deleted,
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
    }

    private void delete() {
        password.setInvalid(false);
        if (!dataRights.erase(caller, password.getValue())) {
            password.setErrorMessage(getTranslation("mydata.delete.wrong-password"));
            password.setInvalid(true);
            return;
        }
        password.setEnabled(false);
        delete.setEnabled(false);
        deleted.setText(getTranslation("mydata.deleted"));
        deleted.setVisible(true);
        authentication.logout();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mydata.page-title");
    }
}
