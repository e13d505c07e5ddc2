package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;

import com.eucimageupdater.build.ImageBuilds;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.MemberAccess;
import com.eucimageupdater.model.Service;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

class ImageServicesTest {
    private static final Location OWN = new Location("123456789012", "us-east-1");
    private static final Location MEMBER = new Location("222222222222", "eu-west-1");

    private final List<String> builds = new ArrayList<>();
    private final ImageServices services = new ImageServices((service, location) -> {
        builds.add(service + " " + location);
        return mock(ServiceAdapter.class);
    }, OWN);

    @Test
    void eachServiceAccountAndRegionGetsOneClientForTheContainersLife() {
        ImageBuilds first = services.builds(Service.APPSTREAM, MEMBER);

        assertSame(first, services.targets(Service.APPSTREAM, MEMBER), "every step's port of one service is its one adapter");
        services.rolloutRecords(Service.WORKSPACES, MEMBER);
        services.distributor(Service.APPSTREAM, OWN);
        assertEquals(List.of("APPSTREAM 222222222222/eu-west-1", "WORKSPACES 222222222222/eu-west-1", "APPSTREAM 123456789012/us-east-1"),
                builds);
    }

    @Test
    void primingBuildsTheDeploymentsOwnClientsForTheSnapshot() {
        services.prime();

        assertEquals(List.of("APPSTREAM 123456789012/us-east-1", "WORKSPACES 123456789012/us-east-1"), builds);
        services.builds(Service.APPSTREAM, OWN);
        assertEquals(2, builds.size(), "after the restore the primed client serves the first image");
    }

    @Test
    void primingBuildsTheStsClientForMemberAccountsOnceForTheSnapshot() {
        List<StsClient> stsClients = new ArrayList<>();
        MemberCredentials members = new MemberCredentials(new MemberAccess(OWN.account(), null, null), () -> {
            StsClient client = mock(StsClient.class);
            stsClients.add(client);
            return client;
        }, MemberCredentials.DEFAULT_SESSION_NAME);
        ImageServices primed = new ImageServices((service, location) -> mock(ServiceAdapter.class), OWN, members);

        primed.prime();

        assertEquals(1, stsClients.size(), "built before the snapshot");
        assertSame(stsClients.get(0), members.stsClient(), "and used after the restore");
        assertEquals(1, stsClients.size());
    }

    @Test
    void aClientThatCouldNotBeBuiltIsTriedAgainNextTime() {
        List<Location> attempts = new ArrayList<>();
        ImageServices flaky = new ImageServices((service, location) -> {
            attempts.add(location);
            if (attempts.size() == 1) {
                throw new ImageUpdateException("AssumeRole failed: AccessDenied");
            }
            return mock(ServiceAdapter.class);
        });

        assertThrows(ImageUpdateException.class, () -> flaky.builds(Service.APPSTREAM, MEMBER));
        flaky.builds(Service.APPSTREAM, MEMBER);
        assertEquals(2, attempts.size(), "a role deployed since is found without a new container");
    }
}
