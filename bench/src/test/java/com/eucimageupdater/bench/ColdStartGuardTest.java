package com.eucimageupdater.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColdStartGuardTest {

    @Test
    void aStepPassesWhenItsColdInvocationIsNoSlowerThanTheNewcomersAndPrintsTheCallAfterPrimingBesideIt() {
        ColdStartBenchmark.Guard even = new ColdStartBenchmark.Guard("Check", 540, 540, 54);
        ColdStartBenchmark.Guard slower = new ColdStartBenchmark.Guard("Poll", 541, 540, 27);

        assertTrue(even.passed());
        assertFalse(slower.passed());
        assertEquals("Check       540          540   1.00                  54   0.10  PASS", even.line());
        assertEquals("Poll        541          540   1.00                  27   0.05  FAIL", slower.line());
    }
}
