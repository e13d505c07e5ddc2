package com.eucimageupdater.model;

import com.eucimageupdater.distribute.Distribution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Tags the pipeline puts on every image it creates, so a re-run can recognise its own work. */
public final class PipelineTags {
    public static final String PREFIX = "euc-image-updater:";
    public static final String SOURCE_IMAGE = PREFIX + "source-image";
    public static final String RUN_DATE = PREFIX + "run-date";
    public static final String EXECUTION = PREFIX + "execution";
    /** The first source of a chain of monthly images: retention counts and deletes within one lineage. */
    public static final String LINEAGE = PREFIX + "lineage";
    /** The canary WorkSpaces the gate rebuilt from the new image, space-separated: a rollback's mail says how to rebuild them. */
    public static final String REBUILT_CANARIES = PREFIX + "rebuilt-canaries";
    /** Prefix of the tags recording, per fleet or bundle, the image it used before a roll-out moved it here. */
    public static final String PREVIOUS = PREFIX + "was:";
    /** How many minutes the image took to build: the next month's first poll of its lineage comes near then. */
    public static final String BUILD_MINUTES = PREFIX + "build-minutes";
    /**
     * Prefix of the tags recording, per production fleet or bundle, the image it used when the run read it: what a later
     * promote finds it still using, unless someone moved it since.
     */
    public static final String PRODUCTION = PREFIX + "prod:";
    /** How many of the lineage's newest images the run's retention keeps after production (0: all), for a later promote. */
    public static final String KEEP = PREFIX + "keep";
    /** The execution that rolled the image out to production: the run that built it, or a promote of that run. */
    public static final String ROLLED_OUT_BY = PREFIX + "rolled-out-by";
    /**
     * On a source image: how many months in a row its lineage's scheduled builds failed, and the last such month
     * ({@link FailureStreak}); the schedule skips the lineage at disableAfterFailures.
     */
    public static final String FAILED_MONTHS = PREFIX + "failed-months";
    /** On a copy in another Region: the account, Region and identifier of the image it was copied from. */
    public static final String COPIED_FROM = PREFIX + "copied-from";
    /**
     * On a WorkSpace: the image the updater rebuilt it onto, written before its RebuildWorkspaces; the drift report counts
     * those whose tag is not their bundle's image (the API does not say which image a WorkSpace runs).
     */
    public static final String REBUILT = PREFIX + "rebuilt";
    /** The tags on every new image: source image, run date, execution, lineage and build minutes. */
    public static final int COUNT = 5;
    /** Execution names may hold characters (such as ! or ') that tag values may not. */
    private static final Pattern NOT_TAG_TEXT = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");

    private PipelineTags() {}

    /**
     * The admin's tags plus the pipeline's, which win on a clash (users may not set the prefix anyway): with production
     * targets, also the image each one used when the run read it and the retention, so that a promote can finish the
     * roll-out from the image alone.
     */
    public static Map<String, String> forNewImage(ImageJob job) {
        Map<String, String> tags = new LinkedHashMap<>(job.tags());
        tags.put(SOURCE_IMAGE, job.image());
        tags.put(RUN_DATE, job.runDate());
        tags.put(EXECUTION, executionTag(job.executionName()));
        tags.put(LINEAGE, job.requireCheck().lineage());
        ImageRequest item = job.item();
        item.productionTargets().forEach(target -> tags.put(PRODUCTION + target, item.imageUsedBy(target)));
        if (!item.productionTargets().isEmpty()) {
            tags.put(KEEP, String.valueOf(item.keep()));
        }
        return tags;
    }

    /**
     * The tags a roll-out adds to an image beyond the {@link #COUNT} every image carries: one per staging target (the image
     * it used before), two per production target (the image it used when the run read it, and before it moved) and,
     * with production targets, the retention and who rolled it out.
     */
    public static int rolloutTags(int stagingTargets, int productionTargets) {
        return stagingTargets + 2 * productionTargets + (productionTargets > 0 ? 2 : 0);
    }

    /** The execution name as its tag holds it. */
    public static String executionTag(String executionName) {
        return NOT_TAG_TEXT.matcher(executionName).replaceAll("-");
    }

