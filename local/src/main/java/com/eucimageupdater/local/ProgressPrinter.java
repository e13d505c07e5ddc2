package com.eucimageupdater.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prints a run as it goes: elapsed time, image, state and what the step found. The steps run on other threads and
 * write their warnings to stderr meanwhile, so every line is written whole, under one lock: a step's JSON log line
 * becomes a progress line of its own, any other text a line of stderr between two progress lines, never inside one.
 */
final class ProgressPrinter implements Consumer<ExecutionEvent>, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINE = "%7.1fs  %-34s %-20s %s%n";

    private final PrintStream out;
    private final PrintStream err;
    /** Polls seen so far by image: a poll's own count is the wait loop's bound, in poll intervals. */
    private final Map<String, Integer> pollsByImage = new HashMap<>();
    private final Lines stderr = new Lines();
    private long startedAt = -1;

    ProgressPrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Prints to {@code out} and takes over {@link System#err} until closed, so that what the steps write there cannot cut a line. */
    static ProgressPrinter takingStderr(PrintStream out) {
        ProgressPrinter printer = new ProgressPrinter(out, System.err);
        System.setErr(new PrintStream(printer.stderr, true, StandardCharsets.UTF_8));
        return printer;
    }

    /** Gives stderr back, with the last line written there if it had no line break. */
    @Override
    public void close() {
        System.setErr(err);
        stderr.end();
    }

    @Override
    public synchronized void accept(ExecutionEvent event) {
        if (startedAt < 0) {
            startedAt = event.timestamp();
        }
        String status = switch (event.type()) {
            case "StateExited" -> describeExit(event);
            case "StateRetried" -> "retrying after " + shortName(event.error()) + " (attempt " + event.attempt() + ")";
            case "StateCaught" -> "caught " + shortName(event.error());
            case "ExecutionSucceeded" -> "execution SUCCEEDED";
            case "ExecutionFailed" -> "execution FAILED: " + event.error();
            default -> null;
        };
        if (status != null) {
            line(event.timestamp(), event.image() == null ? "" : event.service() + " " + event.image(),
                    event.state() == null ? "" : event.state(), status);
        }
    }

    /**
     * One line a step or a library wrote to stderr: a step's JSON log line (only warnings and errors reach stderr) is shown
     * as progress, in its step's words; any other text as it is, on stderr.
     */
    synchronized void stderrLine(String text) {
        JsonNode log = jsonLog(text);
        if (log == null) {
            err.print(text + System.lineSeparator());
            err.flush();
            return;
        }
        String image = log.hasNonNull("image") ? log.path("service").asText() + " " + log.get("image").asText() : "";
        String what = !log.hasNonNull("outcome") ? log.path("message").asText()
                : log.get("outcome").asText() + (log.hasNonNull("detail") ? ": " + log.get("detail").asText() : "");
        line(epochMillis(log.path("timestamp").asText()), image, log.path("step").asText(), log.get("level").asText() + " " + what);
    }

    private void line(long timestamp, String image, String state, String status) {
        if (startedAt < 0) {
            startedAt = timestamp;
        }
        // Formatted first and written in one piece: printf writes each part on its own, and a line could be cut between them.
        out.print(String.format(LINE, (timestamp - startedAt) / 1000.0, image, state, status));
        out.flush();
    }

    private String describeExit(ExecutionEvent event) {
        JsonNode output = event.output();
        if (output == null) {
            return null;
        }
        return switch (event.state()) {
            case "PlanRun" -> output.path("problems").isEmpty()
                    ? output.path("images").size() + " image(s) planned for " + output.path("runDate").asText()
                    : "input rejected: " + output.path("problems").size() + " problem(s)";
            case "CheckForUpdate" -> output.path("check").path("updateAvailable").asBoolean()
                    ? "update available -> " + output.path("check").path("newImageName").asText()
                    : "up to date";
            case "StartUpdate" -> !output.path("start").hasNonNull("newImage") ? null
                    : (output.path("start").path("adopted").asBoolean() ? "adopted " : "started ")
                            + output.path("start").path("newImage").asText();
            case "PollImageState" -> output.path("poll").path("serviceState").asText() + " (poll " + pollsByImage.merge(
                    event.account() + " " + event.region() + " " + event.service() + " " + event.image(), 1, Integer::sum) + ")";
            case "PublishBuildEvents" -> published(output.path("rollout").path("builtEvents"));
            case "PublishRollout" -> published(output.path("rollout").path("rolloutEvents"));
            case "PublishRollback" -> published(output.path("published"));
            case "ValidateStagedImage" -> validation(output.path("validation"));
            case "RebuildNextWave" -> rebuild(output.path("bundle").path("bundle").asText(), output.path("rebuild"));
            case "Notify" -> "mail sent: " + output.path("subject").asText();
            default -> output.has("outcome") ? output.path("outcome").asText() : null;
        };
    }

    /** What a publish step told other systems, e.g. "published 2 Image Updated, 1 parameter written, 1 refused". */
    private static String published(JsonNode publication) {
        if (publication.has("Error")) {
            return "publish step failed: " + shortName(publication.path("Error").asText());
        }
        List<String> parts = new ArrayList<>();
        publication.path("events").fields().forEachRemaining(count -> parts.add(count.getValue().asInt() + " " + count.getKey()));
        int parameters = publication.path("parameters").size() + publication.path("moreParameters").asInt();
        int refused = publication.path("failures").size() + publication.path("moreFailures").asInt();
        String written = (parameters > 0 ? ", " + parameters + " parameter(s)" : "") + (refused > 0 ? ", " + refused + " refused" : "");
        return (publication.path("reportOnly").asBoolean() ? "would publish " : "published ")
                + (parts.isEmpty() ? "no event" : String.join(", ", parts)) + written;
    }

    /** The gate's check: passed, failed with its reason, or what it still waits for. */
    private static String validation(JsonNode validation) {
        String check = " (check " + validation.path("polls").asInt() + ")";
        if (validation.path("done").asBoolean()) {
            return validation.path("passed").asBoolean() ? "gate passed" + check
                    : "gate FAILED" + check + ": " + validation.path("failure").asText();
        }
        for (JsonNode waiting : validation.path("checks")) {
            if ("WAITING".equals(waiting.path("status").asText())) {
                return "waiting" + check + ": " + waiting.path("check").asText() + " " + waiting.path("target").asText() + ": "
                        + waiting.path("answer").asText();
            }
        }
        return "waiting" + check;
    }

    /**
     * A bundle's rebuild after one call: the wave it follows and when it looks again (the window's opening, a poll, a check of
     * the skipped), or how it ended; with its counts so far.
     */
    private static String rebuild(String bundle, JsonNode progress) {
        JsonNode result = progress.path("result");
        boolean done = progress.path("done").asBoolean();
        int skipped = 0;
        for (JsonNode group : done ? result.path("skipped") : progress.path("retry")) {
            skipped += group.path("count").asInt();
        }
        if (done && "WOULD_REBUILD".equals(result.path("outcome").asText())) {
            return "bundle " + bundle + " WOULD_REBUILD " + result.path("wouldRebuild").asInt() + ", " + skipped + " skipped";
        }
        String counts = result.path("rebuilt").asInt() + " rebuilt, " + result.path("failedCount").asInt() + " failed, " + skipped
                + " skipped";
        if (done) {
            return "bundle " + bundle + " " + result.path("outcome").asText() + " after " + result.path("waves").asInt() + " wave(s): "
                    + counts + (result.hasNonNull("stoppedBecause") ? "; " + result.path("stoppedBecause").asText() : "");
        }
        int rebuilding = progress.path("wave").size();
        return "bundle " + bundle + (rebuilding > 0 ? " wave " + result.path("waves").asInt() + ": " + rebuilding + " rebuilding, " : ": ")
                + counts + "; waits until " + progress.path("waitUntil").asText();
    }

    /** A step's log line (StepLog: one JSON object with its level), else null. */
    private static JsonNode jsonLog(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode log = JSON.readTree(text);
            return log.isObject() && log.hasNonNull("level") ? log : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static long epochMillis(String timestamp) {
        try {
            return Instant.parse(timestamp).toEpochMilli();
        } catch (DateTimeParseException e) {
            return System.currentTimeMillis();
        }
    }

    private static String shortName(String error) {
        return error == null ? "error" : error.substring(error.lastIndexOf('.') + 1);
    }

    /** Stands in for stderr: gathers what is written into lines and hands each whole line on. */
    private final class Lines extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                handOn();
            } else {
                line.write(b);
            }
        }

        synchronized void end() {
            if (line.size() > 0) {
                handOn();
            }
        }

        private void handOn() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            stderrLine(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
