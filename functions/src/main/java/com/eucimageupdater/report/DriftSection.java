package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonView;
import static com.eucimageupdater.report.RunReporter.plural;

import com.eucimageupdater.drift.DriftSurveyor;
import com.eucimageupdater.drift.PlaceSurvey;
import com.eucimageupdater.drift.PlaceSurvey.Counts;
import com.eucimageupdater.drift.PlaceSurvey.Rebuilds;
import com.eucimageupdater.drift.PlaceSurvey.SurveyedTarget;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where every fleet and bundle stands, from each place's survey in this run: the drift report's mail, fleet by fleet,
 * and the short section at the end of every monthly mail, counts only.
 */
final class DriftSection {
    static final String DRIFT_INPUT = "report";
    static final String DRIFT = "drift";

    private DriftSection() {}

    /** The places that could not be surveyed. */
    static int unsurveyed(List<PlaceSurvey> places) {
        return (int) places.stream().filter(place -> place.error() != null).count();
    }

    /**
     * The drift report's subject after the tool's name, part by part, the most pressing first (SNS's 100 characters
     * drop the last ones): places not surveyed, the totals, then what needs attention.
     */
    static List<String> subjectParts(List<PlaceSurvey> places) {
        List<String> parts = new ArrayList<>();
        int unsurveyed = unsurveyed(places);
        if (unsurveyed > 0) {
            parts.add(plural(unsurveyed, "place") + " not surveyed");
        }
        Counts total = total(places);
        parts.add(plural(places.size(), "place") + ", " + plural(total.fleets(), "fleet") + ", " + plural(total.bundles(), "bundle"));
        if (total.pastSupport() > 0) {
            parts.add(total.pastSupport() + " past end of support");
        }
        if (total.updates() > 0) {
            parts.add(plural(total.updates(), "update") + " available");
        }
        if (total.old() > 0) {
            parts.add(total.old() + " on old images");
        }
        if (total.unused() > 0) {
            parts.add(plural(total.unused(), "unused image"));
        }
        return parts;
    }

    /** The drift report's body: each place's line, then its fleets and bundles that were listed, then its unused images. */
    static void report(List<PlaceSurvey> places, LocalDate runDate, StringBuilder body) {
        body.append("Where every fleet and bundle stands, as AWS answered in this run: each image's age from its creation time;"
                + " updates as the run's own check answers them, made dry (only for images the account owns); the platform's end of"
                + " support where it is published; each listed bundle's WorkSpaces by the image the updater's tag says it rebuilt"
                + " them onto (euc-image-updater:rebuilt). Nothing was changed.\n\n");
        for (PlaceSurvey place : places) {
            body.append(placeLine(place)).append('\n');
            place.targets().forEach(target -> body.append(targetLine(target, runDate)).append('\n'));
            if (place.targetsLeftOut() > 0) {
                body.append("  ... and ").append(plural(place.targetsLeftOut(), "more fleet or bundle", "more fleets and bundles"))
                        .append(", not listed to keep the run's data small (those listed need attention first)\n");
            }
            if (!place.unused().isEmpty()) {
                body.append("  unused pipeline images (no fleet, bundle or image builder uses them): ")
                        .append(place.unused().stream().map(image -> image.image() + age(image.ageDays()))
                                .collect(Collectors.joining(", ")))
                        .append(place.unusedLeftOut() > 0 ? " and " + place.unusedLeftOut() + " more" : "").append('\n');
            }
            body.append('\n');
        }
    }

    /** The monthly mail's section: a line per place, and how to get the whole report. */
    static void monthly(List<PlaceSurvey> places, StartCommands commands, StringBuilder body) {
        body.append("\nWhere every fleet and bundle stands (drift, as AWS answered in this run):\n");
        places.forEach(place -> body.append("  ").append(placeLine(place)).append('\n'));
        body.append("The whole report, fleet by fleet and bundle by bundle (it changes nothing): start a run with"
                + " {\"" + DRIFT_INPUT + "\": \"" + DRIFT + "\"}\n  ")
                .append(commands.posix(DRIFT_INPUT, DRIFT)).append("\n  ").append(commands.windows(DRIFT_INPUT, DRIFT)).append('\n');
    }

