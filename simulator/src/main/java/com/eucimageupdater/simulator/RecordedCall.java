package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request the simulator answered.
 *
 * @param service   appstream, workspaces, sns or sts ("unknown" for a request no service takes)
 * @param operation e.g. CreateUpdatedImage
 * @param request   the JSON body; for SNS the form parameters as a JSON object
 * @param errorType the error code answered (e.g. ResourceNotFoundException, NotFound), null on success
 * @param mutating  whether the request asks for a change (CreateUpdatedImage without dryRun, TagResource,
 *                  UpdateFleet, Update/DeleteImagePermissions, DeleteImage, CopyImage, CreateUpdatedWorkspaceImage,
 *                  CreateTags, UpdateWorkspaceBundle, UpdateWorkspaceImagePermission, DeleteWorkspaceImage,
 *                  CopyWorkspaceImage, Publish), whatever the answer
 * @param account   the account whose credentials signed it (the home account without a signature); null when the
 *                  credentials were refused as unknown
 * @param region    the Region it was signed for (the home Region without a signature)
 */
public record RecordedCall(String service, String operation, JsonNode request, int httpStatus, String errorType,
                           boolean mutating, String account, String region) {
    public boolean succeeded() {
        return errorType == null;
    }
}
