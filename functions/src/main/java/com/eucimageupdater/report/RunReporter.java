package com.eucimageupdater.report;

import com.eucimageupdater.build.BuiltLocation;
import com.eucimageupdater.build.QuotaWait;
import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.report.RunReport.Counts;
import com.eucimageupdater.report.RunReport.MessageAttribute;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes the one mail of a run: a subject that says what failed first, then what happened to production and how many
 * images updated, and a body a person reads in five seconds.
 */
public final class RunReporter {
    /** SNS subjects: at most 100 printable ASCII characters, no line breaks. */
    private static final int SUBJECT_MAX = 100;
    private static final String TOOL = "euc-image-updater";
    /** SNS's 262,144 bytes, less room for the message's attributes. */
    static final int MESSAGE_MAX_BYTES = 260_000;
    private static final String CUT_NOTE = "... the mail is cut here, at SNS's 256 KB; the subject counts every image, and each one's"
            + " result is in its child execution (Step Functions console: the run's Map Runs).\n";

    public RunReport report(ReportRequest request) {
        if (DriftSection.DRIFT.equals(request.report())) {
            return driftReport(request);
        }
        List<ImageResult> results = request.builds().stream().flatMap(build -> located(build).stream()).toList();
        StringBuilder rolloutBody = new StringBuilder();
        String promoted = promoted(request);
        int rolloutFailures = request.rollback() != null
                ? RollbackSection.rollback(request.rollback(), JsonView.of(request.rolledBack()), request.dryRun(), request.executionId(),
                        rolloutBody)
                : RolloutSection.production(JsonView.of(request.rollout()), request.executionId(),
                        promoted != null ? promoted : request.executionName(), request.dryRun(), request.zone(), rolloutBody);
        String imagesOf = request.rollback() != null ? request.rollback() : promoted != null ? promoted : request.executionName();
        int rebuildProblems = RebuildSection.write(request.rebuilds(), request.plannedRebuilds(), request.executionId(), imagesOf,
                request.zone(), rolloutBody);
        StringBuilder publishedBody = new StringBuilder();
        int notPublished = PublishedSection.write(request.publications(), publishedBody);
        ProductionOutcome production = ProductionOutcome.of(JsonView.of(request.rollout()), request.dryRun());
        boolean noSubscriber = RolloutSection.noConfirmedSubscriber(JsonView.of(request.rollout()));
        String approvalProblem = production.kind() != ProductionOutcome.Kind.APPROVAL_NOT_REQUESTED ? null
                : noSubscriber ? "approval not asked (no confirmed subscriber)" : "approval mail failed";
        Failures failures = new Failures(count(results, Outcome.FAILED), count(results, Outcome.VALIDATION_FAILED),
                results.stream().mapToInt(ImageResult::copyConflicts).sum(), rolloutFailures, rebuildProblems,
                (int) request.builds().stream().filter(build -> build.failure() != null).count(), approvalProblem, notPublished);
        Counts counts = new Counts(count(results, Outcome.UPDATED), count(results, Outcome.ADOPTED), count(results, Outcome.UP_TO_DATE),
                failures.total());
        String status = !request.problems().isEmpty() ? "INPUT_REJECTED"
                : noSubscriber ? RolloutSection.NO_CONFIRMED_SUBSCRIBER
                : counts.failed() > 0 ? "SOME_FAILED" : "SUCCEEDED";
        String rebuilt = RebuildSection.subjectPart(request.rebuilds());
        String subject;
        String body;
        if (!request.problems().isEmpty()) {
            subject = TOOL + ": input rejected, " + plural(request.problems().size(), "problem") + ", nothing changed";
            body = problemsBody(request);
        } else if (request.rollback() != null) {
            // The execution's name may be long: it comes last, where SNS's limit cuts it rather than the counts.
            subject = TOOL + (request.dryRun() ? " (report only)" : "") + ": "
                    + (rolloutFailures == 0 ? "" : plural(rolloutFailures, "move back") + " failed; ")
                    + (rebuildProblems == 0 ? "" : Failures.rebuildProblems(rebuildProblems) + "; ")
                    + (notPublished == 0 ? "" : Failures.notPublished(notPublished) + "; ")
                    + RollbackSection.MovedBack.of(JsonView.of(request.rolledBack())).counts()
                    + (rebuilt == null ? "" : ", " + rebuilt)
                    + " (rollback of " + request.rollback() + ")";
            body = header(request) + rolloutBody + publishedBody;
        } else {
            String tool = TOOL + (request.dryRun() ? " (report only)" : "");
            subject = promoted != null ? subject(tool, failures.words(), production.words(), rebuilt, "promote of " + promoted)
                    : request.dryRun() ? subject(tool, failures.words(), count(results, Outcome.WOULD_UPDATE) + " would update, "
                            + counts.upToDate() + " up to date", rebuilt)
                    : subject(tool, failures.words(), production.words(), rebuilt, imageCounts(counts));
            body = resultsBody(request, counts, failures, promoted) + rolloutBody + publishedBody + driftSection(request);
        }
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        attributes.put("status", MessageAttribute.string(status));
        attributes.put("updated", MessageAttribute.number(counts.updated()));
        attributes.put("adopted", MessageAttribute.number(counts.adopted()));
        attributes.put("upToDate", MessageAttribute.number(counts.upToDate()));
        attributes.put("failed", MessageAttribute.number(counts.failed()));
        if (request.problems().isEmpty() && request.rollback() == null) {
            attributes.put("production", MessageAttribute.string(production.kind().name()));
        }
        return new RunReport(asciiSubject(subject), withinSnsLimit(body), attributes, counts, results, request.problems());
    }

