package com.eucimageupdater.drift;

import com.eucimageupdater.drift.PlaceSurvey.Counts;
import com.eucimageupdater.drift.PlaceSurvey.Rebuilds;
import com.eucimageupdater.drift.PlaceSurvey.SurveyedTarget;
import com.eucimageupdater.drift.PlaceSurvey.UnusedImage;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServicePorts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Surveys one account and Region: every fleet and bundle with its image's age, AWS's update for it, its platform's end of
 * support and (bundles) its WorkSpaces; and the pipeline's images that nothing uses. Reads only.
 */
public final class DriftSurveyor {
    /** An image older than this has missed at least two monthly updates: the mails count it as old. */
    public static final int OLD_AFTER_DAYS = 60;
    /** A platform whose support ends within this many days is counted as near its end. */
    public static final int NEAR_SUPPORT_END_DAYS = 180;
    /**
     * DescribeTags reads one WorkSpace a call: a drift report reads at most this many a place (the listed bundles' WorkSpaces,
     * in the list's order), so that a place of thousands of WorkSpaces stays well within the survey step's timeout.
     */
    public static final int TAG_READS_PER_PLACE = 300;

    /** Among fleets and bundles as far from their platform's end of support: those with an update first, then the oldest image. */
    private static final Comparator<SurveyedTarget> UPDATE_THEN_OLDEST = Comparator
            .comparing((SurveyedTarget target) -> target.update().equals(Update.AVAILABLE.name()) ? 1 : 2)
            .thenComparing(target -> -Objects.requireNonNullElse(target.ageDays(), -1));

    enum Update { AVAILABLE, NONE, NOT_CHECKED }

    private final ServicePorts<SurveyPort> ports;
    private final Function<Location, WorkspaceTags> workspaceTags;

    public DriftSurveyor(ServicePorts<SurveyPort> ports, Function<Location, WorkspaceTags> workspaceTags) {
        this.ports = ports;
        this.workspaceTags = workspaceTags;
    }

    /**
     * @param runDate the run's date (ISO), from which ages and ends of support are counted
     * @param rows how many fleets and bundles, and how many unused images, the survey lists (0: counts only)
     */
    public PlaceSurvey survey(Location place, String runDate, int rows) {
        LocalDate today = LocalDate.parse(runDate);
        List<SurveyedTarget> targets = new ArrayList<>();
        List<UnusedImage> unused = new ArrayList<>();
        Map<String, List<String>> workspacesOfBundle = new HashMap<>();
        for (Service service : Service.values()) {
            SurveyPort port = ports.forService(service, place);
            List<SurveyPort.ImageUse> uses = port.targets(runDate);
            uses.forEach(use -> targets.add(surveyed(service, use, today)));
            uses.stream().filter(use -> use.workspaceIds() != null)
                    .forEach(use -> workspacesOfBundle.put(use.target(), use.workspaceIds()));
            unused.addAll(unused(service, port, uses, today));
        }
        Counts counts = new Counts(count(targets, Service.APPSTREAM), count(targets, Service.WORKSPACES),
                targets.stream().map(SurveyedTarget::workspaces).filter(Objects::nonNull).mapToInt(Integer::intValue).sum(),
                (int) targets.stream().filter(DriftSurveyor::isOld).count(),
                (int) targets.stream().filter(target -> target.update().equals(Update.AVAILABLE.name())).count(),
                (int) targets.stream().filter(target -> supportDaysLeft(target, today) < 0).count(),
                (int) targets.stream().filter(target -> isNearSupportEnd(target, today)).count(),
                unused.size());
        // What needs attention first: a platform out of support, then near its end, then an update, then the oldest image.
        List<SurveyedTarget> listed = targets.stream()
                .sorted(Comparator.comparing((SurveyedTarget target) -> supportDaysLeft(target, today)).thenComparing(UPDATE_THEN_OLDEST))
                .limit(rows).toList();
        listed = withRebuilds(listed, workspacesOfBundle, place);
        List<UnusedImage> unusedListed = unused.stream().limit(rows).toList();
        return new PlaceSurvey(place.account(), place.region(), counts, listed, targets.size() - listed.size(), unusedListed,
                unused.size() - unusedListed.size(), null);
    }

