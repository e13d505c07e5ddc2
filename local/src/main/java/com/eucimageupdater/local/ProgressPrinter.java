package com.eucimageupdater.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.function.Consumer;

/** Prints a run as it goes: elapsed time, image, state and what the step found. */
final class ProgressPrinter implements Consumer<ExecutionEvent> {
    private final PrintStream out;
    private long startedAt = -1;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(ExecutionEvent event) {
        if (startedAt < 0) {
            startedAt = event.timestamp();
        }
        String status = switch (event.type()) {
            case "StateExited" -> describeExit(event.state(), event.output());
            case "StateRetried" -> "retrying after " + shortName(event.error()) + " (attempt " + event.attempt() + ")";
            case "StateCaught" -> "caught " + shortName(event.error());
            case "ExecutionSucceeded" -> "execution SUCCEEDED";
            case "ExecutionFailed" -> "execution FAILED: " + event.error();
            default -> null;
        };
        if (status == null) {
            return;
        }
        String image = event.image() == null ? "" : event.service() + " " + event.image();
        String state = event.state() == null ? "" : event.state();
        out.printf("%7.1fs  %-34s %-20s %s%n", (event.timestamp() - startedAt) / 1000.0, image, state, status);
    }

    private static String describeExit(String state, JsonNode output) {
        if (output == null) {
            return null;
        }
        return switch (state) {
            case "PlanRun" -> output.path("problems").isEmpty()
                    ? output.path("images").size() + " image(s) planned for " + output.path("runDate").asText()
                    : "input rejected: " + output.path("problems").size() + " problem(s)";
            case "CheckForUpdate" -> output.path("check").path("updateAvailable").asBoolean()
                    ? "update available -> " + output.path("check").path("newImageName").asText()
                    : "up to date";
            case "StartUpdate" -> (output.path("start").path("adopted").asBoolean() ? "adopted " : "started ")
                    + output.path("start").path("newImage").asText();
            case "PollImageState" -> output.path("poll").path("serviceState").asText() + " (poll "
                    + output.path("poll").path("pollsDone").asInt() + ")";
            case "Notify" -> "mail sent: " + output.path("subject").asText();
            default -> output.has("outcome") ? output.path("outcome").asText() : null;
        };
    }

    private static String shortName(String error) {
        return error == null ? "error" : error.substring(error.lastIndexOf('.') + 1);
    }
}
