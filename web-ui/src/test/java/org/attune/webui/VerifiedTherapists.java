package org.attune.webui;

import org.attune.events.Role;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.ProfessionalRegistration;
import org.attune.webui.account.TherapistVerifications;

/** Therapists for tests that need clients to share with them: registered and already verified. */
public final class VerifiedTherapists {

    public static final ProfessionalRegistration REGISTRATION = new ProfessionalRegistration("Test Board", "T-1", "GB");

    private VerifiedTherapists() {}

    public static Account register(
            Accounts accounts, TherapistVerifications verifications, String email, String displayName) {
        var account = accounts.register(email, TestHttp.STRONG_PASSWORD, displayName, Role.THERAPIST, REGISTRATION);
        verifications.recordVerified(account.id(), REGISTRATION);
        return account;
    }
}
