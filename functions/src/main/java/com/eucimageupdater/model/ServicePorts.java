package com.eucimageupdater.model;

/**
 * One port (what a step needs of a service) for each service, account and Region: how the workflow's services reach AWS
 * without naming the adapters.
 *
 * @param <P> the port, e.g. the roll-out's {@code TargetMoves}
 */
@FunctionalInterface
public interface ServicePorts<P> {

    /**
     * @throws ImageUpdateException when the account cannot be reached (its member role missing or not trusting this
     *                              deployment), naming the role
     */
    P forService(Service service, Location location);
}
