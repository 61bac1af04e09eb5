package org.attune.webui.account;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.attune.events.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as Spring Security sees them; the hash is erased after sign-in. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private final UUID id;
    private final String email;
    private final String displayName;
    private final Role role;
    private final boolean suspended;
    private String passwordHash;

    AccountPrincipal(Account account, boolean suspended) {
        this.id = UUID.fromString(account.id());
        this.email = account.email();
        this.displayName = account.displayName();
        this.role = account.role();
        this.suspended = suspended;
        this.passwordHash = account.passwordHash();
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
