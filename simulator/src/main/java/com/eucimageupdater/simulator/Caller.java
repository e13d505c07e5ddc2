package com.eucimageupdater.simulator;

/**
 * Who made a request and where it goes: the account whose credentials signed it, the Region of the signature's
 * credential scope, and the caller's ARN as AWS names it in AccessDenied messages.
 *
 * @param assumedRole whether the credentials are an assumed role's session (which cannot assume a role again)
 */
record Caller(String account, String region, String arn, boolean assumedRole) {
    /** The home account's own user: any credentials the simulator did not issue. */
    static Caller homeUser(String account, String region) {
        return new Caller(account, region, "arn:aws:iam::" + account + ":user/simulated", false);
    }
}
