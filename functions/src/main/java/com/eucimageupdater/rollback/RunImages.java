package com.eucimageupdater.rollback;

import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.PipelineImage;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServicePorts;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of one execution in every account and Region the deployment works in (its own and every target of
 * cdk.json), read from their tags: what a rollback or a promote of that execution starts from.
 */
final class RunImages {

    /** One image of the run, where it is, and the service that reaches it there. */
    record Found(Location location, Service type, RolloutRecords service, PipelineImage image) {}

    /** @param problems the accounts that could not be reached, each naming why */
    record Search(List<Found> images, List<String> problems) {}

    private RunImages() {}

    /**
     * @param field the input field that asked, which names each problem: {@code rollback} or {@code promote}
     */
    static Search of(ServicePorts<RolloutRecords> services, String executionName, List<Location> locations, String field) {
        List<Found> images = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Location location : locations) {
            for (Service type : Service.values()) {
                RolloutRecords service;
                try {
                    service = services.forService(type, location);
                } catch (ImageUpdateException unreachable) {
                    problems.add(field + ": account " + location.account() + " in " + location.region() + ": " + unreachable.getMessage());
                    break;
                }
                service.imagesOfRun(executionName).forEach(image -> images.add(new Found(location, type, service, image)));
            }
        }
        return new Search(images, problems);
    }
}
