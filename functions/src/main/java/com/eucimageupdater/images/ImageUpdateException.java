package com.eucimageupdater.images;

/** An image cannot be updated, for a reason the admin must act on; retrying will not help. */
public class ImageUpdateException extends RuntimeException {
    public ImageUpdateException(String message) {
        super(message);
    }

    public ImageUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