    /** The listed bundles, each with its WorkSpaces counted by their rebuild tag, as far as the place's tag reads go. */
    private List<SurveyedTarget> withRebuilds(List<SurveyedTarget> listed, Map<String, List<String>> workspacesOfBundle, Location place) {
        if (listed.stream().noneMatch(target -> target.service() == Service.WORKSPACES)) {
            return listed;
        }
        WorkspaceTags tags = workspaceTags.apply(place);
        int reads = TAG_READS_PER_PLACE;
        List<SurveyedTarget> counted = new ArrayList<>();
        for (SurveyedTarget target : listed) {
            if (target.service() != Service.WORKSPACES) {
                counted.add(target);
                continue;
            }
            List<String> workspaces = workspacesOfBundle.getOrDefault(target.name(), List.of());
            Rebuilds rebuilds = rebuilds(target.image(), workspaces.subList(0, Math.min(reads, workspaces.size())), tags,
                    Math.max(0, workspaces.size() - reads));
            reads -= workspaces.size() - rebuilds.unread();
            counted.add(target.withRebuilds(rebuilds));
        }
        return counted;
    }

    /**
     * The WorkSpaces read, counted by the image their {@link PipelineTags#REBUILT} tag names against the bundle's image.
     *
     * @param unread the bundle's WorkSpaces left unread
     */
    static Rebuilds rebuilds(String bundleImage, List<String> read, WorkspaceTags tags, int unread) {
        int onImage = 0;
        int otherImage = 0;
        for (String workspace : read) {
            String rebuiltOnto = tags.tagsOfWorkspace(workspace).get(PipelineTags.REBUILT);
            if (rebuiltOnto != null) {
                onImage += rebuiltOnto.equals(bundleImage) ? 1 : 0;
                otherImage += rebuiltOnto.equals(bundleImage) ? 0 : 1;
            }
        }
        return new Rebuilds(onImage, otherImage, read.size() - onImage - otherImage, unread);
    }

    /** The pipeline's images here that no fleet or bundle, nor anything else (image builders), uses. */
    static List<UnusedImage> unused(Service service, SurveyPort port, List<SurveyPort.ImageUse> uses, LocalDate today) {
        Set<String> used = new HashSet<>(port.usedByOthers());
        uses.forEach(use -> used.add(use.image()));
        return port.pipelineImages().stream().filter(image -> !used.contains(image.image()))
                .map(image -> new UnusedImage(service, image.image(), ageDays(image.created(), today))).toList();
    }

    static SurveyedTarget surveyed(Service service, SurveyPort.ImageUse use, LocalDate today) {
        Update update = use.updateAvailable() == null ? Update.NOT_CHECKED : use.updateAvailable() ? Update.AVAILABLE : Update.NONE;
        String supportEnds = EndOfSupport.of(use.platform()).map(row -> row.ends().toString()).orElse(null);
        return new SurveyedTarget(service, use.target(), use.image(), ageDays(use.imageCreated(), today), update.name(), use.platform(),
                supportEnds, use.workspaces(), null);
    }

    /** Whole days from the creation (in UTC) to the run's date; null when AWS gave no time. */
    static Integer ageDays(Instant created, LocalDate today) {
        return created == null ? null : (int) ChronoUnit.DAYS.between(created.atZone(ZoneOffset.UTC).toLocalDate(), today);
    }

    static boolean isOld(SurveyedTarget target) {
        return target.ageDays() != null && target.ageDays() > OLD_AFTER_DAYS;
    }

    static boolean isNearSupportEnd(SurveyedTarget target, LocalDate today) {
        long left = supportDaysLeft(target, today);
        return left >= 0 && left <= NEAR_SUPPORT_END_DAYS;
    }

    /** Days until the platform's support ends (negative once it has), or the most there are when no end is published. */
    static long supportDaysLeft(SurveyedTarget target, LocalDate today) {
        return target.supportEnds() == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(today, LocalDate.parse(target.supportEnds()));
    }

    private static int count(List<SurveyedTarget> targets, Service service) {
        return (int) targets.stream().filter(target -> target.service() == service).count();
    }
}
