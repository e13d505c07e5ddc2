package com.eucimageupdater.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.drift.PlaceSurvey.Rebuilds;
import com.eucimageupdater.drift.PlaceSurvey.SurveyedTarget;
import com.eucimageupdater.drift.PlaceSurvey.UnusedImage;
import com.eucimageupdater.drift.SurveyPort.ImageUse;
import com.eucimageupdater.drift.SurveyPort.MadeImage;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.Service;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriftSurveyorTest {
    private static final Location PLACE = new Location("123456789012", "eu-west-1");
    private static final String RUN_DATE = "2026-12-07";

    /** What one service answers: its fleets or bundles, its pipeline images, what else uses images. */
    private record Answers(List<ImageUse> targets, List<MadeImage> made, Set<String> others) implements SurveyPort {
        @Override
        public List<ImageUse> targets(String runDate) {
            return targets;
        }

        @Override
        public List<MadeImage> pipelineImages() {
            return made;
        }

        @Override
        public Set<String> usedByOthers() {
            return others;
        }
    }

    private static final Answers NOTHING = new Answers(List.of(), List.of(), Set.of());

    private static PlaceSurvey survey(Answers appStream, Answers workSpaces, int rows) {
        return new DriftSurveyor((service, location) -> service == Service.APPSTREAM ? appStream : workSpaces,
                location -> workspace -> Map.of()).survey(PLACE, RUN_DATE, rows);
    }

    private static ImageUse fleet(String name, String image, String created, String platform, Boolean update) {
        return new ImageUse(name, image, Instant.parse(created), platform, update, null);
    }

    @Test
    void anImagesAgeIsTheWholeDaysFromItsCreationInUtcToTheRunDate() {
        assertEquals(1, DriftSurveyor.ageDays(Instant.parse("2026-12-06T23:59:00Z"), LocalDate.parse(RUN_DATE)));
        assertEquals(0, DriftSurveyor.ageDays(Instant.parse("2026-12-07T00:00:00Z"), LocalDate.parse(RUN_DATE)));
        assertNull(DriftSurveyor.ageDays(null, LocalDate.parse(RUN_DATE)), "no creation time from AWS, no age");
    }

    @Test
    void endOfSupportIsKnownOnlyForThePlatformsWhoseDateWasFoundPublished() {
        assertEquals(LocalDate.of(2026, 6, 30), EndOfSupport.of("AMAZON_LINUX2").orElseThrow().ends());
        assertEquals(EndOfSupport.of("AMAZON_LINUX2"), EndOfSupport.of("AMAZON_LINUX_2"), "AppStream's and WorkSpaces' names alike");
        assertEquals(LocalDate.of(2025, 10, 14), EndOfSupport.of("WINDOWS_10").orElseThrow().ends());
        assertTrue(EndOfSupport.of("WINDOWS_SERVER_2016").orElseThrow().source().startsWith("https://"), "each row names its source");
        assertTrue(EndOfSupport.of("UBUNTU_PRO_2404").isEmpty());
        assertTrue(EndOfSupport.of(null).isEmpty());
    }

    @Test
    void everyFleetAndBundleIsCountedAndTheOnesNeedingAttentionAreListedFirst() {
        Answers appStream = new Answers(List.of(
                fleet("fresh", "Base-2026-12-01", "2026-12-01T06:00:00Z", "WINDOWS_SERVER_2022", false),
                fleet("old", "Base-2026-08-11", "2026-08-11T06:00:00Z", "WINDOWS_SERVER_2022", true),
                fleet("linux", "Tools-AL2", "2026-11-30T06:00:00Z", "AMAZON_LINUX2", null)), List.of(), Set.of());
        Answers workSpaces = new Answers(List.of(new ImageUse("wsb-0a1b2c3d4", "wsi-0a1b2c3d4", Instant.parse("2026-11-01T00:00:00Z"),
                "WINDOWS_SERVER_2016", false, List.of("ws-1", "ws-2", "ws-3", "ws-4"))), List.of(), Set.of());

        PlaceSurvey survey = survey(appStream, workSpaces, 2);

        assertEquals(new PlaceSurvey.Counts(3, 1, 4, 1, 1, 1, 1, 0), survey.counts());
        assertEquals(List.of("linux", "wsb-0a1b2c3d4"), survey.targets().stream().map(SurveyedTarget::name).toList(),
                "past end of support, then within 180 days of it");
        assertEquals(2, survey.targetsLeftOut());
        SurveyedTarget linux = survey.targets().get(0);
        assertEquals("NOT_CHECKED", linux.update(), "an image the account does not own is not checked");
        assertEquals("2026-06-30", linux.supportEnds());
        assertEquals(7, linux.ageDays());
        assertEquals(List.of("old", "fresh"), survey(appStream, NOTHING, 5).targets().stream().skip(1).map(SurveyedTarget::name).toList(),
                "then an update available, then the oldest");
    }

    @Test
    void thePipelinesImagesThatNoFleetBundleOrBuilderUsesAreUnused() {
        Answers appStream = new Answers(List.of(fleet("prod", "Base-2026-11-10", "2026-11-10T06:00:00Z", "WINDOWS_SERVER_2022", false)),
                List.of(new MadeImage("Base-2026-11-10", Instant.parse("2026-11-10T06:00:00Z")),
                        new MadeImage("Base-2026-10-13", Instant.parse("2026-10-13T06:00:00Z")),
                        new MadeImage("Base-2026-09-08", Instant.parse("2026-09-08T06:00:00Z"))),
                Set.of("Base-2026-09-08"));

        PlaceSurvey survey = survey(appStream, NOTHING, 10);

        assertEquals(List.of(new UnusedImage(Service.APPSTREAM, "Base-2026-10-13", 55)), survey.unused());
        assertEquals(1, survey.counts().unused());
    }

    @Test
    void countsOnlyWhenNoRowsAreAsked() {
        Answers appStream = new Answers(List.of(fleet("prod", "Base", "2026-01-01T00:00:00Z", "WINDOWS_SERVER_2022", true)),
                List.of(new MadeImage("Base-old", Instant.parse("2026-01-01T00:00:00Z"))), Set.of());

        PlaceSurvey survey = survey(appStream, NOTHING, 0);

        assertEquals(List.of(), survey.targets());
        assertEquals(List.of(), survey.unused());
        assertEquals(1, survey.targetsLeftOut());
        assertEquals(1, survey.unusedLeftOut());
        assertEquals(new PlaceSurvey.Counts(1, 0, 0, 1, 1, 0, 0, 1), survey.counts());
    }

    private static ImageUse bundle(String id, String image, List<String> workspaces) {
        return new ImageUse(id, image, Instant.parse("2026-11-01T00:00:00Z"), "WINDOWS_SERVER_2019", false, workspaces);
    }

    private static List<String> workspaces(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%s%05d", prefix, i)).toList();
    }

    @Test
    void aBundlesWorkSpacesAreCountedByTheImageTheirRebuiltTagNames() {
        Answers workSpaces = new Answers(List.of(bundle("wsb-0a1b2c3d4", "wsi-new", List.of("ws-on", "ws-other", "ws-untagged",
                "ws-tagged-otherwise"))), List.of(), Set.of());
        Map<String, Map<String, String>> tags = Map.of(
                "ws-on", Map.of(PipelineTags.REBUILT, "wsi-new"),
                "ws-other", Map.of(PipelineTags.REBUILT, "wsi-old"),
                "ws-tagged-otherwise", Map.of("cost-center", "finance"));

        PlaceSurvey survey = new DriftSurveyor((service, location) -> service == Service.APPSTREAM ? NOTHING : workSpaces,
                location -> workspace -> tags.getOrDefault(workspace, Map.of())).survey(PLACE, RUN_DATE, 10);

        assertEquals(new Rebuilds(1, 1, 2, 0), survey.targets().get(0).rebuilds(),
                "on the bundle's image, rebuilt onto another image, and two not rebuilt by the updater");
    }

    @Test
    void tagReadsStopAtThePlacesCapAndTheBundlesLeftUnreadSaySo() {
        Answers workSpaces = new Answers(List.of(bundle("wsb-first", "wsi-a", workspaces("ws-a", 200)),
                bundle("wsb-second", "wsi-b", workspaces("ws-b", 200)), bundle("wsb-third", "wsi-c", workspaces("ws-c", 5))),
                List.of(), Set.of());
        List<String> read = new ArrayList<>();

        PlaceSurvey survey = new DriftSurveyor((service, location) -> service == Service.APPSTREAM ? NOTHING : workSpaces,
                location -> workspace -> {
                    read.add(workspace);
                    return Map.of();
                }).survey(PLACE, RUN_DATE, 10);

        assertEquals(DriftSurveyor.TAG_READS_PER_PLACE, read.size());
        assertEquals(List.of(new Rebuilds(0, 0, 200, 0), new Rebuilds(0, 0, 100, 100), new Rebuilds(0, 0, 0, 5)),
                survey.targets().stream().map(SurveyedTarget::rebuilds).toList());
    }

    @Test
    void aSurveyThatListsNothingReadsNoTags() {
        Answers workSpaces = new Answers(List.of(bundle("wsb-0a1b2c3d4", "wsi-new", List.of("ws-1"))), List.of(), Set.of());

        PlaceSurvey survey = new DriftSurveyor((service, location) -> service == Service.APPSTREAM ? NOTHING : workSpaces,
                location -> workspace -> {
                    throw new AssertionError("a run's counts-only survey read the tags of " + workspace);
                }).survey(PLACE, RUN_DATE, 0);

        assertEquals(1, survey.counts().workspaces());
    }
}
