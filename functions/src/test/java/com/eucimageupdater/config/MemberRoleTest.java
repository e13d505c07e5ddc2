package com.eucimageupdater.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eucimageupdater.model.MemberAccess;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberRoleTest {
    private static final MemberRole CONFIGURED = new MemberRole("Patcher", Optional.of("from-cdk-json"), Optional.of("o-abcdefghij"));

    @Test
    void theFunctionsReachMemberAccountsThroughTheConfiguredRoleWithItsExternalId() {
        assertEquals(new MemberAccess("111111111111", "Patcher", "from-cdk-json"), CONFIGURED.access("111111111111"));
        assertEquals(new MemberAccess("111111111111", "Patcher", null),
                new MemberRole("Patcher", Optional.empty(), Optional.empty()).access("111111111111"));
    }

    @Test
    void anExternalIdGivenInItsPlaceIsPresentedInstead() {
        assertEquals(new MemberAccess("111111111111", "Patcher", "from-the-option"),
                CONFIGURED.withExternalId("from-the-option").access("111111111111"));
    }
}
