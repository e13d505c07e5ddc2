package com.eucimageupdater.model;

import java.util.regex.Pattern;

/**
 * Where an image, fleet or bundle lives: an account and a Region. The deployment's own account is reached with the
 * function's own credentials; any other through the member role there.
 */
public record Location(String account, String region) {
    public static final Pattern ACCOUNT = Pattern.compile("^\\d{12}$");
    /** Commercial, China and GovCloud Region names, e.g. eu-west-1, cn-north-1, us-gov-west-1. */
    public static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d$");

    public Location {
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account: must be a 12-digit AWS account id, got " + account);
        }
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region: must be an AWS Region name such as eu-west-1, got " + region);
        }
    }

    public Location inRegion(String otherRegion) {
        return new Location(account, otherRegion);
    }

    @Override
    public String toString() {
        return account + "/" + region;
    }
}
