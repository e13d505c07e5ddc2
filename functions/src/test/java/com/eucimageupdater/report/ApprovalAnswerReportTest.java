package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary says who answered the approval, from the answer itself, and what happened when nobody could be asked. */
class ApprovalAnswerReportTest {
    /** The ARN of an execution of the state machine, whose Region and state machine the mail's commands name. */
    private static final String EXECUTION_ARN = "arn:aws:states:us-east-1:123456789012:execution:EucImageUpdater-Workflow:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRODUCTION = """
            "production": [{"service": "APPSTREAM", "account": "123456789012", "region": "eu-west-1", "source": "Base",
                            "newImage": "Base-2026-12-09", "newImageName": "Base-2026-12-09", "targets": ["Base-Prod"], "lineage": "Base",
                            "keep": 0}]""";

    private static RunReport report(String rollout) throws Exception {
        return new RunReporter().report(new ReportRequest("monthly-2026-12", EXECUTION_ARN + "monthly-2026-12", "2026-12-09", List.of(),
                Builds.of("""
                [{"service": "APPSTREAM", "image": "Base", "outcome": "UPDATED", "start": {"newImage": "Base-2026-12-09"}}]"""),
                JsonValues.parse(rollout), null, null, null, false, "Europe/Paris"));
    }

    @Test
    void anApprovalThroughTheLinkNamesTheAddressUserAgentAndTimeInTheSchedulesZone() throws Exception {
        RunReport report = report("{" + PRODUCTION + """
                , "approval": {"decision": "approved", "answeredBy": {"sourceIp": "203.0.113.7", "userAgent": "Mozilla/5.0",
                                                                     "at": "2026-12-10T08:14:03Z"}},
                "results": [{"service": "APPSTREAM", "account": "123456789012", "region": "eu-west-1", "newImageName": "Base-2026-12-09",
                             "outcome": "ROLLED_OUT", "moved": [], "retired": []}]}""");

        assertTrue(report.message().contains("\nApproval: approved by 203.0.113.7 (Mozilla/5.0) at 2026-12-10 09:14 Europe/Paris\n"),
                report.message());
    }

    @Test
    void aRejectionNamesWhoRejectedFromTheFailuresCause() throws Exception {
        RunReport report = report("{" + PRODUCTION + """
                , "decision": "rejected", "approvalError": {"Error": "ApprovalRejected",
                  "Cause": "{\\"decision\\":\\"rejected\\",\\"answeredBy\\":{\\"command\\":\\"./run-local --approve no\\"}}"}}""");

        assertTrue(report.message().contains("\nApproval: rejected from the command line by ./run-local --approve no\n"), report.message());
        assertEquals("SUCCEEDED", report.messageAttributes().get("status").StringValue());
    }

    @Test
    void anAnswerThatDoesNotSayWhoGaveItSaysSoAndATimeoutNamesNobody() throws Exception {
        String approvedByHand = report("{" + PRODUCTION + ", \"approval\": {\"decision\": \"approved\"}, \"results\": []}").message();
        String timedOut = report("{" + PRODUCTION + """
                , "decision": "timed out", "approvalError": {"Error": "States.Timeout", "Cause": "no answer"}}""").message();

        assertTrue(approvedByHand.contains("Approval: approved (the answer does not say by whom)"), approvedByHand);
        assertFalse(timedOut.contains("Approval:"), timedOut);
    }

    @Test
    void noConfirmedSubscriberLeavesProductionUnchangedSaysWhyAndGivesTheRunItsOwnStatus() throws Exception {
        RunReport report = report("{" + PRODUCTION + """
                , "decision": "not asked: no confirmed subscriber", "approvalError": {
                  "Error": "com.eucimageupdater.approve.NoConfirmedSubscriberException",
                  "Cause": "{\\"errorMessage\\": \\"no confirmed subscriber on arn:aws:sns:eu-west-1:123456789012:updates\\"}"}}""");

        assertTrue(report.message().contains("\nProduction: unchanged, nothing rolled out: the approval was not asked, no confirmed"
                + " subscriber on arn:aws:sns:eu-west-1:123456789012:updates.\n"), report.message());
        assertEquals(RolloutSection.NO_CONFIRMED_SUBSCRIBER, report.messageAttributes().get("status").StringValue());
    }
}
