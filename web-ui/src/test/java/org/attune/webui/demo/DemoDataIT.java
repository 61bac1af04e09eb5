package org.attune.webui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.account.Accounts;
import org.attune.webui.consent.GrantStatus;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo mode creates the demo client and therapist and a grant between them, and a second start changes nothing. */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data", "attune.demo.enabled=true"})
class DemoDataIT {

    @Autowired
    Accounts accounts;

    @Autowired
    Grants grants;

    @Autowired
    DemoData demo;

    @Test
    void theDemoPeopleExistAndTheClientSharesWithTheTherapist() {
        demo.run(null);

        var client = accounts.byEmail(DemoData.CLIENT_EMAIL).orElseThrow();
        var therapist = accounts.byEmail(DemoData.THERAPIST_EMAIL).orElseThrow();
        assertThat(client.role()).isEqualTo(Role.CLIENT);
        assertThat(therapist.role()).isEqualTo(Role.THERAPIST);
        var clientGrants = grants.list(new Caller(UUID.fromString(client.id()), Role.CLIENT));
        assertThat(clientGrants).singleElement().satisfies(grant -> {
            assertThat(grant.therapistId()).isEqualTo(therapist.id());
            assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
        });
        assertThat(java.nio.file.Path.of("target/it-data", DemoSignIn.FILE))
                .as("for the local stack to print on the console")
                .content()
                .contains("client=" + DemoData.CLIENT_EMAIL, "therapist=" + DemoData.THERAPIST_EMAIL, "password=");
    }
}
