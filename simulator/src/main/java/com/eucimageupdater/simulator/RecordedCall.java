package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request the simulator answered.
 *
 * @param service   appstream, workspaces or sns ("unknown" for a request no service takes)
 * @param operation e.g. CreateUpdatedImage
 * @param request   the JSON body; for SNS the form parameters as a JSON object
 * @param errorType the error code answered (e.g. ResourceNotFoundException, NotFound), null on success
 * @param mutating  whether the request asks for a change (CreateUpdatedImage without dryRun, TagResource,
 *                  UpdateFleet, Update/DeleteImagePermissions, DeleteImage, CopyImage, CreateUpdatedWorkspaceImage,
 *                  CreateTags, UpdateWorkspaceBundle, UpdateWorkspaceImagePermission, DeleteWorkspaceImage,
 *                  CopyWorkspaceImage, Publish), whatever the answer
 */
public record RecordedCall(String service, String operation, JsonNode request, int httpStatus, String errorType,
                           boolean mutating) {
    public boolean succeeded() {
        return errorType == null;
    }
}
