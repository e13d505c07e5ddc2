package com.eucimageupdater.simulator;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every (account, Region) of the scenario, each with its own AppStream and WorkSpaces state and faults. A place the
 * scenario does not list is made, empty, the first time it is used.
 */
final class Organization {
    /** The state of one account in one Region. */
    record Place(AppStreamBackend appStream, WorkSpacesBackend workSpaces, FaultInjector faults) {
        /** The backend of a JSON service (appstream, workspaces). */
        ServiceBackend backend(String service) {
            return ServiceModel.APPSTREAM.equals(service) ? appStream : workSpaces;
        }
    }

    private final Scenario scenario;
    private final Clock clock;
    private final Map<String, Place> places = new ConcurrentHashMap<>();

    Organization(Scenario scenario, Clock clock) {
        this.scenario = scenario;
        this.clock = clock;
        List<Place> listed = scenario.locations().stream().map(location -> place(location.accountId(), location.region())).toList();
        // Images the scenario shares show in the other accounts once every listed place exists.
        listed.forEach(place -> {
            place.appStream().shareScenarioImages();
            place.workSpaces().shareScenarioImages();
        });
    }

    String homeAccount() {
        return scenario.accountId();
    }

    String homeRegion() {
        return scenario.region();
    }

    /** The home account in its home Region: the scenario's top level. */
    Place home() {
        return place(scenario.accountId(), scenario.region());
    }

    Place place(String account, String region) {
        return places.computeIfAbsent(account + " " + region, key -> {
            Scenario.Location location = scenario.location(account, region);
            return new Place(new AppStreamBackend(location, clock, this), new WorkSpacesBackend(location, clock, this),
                    new FaultInjector(location));
        });
    }
}
