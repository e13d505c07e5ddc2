package com.eucimageupdater.approve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The approval endpoint as a Lambda Function URL calls it: payload format 2.0 in, an HTML response out. */
class ApprovalEndpointHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:EucImageUpdater-Updater";
    private static final String EXECUTION_PREFIX = "arn:aws:states:eu-west-1:123456789012:execution:EucImageUpdater-Updater:";
    private static final String EXECUTION = EXECUTION_PREFIX + "monthly-2026-11-10";
    private static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAX+abc/def==";
    private static final URI ENDPOINT = URI.create("https://abcdefghij.lambda-url.eu-west-1.on.aws/");
    private static final String SOURCE_IP = "203.0.113.7";
    private static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";
    private static final Instant ANSWERED_AT = Instant.parse("2026-12-10T08:14:03.120Z");
    private static final Pattern HIDDEN_FIELD = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    /** Records the Step Functions calls; a scripted outcome stands for the service's answer. */
    private static final class RecordingAnswers implements TaskAnswers {
        final List<String> calls = new ArrayList<>();
        TaskClosedException closed;
        RuntimeException failure;

        @Override
        public void sendTaskSuccess(String taskToken, String output) throws TaskClosedException {
            record("SendTaskSuccess " + taskToken + " " + output);
        }

        @Override
        public void sendTaskFailure(String taskToken, String error, String cause) throws TaskClosedException {
            record("SendTaskFailure " + taskToken + " " + error + " " + cause);
        }

        private void record(String call) throws TaskClosedException {
            calls.add(call);
            if (closed != null) {
                throw closed;
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private final HmacKey key = new HmacKey("this deployment's key");
    private final ApprovalLinks links = new ApprovalLinks(STATE_MACHINE, key);
    private final RecordingAnswers answers = new RecordingAnswers();
    private final ApprovalEndpointHandler handler = new ApprovalEndpointHandler(links, answers);
    private final List<String> log = new ArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void captureConsole() {
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    /** Whatever a test did, nothing the function wrote to its log or its console holds the token. */
    @AfterEach
    void tokenNeverLogged() {
        System.setOut(systemOut);
        System.setErr(systemErr);
        String written = String.join("\n", log) + console.toString(StandardCharsets.UTF_8);
        assertFalse(written.contains(TOKEN), () -> "the token was logged:\n" + written);
        assertFalse(written.contains(URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)), () -> "the token was logged:\n" + written);
    }

    private JsonNode invoke(String method, String rawQueryString, String body, boolean base64) throws IOException {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", "/").put("rawQueryString", rawQueryString);
        event.putObject("headers").put("content-type", "application/x-www-form-urlencoded");
        ObjectNode requestContext = event.putObject("requestContext").put("timeEpoch", ANSWERED_AT.toEpochMilli());
        requestContext.putObject("http").put("method", method).put("path", "/").put("sourceIp", SOURCE_IP).put("userAgent", USER_AGENT);
        if (body != null) {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
            event.put("isBase64Encoded", base64);
        }
        Context context = mock(Context.class);
        when(context.getLogger()).thenReturn(new LambdaLogger() {
            @Override
            public void log(String message) {
                log.add(message);
            }

            @Override
            public void log(byte[] message) {
                log.add(new String(message, StandardCharsets.UTF_8));
            }
        });
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), output, context);
        return JSON.readTree(output.toByteArray());
    }

    private String linkQuery(String execution, String token, Decision decision) {
        return links.link(ENDPOINT, new ApprovalRequest(execution, token, decision)).getRawQuery();
    }

    private JsonNode get(String query) throws IOException {
        return invoke("GET", query, null, false);
    }

    private JsonNode post(String form) throws IOException {
        return invoke("POST", "", form, true);
    }

    /** The form that a page's button posts: its hidden fields, as a browser encodes them. */
    private static String formOf(JsonNode page) {
        Matcher field = HIDDEN_FIELD.matcher(page.get("body").asText());
        List<String> pairs = new ArrayList<>();
        while (field.find()) {
            pairs.add(field.group(1) + "=" + URLEncoder.encode(unescape(field.group(2)), StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String body(JsonNode response) {
        return response.get("body").asText();
    }

    /** The answer the endpoint sends for the test's Function URL events: the decision, and who gave it. */
    private static String answer(String decision) {
        return "{\"decision\":\"" + decision + "\",\"answeredBy\":{\"sourceIp\":\"" + SOURCE_IP + "\",\"userAgent\":\"" + USER_AGENT
                + "\",\"at\":\"" + ANSWERED_AT + "\"}}";
    }

    @Test
    void getShowsWhatTheApprovalWillDoWithAButtonAndAnswersNothing() throws Exception {
        JsonNode response = get(linkQuery(EXECUTION, TOKEN, Decision.APPROVE));

        assertEquals(200, response.get("statusCode").asInt());
        assertTrue(body(response).contains("<h1>Approve the production roll-out?</h1>"), body(response));
        assertTrue(body(response).contains("<strong>monthly-2026-11-10</strong>"), body(response));
        assertTrue(body(response).contains("<form method=\"post\" action=\"/\">"), body(response));
        assertTrue(body(response).contains("<button type=\"submit\">Approve the roll-out</button>"), body(response));
        assertEquals(List.of(), answers.calls, "opening the link calls nothing");
    }

    @Test
    void getOfARejectLinkSaysItRejects() throws Exception {
        JsonNode response = get(linkQuery(EXECUTION, TOKEN, Decision.REJECT));

        assertTrue(body(response).contains("<h1>Reject the production roll-out?</h1>"), body(response));
        assertEquals(List.of(), answers.calls);
    }

    @Test
    void pagesAreNeitherCachedNorFramedNorAllowedToLoadAnything() throws Exception {
        JsonNode headers = get(linkQuery(EXECUTION, TOKEN, Decision.APPROVE)).get("headers");

        assertEquals("text/html; charset=utf-8", headers.get("content-type").asText());
        assertEquals("no-store", headers.get("cache-control").asText());
        assertEquals("no-referrer", headers.get("referrer-policy").asText());
        assertTrue(headers.get("content-security-policy").asText().startsWith("default-src 'none';"));
        assertTrue(headers.get("content-security-policy").asText().contains("frame-ancestors 'none'"));
    }

    @Test
    void postingTheApprovePageSendsTaskSuccessWithTheToken() throws Exception {
        String form = formOf(get(linkQuery(EXECUTION, TOKEN, Decision.APPROVE)));

        JsonNode response = post(form);

        assertEquals(200, response.get("statusCode").asInt());
        assertTrue(body(response).contains("<h1>Approved</h1>"), body(response));
        assertEquals(List.of("SendTaskSuccess " + TOKEN + " " + answer("approved")), answers.calls);
    }

    @Test
    void postingTheRejectPageSendsTaskFailureWithApprovalRejected() throws Exception {
        String form = formOf(get(linkQuery(EXECUTION, TOKEN, Decision.REJECT)));

        JsonNode response = post(form);

        assertEquals(200, response.get("statusCode").asInt());
        assertTrue(body(response).contains("<h1>Rejected</h1>"), body(response));
        assertEquals(List.of("SendTaskFailure " + TOKEN + " ApprovalRejected " + answer("rejected")), answers.calls);
    }

    @Test
    void theAnswerRecordsWhoAnsweredFromTheFunctionUrlEventAndARejectionsCauseStaysParseable() throws Exception {
        post(formOf(get(linkQuery(EXECUTION, TOKEN, Decision.APPROVE))));
        post(formOf(get(linkQuery(EXECUTION, TOKEN, Decision.REJECT))));

        JsonNode approved = JSON.readTree(answers.calls.get(0).substring(answers.calls.get(0).indexOf('{')));
        JsonNode rejectedCause = JSON.readTree(answers.calls.get(1).substring(answers.calls.get(1).indexOf('{')));
        assertEquals("approved", approved.get("decision").asText());
        assertEquals("rejected", rejectedCause.get("decision").asText());
        for (JsonNode answer : List.of(approved, rejectedCause)) {
            assertEquals(SOURCE_IP, answer.at("/answeredBy/sourceIp").asText());
            assertEquals(USER_AGENT, answer.at("/answeredBy/userAgent").asText());
            assertEquals("2026-12-10T08:14:03.120Z", answer.at("/answeredBy/at").asText(), "the Function URL's timeEpoch");
            assertFalse(answer.toString().contains(TOKEN), "the answer, which the execution keeps, never holds the token");
        }
    }

    @Test
    void primingForSnapStartReadsAnEventAndWritesAnAnswerWithoutCallingKmsOrStepFunctions() throws Exception {
        handler.beforeCheckpoint(null);

        assertEquals(List.of(), answers.calls);
        assertEquals(0, key.verifications(), "a link's check would call KMS");
    }

    @Test
    void aPlainTextFormBodyIsReadToo() throws Exception {
        JsonNode response = invoke("POST", "", linkQuery(EXECUTION, TOKEN, Decision.APPROVE), false);

        assertEquals(200, response.get("statusCode").asInt());
        assertEquals(1, answers.calls.size());
    }

    @Test
    void aTokenOfAnotherStateMachineIsRefusedWith403AndNoCall() throws Exception {
        // Signed by the same key for another state machine: the execution check refuses it.
        String foreign = new ApprovalLinks("arn:aws:states:eu-west-1:123456789012:stateMachine:Payroll", key)
                .link(ENDPOINT, new ApprovalRequest("arn:aws:states:eu-west-1:123456789012:execution:Payroll:run-1", TOKEN,
                        Decision.APPROVE)).getRawQuery();

        JsonNode shown = get(foreign);
        JsonNode posted = post(foreign);

        assertEquals(403, shown.get("statusCode").asInt());
        assertEquals(403, posted.get("statusCode").asInt());
        assertTrue(body(posted).contains("<h1>Link refused</h1>"), body(posted));
        assertEquals(List.of(), answers.calls);
    }

    @Test
    void aLinkWithATamperedSignatureOrTokenIsRefusedWith403AndNoCall() throws Exception {
        String link = linkQuery(EXECUTION, TOKEN, Decision.APPROVE);
        String otherSignature = linkQuery(EXECUTION, TOKEN, Decision.REJECT);
        String tamperedSignature = link.substring(0, link.indexOf("&signature=")) + otherSignature.substring(otherSignature.indexOf("&signature="));
        String tamperedToken = link.replace("abc", "abd");

        assertEquals(403, post(tamperedSignature).get("statusCode").asInt());
        assertEquals(403, post(tamperedToken).get("statusCode").asInt());
        assertEquals(403, get(tamperedToken).get("statusCode").asInt());
        assertEquals(List.of(), answers.calls);
    }

    @Test
    void anAutoRunsMailSignsOnlyTheRejectAndAnApproveCraftedFromItIsRefusedWith403AndNoCall() throws Exception {
        String instructions = links.answeredAt(ENDPOINT).forMail(List.of(new ApprovalRequest(EXECUTION, TOKEN, Decision.REJECT)));
        Matcher link = Pattern.compile("Reject: +(\\S+)").matcher(instructions);
        assertTrue(link.find(), instructions);
        assertFalse(instructions.contains("decision=approve") || instructions.contains("send-task-success"), instructions);
        String rejectQuery = URI.create(link.group(1)).getRawQuery();

        JsonNode shown = get(rejectQuery.replace("decision=reject", "decision=approve"));
        JsonNode posted = post(rejectQuery.replace("decision=reject", "decision=approve"));

        assertEquals(403, shown.get("statusCode").asInt());
        assertEquals(403, posted.get("statusCode").asInt());
        assertEquals(List.of(), answers.calls, "no approve reaches Step Functions: only the reject was signed");
        assertEquals(200, post(formOf(get(rejectQuery))).get("statusCode").asInt(), "the signed reject still answers");
        assertEquals(List.of("SendTaskFailure " + TOKEN + " ApprovalRejected " + answer("rejected")), answers.calls);
    }

    @Test
    void aLinkSignedByAnotherDeploymentIsRefusedWith403AndNoCall() throws Exception {
        String otherDeployment = new ApprovalLinks(STATE_MACHINE, new HmacKey("another deployment's key"))
                .link(ENDPOINT, new ApprovalRequest(EXECUTION, TOKEN, Decision.APPROVE)).getRawQuery();

        assertEquals(403, post(otherDeployment).get("statusCode").asInt());
        assertEquals(List.of(), answers.calls);
    }

    @Test
    void anAlreadyAnsweredOrExpiredApprovalGetsAClearPage() throws Exception {
        answers.closed = new TaskClosedException("TaskTimedOut");

        JsonNode response = post(linkQuery(EXECUTION, TOKEN, Decision.APPROVE));

        assertEquals(410, response.get("statusCode").asInt());
        assertTrue(body(response).contains("This approval has already been answered or has expired"), body(response));
        assertTrue(log.stream().anyMatch(line -> line.contains("TaskTimedOut")), () -> "logged: " + log);
    }

    @Test
    void aLinkMissingAFieldIsA400ThatNamesIt() throws Exception {
        String link = linkQuery(EXECUTION, TOKEN, Decision.APPROVE);
        String withoutToken = link.replaceFirst("&token=[^&]*", "");

        JsonNode response = get(withoutToken);

        assertEquals(400, response.get("statusCode").asInt());
        assertTrue(body(response).contains("token: is missing"), body(response));
        assertEquals(List.of(), answers.calls);
    }

    @Test
    void otherMethodsGet405WithTheAllowedOnes() throws Exception {
        JsonNode response = invoke("PUT", linkQuery(EXECUTION, TOKEN, Decision.APPROVE), null, false);

        assertEquals(405, response.get("statusCode").asInt());
        assertEquals("GET, POST", response.get("headers").get("allow").asText());
        assertEquals(List.of(), answers.calls);
    }

    @Test
    void everyValueOnThePageIsEscapedAndTheFormStillPostsItBack() throws Exception {
        String execution = EXECUTION_PREFIX + "run-<b>\"quoted\"&'single'";
        String token = TOKEN + "\"><script>alert(1)</script>";

        JsonNode page = get(linkQuery(execution, token, Decision.APPROVE));

        String html = body(page);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<strong>run-&lt;b&gt;&quot;quoted&quot;&amp;&#39;single&#39;</strong>"), html);
        assertTrue(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        post(formOf(page));
        assertEquals(List.of("SendTaskSuccess " + token + " " + answer("approved")), answers.calls);
    }

    @Test
    void aFailureWhoseMessageQuotesTheTokenIsLoggedWithoutItAndAnswered503() throws Exception {
        answers.failure = new IllegalStateException("Step Functions said: task token '" + TOKEN + "' is throttled");

        JsonNode response = post(linkQuery(EXECUTION, TOKEN, Decision.APPROVE));

        assertEquals(503, response.get("statusCode").asInt());
        assertTrue(body(response).contains("nothing is confirmed"), body(response));
        String logged = log.stream().collect(Collectors.joining("\n"));
        assertTrue(logged.contains("java.lang.IllegalStateException"), logged);
        assertTrue(logged.contains("ApprovalEndpointHandler"), "the stack frames are kept: " + logged);
    }

    @Test
    void eachRequestIsLoggedWithMethodDecisionExecutionAndOutcome() throws Exception {
        get(linkQuery(EXECUTION, TOKEN, Decision.REJECT));
        post(linkQuery(EXECUTION, TOKEN, Decision.REJECT));

        assertEquals(List.of(
                "GET reject of execution monthly-2026-11-10: 200, the page asks for the button; nothing was answered",
                "POST reject of execution monthly-2026-11-10: 200, answer sent to Step Functions"), log);
    }
}
