package org.attune.webui.account;

/** Registration with an email that already has an account. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("An account with this email already exists");
    }
}
