package org.attune.webui.account;

/**
 * Published (in-process) once an account and its email key are gone, so each feature removes what it keeps about
 * the account in web-ui's own store.
 */
public record AccountDeleted(String accountId, String email) {}