    /** Where every fleet and bundle stands, fleet by fleet: the places that could not be surveyed fail the run. */
    private static RunReport driftReport(ReportRequest request) {
        int unsurveyed = DriftSection.unsurveyed(request.drift());
        StringBuilder body = new StringBuilder(TOOL + " drift report " + request.executionName() + " on " + request.runDate() + "\n\n");
        DriftSection.report(request.drift(), LocalDate.parse(request.runDate()), body);
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        attributes.put("status", MessageAttribute.string(unsurveyed > 0 ? "SOME_FAILED" : "SUCCEEDED"));
        attributes.put("report", MessageAttribute.string(DriftSection.DRIFT));
        String subject = subject(TOOL + " drift report", List.of(), DriftSection.subjectParts(request.drift()).toArray(String[]::new));
        return new RunReport(asciiSubject(subject), withinSnsLimit(body.toString()), attributes, new Counts(0, 0, 0, unsurveyed), List.of(),
                List.of());
    }

    /** The monthly mail's short drift section, when the run surveyed its places. */
    private static String driftSection(ReportRequest request) {
        StringBuilder section = new StringBuilder();
        if (!request.drift().isEmpty()) {
            DriftSection.monthly(request.drift(), StartCommands.forExecution(request.executionId()), section);
        }
        return section.toString();
    }

    /** For a promote run: the execution that built and staged its images. */
    private static String promoted(ReportRequest request) {
        return JsonView.of(request.rollout()).path("promoted").asText(null);
    }