    /** A source's lineage: its own, when this pipeline made it, else the chain starts with it. */
    public static String lineageOf(String source, Map<String, String> sourceTags) {
        return sourceTags.getOrDefault(LINEAGE, source);
    }

    /** The build minutes a source recorded when this pipeline made it, or null. */
    public static Integer buildMinutesOf(Map<String, String> sourceTags) {
        String minutes = sourceTags.get(BUILD_MINUTES);
        return minutes != null && minutes.matches("\\d{1,5}") ? Integer.valueOf(minutes) : null;
    }

    /**
     * The tags recording previous images, one per target not recorded yet, and who rolled the image out to production
     * when {@code rolledOutBy} names an execution: a retried roll-out keeps the first record.
     */
    public static Map<String, String> rolloutRecord(Map<String, String> existing, Map<String, String> previousByTarget, String rolledOutBy) {
        Map<String, String> tags = new LinkedHashMap<>();
        previousByTarget.forEach((target, previous) -> {
            if (!existing.containsKey(PREVIOUS + target)) {
                tags.put(PREVIOUS + target, previous);
            }
        });
        if (rolledOutBy != null && !existing.containsKey(ROLLED_OUT_BY)) {
            tags.put(ROLLED_OUT_BY, executionTag(rolledOutBy));
        }
        return tags;
    }

    /** Target to previous image as recorded once {@code added} joins the {@code existing} tags. */
    public static Map<String, String> recordedPrevious(Map<String, String> existing, Map<String, String> previousByTarget) {
        Map<String, String> recorded = new LinkedHashMap<>(previousByTarget);
        recorded.putAll(previousImages(existing));
        return recorded;
    }

    /** Whether the named execution built the image or rolled it out (a promote). */
    public static boolean ofRun(Map<String, String> tags, String executionName) {
        String tag = executionTag(executionName);
        return tag.equals(tags.get(EXECUTION)) || tag.equals(tags.get(ROLLED_OUT_BY));
    }

    /** Target to previous image, from an image's tags. */
    static Map<String, String> previousImages(Map<String, String> tags) {
        return byTarget(tags, PREVIOUS);
    }

    /** Production target to the image it used when the run read it, from an image's tags. */
    static Map<String, String> productionImages(Map<String, String> tags) {
        return byTarget(tags, PRODUCTION);
    }

