package com.eucimageupdater.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageNamesTest {
    private static final String RUN_DATE = "2026-11-10";

    @Test
    void appStreamNameIsTheSourceWithTheRunDate() {
        assertEquals("Base-Win2022-2026-11-10", ImageNames.newImageName(Service.APPSTREAM, "Base-Win2022", RUN_DATE));
    }

    @Test
    void dateSuffixOfAnEarlierRunIsReplacedNotStacked() {
        assertEquals("Base-Win2022-2026-11-10", ImageNames.newImageName(Service.APPSTREAM, "Base-Win2022-2026-10-14", RUN_DATE));
        assertEquals("Base-Win2022-2026-11-10",
                ImageNames.newImageName(Service.APPSTREAM, "Base-Win2022-2026-09-10-2026-10-14", RUN_DATE));
        assertEquals("ws_base-2026-11-10", ImageNames.newImageName(Service.WORKSPACES, "ws_base_2026-10-14", RUN_DATE));
    }

    @Test
    void rerunOnTheSameDayGivesTheSameName() {
        String first = ImageNames.newImageName(Service.APPSTREAM, "Base-Win2022", RUN_DATE);
        assertEquals(first, ImageNames.newImageName(Service.APPSTREAM, first, RUN_DATE));
    }

    @Test
    void appStreamNamesNeverStartWithAReservedPrefix() {
        assertEquals("img-AppStream-Base-2026-11-10", ImageNames.newImageName(Service.APPSTREAM, "AppStream-Base", RUN_DATE));
        assertEquals("img-aws-tools-2026-11-10", ImageNames.newImageName(Service.APPSTREAM, "aws-tools", RUN_DATE));
        assertEquals("img-AmazonBase-2026-11-10", ImageNames.newImageName(Service.APPSTREAM, "AmazonBase", RUN_DATE));
    }

    @Test
    void longAppStreamNamesAreCutToTheApiLimitKeepingTheDate() {
        String name = ImageNames.newImageName(Service.APPSTREAM, "a".repeat(101), RUN_DATE);
        assertEquals(101, name.length());
        assertTrue(name.endsWith("-" + RUN_DATE));
    }

    @Test
    void workSpacesNamesAreCutTo64CharactersKeepingTheDate() {
        String name = ImageNames.newImageName(Service.WORKSPACES, "Windows 10 base image for the finance team with Office 2021 x64", RUN_DATE);
        assertEquals(64, name.length());
        assertTrue(name.endsWith("-" + RUN_DATE));
        assertTrue(WorkSpacesRules.NAME.matcher(name).matches(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Base-Win2022", "my image: v2", "  spaced  ", "AWS", "-leading", "2026-10-14", "ünïcødé", "a.b_c-d(e)/f"})
    void generatedNamesAlwaysSatisfyBothApiPatterns(String source) {
        String appStream = ImageNames.newImageName(Service.APPSTREAM, source, RUN_DATE);
        assertTrue(AppStreamRules.NAME.matcher(appStream).matches(), appStream);
        assertTrue(appStream.length() <= AppStreamRules.NAME_MAX, appStream);
        String workSpaces = ImageNames.newImageName(Service.WORKSPACES, source, RUN_DATE);
        assertTrue(WorkSpacesRules.NAME.matcher(workSpaces).matches(), workSpaces);
        assertTrue(workSpaces.length() <= WorkSpacesRules.NAME_MAX, workSpaces);
    }

    @Test
    void defaultDescriptionFitsTheWorkSpacesPattern() {
        String description = ImageNames.defaultDescription("wsi-0a1b2c3d4", RUN_DATE);
        assertTrue(WorkSpacesRules.DESCRIPTION.matcher(description).matches(), description);
    }

    @Test
    void defaultDisplayNameIsCutTo100Characters() {
        String displayName = ImageNames.defaultDisplayName("x".repeat(120), RUN_DATE);
        assertEquals(100, displayName.length());
        assertTrue(displayName.endsWith("(" + RUN_DATE + ")"));
    }

    @ParameterizedTest(name = "display name \"{0}\" becomes \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Finance desktop (2026-10-14) | Finance desktop (2026-11-10)",
        "Finance desktop (2026-09-08) (2026-10-14) | Finance desktop (2026-11-10)",
        "Finance desktop 2026-10-14 | Finance desktop (2026-11-10)",
        "Finance desktop | Finance desktop (2026-11-10)",
    })
    void aDateFromAnEarlierRunIsReplacedInTheDefaultDisplayName(String source, String expected) {
        assertEquals(expected, ImageNames.defaultDisplayName(source, RUN_DATE));
    }

    @ParameterizedTest(name = "given text \"{0}\" becomes \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Monthly patch (2026-10-14) | Monthly patch (2026-11-10)",
        "Monthly patch-2026-10-14 | Monthly patch (2026-11-10)",
        "Monthly patch | Monthly patch",
        "Built 2026-10-14 for finance | Built 2026-10-14 for finance",
    })
    void aDateAtTheEndOfAGivenDisplayNameOrDescriptionIsReplacedNotStacked(String given, String expected) {
        assertEquals(expected, ImageNames.withRunDate(given, RUN_DATE, 100));
    }
}
