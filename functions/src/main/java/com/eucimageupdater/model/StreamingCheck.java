package com.eucimageupdater.model;

import java.util.regex.Pattern;

/**
 * The gate's optional proof that a staged AppStream fleet hands out sessions: a CreateStreamingURL for this stack, fleet
 * and user must succeed. The URL itself is never kept or mailed: it would let anyone who reads it stream as the user.
 *
 * @param stack the stack associated with the fleet
 * @param fleet one of the item's staging fleets (the first when the item names none)
 * @param user the user id the session would be for
 */
public record StreamingCheck(String stack, String fleet, String user) {
    /** CreateStreamingURL's UserId (the model's StreamingUrlUserId). */
    private static final Pattern USER = Pattern.compile("^[\\w+=,.@-]{2,32}$");

    public static String stackProblem(String stack) {
        return AppStreamRules.NAME.matcher(stack).matches() ? null : "\"" + stack + "\" is not an AppStream stack name: 1-101 letters,"
                + " digits, '_', '.' or '-', starting with a letter or digit";
    }

    public static String userProblem(String user) {
        return USER.matcher(user).matches() ? null : "\"" + user + "\" is not a streaming user id: 2-32 letters, digits, '_' or"
                + " '+=,.@-'";
    }
}
