package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts and Regions of cdk.json's {@code targets}: an item that names a fleet or bundle, and no account or
 * Region of its own, is resolved in each of them (the same fleet name in every business unit's account).
 */
final class Targets {
    private Targets() {}

    /**
     * Every (account, Region) the setting lists, in order; empty when it lists none.
     *
     * @param setting the setting's problems, as {@code settings.targets}
     */
    static List<Location> parse(String text, Location own, Problems setting) {
        List<Location> locations = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return locations;
        }
        Object parsed;
        try {
            parsed = JsonValues.parse(text);
        } catch (JsonProcessingException e) {
            setting.add("is not valid JSON (" + e.getOriginalMessage() + "); check \"targets\" in cdk.json");
            return locations;
        }
        if (!(parsed instanceof List<?> targets)) {
            setting.add("must be a list such as [{\"account\": \"123456789012\", \"regions\": [\"eu-west-1\"]}]");
            return locations;
        }
        for (int i = 0; i < targets.size(); i++) {
            Problems at = setting.index(i);
            Object target = targets.get(i);
            Object given = JsonValues.field(target, "account");
            String account = given == null ? own.account() : JsonValues.text(given);
            if (!Location.ACCOUNT.matcher(account).matches()) {
                at.at("account").add("must be a 12-digit AWS account id, got \"" + account + "\"");
                continue;
            }
            Object regions = JsonValues.field(target, "regions");
            if (regions == null) {
                add(new Location(account, own.region()), at, locations);
                continue;
            }
            if (JsonValues.list(regions).isEmpty()) {
                at.at("regions").add("must be a non-empty list of Region names such as [\"eu-west-1\"]");
                continue;
            }
            for (Object region : JsonValues.list(regions)) {
                if (!(region instanceof String name) || !Location.REGION.matcher(name).matches()) {
                    at.at("regions").add("must hold Region names such as eu-west-1, got " + JsonValues.shown(region));
                } else {
                    add(new Location(account, name), at, locations);
                }
            }
        }
        return locations;
    }

    private static void add(Location location, Problems at, List<Location> locations) {
        if (locations.contains(location)) {
            at.add("account " + location.account() + " in " + location.region() + " is listed twice");
        } else {
            locations.add(location);
        }
    }

    /**
     * Each item with its account and Region: its own, else the deployment's; an item naming a fleet or bundle with
     * neither is resolved in every target (in the deployment's own account and Region when there are none).
     */
    static List<ImageRequest> place(List<ImageRequest> items, List<Location> targets, Location own) {
        List<ImageRequest> placed = new ArrayList<>();
        for (ImageRequest item : items) {
            boolean everywhere = item.fromTarget() != null && item.account() == null && item.region() == null && !targets.isEmpty();
            if (everywhere) {
                targets.forEach(target -> placed.add(item.at(target)));
            } else {
                placed.add(item.at(item.location(own)));
            }
        }
        return placed;
    }
}
