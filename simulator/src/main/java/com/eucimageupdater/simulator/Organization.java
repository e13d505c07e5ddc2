package com.eucimageupdater.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every (account, Region) of the scenario, each with its own AppStream and WorkSpaces state and faults. A place the
 * scenario does not list is made, empty, the first time it is used.
 */
final class Organization {
    /** The state of one account in one Region. */
    record Place(AppStreamBackend appStream, WorkSpacesBackend workSpaces, EventBridgeBackend events, SsmBackend parameters,
            FaultInjector faults) {
        /** The backend of a JSON service (appstream, workspaces, events, ssm). */
        ServiceBackend backend(String service) {
            return switch (service) {
                case ServiceModel.APPSTREAM -> appStream;
                case ServiceModel.EVENTS -> events;
                case ServiceModel.SSM -> parameters;
                default -> workSpaces;
            };
        }
    }

    private final Scenario scenario;
    private final Clock clock;
    private final Map<String, Place> places = new ConcurrentHashMap<>();
    /** Every account's events, in the order the buses took them. */
    private final List<PublishedEvent> publishedEvents = Collections.synchronizedList(new ArrayList<>());

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

    /**
     * The organization as it is now, as a scenario that starts a simulator in this state: every place's AppStream and
     * WorkSpaces (a place the scenario did not list only when something is in it), the accounts' roles, the topics and
     * STS settings, one generation on. Faults, scripted errors and Lambda faults are the scenario's run, not the
     * account's: the snapshot has none.
     */
    Scenario snapshot() {
        Set<String> listed = new HashSet<>();
        scenario.locations().forEach(location -> listed.add(key(location.accountId(), location.region())));
        Map<String, Map<String, Scenario.RegionState>> regionsByAccount = new TreeMap<>();
        places.forEach((key, place) -> {
            Scenario.RegionState state = new Scenario.RegionState(place.appStream().snapshot(), place.workSpaces().snapshot(), null, null);
            String[] where = key.split(" ");
            boolean home = where[0].equals(scenario.accountId()) && where[1].equals(scenario.region());
            if (!home && (listed.contains(key) || !isEmpty(state))) {
                regionsByAccount.computeIfAbsent(where[0], account -> new TreeMap<>()).put(where[1], state);
            }
        });
        List<Scenario.Account> accounts = new ArrayList<>();
        scenario.accounts().forEach(account -> accounts.add(new Scenario.Account(account.accountId(), account.roles(),
                regionsByAccount.remove(account.accountId()))));
        regionsByAccount.forEach((account, regions) -> accounts.add(new Scenario.Account(account, List.of(), regions)));
        return new Scenario(scenario.region(), scenario.accountId(), scenario.seed(), null, null, home().appStream().snapshot(),
                home().workSpaces().snapshot(), scenario.sns(), null, accounts, scenario.sts(), scenario.generation() + 1);
    }

    private static boolean isEmpty(Scenario.RegionState state) {
        return state.appstream().images().isEmpty() && state.appstream().fleets().isEmpty() && state.appstream().imageBuilders().isEmpty()
                && state.workspaces().images().isEmpty() && state.workspaces().bundles().isEmpty();
    }

    private static String key(String account, String region) {
        return account + " " + region;
    }

    /** The events every account's buses took, in order. */
    List<PublishedEvent> publishedEvents() {
        synchronized (publishedEvents) {
            return List.copyOf(publishedEvents);
        }
    }

    Place place(String account, String region) {
        return places.computeIfAbsent(key(account, region), key -> {
            Scenario.Location location = scenario.location(account, region);
            return new Place(new AppStreamBackend(location, clock, this), new WorkSpacesBackend(location, clock, this),
                    new EventBridgeBackend(location, publishedEvents), new SsmBackend(location), new FaultInjector(location));
        });
    }
}
