package org.attune.webui.account;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.attune.events.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as Spring Security sees them; the hash is erased after sign-in. {@code sessionEpoch} is the
 * account's epoch when this session signed in: a session from an older epoch has ended (see {@code SessionEpochFilter}).
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private final UUID id;
    private final String email;
    private final String displayName;
    private final Role role;
    private final boolean suspended;
    private final long sessionEpoch;
    private String passwordHash;

    AccountPrincipal(Account account, boolean suspended) {
        this(
                UUID.fromString(account.id()),
                account.email(),
                account.displayName(),
                account.role(),
                suspended,
                account.sessionEpoch(),
                account.passwordHash());
    }

    private AccountPrincipal(
            UUID id,
            String email,
            String displayName,
            Role role,
            boolean suspended,
            long sessionEpoch,
            String passwordHash) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.suspended = suspended;
        this.sessionEpoch = sessionEpoch;
        this.passwordHash = passwordHash;
    }

    /** The same person in a session that lives on into a new epoch (the one that changed the password). */
    public AccountPrincipal inEpoch(long epoch) {
        return new AccountPrincipal(id, email, displayName, role, suspended, epoch, null);
    }

    public long sessionEpoch() {
        return sessionEpoch;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    /** A suspended account is locked: Spring Security refuses its sign-in (after the password, so nothing leaks). */
    @Override
    public boolean isAccountNonLocked() {
        return !suspended;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal that && that.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + id + ", " + role + "]";
    }
}
