package org.attune.checkin.checkin;

import java.util.List;

/** One page of check-ins, newest first. */
public record CheckInPage(List<CheckInView> items, int page, int size, long totalItems) {}
