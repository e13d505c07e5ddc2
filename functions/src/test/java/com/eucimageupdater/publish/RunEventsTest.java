package com.eucimageupdater.publish;

import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.rollback.RollbackPlanner;
import com.eucimageupdater.rollout.ProductionRollout;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunSettings RUN = RunSettings.builder().executionName("monthly-2026-11").build();

    private static Object json(String text) throws Exception {
        return JsonValues.parse(text);
    }

    private static ProductionRollout rollout(String lineage) {
        return new ProductionRollout(Service.APPSTREAM, "123456789012", "us-east-1", "Base-Win2022", "Base-Win2022-2026-11-10",
                "Base-Win2022-2026-11-10", List.of("prod-a", "prod-b"), lineage, 3);
    }

    @Test
    void newImagesAreImageUpdatedAndAFailedGateIsValidationFailedWithTheReasonItsSummaryKeptOnce() throws Exception {
        Object build = json("""
                {"account": "123456789012", "region": "eu-west-1", "results": [
                  {"service": "APPSTREAM", "image": "Base", "outcome": "UPDATED", "newImage": "Base-2026-11-10"},
                  {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "ADOPTED", "newImage": "wsi-7k2m9p4q1",
                   "newImageName": "finance-2026-11-10"},
                  {"service": "APPSTREAM", "image": "Dev", "outcome": "VALIDATION_FAILED", "newImage": "Dev-2026-11-10",
                   "reason": "fleet dev-staging: FleetErrors IAM_SERVICE_ROLE_MISSING"},
                  {"service": "APPSTREAM", "image": "Ops", "outcome": "VALIDATION_FAILED", "newImage": "Ops-2026-11-10", "sameReasonAs": "Dev"},
                  {"service": "APPSTREAM", "image": "Old", "outcome": "UP_TO_DATE"},
                  {"service": "APPSTREAM", "image": "Bad", "outcome": "FAILED", "reason": "quota"}]}""");

        List<RunEvent> events = RunEvents.of(new PublishRequest(RUN, List.of(build), null, null, null, null)).events();

        assertEquals(List.of(DetailType.IMAGE_UPDATED, DetailType.IMAGE_UPDATED, DetailType.VALIDATION_FAILED, DetailType.VALIDATION_FAILED),
                events.stream().map(RunEvent::type).toList());
        assertEquals("{\"account\":\"123456789012\",\"region\":\"eu-west-1\",\"service\":\"WORKSPACES\",\"source\":\"wsi-0a1b2c3d4\","
                + "\"newImage\":\"wsi-7k2m9p4q1\",\"newImageName\":\"finance-2026-11-10\",\"executionName\":\"monthly-2026-11\"}",
                events.get(1).detailJson());
        assertEquals("fleet dev-staging: FleetErrors IAM_SERVICE_ROLE_MISSING", events.get(3).detail().reason(),
                "the reason its summary kept on the first image that failed alike");
    }

    @Test
    void onlyRollOutsThatSucceededAreProductionRolledOutEachWithItsLineagesParameter() throws Exception {
        PublishRequest request = new PublishRequest(RUN, null, List.of(rollout("Base-Win2022"), rollout("Other")),
                List.of(json("{\"outcome\": \"ROLLED_OUT\", \"moved\": [{\"target\": \"prod-a\"}, {\"target\": \"prod-b\"}]}"),
                        json("{\"outcome\": \"FAILED\", \"error\": {\"Error\": \"x\"}}")), null, null);

        RunEvents.Planned planned = RunEvents.of(request);

        assertEquals(1, planned.events().size());
        assertEquals(DetailType.PRODUCTION_ROLLED_OUT, planned.events().get(0).type());
        assertEquals(List.of("prod-a", "prod-b"), planned.events().get(0).detail().targets());
        LineageParameter parameter = planned.parameters().get(0);
        assertEquals(List.of("/euc-image-updater/123456789012/us-east-1/appstream/Base-Win2022", "Base-Win2022-2026-11-10"),
                List.of(parameter.name(), parameter.value()));
        assertTrue(parameter.description().contains("rolled out to production by run monthly-2026-11"), parameter.description());
        assertEquals(1, planned.parameters().size());
    }

    @Test
    void aLineageThatCannotBeAParameterNameIsSaidWhileItsEventStillGoes() throws Exception {
        PublishRequest request = new PublishRequest(RUN, null, List.of(rollout("Base Win/2022")),
                List.of(json("{\"outcome\": \"ROLLED_OUT\"}")), null, null);

        RunEvents.Planned planned = RunEvents.of(request);

        assertEquals(1, planned.events().size());
        assertEquals(List.of(), planned.parameters());
        assertEquals(List.of("parameter for Base-Win2022-2026-11-10 (APPSTREAM, 123456789012, us-east-1) not written: lineage \"Base"
                + " Win/2022\" cannot be a parameter name's level: Parameter Store takes only a-z, A-Z, 0-9, _, . and - (the images'"
                + " euc-image-updater:lineage tag names the lineage)"), planned.problems());
        assertThrows(IllegalArgumentException.class, () -> LineageParameter.of("123456789012", "us-east-1", Service.APPSTREAM, "a b",
                "x", "why"));
    }

    @Test
    void aMoveBackIsRolledBackAndRewritesTheParameterOnlyWhereProductionMoved() throws Exception {
        RollbackPlanner.MoveBack production = new RollbackPlanner.MoveBack(Service.WORKSPACES, "123456789012", "us-east-1", "wsi-3c3c3c3c3",
                "wsi-7k2m9p4q1", List.of("wsb-0a1b2c3d4"), Map.of(), "wsi-4d4d4d4d4", "wsi-0a1b2c3d4", true, List.of());
        RollbackPlanner.MoveBack staging = new RollbackPlanner.MoveBack(Service.WORKSPACES, "123456789012", "us-east-1", "wsi-5e5e5e5e5",
                "wsi-7k2m9p4q1", List.of("wsb-staging"), Map.of(), "wsi-4d4d4d4d4", "wsi-0a1b2c3d4", false, List.of());
        PublishRequest request = new PublishRequest(RUN, null, null, List.of(json("{\"outcome\": \"ROLLED_BACK\"}"),
                json("{\"outcome\": \"ROLLED_BACK\"}")), "monthly-2026-10", List.of(production, staging));

        RunEvents.Planned planned = RunEvents.of(request);

        assertEquals(List.of(DetailType.ROLLED_BACK, DetailType.ROLLED_BACK), planned.events().stream().map(RunEvent::type).toList());
        RunEvent.Detail detail = planned.events().get(0).detail();
        assertEquals(List.of("wsi-7k2m9p4q1", "wsi-3c3c3c3c3", "monthly-2026-10"), List.of(detail.newImage(), detail.movedBackTo(),
                detail.rolledBackExecution()));
        assertEquals(List.of("wsi-3c3c3c3c3"), planned.parameters().stream().map(LineageParameter::value).toList(),
                "production's move back alone names the image production runs");
    }

    @Test
    void aReportOnlyRollbacksMoveBackPlansWhatARealOneWouldPublishAndAFailedOneNothing() throws Exception {
        RollbackPlanner.MoveBack production = new RollbackPlanner.MoveBack(Service.APPSTREAM, "123456789012", "us-east-1",
                "Base-2026-10-13", "Base-2026-11-10", List.of("Base-Prod"), Map.of("Base-Prod", "Base-2026-11-10"), "Base-2026-09-08", "Base",
                true, List.of());
        PublishRequest request = new PublishRequest(RUN, null, null, List.of(json("{\"outcome\": \"WOULD_ROLL_BACK\"}"),
                json("{\"outcome\": \"FAILED\"}")), "monthly-2026-10", List.of(production, production));

        RunEvents.Planned planned = RunEvents.of(request);

        assertEquals(List.of(DetailType.ROLLED_BACK), planned.events().stream().map(RunEvent::type).toList());
        assertEquals(List.of("Base-2026-10-13"), planned.parameters().stream().map(LineageParameter::value).toList());
    }

    @Test
    void approvalRequestedNamesEachImageTheMailAsksToRollOut() throws Exception {
        List<RunEvent> events = RunEvents.approvalRequested(json("""
                [{"service": "APPSTREAM", "account": "123456789012", "region": "us-east-1", "source": "Base",
                  "newImage": "Base-2026-11-10", "newImageName": "Base-2026-11-10", "targets": ["prod-a"], "lineage": "Base", "keep": 3}]"""),
                "monthly-2026-11");

        assertEquals("{\"account\":\"123456789012\",\"region\":\"us-east-1\",\"service\":\"APPSTREAM\",\"source\":\"Base\","
                + "\"newImage\":\"Base-2026-11-10\",\"targets\":[\"prod-a\"],\"executionName\":\"monthly-2026-11\"}", events.get(0).detailJson());
        assertEquals(DetailType.APPROVAL_REQUESTED, events.get(0).type());
    }
}
