package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The progress of a local run: whole lines whatever else writes meanwhile, polls counted from 1, the steps' warnings shown. */
class ProgressPrinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START = 1_780_000_000_000L;
    private static final String WARNING = """
            {"timestamp":"2026-05-28T20:26:41.500Z","level":"WARN","message":"Start APPSTREAM Engineering-Win2019: FAILED (quota)",\
            "step":"Start","execution":"local-1","service":"APPSTREAM","image":"Engineering-Win2019","outcome":"FAILED",\
            "durationMs":12,"detail":"CreateUpdatedImage failed: LimitExceededException"}""";

    /** Every write that reaches the stream, as the terminal would get it. */
    private static final class Writes extends OutputStream {
        final List<String> writes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void write(int b) {
            writes.add(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }

    private static ExecutionEvent exited(long at, String state, String image, String output) throws Exception {
        return new ExecutionEvent("StateExited", at, state, "Task", null, image, image == null ? null : "APPSTREAM", JSON.readTree(output),
                null, null, null, "123456789012", "us-east-1", null, null);
    }

    private static ExecutionEvent poll(long at, String image, int pollsDone, String state) throws Exception {
        return exited(at, "PollImageState", image, """
                {"poll": {"state": "%s", "serviceState": "%s", "pollsDone": %d}}""".formatted(state, state, pollsDone));
    }

    @Test
    void eachLineReachesTheTerminalInOneWriteWhileStepsWriteToStderr() throws Exception {
        Writes out = new Writes();
        Writes err = new Writes();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String longName = "A-very-long-image-name-so-that-the-line-is-longer-than-any-buffer-" + "x".repeat(120);
        ExecutorService steps = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int id = thread;
                writers.add(steps.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        printer.stderrLine("plain warning " + id + "-" + i + " from a library");
                        printer.stderrLine(WARNING);
                    }
                }));
            }
            for (int i = 0; i < 200; i++) {
                printer.accept(exited(START + i, "CheckForUpdate", longName, """
                        {"check": {"updateAvailable": true, "newImageName": "%s-2026-05-28"}}""".formatted(longName)));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            steps.shutdownNow();
        }
        for (Writes stream : List.of(out, err)) {
            stream.writes.forEach(write -> assertTrue(write.endsWith(System.lineSeparator()) && write.indexOf('\n') == write.length() - 1
                    - (System.lineSeparator().length() - 1), "a write that is not one whole line: [" + write + "]"));
        }
        assertEquals(400, out.writes.size(), "200 progress lines and 200 warnings");
        assertEquals(200, err.writes.size());
    }

    @Test
    void aStepsWarningIsAProgressLineInItsStepsWords() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        printer.accept(exited(java.time.Instant.parse("2026-05-28T20:26:40Z").toEpochMilli(), "PlanRun", null, """
                {"images": [{}], "runDate": "2026-05-28", "problems": []}"""));
        printer.stderrLine(WARNING);
        assertEquals(List.of(
                "    0.0s                                     PlanRun              1 image(s) planned for 2026-05-28",
                "    1.5s  APPSTREAM Engineering-Win2019      Start                WARN FAILED: CreateUpdatedImage failed:"
                        + " LimitExceededException"),
                out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void whatStepsWriteToStderrDuringTheRunIsShownLineByLineAndStderrIsGivenBackAfter() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        try (ProgressPrinter printer = ProgressPrinter.takingStderr(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            printer.accept(exited(java.time.Instant.parse("2026-05-28T20:26:41Z").toEpochMilli(), "PlanRun", null, """
                    {"images": [], "runDate": "2026-05-28", "problems": []}"""));
            System.err.print(WARNING.substring(0, 40));
            System.err.println(WARNING.substring(40));
        }
        assertEquals(stderr, System.err);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("    0.5s  APPSTREAM Engineering-Win2019      Start                WARN FAILED"), shown);
    }

    @Test
    void aPublishStepSaysWhatTheBusTookTheParametersWrittenAndWhatWasRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        printer.accept(exited(START, "PublishRollout", null, """
                {"rollout": {"rolloutEvents": {"events": {"Production Rolled Out": 2}, "parameters": ["/a = b (version 1)"],
                 "failures": ["event x not published: InternalException"]}}}"""));
        printer.accept(exited(START, "PublishBuildEvents", null, """
                {"rollout": {"builtEvents": {"reportOnly": true, "events": {"Image Updated": 3}}}}"""));

        assertEquals(List.of("published 2 Production Rolled Out, 1 parameter(s), 1 refused", "would publish 3 Image Updated"),
                out.toString(StandardCharsets.UTF_8).lines().map(line -> line.substring(line.lastIndexOf("  ") + 2)).toList());
    }

    @Test
    void pollsAreNumberedFromOneForEachImageWhateverTheWaitLoopCounts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        printer.accept(poll(START, "Base-Win2022", 22, "PENDING"));
        printer.accept(poll(START + 100, "Office-Win2019", 22, "PENDING"));
        printer.accept(poll(START + 200, "Base-Win2022", 23, "AVAILABLE"));
        printer.accept(poll(START + 300, "Office-Win2019", 23, "PENDING"));
        printer.accept(poll(START + 400, "Office-Win2019", 24, "AVAILABLE"));
        List<String> statuses = out.toString(StandardCharsets.UTF_8).lines()
                .map(line -> line.substring(line.lastIndexOf("  ") + 2)).toList();
        assertEquals(List.of("PENDING (poll 1)", "PENDING (poll 1)", "AVAILABLE (poll 2)", "PENDING (poll 2)", "AVAILABLE (poll 3)"),
                statuses);
    }

    @Test
    void aStartThatFailedAndWasCaughtNamesNoImage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        JsonNode caught = JSON.readTree("{\"error\": {\"Error\": \"com.eucimageupdater.model.ImageUpdateException\"}}");
        printer.accept(exited(START, "StartUpdate", "Engineering-Win2019", caught.toString()));
        printer.accept(exited(START + 1, "StartUpdate", "Base-Win2022", "{\"start\": {\"newImage\": \"Base-Win2022-2026-05-28\"}}"));
        assertEquals(List.of("    0.0s  APPSTREAM Base-Win2022             StartUpdate          started Base-Win2022-2026-05-28"),
                out.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
