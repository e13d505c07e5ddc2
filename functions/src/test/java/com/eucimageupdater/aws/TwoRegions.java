package com.eucimageupdater.aws;

import com.eucimageupdater.model.Service;
import com.eucimageupdater.simulator.RecordedCall;
import java.util.List;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;

/** One simulated account in its home Region and in a second Region, for copies between them. */
public final class TwoRegions implements AutoCloseable {
    public static final String HOME = "us-east-1";
    public static final String DESTINATION = "eu-west-1";
    public static final String ACCOUNT = "123456789012";

    private final SimulatedAccount account;

    private TwoRegions(SimulatedAccount account) {
        this.account = account;
    }

    /** Each Region's state is given by its scenario members other than region and account, e.g. {@code "appstream": {...}}. */
    public static TwoRegions start(String homeServices, String destinationServices) {
        return new TwoRegions(SimulatedAccount.start("{ \"region\": \"" + HOME + "\", \"accountId\": \"" + ACCOUNT + "\", " + homeServices
                + ", \"accounts\": [ { \"accountId\": \"" + ACCOUNT + "\", \"regions\": { \"" + DESTINATION + "\": { " + destinationServices
                + " } } } ] }"));
    }

    public AppStreamClient appStream(String region) {
        return account.appStreamIn(region);
    }

    public WorkSpacesClient workSpaces(String region) {
        return account.workSpacesIn(region);
    }

    /** The services of each Region, as the handlers get them: by the location's Region. */
    public ImageServices imageServices() {
        return new ImageServices((service, location) -> service == Service.APPSTREAM
                ? new AppStreamImageService(appStream(location.region()))
                : new WorkSpacesImageService(workSpaces(location.region())));
    }

    /** The calls of one operation that reached the Region, answered or refused. */
    public List<RecordedCall> callsIn(String region, String operation) {
        return account.simulator().callsTo(operation).stream().filter(call -> region.equals(call.region())).toList();
    }

    /** The operations that changed something in the Region. */
    public List<String> changesIn(String region) {
        return account.simulator().mutatingCalls().stream().filter(call -> region.equals(call.region()) && call.succeeded())
                .map(RecordedCall::operation).toList();
    }

    public List<RecordedCall> modelViolations() {
        return account.simulator().modelViolations();
    }

    @Override
    public void close() {
        account.close();
    }
}
