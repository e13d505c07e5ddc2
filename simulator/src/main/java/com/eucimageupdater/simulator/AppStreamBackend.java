package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * AppStream 2.0 (WorkSpaces Applications) in one place: its images ({@link AppStreamImages}), its fleets and image
 * builders ({@link AppStreamFleets}), and what reaches other places: shares with other accounts and copies to other
 * Regions ({@link AppStreamDistribution}). Each of them answers its own operations.
 */
final class AppStreamBackend extends ImageServiceBackend {
    private static final List<String> RESERVED_PREFIXES = List.of("amazon", "aws", "appstream");

    final AppStreamImages images;
    final AppStreamFleets fleets;
    private final AppStreamDistribution distribution;

    AppStreamBackend(Scenario.Location location, Clock clock, Organization organization) {
        super(ServiceModel.APPSTREAM, location, location.appstream().pageSize(), clock, organization);
        this.images = new AppStreamImages(this, location.appstream());
        this.fleets = new AppStreamFleets(this, location.appstream());
        this.distribution = new AppStreamDistribution(this);
    }

    /**
     * What the account holds here now, as a scenario lists it: its own images (those others share with it are their
     * owners'), fleets and image builders, and the service's settings. Describe lags are left out: they have settled.
     */
    synchronized Scenario.AppStream snapshot() {
        return new Scenario.AppStream(images.snapshot(), images.own.maxUpdatesInFlight(), images.own.newImagesHiddenForDescribes(),
                pageSize, fleets.snapshotFleets(), fleets.snapshotImageBuilders());
    }

    /** The scenario's shares, made visible in the accounts they name once every place exists. */
    void shareScenarioImages() {
        distribution.shareScenarioImages();
    }

    @Override
    public synchronized boolean sharedWithThisAccount(String arn) {
        return images.sharedWithMe.containsKey(arn);
    }

    /**
     * New image names may not start with Amazon, AWS or AppStream (in any case), and UpdateFleet needs the fleet's
     * Name: rules the model leaves out (its Name member is optional since the name can no longer be changed).
     */
    @Override
    public void checkRules(String operation, JsonNode request) {
        String member = switch (operation) {
            case "CreateUpdatedImage" -> "newImageName";
            case "CopyImage" -> "DestinationImageName";
            default -> null;
        };
        String newName = member == null ? "" : request.path(member).asText();
        if (RESERVED_PREFIXES.stream().anyMatch(newName.toLowerCase(Locale.ROOT)::startsWith)) {
            throw error("ValidationException", ModelValidator.summary(List.of("Value '" + newName
                    + "' at '" + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must not start with 'Amazon', 'AWS' or 'AppStream'")));
        }
        if ("UpdateFleet".equals(operation) && !request.hasNonNull("Name")) {
            throw error("ValidationException", ModelValidator.summary(List.of(
                    "Value null at 'name' failed to satisfy constraint: Member must not be null")));
        }
    }

    /** A resource of this place; AWS's own (public) images have no account in their ARN. */
    String arn(String type, String name, String visibility) {
        return "arn:aws:appstream:" + region + ":" + ("PUBLIC".equals(visibility) ? "" : accountId) + ":" + type + "/" + name;
    }

    <T> ObjectNode paged(List<T> items, JsonNode request, String member, Function<T, ObjectNode> toJson) {
        return Paging.answer(items, request, "MaxResults", pageSize, member, toJson,
                () -> error("ValidationException", "The NextToken is not valid."));
    }
}
