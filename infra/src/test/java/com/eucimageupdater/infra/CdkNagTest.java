package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The AWS Solutions checks run on the app as deployed; every remaining finding must be suppressed with a reason. */
class CdkNagTest {
    private static Annotations annotations;

    @BeforeAll
    static void synthesize() {
        annotations = Annotations.fromStack(TestStack.get().stack);
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(message -> message.getId() + ": " + message.getEntry().getData()).toList();
    }

    @Test
    @DisplayName("the app has no unsuppressed AwsSolutions error")
    void noErrors() {
        assertEquals(List.of(), describe(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))));
    }

    @Test
    @DisplayName("the app has no unsuppressed AwsSolutions warning")
    void noWarnings() {
        assertEquals(List.of(), describe(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))));
    }
}
