package com.eucimageupdater.report;

import java.util.regex.Pattern;

/**
 * The AWS CLI commands that start this state machine again with an input naming an execution ({@code promote},
 * {@code rollback}), for the mail, runnable as they stand: the state machine's ARN and its Region come from this
 * execution's ARN (the CLI's own Region may be another). Step Functions names the new execution itself, so a command
 * run twice starts two executions; the second of two promotes is refused, once the first has rolled out.
 *
 * <p>Each command in two spellings: for bash and zsh, in single quotes; and for Windows, where PowerShell 5.1 and 7 pass
 * a native command's quoted JSON differently: after {@code --%} PowerShell hands the rest of the line to {@code aws}
 * unchanged, as cmd.exe would, so the same line works in every PowerShell and, without {@code --%}, in cmd.exe.
 * Execution names hold none of the characters that either spelling would have to escape except a single quote.
 */
final class StartCommands {
    /** arn:PARTITION:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME */
    private static final Pattern EXECUTION_ARN = Pattern.compile("^arn:[a-z-]+:states:[a-z0-9-]+:\\d{12}:execution:[^:]+:[^:]+$");
    private final String region;
    private final String stateMachineArn;

    private StartCommands(String region, String stateMachineArn) {
        this.region = region;
        this.stateMachineArn = stateMachineArn;
    }

    static StartCommands forExecution(String executionArn) {
        if (executionArn == null || !EXECUTION_ARN.matcher(executionArn).matches()) {
            throw new IllegalArgumentException("executionId: must be the execution's ARN, got " + executionArn);
        }
        String[] arn = executionArn.split(":");
        return new StartCommands(arn[3], String.join(":", arn[0], arn[1], arn[2], arn[3], arn[4], "stateMachine", arn[6]));
    }

    /** For bash and zsh. */
    String posix(String field, String execution) {
        return posix(input(field, execution));
    }

    /** For Windows PowerShell and PowerShell 7; for cmd.exe, without {@code --%}. */
    String windows(String field, String execution) {
        return windows(input(field, execution));
    }

    /** For bash and zsh, with this input (JSON text, e.g. a rollback's with {@code "rebuild": true}). */
    String posix(String input) {
        return "aws stepfunctions start-execution --region " + region + " --state-machine-arn " + singleQuoted(stateMachineArn)
                + " --input " + singleQuoted(input);
    }

    /** For Windows, with this input (JSON text): its double quotes escaped inside the double-quoted argument. */
    String windows(String input) {
        return "aws --% stepfunctions start-execution --region " + region + " --state-machine-arn \"" + stateMachineArn
                + "\" --input \"" + input.replace("\"", "\\\"") + "\"";
    }

    /** e.g. {"rollback": "run-1"} */
    static String input(String field, String execution) {
        return "{\"" + field + "\": \"" + execution + "\"}";
    }

    /** A single quote ends the quoted text, is escaped, and opens it again. */
    private static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
