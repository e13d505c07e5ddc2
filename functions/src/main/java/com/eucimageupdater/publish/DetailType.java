package com.eucimageupdater.publish;

/** What happened, as other systems match it: each constant's detail-type on the bus, under {@link #SOURCE}. */
public enum DetailType {
    /** A new image became AVAILABLE and its staging fleets and bundles (if any) were moved to it. */
    IMAGE_UPDATED("Image Updated"),
    /** An image whose validation gate failed: it is not offered for approval. */
    VALIDATION_FAILED("Validation Failed"),
    /** The approval mail went out (SNS accepted it) for the image. */
    APPROVAL_REQUESTED("Approval Requested"),
    /** The image's production fleets and bundles were moved to it. */
    PRODUCTION_ROLLED_OUT("Production Rolled Out"),
    /** A rollback moved fleets and bundles back from the image to the one they used before. */
    ROLLED_BACK("Rolled Back");

    /** Every event's source. */
    public static final String SOURCE = "euc-image-updater";

    private final String wire;

    DetailType(String wire) {
        this.wire = wire;
    }

    /** The detail-type as it goes on the bus, e.g. {@code Image Updated}. */
    public String wire() {
        return wire;
    }
}
