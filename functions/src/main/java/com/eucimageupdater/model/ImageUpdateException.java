package com.eucimageupdater.model;

/**
 * An image cannot be updated, for a reason the admin must act on; retrying will not help.
 *
 * <p>No stack trace and no cause: Step Functions keeps the Lambda error document (message, type, stack traces of
 * the whole cause chain) in the execution's data, whose 256 KB limit a few dozen failed images would otherwise
 * exhaust. The message says everything the admin needs.
 */
public class ImageUpdateException extends RuntimeException {

    public ImageUpdateException(String message) {
        super(message, null, false, false);
    }
}
