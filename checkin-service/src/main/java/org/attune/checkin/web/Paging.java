package org.attune.checkin.web;

import java.time.LocalDate;
import org.attune.kit.web.FieldRules;

/** Checks the common list parameters: page from 0, size 1–100, and a from/to range that is not reversed. */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {}

    public static void check(Integer page, Integer size, LocalDate from, LocalDate to) {
        var rules = new FieldRules();
        if (page != null && page < 0) {
            rules.add("page", "must be 0 or more");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            rules.add("size", "must be between 1 and " + MAX_SIZE);
        }
        checkRange(rules, from, to);
        rules.throwIfAny();
    }

    public static void checkRange(LocalDate from, LocalDate to) {
        var rules = new FieldRules();
        checkRange(rules, from, to);
        rules.throwIfAny();
    }

    private static void checkRange(FieldRules rules, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            rules.add("from", "must not be after 'to'");
        }
    }
}
