package com.eucimageupdater.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;

/**
 * A member role's temporary credentials, from STS AssumeRole, renewed in the last minutes before they expire. The one
 * STS call the functions make, sent over STS's query API and signed with the SDK's own SigV4 signer: the STS client
 * would bring every other STS operation's classes into the image steps' jar, past its 8 MB budget
 * (docs/performance.md). The endpoint follows the SDK's standard settings ({@code AWS_ENDPOINT_URL_STS},
 * {@code AWS_ENDPOINT_URL} and their system properties), else STS in the function's own Region.
 */
final class AssumeRoleCredentials implements AwsCredentialsProvider {
    static final String VERSION = "2011-06-15";
    /** Renewed this long before expiry by the first caller, and at the latest this long before. */
    private static final Duration PREFETCH = Duration.ofMinutes(5);
    private static final Duration STALE = Duration.ofMinutes(1);
    private static final int ATTEMPTS = 3;
    private static final Duration BASE_DELAY = Duration.ofMillis(100);

    /** What one AssumeRole needs: where STS is, who asks, and the role. */
    record Request(SdkHttpClient http, AwsCredentialsProvider caller, String stsRegion, URI endpoint, String roleArn, String sessionName,
            String externalId, int durationSeconds) {}

    private final Request request;
    private final CachedSupplier<AwsSessionCredentials> cache;

    AssumeRoleCredentials(Request request) {
        this.request = request;
        this.cache = CachedSupplier.builder(this::assumeRole).cachedValueName("member role " + request.roleArn()).build();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return cache.get();
    }

    private RefreshResult<AwsSessionCredentials> assumeRole() {
        AwsSessionCredentials credentials = callWithRetries();
        Instant expires = credentials.expirationTime().orElseThrow();
        return RefreshResult.builder(credentials).prefetchTime(expires.minus(PREFETCH)).staleTime(expires.minus(STALE)).build();
    }

    /** As the SDK's standard retry mode would: throttling and 5xx retried, with jittered exponential backoff. */
    private AwsSessionCredentials callWithRetries() {
        for (int attempt = 1; ; attempt++) {
            try {
                return call();
            } catch (RetryableAwsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(BASE_DELAY.toMillis() << attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private AwsSessionCredentials call() {
        String what = "AssumeRole " + request.roleArn();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRole");
        form.put("Version", VERSION);
        form.put("RoleArn", request.roleArn());
        form.put("RoleSessionName", request.sessionName());
        form.put("DurationSeconds", Integer.toString(request.durationSeconds()));
        if (request.externalId() != null) {
            form.put("ExternalId", request.externalId());
        }
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(request.endpoint())
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign.identity(request.caller().resolveCredentials()).request(http)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, request.stsRegion()));
        try {
            HttpExecuteResponse response = request.http().prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            Document answer = parse(response.responseBody().orElseThrow(() -> new IOException("no response body")));
            int status = response.httpResponse().statusCode();
            if (status != 200) {
                throw AwsErrors.refused(what, status, text(answer, "Code").orElse("HTTP " + status), text(answer, "Message").orElse(""));
            }
            Function<String, String> field = name -> text(answer, name)
                    .orElseThrow(() -> new RetryableAwsException(what + ": STS answered without " + name));
            return AwsSessionCredentials.builder().accessKeyId(field.apply("AccessKeyId")).secretAccessKey(field.apply("SecretAccessKey"))
                    .sessionToken(field.apply("SessionToken")).expirationTime(Instant.parse(field.apply("Expiration"))).build();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new RetryableAwsException(what + " could not reach STS: " + e.getMessage());
        }
    }

    /** STS in the caller's Region, unless the SDK's standard settings name another endpoint. */
    static URI endpoint(String region, Function<String, String> environment, Function<String, String> properties) {
        if (!"true".equalsIgnoreCase(first(properties.apply("aws.ignoreConfiguredEndpointUrls"),
                environment.apply("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))) {
            String configured = first(first(properties.apply("aws.endpointUrlSts"), environment.apply("AWS_ENDPOINT_URL_STS")),
                    first(properties.apply("aws.endpointUrl"), environment.apply("AWS_ENDPOINT_URL")));
            if (configured != null) {
                return URI.create(configured);
            }
        }
        return URI.create("https://sts." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : ""));
    }

    private static String first(String one, String other) {
        return one != null && !one.isBlank() ? one : other != null && !other.isBlank() ? other : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Document parse(InputStream body) throws IOException, SAXException, ParserConfigurationException {
        try (body) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(body);
        }
    }

    private static Optional<String> text(Document document, String element) {
        Node node = document.getElementsByTagName(element).item(0);
        return node == null ? Optional.empty() : Optional.of(node.getTextContent().strip());
    }
}
