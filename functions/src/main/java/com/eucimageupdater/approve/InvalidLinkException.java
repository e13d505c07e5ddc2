package com.eucimageupdater.approve;

/**
 * A link that the endpoint will not act on. The message names the field and the rule, never a field's value:
 * it is shown on the page and logged, and one of the fields is the task token.
 */
public final class InvalidLinkException extends Exception {
    public enum Kind {
        /** A field is missing or unreadable: the link was cut or mangled on its way (HTTP 400). */
        MALFORMED,
        /** Not a link this deployment issued for its state machine, or changed since (HTTP 403). */
        FORBIDDEN
    }

    private final Kind kind;

    InvalidLinkException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