    private static String placeLine(PlaceSurvey place) {
        String where = "Account " + place.account() + ", " + place.region() + ": ";
        if (place.error() != null) {
            return where + "not surveyed (" + ImageResult.reasonFromError(JsonView.of(place.error())) + ")";
        }
        Counts counts = place.counts();
        List<String> attention = attention(counts);
        return where + plural(counts.fleets(), "fleet") + ", " + plural(counts.bundles(), "bundle") + " ("
                + plural(counts.workspaces(), "WorkSpace") + ")" + (attention.isEmpty() ? "; none needs attention" : "; "
                + String.join(", ", attention));
    }

    private static List<String> attention(Counts counts) {
        List<String> parts = new ArrayList<>();
        if (counts.old() > 0) {
            parts.add(counts.old() + " on an image older than " + DriftSurveyor.OLD_AFTER_DAYS + " days");
        }
        if (counts.pastSupport() > 0) {
            parts.add(counts.pastSupport() + " past end of support");
        }
        if (counts.nearSupport() > 0) {
            parts.add(counts.nearSupport() + " within " + DriftSurveyor.NEAR_SUPPORT_END_DAYS + " days of end of support");
        }
        if (counts.updates() > 0) {
            parts.add(plural(counts.updates(), "update") + " available");
        }
        if (counts.unused() > 0) {
            parts.add(plural(counts.unused(), "unused pipeline image"));
        }
        return parts;
    }

    private static String targetLine(SurveyedTarget target, LocalDate runDate) {
        String update = switch (target.update()) {
            case "AVAILABLE" -> "update available";
            case "NONE" -> "no update";
            default -> "not checked (not the account's own image)";
        };
        StringBuilder line = new StringBuilder(String.format("  %-6s %-24s %-28s %9s  %s", target.service().rules().target(),
                target.name(), target.image(), target.ageDays() == null ? "age ?" : target.ageDays() + " days", update));
        if (target.platform() != null) {
            line.append("; ").append(target.platform());
            if (target.supportEnds() != null) {
                line.append(LocalDate.parse(target.supportEnds()).isBefore(runDate) ? ", support ended " : ", support ends ")
                        .append(target.supportEnds());
            }
        }
        if (target.workspaces() != null) {
            line.append("; ").append(plural(target.workspaces(), "WorkSpace"));
        }
        if (target.rebuilds() != null) {
            line.append(rebuilds(target.rebuilds(), target.image()));
        }
        return line.toString();
    }

    /**
     * e.g. ": 2 rebuilt onto wsi-x, 1 not yet on it (rebuilt onto another image), 3 not rebuilt by the updater", from their tags;
     * the API does not say which image a WorkSpace runs, so an untagged one is said to be no more than that.
     */
    private static String rebuilds(Rebuilds rebuilds, String image) {
        List<String> parts = new ArrayList<>();
        if (rebuilds.onImage() > 0) {
            parts.add(rebuilds.onImage() + " rebuilt onto " + image);
        }
        if (rebuilds.otherImage() > 0) {
            parts.add(rebuilds.otherImage() + " not yet on it (rebuilt onto another image)");
        }
        if (rebuilds.untagged() > 0) {
            parts.add(rebuilds.untagged() + " not rebuilt by the updater");
        }
        if (rebuilds.unread() > 0) {
            parts.add(rebuilds.unread() + " not read (the report reads the tags of at most " + DriftSurveyor.TAG_READS_PER_PLACE
                    + " WorkSpaces a place: these counts are partial)");
        }
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }

    private static String age(Integer days) {
        return days == null ? "" : " (" + days + " days)";
    }

    private static Counts total(List<PlaceSurvey> places) {
        return places.stream().map(PlaceSurvey::counts).reduce(new Counts(0, 0, 0, 0, 0, 0, 0, 0), (a, b) -> new Counts(
                a.fleets() + b.fleets(), a.bundles() + b.bundles(), a.workspaces() + b.workspaces(), a.old() + b.old(),
                a.updates() + b.updates(), a.pastSupport() + b.pastSupport(), a.nearSupport() + b.nearSupport(), a.unused() + b.unused()));
    }
}
