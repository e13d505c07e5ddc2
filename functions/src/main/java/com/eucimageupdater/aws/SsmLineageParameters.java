package com.eucimageupdater.aws;

import com.eucimageupdater.publish.LineageParameter;
import com.eucimageupdater.publish.LineageParameters;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The lineages' parameters in Parameter Store, in the client's account and Region: a String in the standard tier (free,
 * 4 KB), overwritten at each roll-out and rollback, so each write is a new version.
 */
public final class SsmLineageParameters implements LineageParameters {
    private final SsmClient ssm;

    public SsmLineageParameters(SsmClient ssm) {
        this.ssm = ssm;
    }

    @Override
    public Written write(LineageParameter parameter) {
        try {
            return Written.version(parameter, ssm.putParameter(request -> request.name(parameter.name()).value(parameter.value())
                    .description(parameter.description()).type(ParameterType.STRING).tier(ParameterTier.STANDARD).overwrite(true))
                    .version());
        } catch (AwsServiceException refused) {
            return Written.refused(parameter, refused.awsErrorDetails().errorCode(), refused.awsErrorDetails().errorMessage());
        } catch (SdkException unreachable) {
            return Written.refused(parameter, unreachable.getClass().getSimpleName(), unreachable.getMessage());
        }
    }
}
