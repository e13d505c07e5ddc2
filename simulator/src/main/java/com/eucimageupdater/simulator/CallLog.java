package com.eucimageupdater.simulator;

import java.util.ArrayList;
import java.util.List;

/** Every answered request in order, and those rejected by request validation, for tests to inspect. */
final class CallLog {
    private final List<RecordedCall> calls = new ArrayList<>();
    private final List<RecordedCall> violations = new ArrayList<>();

    synchronized void record(RecordedCall call, boolean violation) {
        calls.add(call);
        if (violation) {
            violations.add(call);
        }
    }

    synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    synchronized List<RecordedCall> violations() {
        return List.copyOf(violations);
    }
}
