package com.eucimageupdater.aws;

import com.eucimageupdater.build.ImageBuilds;
import com.eucimageupdater.build.ScheduledFailures;
import com.eucimageupdater.distribute.Distributor;
import com.eucimageupdater.drift.SurveyPort;
import com.eucimageupdater.drift.WorkspaceTags;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.MemberAccess;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.rebuild.BundleWorkspaces;
import com.eucimageupdater.retire.LineageRetirement;
import com.eucimageupdater.rollback.RolloutRecords;
import com.eucimageupdater.rollout.TargetMoves;
import com.eucimageupdater.validate.CanaryWorkspaces;
import com.eucimageupdater.validate.StagedTargets;
import com.eucimageupdater.validate.StreamingSessions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;

/**
 * Each step's port of the service for each {@link Service} and {@link Location}: the one place where the workflow forks
 * per service. Each client is built on first use and kept for the container's life, one per service, account and Region: an
 * AppStream image's steps never build the WorkSpaces client. Another account is reached through its member role,
 * whose temporary credentials {@link MemberCredentials} keeps renewed.
 */
public final class ImageServices {
    /**
     * A slow call ends as a retryable SDK error well within the function's timeout (Poll 30 s, Check and Start
     * 60-90 s), so the state machine retries it instead of the image failing on a Lambda timeout.
     */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final ClientOverrideConfiguration CALL_LIMITS = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofSeconds(4))
            .apiCallTimeout(API_CALL_TIMEOUT)
            .build();

    /** Builds the service for one location; tests hand in fakes that ignore it. */
    @FunctionalInterface
    public interface Factory {
        ServiceAdapter build(Service service, Location location);
    }

    /** STS's AssumeRole answer, for priming: XML, as STS speaks the query protocol. */
    private static final String ASSUMED_ROLE = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
            <Credentials><AccessKeyId>ASIAPRIMING</AccessKeyId><SecretAccessKey>priming</SecretAccessKey>
            <SessionToken>priming</SessionToken><Expiration>%s</Expiration></Credentials>
            <AssumedRoleUser><AssumedRoleId>AROAPRIMING:priming</AssumedRoleId>
            <Arn>arn:aws:sts::123456789012:assumed-role/priming/priming</Arn></AssumedRoleUser>
            </AssumeRoleResult></AssumeRoleResponse>""";

    private final Factory factory;
    /** The deployment's own account and Region, whose clients SnapStart's priming builds; null when unknown. */
    private final Location own;
    /** The member accounts' credentials, whose STS client SnapStart's priming builds; null in tests with fakes. */
    private final MemberCredentials members;
    /**
     * Each location's adapter by service, account and Region ("APPSTREAM 123456789012 us-east-1"): a text key, as for
     * member roles, because a record's generated hashCode bootstraps method handles on first use, tens of milliseconds
     * on the image steps' cold start that the newcomer's handler does not pay.
     */
    private final Map<String, ServiceAdapter> built = new ConcurrentHashMap<>();

    /** The same two services wherever an image lives: for tests. */
    public ImageServices(ServiceAdapter appStream, ServiceAdapter workSpaces) {
        this((service, location) -> service == Service.APPSTREAM ? appStream : workSpaces);
    }

    public ImageServices(Factory factory) {
        this(factory, null);
    }

    ImageServices(Factory factory, Location own) {
        this(factory, own, null);
    }

    ImageServices(Factory factory, Location own, MemberCredentials members) {
        this.factory = factory;
        this.own = own;
        this.members = members;
    }

    /**
     * Clients from the standard environment: region, credentials and endpoint ({@code AWS_ENDPOINT_URL*}) as the
     * SDK finds them, over the lightweight url-connection HTTP client; other accounts through their member role,
     * assumed with the function's own credentials through STS in the function's Region.
     */
    public static ImageServices fromEnvironment() {
        return fromEnvironment(MemberAccess.fromEnvironment(System::getenv));
    }

    public static ImageServices fromEnvironment(MemberAccess access) {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        Supplier<StsClient> stsClient = () -> StsClient.builder().httpClient(http).overrideConfiguration(CALL_LIMITS).build();
        MemberCredentials members = new MemberCredentials(access, stsClient, MemberCredentials.sessionName(System::getenv));
        String region = System.getenv("AWS_REGION");
        return new ImageServices((service, location) -> {
            AwsCredentialsProvider credentials = members.forLocation(location);
            return switch (service) {
                case APPSTREAM -> new AppStreamImageService(configure(AppStreamClient.builder(), http, location, credentials).build());
                case WORKSPACES -> new WorkSpacesImageService(configure(WorkSpacesClient.builder(), http, location, credentials).build());
            };
        }, access.ownAccount() != null && region != null ? new Location(access.ownAccount(), region) : null, members);
    }

    /** Built once per Lambda container, on first use, so handlers that call no AWS API never build clients. */
    public static ImageServices shared() {
        return Shared.INSTANCE;
    }

    /** The check, start and poll steps' port. */
    public ImageBuilds builds(Service service, Location location) {
        return adapter(service, location);
    }

    /** The roll-out's port, which reads fleets and bundles and moves them. */
    public TargetMoves targets(Service service, Location location) {
        return adapter(service, location);
    }

    /** The distribute step's port, here or in a copy's destination Region. */
    public Distributor distributor(Service service, Location location) {
        return adapter(service, location);
    }

    /** The gate's port, which reads the staged fleets and bundles. */
    public StagedTargets stagedTargets(Service service, Location location) {
        return adapter(service, location);
    }

    /** The gate's streaming check: AppStream's alone (a WorkSpace is not streamed through a URL). */
    public StreamingSessions streamingSessions(Location location) {
        return (StreamingSessions) adapter(Service.APPSTREAM, location);
    }

    /** The gate's canaries: WorkSpaces alone. */
    public CanaryWorkspaces canaryWorkspaces(Location location) {
        return (CanaryWorkspaces) adapter(Service.WORKSPACES, location);
    }

    /** The rebuild's port: WorkSpaces alone (AppStream fleets replace their instances as sessions end). */
    public BundleWorkspaces bundleWorkspaces(Location location) {
        return ((WorkSpacesImageService) adapter(Service.WORKSPACES, location)).rebuilds();
    }

    /** The retire step's port. */
    public LineageRetirement retirement(Service service, Location location) {
        return adapter(service, location);
    }

    /** The count of each lineage's failed scheduled months, on its source image: read by the resolve step, kept by the summary. */
    public ScheduledFailures scheduledFailures(Service service, Location location) {
        return adapter(service, location);
    }

    /** The rollback's and the promote's port, which reads another execution's roll-out from its images. */
    public RolloutRecords rolloutRecords(Service service, Location location) {
        return adapter(service, location);
    }

    /** The drift survey's port, which reads fleets, bundles and images and changes nothing. */
    public SurveyPort survey(Service service, Location location) {
        return adapter(service, location).survey();
    }

    /** The drift report's reads of WorkSpaces' tags: WorkSpaces alone. */
    public WorkspaceTags workspaceTags(Location location) {
        return (WorkspaceTags) adapter(Service.WORKSPACES, location);
    }

    /**
     * The service's client for the location, built on first use; a member account's role is assumed then, so a
     * missing or untrusting role fails this image with a reason naming the role (and is tried again next time).
     */
    private ServiceAdapter adapter(Service service, Location location) {
        if (service == null) {
            throw new IllegalArgumentException("service: is required and must be APPSTREAM or WORKSPACES");
        }
        if (location == null) {
            throw new IllegalArgumentException("account and region: every image, fleet and bundle is looked for in an account and Region");
        }
        return built.computeIfAbsent(service + " " + location.account() + " " + location.region(), key -> factory.build(service, location));
    }

    /**
     * For SnapStart's snapshot: builds each service's client for the deployment's own account and Region and the STS
     * client for member accounts, then sends each service's read call, and an AssumeRole through a member role's
     * credentials provider, through clients that answer from memory, so the SDK's marshalling, endpoint rules,
     * signing and unmarshalling are loaded and run once. Nothing reaches AWS, and the priming clients, which sign with
     * made-up credentials, are closed.
     */
    public void prime() {
        if (own != null) {
            adapter(Service.APPSTREAM, own);
            adapter(Service.WORKSPACES, own);
        }
        if (members != null) {
            members.stsClient();
        }
        SdkHttpClient answersNoImages = new CannedHttpClient("application/x-amz-json-1.1", "{\"Images\": []}");
        // Expiring in an hour, as STS's would: credentials already expired take the provider down its warning path instead.
        SdkHttpClient answersAssumedRole = new CannedHttpClient("text/xml", ASSUMED_ROLE.formatted(Instant.now().plusSeconds(3600)));
        Region region = Region.of(Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1"));
        try (AppStreamClient appStreamClient = primingClient(AppStreamClient.builder(), answersNoImages, region);
                WorkSpacesClient workSpacesClient = primingClient(WorkSpacesClient.builder(), answersNoImages, region);
                StsClient stsClient = primingClient(StsClient.builder(), answersAssumedRole, region);
                StsAssumeRoleCredentialsProvider role = MemberCredentials.provider(stsClient, "arn:aws:iam::123456789012:role/priming",
                        "priming", "priming")) {
            appStreamClient.describeImages(request -> request.names("priming"));
            workSpacesClient.describeWorkspaceImages(request -> request.imageIds("wsi-000000000"));
            role.resolveCredentials();
        }
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C primingClient(B builder, SdkHttpClient http,
            Region region) {
        return builder.httpClient(http).overrideConfiguration(CALL_LIMITS).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPRIMING", "priming"))).build();
    }

    /**
     * The SDK's default credential and endpoint chains (in Lambda they stop at the runtime's variables, and naming the
     * providers instead measured no faster: docs/performance.md), or the member role's credentials; the location's Region.
     */
    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B builder, SdkHttpClient http,
            Location location, AwsCredentialsProvider credentials) {
        builder.httpClient(http).overrideConfiguration(CALL_LIMITS).region(Region.of(location.region()));
        return credentials == null ? builder : builder.credentialsProvider(credentials);
    }

    private static final class Shared {
        static final ImageServices INSTANCE = fromEnvironment();
    }
}
