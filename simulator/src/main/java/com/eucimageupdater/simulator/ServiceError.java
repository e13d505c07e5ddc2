package com.eucimageupdater.simulator;

/** An error answer as it goes on the wire: the error code, its HTTP status and the message. */
final class ServiceError extends RuntimeException {
    private final String code;
    private final int httpStatus;

    ServiceError(String code, int httpStatus, String message) {
        // Answers, not bugs: no stack trace to fill in.
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** An error the service's model (or every AWS API) declares; the model gives its wire code and status. */
    static ServiceError of(ServiceModel model, String type, String message) {
        if (!model.hasError(type)) {
            throw new IllegalArgumentException(model.service() + " has no error " + type + " in its model");
        }
        return new ServiceError(model.errorCode(type), model.httpStatus(type), message);
    }

    String code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }
}
