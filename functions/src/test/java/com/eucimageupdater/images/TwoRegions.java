package com.eucimageupdater.images;

import com.eucimageupdater.simulator.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;

/**
 * One simulated account in its home Region and in a second Region, for copies between them. The simulator holds one
 * Region, so each Region is a simulator of its own, with the same account: a copy's request reaches the Region it is
 * sent to, but a copy made in one never appears in the other (CopyImage) and a source in the other is not looked
 * up (CopyWorkspaceImage). Tests seed the destination with what those calls would leave there.
 */
public final class TwoRegions implements AutoCloseable {
    public static final String HOME = "us-east-1";
    public static final String DESTINATION = "eu-west-1";
    public static final String ACCOUNT = "123456789012";

    private final SimulatedAccount home;
    private final SimulatedAccount destination;

    private TwoRegions(SimulatedAccount home, SimulatedAccount destination) {
        this.home = home;
        this.destination = destination;
    }

    /** Each Region's scenario is given by its members other than region and account, e.g. {@code "appstream": {...}}. */
    public static TwoRegions start(String homeServices, String destinationServices) {
        SimulatedAccount home = SimulatedAccount.start(scenario(HOME, homeServices));
        try {
            return new TwoRegions(home, SimulatedAccount.start(scenario(DESTINATION, destinationServices)));
        } catch (RuntimeException e) {
            home.close();
            throw e;
        }
    }

    private static String scenario(String region, String services) {
        return "{ \"region\": \"" + region + "\", \"accountId\": \"" + ACCOUNT + "\", " + services + " }";
    }

    private SimulatedAccount in(String region) {
        return region.equals(DESTINATION) ? destination : home;
    }

    public AppStreamClient appStream(String region) {
        return in(region).appStream();
    }

    public WorkSpacesClient workSpaces(String region) {
        return in(region).workSpaces();
    }

    /** The services of each Region, as the handlers get them: by the location's Region. */
    public ImageServices imageServices() {
        ImageServices homeServices = home.imageServices();
        ImageServices destinationServices = destination.imageServices();
        return new ImageServices((service, location) -> (location.region().equals(DESTINATION) ? destinationServices : homeServices)
                .forService(service, location));
    }

    /** The calls of one operation that reached the Region, answered or refused. */
    public List<RecordedCall> callsIn(String region, String operation) {
        return in(region).simulator().callsTo(operation);
    }

    /** The operations that changed something in the Region. */
    public List<String> changesIn(String region) {
        return in(region).simulator().mutatingCalls().stream().filter(RecordedCall::succeeded).map(RecordedCall::operation).toList();
    }

    /** Requests in either Region that did not meet the API model. */
    public List<RecordedCall> modelViolations() {
        List<RecordedCall> violations = new ArrayList<>(home.simulator().modelViolations());
        violations.addAll(destination.simulator().modelViolations());
        return violations;
    }

    @Override
    public void close() {
        try {
            home.close();
        } finally {
            destination.close();
        }
    }
}
