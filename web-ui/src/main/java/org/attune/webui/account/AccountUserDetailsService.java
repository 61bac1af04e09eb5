package org.attune.webui.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Sign-in looks accounts up by their (case-insensitive) email. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.byEmail(username)
                .map(AccountPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
