package com.eucimageupdater.validate;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.model.StartedImage;

/**
 * An image's state as the gate's loop hands it over: the item, the run, the new image, and the previous check's
 * progress (null before the first).
 */
public record ValidationJob(ImageRequest item, RunSettings run, StartedImage start, ValidationProgress validation) {

    public ValidationJob {
        if (item == null || run == null || start == null || start.newImage() == null) {
            throw new IllegalArgumentException("item, run and start.newImage: the gate checks a staged image of a planned item");
        }
        if (item.gate() == null || item.gate().maxPolls() < 1) {
            throw new IllegalArgumentException("item.gate.maxPolls: the plan bounds every image's gate; got " + item.gate());
        }
    }

    public Location location() {
        return item.location(run.location());
    }

    public StagingGate gate() {
        return item.gate();
    }

    /** How many checks ran before this one. */
    public int pollsDone() {
        return validation == null ? 0 : validation.polls();
    }
}
