package com.eucimageupdater.simulator;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A WorkSpaces bundle as a scenario lists it: {@code owner} the scenario account (default), another account or AMAZON
 * (AWS's public bundles); {@code workspaces} how many plain WorkSpaces were launched from it (reporting
 * {@code operatingSystemName}), {@code namedWorkspaces} more ({@link NamedWorkspace}) and {@code workspaceGroups} more
 * still, many alike at once ({@link WorkspaceGroup}); {@code lastUpdated} when its image last changed.
 */
public record BundleSpec(String id, String name, String description, String owner, String imageId, int workspaces,
                         String lastUpdated, String operatingSystemName, List<NamedWorkspace> namedWorkspaces,
                         List<WorkspaceGroup> workspaceGroups) {
    public BundleSpec {
        Objects.requireNonNull(id, "a WorkSpaces bundle needs an id");
        ScenarioRules.checkId("WorkSpaces bundle", id, "wsb-[0-9a-z]{8,63}");
        namedWorkspaces = namedWorkspaces == null ? List.of() : List.copyOf(namedWorkspaces);
        workspaceGroups = workspaceGroups == null ? List.of() : List.copyOf(workspaceGroups);
        Objects.requireNonNull(name, "WorkSpaces bundle " + id + " needs a name");
        Objects.requireNonNull(imageId, "WorkSpaces bundle " + id + " needs an imageId");
        ScenarioRules.notNegative("WorkSpaces bundle " + id + " workspaces", workspaces);
        ScenarioRules.checkOperatingSystem("WorkSpaces bundle " + id, operatingSystemName);
        if (lastUpdated != null) {
            ScenarioRules.instant("WorkSpaces bundle " + id + " lastUpdated", lastUpdated);
        }
    }

    /** The WorkSpaces the scenario names, one by one and in groups: each id once in the place (ScenarioRules checks). */
    List<NamedWorkspace> scriptedWorkspaces() {
        return Stream.concat(namedWorkspaces.stream(), workspaceGroups.stream().flatMap(group -> group.members().stream())).toList();
    }

    boolean ownedBy(String accountId) {
        return owner == null || owner.equals(accountId);
    }
}
