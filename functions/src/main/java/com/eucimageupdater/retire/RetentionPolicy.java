package com.eucimageupdater.retire;

import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.PipelineTags;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Which of a lineage's images to delete: only images this pipeline made (known by their tags), never the newest
 * {@code keep}, and never one in use, shared, the source of this run, or not AVAILABLE. Each service gathers the
 * facts; the decision is the same for both.
 */
public final class RetentionPolicy {

    private RetentionPolicy() {}

    /**
     * One image of a lineage, as its service describes it.
     *
     * @param runDate the run date tag of the pipeline's image, by which images are ordered (ISO dates sort as text)
     * @param inUseBy what uses it (e.g. {@code fleet Base-Prod}), or null
     * @param sharedWith the accounts it is shared with, empty when none
     */
    public record LineageImage(String image, String name, String runDate, String state, String inUseBy, List<String> sharedWith) {
        public LineageImage {
            sharedWith = List.copyOf(sharedWith);
        }
    }

    /**
     * How many of a lineage's newest images to keep. A preview made before the new image exists counts the new image
     * among them: it will be the newest, so one fewer of the images there now stays.
     */
    public record Keep(int newest, boolean countingTheNewImage) {

        /** Of the images there are. */
        public static Keep newest(int newest) {
            return new Keep(newest, false);
        }

        /** Of the images there are and the new image, which does not exist yet. */
        public static Keep newestWithTheNewImage(int newest) {
            return new Keep(newest, true);
        }

        private int ofTheImagesNow() {
            return countingTheNewImage ? newest - 1 : newest;
        }

        private String words() {
            return "newest " + newest + (countingTheNewImage ? ", counting the new image" : "");
        }
    }

    /** What happens to one image: deleted (or, in a report-only run, would be), or kept and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String image, String name, boolean delete, String reason) {}

    /**
     * An image of the lineage when its tags say this pipeline built it in that lineage; {@code sharedWith} is asked
     * only then, since it costs a call per image. A copy from another Region is never one: it carries its source's
     * lineage tag, which may name a lineage of this Region too, and only its own Region's runs may retire it.
     */
    public static Optional<LineageImage> member(String image, String name, String state, Map<String, String> tags, String lineage,
            String inUseBy, Supplier<List<String>> sharedWith) {
        if (!lineage.equals(tags.get(PipelineTags.LINEAGE)) || !tags.containsKey(PipelineTags.RUN_DATE)
                || tags.containsKey(PipelineTags.COPIED_FROM)) {
            return Optional.empty();
        }
        return Optional.of(new LineageImage(image, name, tags.get(PipelineTags.RUN_DATE), state, inUseBy, sharedWith.get()));
    }

    /** Deletes what was decided; a delete AWS refuses (used or shared since we looked) keeps the image, saying why. */
    public static List<Decision> apply(List<Decision> decisions, Consumer<String> delete) {
        return decisions.stream().map(decision -> {
            if (!decision.delete()) {
                return decision;
            }
            try {
                delete.accept(decision.image());
                return decision;
            } catch (ImageUpdateException refused) {
                return new Decision(decision.image(), decision.name(), false, "AWS refused the delete: " + refused.getMessage());
            }
        }).toList();
    }

    /**
     * @param spare images never deleted in this run: its sources and its new images
     * @param previous images the roll-out moved fleets and bundles away from, which a rollback would move them back to
     */
    public static List<Decision> decide(List<LineageImage> lineage, Keep keep, Set<String> spare, Set<String> previous) {
        List<LineageImage> newestFirst = new ArrayList<>(lineage);
        newestFirst.sort(Comparator.comparing(LineageImage::runDate).reversed());
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            LineageImage image = newestFirst.get(i);
            String keptBecause = i < keep.ofTheImagesNow() ? "among the " + keep.words()
                    : spare.contains(image.image()) ? "the source or the new image of this run"
                    : previous.contains(image.image()) ? "a fleet or bundle used it before this roll-out: kept for a rollback"
                    : !"AVAILABLE".equals(image.state()) ? "it is " + image.state()
                    : image.inUseBy() != null ? "in use by " + image.inUseBy()
                    : !image.sharedWith().isEmpty() ? "shared with account " + String.join(", ", image.sharedWith())
                    : null;
            decisions.add(new Decision(image.image(), image.name(), keptBecause == null, keptBecause == null ? "older than the "
                    + keep.words() : keptBecause));
        }
        return decisions;
    }
}
