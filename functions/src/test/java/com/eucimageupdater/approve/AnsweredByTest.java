package com.eucimageupdater.approve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AnsweredByTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aBrowsersAnswerNamesItsAddressUserAgentAndTimeInTheSchedulesZone() {
        AnsweredBy by = AnsweredBy.browser("203.0.113.7", "Mozilla/5.0", Instant.parse("2026-12-10T08:14:59Z"));

        assertEquals("by 203.0.113.7 (Mozilla/5.0) at 2026-12-10 09:14 Europe/Paris", by.describe(PARIS));
    }

    @Test
    void aCommandLinesAnswerSaysSo() {
        assertEquals("from the command line by ./run-local --approve yes at 2026-12-10 08:14 UTC",
                new AnsweredBy(null, null, "./run-local --approve yes", "2026-12-10T08:14:00Z").describe(ZoneId.of("UTC")));
    }

    @Test
    void aUserAgentIsKeptPrintableAndShort() {
        AnsweredBy by = AnsweredBy.browser("203.0.113.7", "evil\nagent" + "x".repeat(300), null);

        assertEquals(AnsweredBy.USER_AGENT_MAX, by.userAgent().length());
        assertEquals("evil?agentxxx", by.userAgent().substring(0, 13));
        assertEquals(null, by.at());
    }
}
