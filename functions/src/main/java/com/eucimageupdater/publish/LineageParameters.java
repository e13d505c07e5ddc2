package com.eucimageupdater.publish;

/** Parameter Store in the deployment's own account and Region: the publish step's port for the lineages' parameters. */
public interface LineageParameters {
    /**
     * Writes the parameter (a new version of it when it exists): what Parameter Store answered, its version or its refusal,
     * never an exception.
     */
    Written write(LineageParameter parameter);

    /** A parameter and Parameter Store's answer: the version written, or the error code and message. */
    record Written(LineageParameter parameter, Long version, String errorCode, String errorMessage) {
        public static Written version(LineageParameter parameter, long version) {
            return new Written(parameter, version, null, null);
        }

        public static Written refused(LineageParameter parameter, String errorCode, String errorMessage) {
            return new Written(parameter, null, errorCode, errorMessage);
        }

        public boolean isWritten() {
            return errorCode == null;
        }
    }
}
