package com.eucimageupdater.validate;

/**
 * One check of the gate on one target, with what AWS answered: the approval mail's evidence when it passed, the failure's
 * reason when it failed, what the gate still waits for otherwise.
 *
 * @param check what was checked, e.g. "fleet", "streaming", "canary"
 * @param target the fleet, bundle or WorkSpace
 * @param answer what AWS answered, in words
 */
public record CheckResult(String check, String target, Status status, String answer) {

    public enum Status { PASSED, WAITING, FAILED }

    public static CheckResult passed(String check, String target, String answer) {
        return new CheckResult(check, target, Status.PASSED, answer);
    }

    public static CheckResult waiting(String check, String target, String answer) {
        return new CheckResult(check, target, Status.WAITING, answer);
    }

    public static CheckResult failed(String check, String target, String answer) {
        return new CheckResult(check, target, Status.FAILED, answer);
    }

    /** As the mail says it, e.g. "fleet Base-Test: RUNNING on ...". */
    public String said() {
        return check + " " + target + ": " + answer;
    }
}
