package org.attune.webui.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Sign-in (password or passkey) looks accounts up by their (case-insensitive) email; suspended ones are locked. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final AccountSuspensions suspensions;

    AccountUserDetailsService(Accounts accounts, AccountSuspensions suspensions) {
        this.accounts = accounts;
        this.suspensions = suspensions;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.byEmail(username)
                .map(account -> new AccountPrincipal(account, suspensions.isSuspended(account.id())))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
