package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS AssumeRole into the scenario's accounts, and who signed each request: the home account for any access key
 * the simulator did not issue, the role's account for a session it issued (while its token matches and it lasts).
 */
final class SecurityTokenService implements ServiceBackend {
    static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    static final String EXPIRED_TOKEN = "The security token included in the request is expired";
    private static final String KEY_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_CHARACTERS = KEY_CHARACTERS + "abcdefghijklmnopqrstuvwxyz+/";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final int DEFAULT_SECONDS = 3600;

    private final ServiceModel model = ServiceModel.of(ServiceModel.STS);
    private final Scenario scenario;
    private final Clock clock;
    /** Keys and tokens from the scenario seed, apart from the other draws, so runs are reproducible. */
    private final Random random;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** The unique id (AROA...) of each role assumed so far, as IAM gives one per role. */
    private final Map<String, String> roleIds = new HashMap<>();

    private record Session(String sessionToken, Instant expiration, String account, String arn) {}

    /** Credentials AWS would not take: unknown (account null) or expired. */
    static final class RefusedCredentials extends RuntimeException {
        private final boolean expired;
        private final String account;

        RefusedCredentials(boolean expired, String account) {
            super(expired ? EXPIRED_TOKEN : INVALID_TOKEN, null, false, false);
            this.expired = expired;
            this.account = account;
        }

        boolean expired() {
            return expired;
        }

        /** The session's account for expired credentials; null when the key or token is unknown. */
        String account() {
            return account;
        }
    }

    SecurityTokenService(Scenario scenario, Clock clock) {
        this.scenario = scenario;
        this.clock = clock;
        this.random = new Random(scenario.seed() + 2);
    }

    /**
     * Who signed: without a SigV4 scope (raw HTTP) the home account in its home Region; otherwise the scope's
     * Region and the account of its access key. Keys beginning ASIA are temporary: only the simulator's own
     * sessions, with their token, are taken.
     */
    Caller identify(SigningScope scope, String securityToken) {
        if (scope == null) {
            return Caller.homeUser(scenario.accountId(), scenario.region());
        }
        Session session = sessions.get(scope.accessKeyId());
        if (session == null) {
            if (scope.accessKeyId().startsWith("ASIA")) {
                throw new RefusedCredentials(false, null);
            }
            return Caller.homeUser(scenario.accountId(), scope.region());
        }
        if (!session.sessionToken().equals(securityToken)) {
            throw new RefusedCredentials(false, null);
        }
        if (!clock.instant().isBefore(session.expiration())) {
            throw new RefusedCredentials(true, session.account());
        }
        return new Caller(session.account(), scope.region(), session.arn(), true);
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Set<String> operations() {
        return Set.of("AssumeRole");
    }

    @Override
    public boolean isMutating(String operation, JsonNode request) {
        return false;
    }

    @Override
    public void checkRules(String operation, JsonNode request) {
        // The model's constraints are all STS checks on AssumeRole.
    }

    /** A role of another account is what AssumeRole is for: its own rules decide (below). */
    @Override
    public void authorize(String operation, JsonNode request, Caller caller) {
    }

    @Override
    public String validationErrorType() {
        return "ValidationError";
    }

    @Override
    public synchronized JsonNode handle(String operation, JsonNode request, Caller caller) {
        return assumeRole(request, caller);
    }

    /**
     * Only the home account's user may assume a role (a role session cannot assume again), only a role the scenario
     * lists in that account, and with exactly the role's ExternalId when it has one; anything else is AccessDenied.
     */
    private JsonNode assumeRole(JsonNode request, Caller caller) {
        String roleArn = request.get("RoleArn").asText();
        Matcher arn = ROLE_ARN.matcher(roleArn);
        Optional<Scenario.Role> role = arn.matches() && !caller.assumedRole()
                ? scenario.account(arn.group(1)).flatMap(account -> account.role(arn.group(2))) : Optional.empty();
        if (role.isEmpty() || role.get().externalId() != null
                && !role.get().externalId().equals(request.path("ExternalId").textValue())) {
            throw ServiceError.of(model, "AccessDenied", "User: " + caller.arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        String account = arn.group(1);
        String sessionName = request.get("RoleSessionName").asText();
        int seconds = scenario.sts().credentialSeconds() != null ? scenario.sts().credentialSeconds()
                : request.path("DurationSeconds").asInt(DEFAULT_SECONDS);
        String accessKeyId = "ASIA" + draw(KEY_CHARACTERS, 16);
        String secretAccessKey = draw(SECRET_CHARACTERS, 40);
        String sessionToken = draw(SECRET_CHARACTERS, 160);
        Instant expiration = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
        String sessionArn = "arn:aws:sts::" + account + ":assumed-role/" + role.get().name() + "/" + sessionName;
        sessions.put(accessKeyId, new Session(sessionToken, expiration, account, sessionArn));
        String roleId = roleIds.computeIfAbsent(account + ":" + role.get().name(), key -> "AROA" + draw(KEY_CHARACTERS, 17));

        ObjectNode result = Json.object();
        result.set("Credentials", Json.object().put("AccessKeyId", accessKeyId).put("SecretAccessKey", secretAccessKey)
                .put("SessionToken", sessionToken).put("Expiration", expiration.toString()));
        result.set("AssumedRoleUser", Json.object().put("AssumedRoleId", roleId + ":" + sessionName).put("Arn", sessionArn));
        return result;
    }

    private String draw(String characters, int length) {
        StringBuilder drawn = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            drawn.append(characters.charAt(random.nextInt(characters.length())));
        }
        return drawn.toString();
    }
}
