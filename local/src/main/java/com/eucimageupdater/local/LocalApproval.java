package com.eucimageupdater.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * How a local run answers the approval the state machine waits for ({@code --approve}), as the endpoint or the CLI
 * would: SendTaskSuccess with the approval, SendTaskFailure with {@code ApprovalRejected}, or no answer, which ends
 * the task with {@code States.Timeout} once its approval timeout passes.
 */
enum LocalApproval {
    YES, NO, TIMEOUT;

    static LocalApproval parse(String option, String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": must be one of yes, no, timeout, got " + value);
        }
    }

    /** The callback task's output, or its error. */
    JsonNode answer() {
        return switch (this) {
            case YES -> new ObjectMapper().createObjectNode().put("decision", "approved");
            case NO -> throw new TaskError("ApprovalRejected", "rejected through the approval link (locally: --approve no)");
            case TIMEOUT -> throw new TaskError("States.Timeout", "no answer within the approval timeout (locally: --approve timeout)");
        };
    }
}
