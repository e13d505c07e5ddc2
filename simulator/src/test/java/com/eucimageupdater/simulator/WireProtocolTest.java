package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The raw answers, as the services put them on the wire. */
class WireProtocolTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private AwsSimulator simulator;

    @BeforeEach
    void start() {
        simulator = AwsSimulator.start(Scenario.defaultScenario());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void severalViolationsAreCountedAndJoinedInOneValidationException() throws Exception {
        HttpResponse<String> response = json("PhotonAdminProxyService.CreateUpdatedImage",
                "{\"existingImageName\":\"Base-Win2022\",\"newImageName\":\"bad name\",\"newImageDisplayName\":\"" + "d".repeat(101) + "\"}");

        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(400, response.statusCode());
        assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("ValidationException", body.get("__type").asText());
        assertTrue(body.get("message").asText().startsWith("2 validation errors detected: Value 'bad name' at 'newImageName'"),
                body.get("message").asText());
        assertTrue(body.get("message").asText().contains("; Value '" + "d".repeat(101)
                + "' at 'newImageDisplayName' failed to satisfy constraint: Member must have length less than or equal to 100"));
    }

    @Test
    void nestedListAndMapMembersAreValidated() throws Exception {
        HttpResponse<String> tags = json("WorkspacesService.CreateTags", "{\"ResourceId\":\"wsi-0a1b2c3d4\",\"Tags\":[{\"Value\":\"v\"}]}");
        HttpResponse<String> appStreamTags = json("PhotonAdminProxyService.TagResource",
                "{\"ResourceArn\":\"arn:aws:appstream:us-east-1:123456789012:image/Base-Win2022\",\"Tags\":{\"aws:reserved\":\"v\"}}");

        assertTrue(tags.body().contains("Value null at 'tags.1.member.key' failed to satisfy constraint: Member must not be null"),
                tags.body());
        assertTrue(appStreamTags.body().contains("at 'tags' failed to satisfy constraint: Map keys must satisfy constraint:"
                + " [Member must satisfy regular expression pattern:"), appStreamTags.body());
        assertEquals(2, simulator.modelViolations().size());
    }

    @Test
    void wrongTypesAndEnumsAreViolations() throws Exception {
        HttpResponse<String> response = json("PhotonAdminProxyService.DescribeImages", "{\"Type\":\"MINE\",\"MaxResults\":\"ten\"}");

        assertTrue(response.body().contains("Member must satisfy enum value set: [PUBLIC, PRIVATE, SHARED]"), response.body());
        assertTrue(response.body().contains("at 'maxResults' failed to satisfy constraint: Member must be an integer"), response.body());
    }

    @Test
    void anUnknownOperationIsUnknownOperationException() throws Exception {
        HttpResponse<String> response = json("WorkspacesService.TerminateWorkspaces", "{\"TerminateWorkspaceRequests\":[{\"WorkspaceId\":\"ws-0a1b2c3d4\"}]}");

        assertEquals(400, response.statusCode());
        assertEquals("UnknownOperationException", Json.MAPPER.readTree(response.body()).get("__type").asText());
        assertEquals("UnknownOperationException", simulator.calls().get(0).errorType());
    }

    @Test
    void snsAnswersInXmlInItsNamespace() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(simulator.endpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString("Action=Publish&Version=2010-03-31&TopicArn="
                                + "arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Anone&Message=hi")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertTrue(response.body().startsWith("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>"), response.body());
    }

    @Test
    void anUnsignedRequestIsTheHomeAccountsInItsHomeRegion() throws Exception {
        json("PhotonAdminProxyService.DescribeImages", "{}");

        assertEquals(1, simulator.callsIn("123456789012", "us-east-1").size());
    }

    @Test
    void aQueryRequestWithAnUnknownTemporaryKeyIsInvalidClientTokenId() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(simulator.endpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=ASIAUNKNOWN000000000/20261110/us-east-1/sts/aws4_request,"
                                + " SignedHeaders=host;x-amz-date, Signature=00")
                        .POST(HttpRequest.BodyPublishers.ofString("Action=AssumeRole&Version=2011-06-15&RoleArn="
                                + "arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode());
        assertTrue(response.body().startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender"
                + "</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message>"),
                response.body());
        assertEquals(List.of("sts", "us-east-1"), List.of(simulator.calls().get(0).service(), simulator.calls().get(0).region()));
    }

    private HttpResponse<String> json(String target, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.endpoint() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", target)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