    /** In the order of the targets' names: tag listings come in no particular order. */
    private static Map<String, String> byTarget(Map<String, String> tags, String prefix) {
        Map<String, String> byTarget = new TreeMap<>();
        tags.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                byTarget.put(key.substring(prefix.length()), value);
            }
        });
        return byTarget;
    }

    /**
     * The tags of a copy of the new image in another Region: the new image's, less what belongs to the new image alone
     * (the roll-out records name fleets or bundles of its own Region, so that neither a rollback nor a promote ever looks
     * for them where the copy is, and the build minutes are its build's, not the copy's, which also keeps the copy within
     * the services' 50 tags), plus the execution that copies it and where it is copied from: the record by which a later
     * run knows the copy as this pipeline's.
     */
    public static Map<String, String> forCopy(Map<String, String> newImageTags, ImageJob job) {
        Map<String, String> tags = new LinkedHashMap<>(newImageTags);
        tags.keySet().removeIf(key -> key.startsWith(PREVIOUS) || key.startsWith(PRODUCTION) || key.equals(KEEP)
                || key.equals(ROLLED_OUT_BY) || key.equals(BUILD_MINUTES));
        tags.put(EXECUTION, executionTag(job.executionName()));
        tags.put(COPIED_FROM, job.location() + "/" + job.newImage());
        return tags;
    }

    /**
     * What an image found under the copy's name in the destination is: this pipeline's copy of the new image when its
     * tags say it was copied from it, else a conflict that is left as it is.
     *
     * @param found how the found image is named in messages, e.g. {@code AppStream image "Base-2026-11-10"}
     * @param image the found image's identifier
     * @param copyTags the tags this copy carries, from {@link #forCopy}
     * @throws ImageUpdateException when it is this pipeline's copy but failed in the destination
     */
    public static Distribution.Copy foundCopy(String found, String image, String region, Map<String, String> foundTags, ImageStatus status,
            Map<String, String> copyTags) {
        if (!copyTags.get(COPIED_FROM).equals(foundTags.get(COPIED_FROM))) {
            return Distribution.Copy.conflict(region, image, found + " is already in " + region + " and " + whatItIs(foundTags)
                    + "; it was left as it is: rename or delete it there, or remove " + region + " from copyToRegions, then run again");
        }
        if (status.state() == ImageState.FAILED) {
            throw new ImageUpdateException("the copy of " + found + " in " + region + " failed (" + status.reason()
                    + "); delete it there and run again");
        }
        return Distribution.Copy.alreadyCopied(region, image, foundTags.get(EXECUTION), status.state());
    }

    /** Whether this pipeline made the image: built it, or copied one it built (a copy keeps the source's tags). */
    public static boolean madeByPipeline(Map<String, String> tags) {
        return tags.containsKey(SOURCE_IMAGE);
    }

    /** Whether the image carries none of the pipeline's tags. */
    public static boolean untagged(Map<String, String> tags) {
        return tags.keySet().stream().noneMatch(key -> key.startsWith(PREFIX));
    }

    /** What the tags say an image holding a copy's name is, for the conflict's message. */
    private static String whatItIs(Map<String, String> tags) {
        if (tags.containsKey(COPIED_FROM)) {
            return "is euc-image-updater's copy of " + tags.get(COPIED_FROM) + ", not of this image";
        }
        if (tags.containsKey(SOURCE_IMAGE)) {
            return "was built there by euc-image-updater from " + tags.get(SOURCE_IMAGE)
                    + (tags.containsKey(EXECUTION) ? " in run " + tags.get(EXECUTION) : "") + ", not copied from this image";
        }
        return "was not copied there by euc-image-updater";
    }

    /**
     * An image found under today's name, taken as this run's start instead of creating another: this very execution's
     * (a create whose answer was lost), or adopted from the run that made it.
     *
     * @param described how the image is named in messages, e.g. {@code AppStream image "Base-2026-11-10"}
     * @throws ImageUpdateException when it may not be adopted ({@link #requireAdoptable}), saying why and what to do
     */
    public static StartedImage adopt(String described, PipelineImage found, ImageJob job, int quotaWaitSeconds) {
        requireAdoptable(described, found.tags(), found.status(), job);
        return startedByThisRun(found.tags(), job)
                ? StartedImage.created(found.image(), found.name(), quotaWaitSeconds)
                : StartedImage.adopted(found.image(), found.name(), found.tags().get(EXECUTION), quotaWaitSeconds);
    }

    /** Whether this very execution made the image: a create whose answer was lost, not another run's image. */
    private static boolean startedByThisRun(Map<String, String> tags, ImageJob job) {
        return forNewImage(job).get(EXECUTION).equals(tags.get(EXECUTION));
    }

    /**
     * Whether an image found under today's name may be adopted instead of creating another: only when this
     * pipeline made it from the same source on the same run date, and it has not failed.
     *
     * @param image how the image is named in messages, e.g. {@code AppStream image "Base-2026-11-10"}
     * @throws ImageUpdateException saying why not and what to do
     */
    static void requireAdoptable(String image, Map<String, String> tags, ImageStatus status, ImageJob job) {
        if (tags.containsKey(COPIED_FROM)) {
            // A copy keeps its source's tags, but it is no update of this Region's image: the same name, two images.
            throw new ImageUpdateException(image + " is euc-image-updater's copy of " + tags.get(COPIED_FROM) + " (that item's"
                    + " copyToRegions), not an update of " + job.image() + " made here, and holds the new image's name (remove this"
                    + " Region from that item's copyToRegions, or rename or delete the copy, then run again)");
        }
        String source = tags.get(SOURCE_IMAGE);
        if (source == null || !job.runDate().equals(tags.get(RUN_DATE))) {
            throw new ImageUpdateException(image + " already exists but was not made by euc-image-updater from " + job.image()
                    + " on " + job.runDate() + " (rename or delete it, then run again)");
        }
        if (!source.equals(job.image())) {
            throw new ImageUpdateException(image + " was made today by euc-image-updater from " + source + ", not from "
                    + job.image() + ": both sources lead to the same new name (rename one of them)");
        }
        if (status.state() == ImageState.FAILED) {
            throw new ImageUpdateException(image + " from an earlier run today failed (" + status.reason()
                    + "); delete it and run again");
        }
    }
}
