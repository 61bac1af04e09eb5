package org.attune.webui.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Six weeks of a plausible, gently improving stretch of therapy for the demo client: check-ins on most days (never
 * all: a missed day is ordinary), PHQ-9 and GAD-7 every two weeks, a connection check after each weekly session with
 * one dip worth talking about. The same every time (fixed seed), so demo screenshots are comparable.
 */
final class DemoHistory {

    static final int DAYS = 42;
    static final DayOfWeek SESSION_DAY = DayOfWeek.TUESDAY;

    private static final List<String> SETTLED =
            List.of("calm", "content", "hopeful", "grateful", "connected", "relieved");
    private static final List<String> STIRRED = List.of("anxious", "worried", "overwhelmed", "restless", "frustrated");
    private static final List<String> LOW = List.of("tired", "numb", "sad", "lonely");
    private static final List<String> TAGS =
            List.of("people-pleasing", "numbing", "hyper-independence", "red-flag-noticed", "needs-advocated");

    /** One item to post; {@code key} names it so a restarted seeding skips what already went through. */
    sealed interface Item permits CheckIn, Questionnaire, Feedback {
        String key();

        ZonedDateTime at();
    }

    record CheckIn(
            String key,
            ZonedDateTime at,
            int mood,
            String window,
            List<String> emotions,
            int energy,
            double sleepHours,
            List<String> tags)
            implements Item {}

    record Questionnaire(String key, ZonedDateTime at, String code, Map<String, Integer> answers) implements Item {}

    record Feedback(
            String key,
            ZonedDateTime at,
            LocalDate sessionDate,
            int heard,
            int goals,
            int approach,
            int overall,
            String text)
            implements Item {}

    /** A shared goal in the demo client's words, with a rating for each of the six weeks, oldest first. */
    record Goal(String text, List<Integer> weeklyRatings) {}

    private DemoHistory() {}

    /** Two goals the demo client and therapist agreed on, coming slowly closer (with one flat week). */
    static List<Goal> goals() {
        return List.of(
                new Goal("Say what I need at work, even when it feels uncomfortable", List.of(2, 3, 3, 4, 5, 6)),
                new Goal("Walk by the sea on Sundays", List.of(4, 5, 4, 6, 6, 7)));
    }

    /** Everything from 41 days before {@code today} up to yesterday evening, oldest first. */
    static List<Item> sixWeeksBefore(LocalDate today, ZoneId zone) {
        var random = new Random(20261127L);
        var items = new ArrayList<Item>();
        var first = today.minusDays(DAYS);
        for (int day = 0; day < DAYS; day++) {
            var date = first.plusDays(day);
            double progress = day / (double) (DAYS - 1);
            if (day % 14 == 1) {
                int severity = (int) Math.round(12 - 6 * progress);
                items.add(
                        questionnaire("PHQ-9", 9, severity, date.atTime(19, 30).atZone(zone), random));
                items.add(questionnaire(
                        "GAD-7", 7, severity - 1, date.atTime(19, 40).atZone(zone), random));
            }
            if (date.getDayOfWeek() == SESSION_DAY) {
                items.add(feedback(date, zone, day, random));
            }
            if (random.nextInt(7) < 5) {
                items.add(checkIn(date, zone, progress, random));
            }
        }
        return items;
    }

    private static CheckIn checkIn(LocalDate date, ZoneId zone, double progress, Random random) {
        int mood = clamp((int) Math.round(4 + 2.5 * progress + random.nextGaussian() * 1.3), 0, 10);
        int roll = random.nextInt(10);
        String window = roll < 2 ? "HYPER" : roll < 3 ? "HYPO" : "WITHIN";
        var palette = switch (window) {
            case "HYPER" -> STIRRED;
            case "HYPO" -> LOW;
            default -> mood >= 5 ? SETTLED : LOW;
        };
        var emotions = new ArrayList<String>();
        int count = 1 + random.nextInt(3);
        while (emotions.size() < count) {
            var emotion = palette.get(random.nextInt(palette.size()));
            if (!emotions.contains(emotion)) {
                emotions.add(emotion);
            }
        }
        int energy = clamp(mood + random.nextInt(3) - 1 - ("HYPO".equals(window) ? 2 : 0), 0, 10);
        double sleep = Math.round((6 + random.nextGaussian() * 0.9 + progress) * 2) / 2.0;
        var tags = random.nextInt(5) == 0 ? List.of(TAGS.get(random.nextInt(TAGS.size()))) : List.<String>of();
        var at =
                date.atTime(LocalTime.of(20, 0).plusMinutes(random.nextInt(90))).atZone(zone);
        return new CheckIn("checkin-" + date, at, mood, window, emotions, energy, clamp(sleep, 3, 10), tags);
    }

    /** Answers adding up to about {@code total}; the last PHQ-9 item (self-harm) always 0 in the demo. */
    private static Questionnaire questionnaire(String code, int itemCount, int total, ZonedDateTime at, Random random) {
        var answers = new LinkedHashMap<String, Integer>();
        int left = Math.max(0, total);
        int scoredItems = "PHQ-9".equals(code) ? itemCount - 1 : itemCount;
        for (int item = 1; item <= itemCount; item++) {
            int value = 0;
            if (item <= scoredItems) {
                int remainingItems = scoredItems - item + 1;
                value = clamp((int) Math.round(left / (double) remainingItems + random.nextGaussian() * 0.4), 0, 3);
                value = Math.min(value, left);
            }
            left -= value;
            answers.put(String.valueOf(item), value);
        }
        return new Questionnaire(code.toLowerCase() + "-" + at.toLocalDate(), at, code, answers);
    }

    private static Feedback feedback(LocalDate sessionDate, ZoneId zone, int day, Random random) {
        var at = sessionDate.atTime(18, 15).atZone(zone);
        boolean dip = day >= 21 && day < 28;
        if (dip) {
            return new Feedback(
                    "feedback-" + sessionDate,
                    at,
                    sessionDate,
                    4,
                    5,
                    4,
                    5,
                    "I felt rushed at the end and did not say what I wanted to.");
        }
        int base = 7 + random.nextInt(2);
        return new Feedback(
                "feedback-" + sessionDate, at, sessionDate, base + 1, base, base, base + random.nextInt(2), null);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
