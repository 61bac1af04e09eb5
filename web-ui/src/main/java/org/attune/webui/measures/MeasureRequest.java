package org.attune.webui.measures;

import java.time.LocalDate;

/** What a therapist asks for: a questionnaire, every {@code every} {@code unit}s from {@code firstDue}. */
public record MeasureRequest(String code, Integer every, String unit, LocalDate firstDue, Integer windowDays) {}
