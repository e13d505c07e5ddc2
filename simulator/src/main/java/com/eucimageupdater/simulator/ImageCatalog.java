package com.eucimageupdater.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One service's images in one place, by the key the service finds them by (AppStream: name, WorkSpaces: id), and the
 * updates building among them: at most {@code maxUpdatesInFlight} at once, each new image left out of its first
 * {@code newImagesHiddenForDescribes} describes, each build moved on by the describes that show it.
 */
final class ImageCatalog<I extends UpdatableImage> {
    private final Map<String, I> images = new LinkedHashMap<>();
    private final Clock clock;
    /** The state a failed update ends in: FAILED in AppStream, ERROR in WorkSpaces. */
    private final String failedState;
    /** Updated images that may be building at once; null for no limit. */
    private final Integer maxUpdatesInFlight;
    private final int newImagesHiddenForDescribes;

    ImageCatalog(Clock clock, String failedState, Integer maxUpdatesInFlight, Integer newImagesHiddenForDescribes) {
        this.clock = clock;
        this.failedState = failedState;
        this.maxUpdatesInFlight = maxUpdatesInFlight;
        this.newImagesHiddenForDescribes = Objects.requireNonNullElse(newImagesHiddenForDescribes, 0);
    }

    /**
     * Adds a scenario's images, each made by {@code make} as its service has it, then lets the updates a saved state left
     * building go on, each with the image it updates (which may come later in the list).
     */
    <S extends ImageSpec> void load(List<S> specs, Function<S, I> make) {
        List<Map.Entry<I, Scenario.Building>> building = new ArrayList<>();
        specs.forEach(spec -> {
            I image = make.apply(spec);
            image.state = spec.state();
            image.updateAvailable = spec.updateAvailable();
            image.tags.putAll(spec.tags());
            image.lag = new DescribeLag(spec.hiddenForDescribes());
            image.failedAt = ScenarioRules.failedTime(image.key(), spec.failedAt());
            images.put(image.key(), image);
            if (spec.building() != null) {
                building.add(Map.entry(image, spec.building()));
            }
        });
        building.forEach(update -> {
            I image = update.getKey();
            image.source = update.getValue().updateOf() == null ? null : images.get(update.getValue().updateOf());
            image.build = ImageBuild.resumed(image.buildSpec, clock, update.getValue());
        });
    }

    /** The image with this key; null when there is none. */
    I get(String key) {
        return images.get(key);
    }

    boolean contains(String key) {
        return images.containsKey(key);
    }

    /** Every image, in the order added. */
    Collection<I> all() {
        return images.values();
    }

    void add(I image) {
        images.put(image.key(), image);
    }

    void remove(I image) {
        images.remove(image.key());
    }

    Integer maxUpdatesInFlight() {
        return maxUpdatesInFlight;
    }

    int newImagesHiddenForDescribes() {
        return newImagesHiddenForDescribes;
    }

    /**
     * Refuses one more update while {@code maxUpdatesInFlight} are building: {@code refusal} is the service's error
     * around the count, e.g. "2 image updates are in progress (quota 2).".
     */
    void requireRoomForUpdate(Function<String, ServiceError> refusal) {
        long building = images.values().stream().filter(image -> image.build != null).count();
        if (maxUpdatesInFlight != null && building >= maxUpdatesInFlight) {
            throw refusal.apply(building + " image updates are in progress (quota " + maxUpdatesInFlight + ").");
        }
    }

    /** Adds {@code image} as an update of {@code source}: PENDING, building as the source's scenario says. */
    void addUpdate(I image, I source) {
        image.source = source;
        image.state = "PENDING";
        image.build = new ImageBuild(source.buildSpec, clock);
        image.lag = new DescribeLag(newImagesHiddenForDescribes);
        add(image);
    }

    /** Adds a copy of an image: AVAILABLE at once. */
    void addCopy(I copy) {
        copy.state = "AVAILABLE";
        copy.lag = new DescribeLag(newImagesHiddenForDescribes);
        add(copy);
    }

    /** A describe that shows an image being built is one poll of its build. */
    void advance(UpdatableImage image) {
        if (image.build == null) {
            return;
        }
        switch (image.build.poll()) {
            case AVAILABLE -> {
                image.state = "AVAILABLE";
                if (image.source != null) {
                    image.source.updateAvailable = false;
                }
                image.build = null;
            }
            case FAILED -> {
                image.state = failedState;
                image.failedAt = clock.instant();
                image.build = null;
            }
            case PENDING -> { }
        }
    }

    /** Where an image's build is, for a saved state: null when it is not building; its source only while still here. */
    Scenario.Building progress(I image) {
        UpdatableImage source = image.source;
        return image.build == null ? null
                : image.build.progress(source != null && images.get(source.key()) == source ? source.key() : null);
    }
}
