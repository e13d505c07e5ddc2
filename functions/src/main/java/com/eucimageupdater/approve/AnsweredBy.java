package com.eucimageupdater.approve;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Who answered an approval, as the answer itself carries it into the execution: the browser that posted the endpoint's
 * page (its source IP and user agent, as the Function URL saw them), or the command that answered from a shell. The
 * endpoint writes it without its null components ({@link com.eucimageupdater.lambda.StepJson#records()}).
 *
 * @param at when the answer was given (ISO-8601), or null when the answer does not say
 */
public record AnsweredBy(String sourceIp, String userAgent, String command, String at) {
    /** A user agent is whatever the browser sends: kept short, and printable, for the mail and the execution's data. */
    static final int USER_AGENT_MAX = 200;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The browser that posted the page, from the Function URL's request context. */
    public static AnsweredBy browser(String sourceIp, String userAgent, Instant at) {
        String agent = userAgent == null ? null : userAgent.replaceAll("[^\\x20-\\x7e]", "?");
        String shortAgent = agent == null || agent.length() <= USER_AGENT_MAX ? agent : agent.substring(0, USER_AGENT_MAX - 3) + "...";
        return new AnsweredBy(sourceIp, shortAgent, null, at == null ? null : at.toString());
    }

    /** e.g. "by 203.0.113.7 (Mozilla/5.0 ...) at 2026-12-10 09:14 Europe/Paris", or "from the command line by ./run-local ...". */
    public String describe(ZoneId zone) {
        String who = command != null ? "from the command line by " + command
                : "by " + (sourceIp == null ? "an unknown address" : sourceIp) + (userAgent == null ? "" : " (" + userAgent + ")");
        String when = time(at, zone);
        return when == null ? who : who + " at " + when;
    }

    /** A time as the mails give it: to the minute, in the schedule's time zone, named. */
    public static String time(Instant instant, ZoneId zone) {
        return MINUTES.format(instant.atZone(zone)) + " " + ("Z".equals(zone.getId()) ? "UTC" : zone.getId());
    }

    private static String time(String iso, ZoneId zone) {
        try {
            return iso == null ? null : time(Instant.parse(iso), zone);
        } catch (DateTimeParseException notATime) {
            return iso;
        }
    }
}
