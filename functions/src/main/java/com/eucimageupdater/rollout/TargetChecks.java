package com.eucimageupdater.rollout;

import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Target;

/**
 * Reading a fleet or bundle, and whether it can take an image, changing nothing: what resolving a roll-out, the
 * approval mail's preview, a rollback and a promote check before anything moves.
 */
public interface TargetChecks {

    /**
     * A fleet or bundle as it is now.
     *
     * @param account this run's account, which must own a bundle to change it
     * @throws ImageUpdateException when it does not exist, naming it
     */
    Target describeTarget(String target, String account);

    /** Why the target cannot take images like {@code image} (an Elastic fleet, a platform change, a bundle not ours), or null. */
    String refusal(Target target, String image);

    /**
     * The bundle a WorkSpace was launched from (DescribeWorkspaces), or null when it does not exist: where a canary of the
     * gate must come from. WorkSpaces only; the plan refuses canaries on AppStream items.
     */
    default String bundleOfWorkspace(String workspaceId) {
        throw new UnsupportedOperationException("only WorkSpaces have WorkSpaces: " + workspaceId);
    }
}
