package com.eucimageupdater.rollout;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServicePorts;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.model.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roll-out's read-only planning: the image each fleet or bundle named as a source uses now, and whether every
 * staging and production target exists and can take that image (an Elastic fleet, a platform change on a running
 * fleet, a bundle this account does not own are refused), before anything changes. Items that resolve to the same
 * source are merged: one image is built and rolled out to all of their targets.
 */
public final class TargetResolver {
    private final ServicePorts<TargetChecks> services;

    public TargetResolver(ServicePorts<TargetChecks> services) {
        this.services = services;
    }

    /** The resolved, merged items, and every problem found, each naming the item's field. */
    public record Resolved(List<ImageRequest> images, List<String> problems) {}

    /**
     * @param own the deployment's account and Region, for items that name none
     */
    public Resolved resolve(List<ImageRequest> items, Location own) {
        List<String> problems = new ArrayList<>();
        Map<String, ImageRequest> bySource = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ImageRequest item = items.get(i);
            Location location = item.location(own);
            String at = "images[" + i + "] (account " + location.account() + ", " + location.region() + ")";
            if (item.targets().isEmpty()) {
                bySource.merge(key(item, item.image(), location), item, TargetResolver::merged);
                continue;
            }
            TargetChecks service;
            try {
                service = services.forService(item.service(), location);
            } catch (ImageUpdateException unreachable) {
                // Only this account's images fail, each with the reason; the rest of the run goes on.
                bySource.put(key(item, item.targets().get(0), location), item.unreachable(unreachable.getMessage()));
                continue;
            }
            int before = problems.size();
            String source = item.image() != null ? item.image() : sourceOf(service, item, at, location.account(), problems);
            if (source == null) {
                continue;
            }
            Map<String, String> production = checkTargets(service, item, source, at, location.account(), problems);
            if (problems.size() == before) {
                bySource.merge(key(item, source, location), item.resolved(source, production), TargetResolver::merged);
            }
        }
        return new Resolved(problems.isEmpty() ? List.copyOf(bySource.values()) : List.of(), problems);
    }

    private static String key(ImageRequest item, String source, Location location) {
        return location + "/" + item.service() + "/" + source;
    }

    private static String sourceOf(TargetChecks service, ImageRequest item, String at, String account, List<String> problems) {
        String field = at + "." + item.service().rules().target();
        try {
            Target target = service.describeTarget(item.fromTarget(), account);
            if (target.image() == null) {
                problems.add(field + ": " + service.refusal(target, null));
            }
            return target.image();
        } catch (ImageUpdateException e) {
            problems.add(field + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * @return each production target (the fleet or bundle named as the source first) and the image it uses now
     */
    private static Map<String, String> checkTargets(TargetChecks service, ImageRequest item, String source, String at, String account,
            List<String> problems) {
        // The fleet or bundle named as the source was described (and an Elastic one refused) when its image was read.
        Service type = item.service();
        checkEach(service, item.stagingTargets(), source, at + "." + type.rules().stagingField(), account, problems);
        Map<String, String> production = new LinkedHashMap<>();
        if (item.fromTarget() != null) {
            production.put(item.fromTarget(), source);
        }
        production.putAll(checkEach(service, item.productionTargets(), source, at + "." + type.rules().productionField(), account,
                problems));
        checkCanaries(service, item, at, problems);
        return production;
    }

    /** @return each target that can take the image, and the image it uses now */
    private static Map<String, String> checkEach(TargetChecks service, List<String> targets, String source, String field, String account,
            List<String> problems) {
        Map<String, String> usedNow = new LinkedHashMap<>();
        for (String name : targets) {
            try {
                Target target = service.describeTarget(name, account);
                String refusal = service.refusal(target, source);
                if (refusal != null) {
                    problems.add(field + ": " + refusal);
                } else {
                    usedNow.put(name, target.image());
                }
            } catch (ImageUpdateException e) {
                problems.add(field + ": " + e.getMessage());
            }
        }
        return usedNow;
    }

    /** Each canary must be a WorkSpace of one of the item's staging bundles: it is rebuilt from the bundle the gate checked. */
    private static void checkCanaries(TargetChecks service, ImageRequest item, String at, List<String> problems) {
        List<String> canaries = item.gate() == null ? List.of() : item.gate().canaryWorkspaces();
        for (int j = 0; j < canaries.size(); j++) {
            String field = at + ".canaryWorkspaces[" + j + "]";
            try {
                String bundle = service.bundleOfWorkspace(canaries.get(j));
                if (bundle == null) {
                    problems.add(field + ": WorkSpace " + canaries.get(j) + " does not exist in this account and Region");
                } else if (!item.stagingTargets().contains(bundle)) {
                    problems.add(field + ": WorkSpace " + canaries.get(j) + " was launched from bundle " + bundle + ", not from one of"
                            + " stagingBundles " + item.stagingTargets() + ": a canary is rebuilt from a staging bundle");
                }
            } catch (ImageUpdateException e) {
                problems.add(field + ": " + e.getMessage());
            }
        }
    }

    /**
     * One image for two items of the same source: every target of both; the first item's name, description and
     * tags where both give them; the larger retention, so that merging never deletes more.
     */
    private static ImageRequest merged(ImageRequest first, ImageRequest second) {
        Map<String, String> productionImages = new LinkedHashMap<>();
        List.of(first, second).forEach(item -> item.productionTargets().forEach(target -> productionImages.put(target,
                item.imageUsedBy(target))));
        return new ImageRequest(first.service(), first.image(), null, first(first.displayName(), second.displayName()),
                first(first.description(), second.description()), first.tags().isEmpty() ? second.tags() : first.tags(),
                union(first.stagingTargets(), second.stagingTargets()), union(first.productionTargets(), second.productionTargets()),
                productionImages, first.keep() == 0 || second.keep() == 0 ? 0 : Math.max(first.keep(), second.keep()), first.account(),
                first.region(),
                union(first.copyToRegions(), second.copyToRegions()), union(first.shareWithAccounts(), second.shareWithAccounts()), null,
                longerGate(first.gate(), second.gate()));
    }

    /**
     * One image is validated once for both items: within the longer of their timeouts, with the first streaming check given
     * and the canaries of both.
     */
    private static StagingGate longerGate(StagingGate one, StagingGate other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        StagingGate longer = other.timeoutMinutes() > one.timeoutMinutes() ? other : one;
        return new StagingGate(longer.timeoutMinutes(), longer.maxPolls(),
                one.streamingCheck() != null ? one.streamingCheck() : other.streamingCheck(),
                union(one.canaryWorkspaces(), other.canaryWorkspaces()));
    }

    private static <T> T first(T one, T other) {
        return one != null ? one : other;
    }

    private static List<String> union(List<String> one, List<String> other) {
        List<String> all = new ArrayList<>(one);
        other.stream().filter(target -> !all.contains(target)).forEach(all::add);
        return all;
    }
}
