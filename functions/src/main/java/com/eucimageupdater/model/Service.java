package com.eucimageupdater.model;

/** The two end-user-computing services whose images the pipeline keeps patched. */
public enum Service {
    APPSTREAM(new AppStreamRules()),
    WORKSPACES(new WorkSpacesRules());

    private final ServiceRules rules;

    Service(ServiceRules rules) {
        this.rules = rules;
    }

    /** This service's rules for images, names and roll-out targets. */
    public ServiceRules rules() {
        return rules;
    }
}
