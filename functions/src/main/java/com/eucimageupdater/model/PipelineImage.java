package com.eucimageupdater.model;

import java.util.List;
import java.util.Map;

/**
 * An image of one run as the account lists it, and what the run recorded on it in tags when it built, staged and rolled
 * it out: what a rollback moves back, and what a promote still has to do.
 *
 * @param image the service's identifier (AppStream: name; WorkSpaces: id)
 * @param name the image's name, the same as its identifier for AppStream
 */
public record PipelineImage(String image, String name, ImageStatus status, Map<String, String> tags) {

    public PipelineImage {
        tags = Map.copyOf(tags);
    }

    /** The canary WorkSpaces the run's gate rebuilt from this image; empty for none. */
    public List<String> rebuiltCanaries() {
        String canaries = tags.get(PipelineTags.REBUILT_CANARIES);
        return canaries == null || canaries.isBlank() ? List.of() : List.of(canaries.trim().split(" "));
    }

    /** Each fleet or bundle the run moved to this image, and the image it used before. */
    public Map<String, String> previousByTarget() {
        return PipelineTags.previousImages(tags);
    }

    /** Each production fleet or bundle of the run, and the image it used when the run read it; empty without production targets. */
    public Map<String, String> productionImages() {
        return PipelineTags.productionImages(tags);
    }

    /** The execution (as its tag spells it) that rolled the image out to production, or null while none has. */
    public String rolledOutBy() {
        return tags.get(PipelineTags.ROLLED_OUT_BY);
    }

    /** The image it was made from, which retention spares. */
    public String source() {
        return tags.get(PipelineTags.SOURCE_IMAGE);
    }

    public String lineage() {
        return PipelineTags.lineageOf(source(), tags);
    }

    /** The retention the run planned for its production roll-out: the lineage's newest images to keep, 0 for all. */
    public int keep() {
        String keep = tags.getOrDefault(PipelineTags.KEEP, "");
        return keep.matches("\\d{1,3}") ? Integer.parseInt(keep) : 0;
    }
}