    /**
     * What failed in a run, by kind: the subject names each first, and their total fails the execution.
     *
     * @param validations images whose gate after staging failed (not offered for approval)
     * @param rollouts production roll-outs (or a rollback's moves back) that failed
     * @param rebuilds bundles whose WorkSpaces rebuild failed, stopped or was refused, or where a WorkSpace's rebuild failed
     * @param unsummarized accounts and Regions whose results were lost
     * @param approvalProblem why production was never asked for (no approval mail sent), or null
     * @param notPublished events and parameters that other systems were to get and did not: the run goes on, and fails
     */
    private record Failures(int images, int validations, int copyConflicts, int rollouts, int rebuilds, int unsummarized,
            String approvalProblem, int notPublished) {
        int total() {
            return images + validations + copyConflicts + rollouts + rebuilds + unsummarized + (approvalProblem != null ? 1 : 0)
                    + notPublished;
        }

        static String rebuildProblems(int count) {
            return plural(count, "bundle's rebuild", "bundles' rebuilds") + " failed or stopped";
        }

        static String notPublished(int count) {
            return plural(count, "event or parameter", "events or parameters") + " not published";
        }

        List<String> words() {
            List<String> words = new ArrayList<>();
            if (images > 0) {
                words.add(plural(images, "image") + " failed");
            }
            if (validations > 0) {
                words.add(plural(validations, "image") + " failed validation");
            }
            if (copyConflicts > 0) {
                words.add(plural(copyConflicts, "copy conflict"));
            }
            if (unsummarized > 0) {
                words.add("results of " + plural(unsummarized, "account and Region", "accounts and Regions") + " lost");
            }
            if (rollouts > 0) {
                words.add(plural(rollouts, "production roll-out") + " failed");
            }
            if (rebuilds > 0) {
                words.add(rebuildProblems(rebuilds));
            }
            if (approvalProblem != null) {
                words.add(approvalProblem);
            }
            if (notPublished > 0) {
                words.add(notPublished(notPublished));
            }
            return words;
        }
    }

    /**
     * The subject: what failed first (when anything did), then what happened, "; " between the parts. SNS takes at most
     * 100 characters: the last parts give way first (the image counts, which the mail's closing line repeats).
     */
    private static String subject(String tool, List<String> failures, String... happened) {
        List<String> parts = new ArrayList<>();
        if (!failures.isEmpty()) {
            parts.add(String.join(", ", failures));
        }
        Stream.of(happened).filter(Objects::nonNull).forEach(parts::add);
        String subject = tool + ": " + String.join("; ", parts);
        while (subject.length() > SUBJECT_MAX && parts.size() > 1) {
            parts.remove(parts.size() - 1);
            subject = tool + ": " + String.join("; ", parts);
        }
        return subject;
    }

    private static String resultsBody(ReportRequest request, Counts counts, Failures failures, String promoted) {
        StringBuilder body = new StringBuilder(header(request));
        // Grouped by account and Region, each heading naming them, so every image's line says where it is.
        for (BuiltLocation build : request.builds()) {
            body.append("Account ").append(build.account()).append(", ").append(build.region()).append(": ")
                    .append(build.failure() != null ? "its images' results could not be summarised (" + build.failure() + "); see the"
                            + " execution's child executions for this account and Region" : locationCounts(build.results())).append('\n');
            build.results().forEach(result -> imageLines(result, body));
            body.append('\n');
        }
        return closing(request, counts, failures, promoted, body);
    }

    /** A location's results, each with its account and Region and its own reason, as the report lists them. */
    private static List<ImageResult> located(BuiltLocation build) {
        Map<String, String> reasons = new HashMap<>();
        build.results().stream().filter(result -> result.reason() != null).forEach(result -> reasons.put(result.image(), result.reason()));
        return build.results().stream().map(result -> result.at(build.account(), build.region()))
                .map(result -> result.sameReasonAs() == null ? result : result.withReason(reasons.get(result.sameReasonAs()))).toList();
    }

