package com.eucimageupdater.validate;

import java.util.stream.Collectors;

/**
 * Whether a staged fleet or bundle serves the new image, from its describe call's answer alone. A running fleet must
 * report the image, no FleetErrors, and capacity (an instance available, or every desired instance running); a stopped
 * fleet is checked for the image alone, since it has no capacity to try; a bundle must point at the image.
 */
final class StagedTargetRules {
    static final String FLEET = "fleet";
    static final String BUNDLE = "bundle";

    private StagedTargetRules() {}

    static CheckResult check(TargetHealth target, String image) {
        return BUNDLE.equals(target.kind()) ? bundle(target, image) : fleet(target, image);
    }

    private static CheckResult bundle(TargetHealth bundle, String image) {
        String answer = "DescribeWorkspaceBundles: points at " + bundle.image()
                + (bundle.state() == null ? "" : ", State " + bundle.state());
        return image.equals(bundle.image()) ? CheckResult.passed(BUNDLE, bundle.name(), answer)
                : CheckResult.waiting(BUNDLE, bundle.name(), answer);
    }

    private static CheckResult fleet(TargetHealth fleet, String image) {
        String where = "DescribeFleets: " + fleet.state() + " on " + fleet.image();
        if (!fleet.errors().isEmpty()) {
            // A fleet error (an image that fails to launch, a missing role, a subnet out of addresses) does not clear by waiting.
            return CheckResult.failed(FLEET, fleet.name(), where + ", FleetErrors " + fleet.errors().stream()
                    .map(error -> error.code() + ": " + error.message()).collect(Collectors.joining("; ")));
        }
        if (!image.equals(fleet.image())) {
            return CheckResult.waiting(FLEET, fleet.name(), where + ", not yet on " + image);
        }
        if ("STOPPED".equals(fleet.state())) {
            return CheckResult.passed(FLEET, fleet.name(), where + ", no FleetErrors; capacity not tried (the fleet is stopped)");
        }
        TargetHealth.Capacity capacity = fleet.capacity();
        String instances = capacity == null ? "no capacity reported"
                : capacity.available() + " available (" + capacity.running() + " of " + capacity.desired() + " instances running)";
        boolean serves = capacity != null && (capacity.available() >= 1 || capacity.running() >= capacity.desired());
        if ("RUNNING".equals(fleet.state()) && serves) {
            return CheckResult.passed(FLEET, fleet.name(), where + ", no FleetErrors, " + instances);
        }
        return CheckResult.waiting(FLEET, fleet.name(), where + ", " + instances);
    }
}
