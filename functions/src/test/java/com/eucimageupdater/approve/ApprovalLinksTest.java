package com.eucimageupdater.approve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.workflow.FunctionEnvironment;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalLinksTest {
    static final String STATE_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:EucImageUpdater-Updater";
    static final String EXECUTION = "arn:aws:states:eu-west-1:123456789012:execution:EucImageUpdater-Updater:monthly-2026-11-10";
    static final String OTHER_STATE_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:Payroll";
    static final String OTHER_EXECUTION = "arn:aws:states:eu-west-1:123456789012:execution:Payroll:run-1";
    /** Task tokens are opaque; real ones carry base64's '+', '/' and '=', which a query string must encode. */
    static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAX+abc/def==&decision=reject";
    static final URI ENDPOINT = URI.create("https://abcdefghij.lambda-url.eu-west-1.on.aws/");

    private final HmacKey key = new HmacKey("this deployment's key");
    private final ApprovalLinks links = new ApprovalLinks(STATE_MACHINE, key);

    private static Map<String, String> fieldsOf(URI link) throws InvalidLinkException {
        return ApprovalLinks.parseFields(link.getRawQuery());
    }

    private Map<String, String> linkFields(Decision decision) throws InvalidLinkException {
        return fieldsOf(links.link(ENDPOINT, new ApprovalRequest(EXECUTION, TOKEN, decision)));
    }

    private InvalidLinkException refused(Map<String, String> fields, InvalidLinkException.Kind kind) {
        InvalidLinkException refusal = assertThrows(InvalidLinkException.class, () -> links.verify(fields));
        assertEquals(kind, refusal.kind(), refusal.getMessage());
        assertFalse(refusal.getMessage().contains(TOKEN), "a refusal never quotes the token: " + refusal.getMessage());
        return refusal;
    }

    @Test
    void aLinkIsTheEndpointWithExecutionDecisionTokenAndSignatureInThatOrder() {
        URI link = links.link(ENDPOINT, new ApprovalRequest(EXECUTION, TOKEN, Decision.APPROVE));

        assertTrue(link.toString().startsWith(ENDPOINT + "?execution=arn%3Aaws%3Astates%3Aeu-west-1%3A123456789012"
                + "%3Aexecution%3AEucImageUpdater-Updater%3Amonthly-2026-11-10&decision=approve"
                + "&token=AQCEAAAAKgAAAAMAAAAAAAAAAX%2Babc%2Fdef%3D%3D%26decision%3Dreject&signature="), link.toString());
        assertTrue(link.getRawQuery().matches(".*&signature=[A-Za-z0-9_-]{43}"), "an unpadded base64url HMAC-SHA-256: " + link);
    }

    @Test
    void anEndpointWithoutPathGetsOne() {
        URI link = links.link(URI.create("https://abcdefghij.lambda-url.eu-west-1.on.aws"),
                new ApprovalRequest(EXECUTION, TOKEN, Decision.APPROVE));

        assertTrue(link.toString().startsWith("https://abcdefghij.lambda-url.eu-west-1.on.aws/?execution="), link.toString());
    }

    @ParameterizedTest
    @EnumSource(Decision.class)
    void aLinkReadsBackAsTheRequestItWasBuiltFor(Decision decision) throws Exception {
        Map<String, String> fields = linkFields(decision);

        assertEquals(ApprovalLinks.FIELDS, List.copyOf(fields.keySet()));
        assertEquals(new ApprovalRequest(EXECUTION, TOKEN, decision), links.verify(fields));
    }

    @ParameterizedTest(name = "{0} changed")
    @ValueSource(strings = {"execution", "decision", "token", "signature"})
    void aLinkWithAnyFieldChangedIsForbidden(String field) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(linkFields(Decision.APPROVE));
        fields.put(field, switch (field) {
            case "execution" -> EXECUTION.replace("monthly-2026-11-10", "monthly-2026-12-08");
            case "decision" -> "reject";
            case "token" -> TOKEN.replace('X', 'Y');
            default -> linkFields(Decision.REJECT).get(ApprovalLinks.SIGNATURE);
        });

        refused(fields, InvalidLinkException.Kind.FORBIDDEN);
    }

    @Test
    void aLinkSignedByAnotherDeploymentIsForbidden() throws Exception {
        ApprovalLinks otherDeployment = new ApprovalLinks(STATE_MACHINE, new HmacKey("another deployment's key"));
        Map<String, String> fields = fieldsOf(otherDeployment.link(ENDPOINT, new ApprovalRequest(EXECUTION, TOKEN, Decision.APPROVE)));

        InvalidLinkException refusal = refused(fields, InvalidLinkException.Kind.FORBIDDEN);
        assertTrue(refusal.getMessage().startsWith("signature:"), refusal.getMessage());
    }

    @Test
    void aLinkForAnotherStateMachineIsForbiddenEvenWithAValidSignatureAndWithoutAskingTheKey() throws Exception {
        // The same key signing for another state machine: the execution check alone refuses it.
        ApprovalLinks otherStateMachine = new ApprovalLinks(OTHER_STATE_MACHINE, key);
        Map<String, String> fields = fieldsOf(otherStateMachine.link(ENDPOINT,
                new ApprovalRequest(OTHER_EXECUTION, TOKEN, Decision.APPROVE)));

        InvalidLinkException refusal = refused(fields, InvalidLinkException.Kind.FORBIDDEN);
        assertTrue(refusal.getMessage().startsWith("execution:"), refusal.getMessage());
        assertEquals(0, key.verifications(), "refused before any kms:VerifyMac");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:states:eu-west-1:123456789012:execution:EucImageUpdater-Updater",
        "arn:aws:states:eu-west-1:123456789012:execution:EucImageUpdater-Updater:",
        "arn:aws:states:eu-west-1:123456789012:execution:EucImageUpdater-Updater:run:extra",
        "arn:aws:states:eu-west-1:123456789012:execution:EucImageUpdater-Updater-2:run",
        "arn:aws:states:us-east-1:123456789012:execution:EucImageUpdater-Updater:run",
        "arn:aws:states:eu-west-1:210987654321:execution:EucImageUpdater-Updater:run",
        "arn:aws:states:eu-west-1:123456789012:stateMachine:EucImageUpdater-Updater",
    })
    void onlyExecutionsOfThisStateMachineAreAccepted(String execution) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(linkFields(Decision.APPROVE));
        fields.put(ApprovalLinks.EXECUTION, execution);

        refused(fields, InvalidLinkException.Kind.FORBIDDEN);
        assertThrows(IllegalArgumentException.class,
                () -> links.link(ENDPOINT, new ApprovalRequest(execution, TOKEN, Decision.APPROVE)), "nor signed");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"execution", "decision", "token", "signature"})
    void aLinkMissingAFieldIsMalformedAndSaysWhich(String field) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(linkFields(Decision.APPROVE));
        fields.remove(field);

        InvalidLinkException refusal = refused(fields, InvalidLinkException.Kind.MALFORMED);
        assertTrue(refusal.getMessage().startsWith(field + ": is missing"), refusal.getMessage());
    }

    @Test
    void anUnknownDecisionIsMalformed() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(linkFields(Decision.APPROVE));
        fields.put(ApprovalLinks.DECISION, "approved");

        assertEquals("decision: must be approve or reject", refused(fields, InvalidLinkException.Kind.MALFORMED).getMessage());
    }

    @Test
    void aTokenLongerThanStepFunctionsIssuesIsMalformed() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(linkFields(Decision.APPROVE));
        fields.put(ApprovalLinks.TOKEN, "a".repeat(2049));

        assertTrue(refused(fields, InvalidLinkException.Kind.MALFORMED).getMessage().startsWith("token: must be at most 2048"));
    }

    @Test
    void aFieldGivenTwiceOrBadlyEncodedIsMalformed() {
        InvalidLinkException twice = assertThrows(InvalidLinkException.class,
                () -> ApprovalLinks.parseFields("decision=approve&decision=reject"));
        InvalidLinkException badEscape = assertThrows(InvalidLinkException.class,
                () -> ApprovalLinks.parseFields("token=%zz"));

        assertEquals("decision: must appear only once", twice.getMessage());
        assertEquals(InvalidLinkException.Kind.MALFORMED, badEscape.kind());
    }

    @Test
    void otherParametersAreIgnored() throws Exception {
        assertEquals(Map.of("decision", "approve"), ApprovalLinks.parseFields("utm_source=mail&decision=approve&utm_source=x"));
    }

    @Test
    void theCliCommandsGiveTheSameAnswersInTheStateMachinesRegionSayingTheMailsCommandGaveThem() {
        assertEquals("aws stepfunctions send-task-success --region eu-west-1 --task-token 'it'\\''s' --task-output"
                        + " '{\"decision\":\"approved\",\"answeredBy\":{\"command\":\"aws stepfunctions send-task-success"
                        + " (the command in the approval mail)\"}}'",
                links.cliCommand(new ApprovalRequest(EXECUTION, "it's", Decision.APPROVE)));
        assertEquals("aws stepfunctions send-task-failure --region eu-west-1 --task-token 'tok' --error ApprovalRejected"
                        + " --cause '{\"decision\":\"rejected\",\"answeredBy\":{\"command\":\"aws stepfunctions send-task-failure"
                        + " (the command in the approval mail)\"}}'",
                links.cliCommand(new ApprovalRequest(EXECUTION, "tok", Decision.REJECT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EucImageUpdater-Updater", "arn:aws:states:eu-west-1:123456789012:execution:Sm:run",
        "arn:aws:states:eu-west-1:1234:stateMachine:Sm"})
    void aStateMachineArnIsRequired(String arn) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> new ApprovalLinks(arn, key));

        assertTrue(refusal.getMessage().startsWith("stateMachineArn: must be a state machine ARN"), refusal.getMessage());
    }

    @Test
    void theEnvironmentMustNameTheStateMachineAndTheKey() {
        IllegalStateException noKey = assertThrows(IllegalStateException.class,
                () -> ApprovalLinks.fromEnvironment(Map.of(FunctionEnvironment.STATE_MACHINE_ARN, STATE_MACHINE)::get));
        IllegalStateException noStateMachine = assertThrows(IllegalStateException.class,
                () -> ApprovalLinks.fromEnvironment(Map.<String, String>of()::get));

        assertEquals("environment variable APPROVAL_KEY_ARN: is required (set by the stack)", noKey.getMessage());
        assertEquals("environment variable STATE_MACHINE_ARN: is required (set by the stack)", noStateMachine.getMessage());
    }

    @Test
    void aRequestPrintsWithoutItsToken() {
        String printed = new ApprovalRequest(EXECUTION, TOKEN, Decision.REJECT).toString();

        assertFalse(printed.contains(TOKEN), printed);
        assertTrue(printed.contains("reject"), printed);
    }
}