    /** What happened in one account and Region, e.g. "2 updated, 1 failed". */
    private static String locationCounts(List<ImageResult> results) {
        StringBuilder counts = new StringBuilder();
        for (Outcome outcome : Outcome.values()) {
            int count = count(results, outcome);
            if (count > 0) {
                counts.append(counts.isEmpty() ? "" : ", ").append(count).append(' ')
                        .append(outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return counts.toString();
    }

    private static void imageLines(ImageResult result, StringBuilder body) {
        body.append(String.format("%-10s %-10s %s", result.outcome(), result.service(), result.displayedImage()));
        if (result.newImageDisplayed() != null) {
            body.append(" -> ").append(result.newImageDisplayed());
            if (result.newImageName() != null && result.newImage() != null && !result.newImage().equals(result.newImageName())) {
                body.append(" (").append(result.newImage()).append(")");
            }
        }
        if (result.state() != null) {
            body.append(" [").append(result.state()).append("]");
        }
        body.append('\n');
        if (result.adoptedFrom() != null) {
            body.append("           started by run ").append(result.adoptedFrom()).append(", not a second image\n");
        }
        if (result.quotaWaitSeconds() > 0) {
            body.append("           waited ").append(QuotaWait.minutes(result.quotaWaitSeconds()))
                    .append(" for a service quota (other updates of this run were building)\n");
        }
        if ((result.outcome() == Outcome.FAILED || result.outcome() == Outcome.SKIPPED || result.outcome() == Outcome.VALIDATION_FAILED)
                && result.reason() != null) {
            body.append("           reason: ").append(result.reason()).append('\n');
        } else if (result.outcome() == Outcome.FAILED && result.sameReasonAs() != null) {
            body.append("           reason: the same as for ").append(result.sameReasonAs()).append('\n');
        }
        if (result.details() != null) {
            body.append(result.details());
        }
    }

    private static String closing(ReportRequest request, Counts counts, Failures failures, String promoted, StringBuilder body) {
        body.append(request.dryRun() ? "Report only: nothing was created, moved or deleted."
                : promoted != null ? "Promote of run " + promoted + ": it built and staged these images; this run built none."
                : imageCounts(counts) + (failures.words().isEmpty() ? ", 0 failed" : "; " + String.join(", ", failures.words())) + ".")
                .append('\n');
        if (counts.updated() + counts.adopted() > 0 && JsonView.of(request.rollout()).path("production").isEmpty()) {
            body.append("New images are AVAILABLE: test them, then point your fleets and bundles at them (or list them in the run's"
                    + " fleets and bundles, and the pipeline moves them).\n");
        }
        if (failures.images() > 0) {
            body.append("Failed images keep their source image unchanged; see each reason above.\n");
        }
        if (failures.validations() > 0) {
            body.append("Images that failed validation were not offered for approval: their production fleets and bundles are unchanged."
                    + " Their staging fleets and bundles stay on the new image; to move them back, start the state machine with"
                    + " {\"rollback\": \"").append(request.executionName()).append("\"}.\n");
        }
        return body.toString();
    }

    /** An SNS message is at most 256 KB: a longer mail is cut at a line, saying where the rest is. */
    static String withinSnsLimit(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MESSAGE_MAX_BYTES) {
            return body;
        }
        String head = new String(bytes, 0, MESSAGE_MAX_BYTES - CUT_NOTE.length() - 1, StandardCharsets.UTF_8);
        return head.substring(0, head.lastIndexOf('\n') + 1) + CUT_NOTE;
    }

    /** The images' counts, without the failures, which the subject and the closing line name by kind. */
    private static String imageCounts(Counts counts) {
        return counts.updated() + " updated, " + (counts.adopted() > 0 ? counts.adopted() + " adopted, " : "") + counts.upToDate()
                + " up to date";
    }

    private static String problemsBody(ReportRequest request) {
        StringBuilder body = new StringBuilder(header(request));
        body.append("The run was refused before any change; nothing was created or changed. Fix these and run again:\n");
        request.problems().forEach(problem -> body.append("- ").append(problem).append('\n'));
        return body.toString();
    }

    private static String header(ReportRequest request) {
        return TOOL + " run " + request.executionName() + " on " + request.runDate() + "\n\n";
    }

    private static int count(List<ImageResult> results, Outcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }

    static String plural(int count, String noun) {
        return plural(count, noun, noun + "s");
    }

    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String asciiSubject(String subject) {
        String ascii = subject.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= SUBJECT_MAX ? ascii : ascii.substring(0, SUBJECT_MAX);
    }
}
