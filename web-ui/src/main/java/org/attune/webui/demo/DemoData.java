package org.attune.webui.demo;

import java.util.EnumSet;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.ProfessionalRegistration;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.config.WebUiProperties;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code attune.demo.enabled=true}, local stack only): a demo client and a demo therapist, their
 * credentials logged at start and written to {@code <data-dir>/demo-sign-in.properties} (which the local stack prints
 * on the console), and a grant between them. Created once; a restart finds them and prints again.
 */
@Component
@ConditionalOnProperty(name = "attune.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String CLIENT_EMAIL = "demo-client@attune.example";
    static final String THERAPIST_EMAIL = "demo-therapist@attune.example";

    private final Accounts accounts;
    private final Grants grants;
    private final DemoHistorySeeder history;
    private final WebUiProperties properties;
    private final TherapistVerifications verifications;
    private final String password;

    /** Made up, and plainly so: the demo therapist is verified without an operator. */
    static final ProfessionalRegistration DEMO_REGISTRATION =
            new ProfessionalRegistration("Attune demo register (not a real body)", "DEMO-0001", "GB");

    DemoData(
            Accounts accounts,
            Grants grants,
            DemoHistorySeeder history,
            WebUiProperties properties,
            TherapistVerifications verifications,
            @Value("${attune.demo.password:quiet harbour lantern morning}") String password) {
        this.accounts = accounts;
        this.grants = grants;
        this.history = history;
        this.properties = properties;
        this.verifications = verifications;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        var therapist = accounts.byEmail(THERAPIST_EMAIL)
                .orElseGet(() -> accounts.register(
                        THERAPIST_EMAIL, password, "Dr. Demo Therapist", Role.THERAPIST, DEMO_REGISTRATION));
        verifications.recordVerified(therapist.id(), DEMO_REGISTRATION);
        var client = accounts.byEmail(CLIENT_EMAIL)
                .orElseGet(() -> accounts.register(CLIENT_EMAIL, password, "Demo Client", Role.CLIENT));
        // Demo accounts from before email verification existed count as verified, like new ones.
        accounts.markEmailVerified(therapist.id());
        accounts.markEmailVerified(client.id());
        var clientCaller = new Caller(UUID.fromString(client.id()), Role.CLIENT);
        boolean sharing = grants.list(clientCaller).stream()
                .anyMatch(g -> g.isLive() && g.therapistId().equals(therapist.id()));
        if (!sharing) {
            grants.grantByEmail(clientCaller, THERAPIST_EMAIL, EnumSet.allOf(DataClass.class), null);
        }
        print(client, therapist);
        history.seedInBackground(clientCaller);
    }

    private void print(Account client, Account therapist) {
        // For the local stack's launcher, which prints it on the console once every service is up.
        DemoSignIn.write(properties.dataDir(), client.email(), therapist.email(), password);
        log.warn(
                "Demo mode: client {} and therapist {}, both with password '{}'. Demo only: never enable on a real deployment.",
                client.email(),
                therapist.email(),
                password);
    }
}
