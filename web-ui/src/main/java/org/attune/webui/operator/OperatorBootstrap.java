package org.attune.webui.operator;

import org.attune.events.Role;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.EmailTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the operator account on first start from {@code ATTUNE_OPERATOR_EMAIL} and {@code ATTUNE_OPERATOR_PASSWORD}
 * (there is no default password). Nothing happens when either is unset, when the account already exists (a restart
 * never resets its password), or when the password does not pass the password rules (the reason is logged, never
 * the password).
 */
@Component
class OperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final Accounts accounts;
    private final String email;
    private final String password;

    OperatorBootstrap(
            Accounts accounts,
            @Value("${attune.operator.email:}") String email,
            @Value("${attune.operator.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        if (password.isBlank()) {
            log.warn("ATTUNE_OPERATOR_EMAIL is set without ATTUNE_OPERATOR_PASSWORD: no operator account was created");
            return;
        }
        var existing = accounts.byEmail(email);
        if (existing.isPresent()) {
            if (existing.get().role() != Role.OPERATOR) {
                log.warn("ATTUNE_OPERATOR_EMAIL belongs to an account that is not an operator; it was left as it is");
            }
            return;
        }
        try {
            var operator = accounts.createOperator(email, password, "Operator");
            log.info("Created the operator account {}", operator.id());
        } catch (InvalidRequestException invalid) {
            log.error(
                    "The operator account was not created: {}",
                    invalid.problems().stream()
                            .map(p -> p.field() + " " + p.message())
                            .toList());
        } catch (EmailTakenException raced) {
            // another web-ui instance created it at the same moment
        }
    }
}
