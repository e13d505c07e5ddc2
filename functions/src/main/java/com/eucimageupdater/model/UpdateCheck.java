package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a source image has updates, and the image that an update would create.
 *
 * @param sourceName the source image's name (for WorkSpaces, looked up from its id)
 * @param detail what the service says about the update, for the mail
 * @param lineage the first source of the chain of monthly images this one continues (retention works per lineage)
 * @param lastBuildMinutes how long the source took to build, when this pipeline made it: the first poll comes near then
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateCheck(
        boolean updateAvailable,
        String sourceName,
        String detail,
        String newImageName,
        String newImageDescription,
        String newImageDisplayName,
        String lineage,
        Integer lastBuildMinutes) {}
