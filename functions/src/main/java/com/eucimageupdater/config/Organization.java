package com.eucimageupdater.config;

import static com.eucimageupdater.config.UpdaterConfig.ADDITIONAL_REGIONS;
import static com.eucimageupdater.config.UpdaterConfig.DEFAULT_MEMBER_ROLE_NAME;
import static com.eucimageupdater.config.UpdaterConfig.MEMBER_EXTERNAL_ID;
import static com.eucimageupdater.config.UpdaterConfig.MEMBER_ROLE_NAME;
import static com.eucimageupdater.config.UpdaterConfig.ORGANIZATION_ID;
import static com.eucimageupdater.config.UpdaterConfig.TARGETS;
import static com.eucimageupdater.config.UpdaterConfig.UPDATER_ACCOUNT;

import com.eucimageupdater.lambda.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accounts and Regions a run works in, and how it reaches member accounts: cdk.json's {@code targets},
 * {@code memberRoleName}, {@code memberExternalId}, {@code organizationId}, {@code updaterAccount} and
 * {@code additionalRegions}.
 *
 * @param targets the accounts and Regions a run updates; empty: the deployment's own account and Region
 * @param updaterAccount the main stack's account: when set, the app also synthesizes the member stack
 * @param additionalRegions Regions a run started by hand may name beyond those of the targets and configured images
 */
public record Organization(List<Target> targets, MemberRole memberRole, Optional<String> updaterAccount, List<String> additionalRegions) {
    private static final Pattern ACCOUNT = Pattern.compile("^\\d{12}$");
    /** IAM's role name rule. */
    private static final Pattern ROLE_NAME = Pattern.compile("^[\\w+=,.@-]{1,64}$");
    /** STS's ExternalId rule (2-1224 characters). */
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\w+=,.@:/-]{2,1224}$");
    private static final Pattern ORGANIZATION = Pattern.compile("^o-[a-z0-9]{10,32}$");

    public Organization {
        targets = List.copyOf(targets);
        additionalRegions = List.copyOf(additionalRegions);
    }

    /** An account the run updates images in, and the Regions it looks in there. */
    public record Target(String account, List<String> regions) {
        public Target {
            regions = List.copyOf(regions);
        }
    }

    static Organization read(ContextReader reader) {
        List<Target> targets = targets(reader);
        MemberRole memberRole = new MemberRole(reader.matching(MEMBER_ROLE_NAME, ROLE_NAME, "an IAM role name: 1-64 letters, digits and"
                        + " _+=,.@-").orElse(DEFAULT_MEMBER_ROLE_NAME),
                reader.matching(MEMBER_EXTERNAL_ID, EXTERNAL_ID, "2-1224 letters, digits and _+=,.@:/-"),
                reader.matching(ORGANIZATION_ID, ORGANIZATION, "an organization id: o- and 10-32 lower-case letters or digits"));
        Optional<String> updaterAccount = reader.matching(UPDATER_ACCOUNT, ACCOUNT, "a 12-digit AWS account id, as a string");
        return new Organization(targets, memberRole, updaterAccount, additionalRegions(reader));
    }

    /** cdk.json's targets; empty means the deployment's own account and Region only. */
    private static List<Target> targets(ContextReader reader) {
        Object given = reader.json(TARGETS);
        if (given == null) {
            return List.of();
        }
        String shape = TARGETS + ": must be a list of {\"account\": \"123456789012\", \"regions\": [\"us-east-1\"]}";
        if (!(given instanceof List<?> node)) {
            reader.add(shape + ", got " + JsonValues.shown(given));
            return List.of();
        }
        List<Target> targets = new ArrayList<>();
        Set<String> accounts = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = TARGETS + "[" + i + "]";
            Map<String, Object> entry = JsonValues.object(node.get(i));
            if (entry == null) {
                reader.add(at + ": must be an object {\"account\": \"123456789012\", \"regions\": [\"us-east-1\"]}, got "
                        + JsonValues.shown(node.get(i)));
                continue;
            }
            Object account = entry.get("account");
            if (!(account instanceof String id) || !ACCOUNT.matcher(id).matches()) {
                reader.add(at + ".account: must be a 12-digit AWS account id, as a string, got " + ContextReader.shown(account));
            } else if (!accounts.add(id)) {
                reader.add(at + ".account: " + JsonValues.shown(id) + " is listed twice; list all of an account's Regions in one entry");
            }
            targets.add(new Target(JsonValues.text(account), reader.regions(at + ".regions", entry.get("regions"))));
        }
        return targets;
    }

    /** Regions listed so that runs started by hand may name them; none by default. */
    private static List<String> additionalRegions(ContextReader reader) {
        Object node = reader.json(ADDITIONAL_REGIONS);
        return node == null || node instanceof List<?> list && list.isEmpty() ? List.of() : reader.regions(ADDITIONAL_REGIONS, node);
    }

    /** The targets as compact JSON text: {@code [{"account": "...", "regions": ["..."]}]}. */
    public String targetsJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Target target : targets) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("account", target.account());
            entry.put("regions", target.regions());
            list.add(entry);
        }
        return JsonValues.shown(list);
    }

    /** The targets' Regions, each as often as a target lists it. */
    List<String> targetRegions() {
        return targets.stream().flatMap(target -> target.regions().stream()).toList();
    }
}
