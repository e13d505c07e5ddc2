package com.eucimageupdater.config;

import static com.eucimageupdater.config.UpdaterConfig.ADDITIONAL_REGIONS;
import static com.eucimageupdater.config.UpdaterConfig.IMAGES;
import static com.eucimageupdater.config.UpdaterConfig.MEMBER_EXTERNAL_ID;
import static com.eucimageupdater.config.UpdaterConfig.ORGANIZATION_ID;
import static com.eucimageupdater.config.UpdaterConfig.TARGETS;
import static com.eucimageupdater.config.UpdaterConfig.UPDATER_ACCOUNT;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the member stack needs: the updater's account, and an external id or an organization, so that the member
 * role is never open to the updater account's roles on their path alone; and the Regions its role may act in
 * ({@link UpdaterConfig#workRegions()}: the updater's own Region is not known where a member stack is synthesized).
 */
public record MemberTrust(String updaterAccount, MemberRole access, List<String> regions) {
    public MemberTrust {
        Objects.requireNonNull(updaterAccount, UPDATER_ACCOUNT);
        regions = List.copyOf(regions);
        List<String> problems = new ArrayList<>();
        if (access.externalId().isEmpty() && access.organizationId().isEmpty()) {
            problems.add(MEMBER_EXTERNAL_ID + " or " + ORGANIZATION_ID + ": the member stack"
                    + " (synthesized because " + UPDATER_ACCOUNT + " is set) needs at least one: the member role trusts the"
                    + " updater's roles only with the external id they present or within the organization");
        }
        if (regions.isEmpty()) {
            problems.add(TARGETS + " or " + ADDITIONAL_REGIONS + ": the member stack (synthesized because " + UPDATER_ACCOUNT
                    + " is set) allows its role the Regions of " + TARGETS + ", of the configured " + IMAGES + " (region,"
                    + " copyToRegions) and of " + ADDITIONAL_REGIONS + ", and none lists one: list the Regions the updater"
                    + " works in in member accounts");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }
}
