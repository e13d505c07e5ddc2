package com.eucimageupdater.workflow;

/**
 * What a {@link Grant} is on. The stack names each scope's resources in its deployment; the images, fleets and
 * bundles are those the patched account owns, in the Regions the deployment works in (a run may touch several:
 * the targets', an item's {@code region} and {@code copyToRegions}).
 */
public enum Scope {
    /**
     * Every resource: for the actions whose Service Authorization Reference entry lists no resource type (an ARN in
     * Resource would never match them), and for appstream:DescribeImages, which also reads AWS-owned public images.
     */
    ANY(null, null),
    APPSTREAM_IMAGES("appstream", "image"),
    APPSTREAM_FLEETS("appstream", "fleet"),
    APPSTREAM_STACKS("appstream", "stack"),
    WORKSPACES_IMAGES("workspaces", "workspaceimage"),
    WORKSPACES_BUNDLES("workspaces", "workspacebundle"),
    /** The WorkSpaces themselves: the gate rebuilds its canaries, and the rebuild step a bundle's WorkSpaces in waves. */
    WORKSPACES_WORKSPACES("workspaces", "workspace"),
    /** The member role, by its configured name, in any account: its trust policy decides who may assume it. */
    MEMBER_ROLES(null, null),
    /** The topic that the run's mails and alarms go to. */
    NOTIFICATION_TOPIC(null, null),
    /** The KMS key that encrypts the topic. */
    NOTIFICATION_KEY(null, null),
    /** The KMS HMAC key that signs and checks the approval links. */
    APPROVAL_LINK_KEY(null, null),
    /** The workflow's state machine. */
    STATE_MACHINE(null, null),
    /** The default event bus of the deployment's own account and Region, where the run's events go. */
    DEFAULT_EVENT_BUS(null, null),
    /** The lineages' parameters in the deployment's own account and Region: every name under {@link #LINEAGE_PARAMETER_PATH}. */
    LINEAGE_PARAMETERS(null, null);

    /** Where the lineages' parameters are, in Parameter Store: one path, so that IAM can name it. */
    public static final String LINEAGE_PARAMETER_PATH = "/euc-image-updater";

    private final String service;
    private final String resourceType;

    Scope(String service, String resourceType) {
        this.service = service;
        this.resourceType = resourceType;
    }

    /** Whether the scope is in the account whose images are patched: a member account's role must allow it too. */
    public boolean inPatchedAccount() {
        return this == ANY || service != null;
    }

    /** The service of the account's images, fleets or bundles in this scope (as in their ARNs); null for other scopes. */
    public String service() {
        return service;
    }

    /** The resource type in the ARNs of this scope's images, fleets or bundles; null for other scopes. */
    public String resourceType() {
        return resourceType;
    }
}
