package com.eucimageupdater.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StartCommandsTest {
    private static final StartCommands CHINA = StartCommands.forExecution(
            "arn:aws-cn:states:cn-north-1:123456789012:execution:EucImageUpdater-Workflow:monthly-2026-11");

    @Test
    void theStateMachineAndItsRegionComeFromTheExecutionsArnInItsPartition() {
        assertEquals("aws stepfunctions start-execution --region cn-north-1 --state-machine-arn"
                + " 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:EucImageUpdater-Workflow' --input '{\"promote\": \"run-1\"}'",
                CHINA.posix("promote", "run-1"));
    }

    @Test
    void aSingleQuoteInAnExecutionNameIsEscapedForBashAndZsh() {
        assertEquals("aws stepfunctions start-execution --region cn-north-1 --state-machine-arn"
                + " 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:EucImageUpdater-Workflow'"
                + " --input '{\"rollback\": \"it'\\''s-run\"}'", CHINA.posix("rollback", "it's-run"));
    }

    @Test
    void windowsGetsTheInputInDoubleQuotesAfterPowerShellsStopParsingToken() {
        assertEquals("aws --% stepfunctions start-execution --region cn-north-1 --state-machine-arn"
                + " \"arn:aws-cn:states:cn-north-1:123456789012:stateMachine:EucImageUpdater-Workflow\" --input"
                + " \"{\\\"promote\\\": \\\"it's-run\\\"}\"", CHINA.windows("promote", "it's-run"));
    }

    @Test
    void anythingButAnExecutionsArnIsABug() {
        assertThrows(IllegalArgumentException.class,
                () -> StartCommands.forExecution("arn:aws:states:us-east-1:123456789012:stateMachine:x"));
    }
}
