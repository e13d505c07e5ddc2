package com.eucimageupdater.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.rebuild.BundleRebuild;
import com.eucimageupdater.rebuild.RebuildMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rollback's rebuilds: each moved-back bundle with its configured settings, or the rollback refused naming the bundle. */
class RollbackRebuildsTest {
    private static final RebuildSettings SETTINGS = new RebuildSettings(1, 10, 0, 120,
            new RebuildSettings.Window(List.of("SAT"), "22:00", 6));

    private static RollbackPlanner.MoveBack move(Service service, List<String> targets) {
        return new RollbackPlanner.MoveBack(service, "123456789012", "eu-west-1", "wsi-old123456", "wsi-new123456", targets, Map.of(),
                "wsi-source123", "wsi-source123", true, List.of());
    }

    @Test
    void eachMovedBackBundleIsRebuiltBackWithItsConfiguredSettings() {
        RollbackRebuilds.Planned planned = RollbackRebuilds.of(List.of(move(Service.WORKSPACES, List.of("wsb-prod00001")),
                move(Service.APPSTREAM, List.of("Base-Prod"))), List.of(new RebuildSettings.ForBundle("wsb-prod00001", SETTINGS)));
        assertEquals(List.of(new BundleRebuild(Service.WORKSPACES, "123456789012", "eu-west-1", "wsb-prod00001", "wsi-old123456",
                "wsi-new123456", RebuildMode.ROLLBACK, SETTINGS)), planned.rebuilds());
        assertEquals(List.of(), planned.problems());
    }

    @Test
    void aBundleWithoutRebuildSettingsRefusesTheRollbackNamingIt() {
        RollbackRebuilds.Planned planned = RollbackRebuilds.of(List.of(move(Service.WORKSPACES, List.of("wsb-prod00001", "wsb-prod00002"))),
                List.of(new RebuildSettings.ForBundle("wsb-prod00001", SETTINGS)));
        assertEquals(List.of(), planned.rebuilds());
        assertEquals(List.of("rebuild: bundle wsb-prod00002 (123456789012 eu-west-1) moves back to wsi-old123456, but no configured image"
                + " gives it rebuild settings (cdk.json images[].rebuild, on the item whose bundles name it); nothing was changed"),
                planned.problems());
    }

    @Test
    void aRollbackWithoutRebuildRebuildsNothing() {
        assertEquals(new RollbackRebuilds.Planned(List.of(), List.of()), RollbackRebuilds.of(List.of(move(Service.WORKSPACES,
                List.of("wsb-prod00001"))), null));
    }
}
