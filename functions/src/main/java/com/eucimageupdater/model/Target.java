package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fleet or bundle as the roll-out sees it.
 *
 * @param image the image it uses now (AppStream: name; WorkSpaces: id); null for an Elastic fleet
 * @param platform the fleet's platform (AppStream), null for a bundle
 * @param state the fleet's state (RUNNING, STOPPED, ...), null for a bundle
 * @param type ALWAYS_ON, ON_DEMAND or ELASTIC for a fleet; the owner for a bundle
 * @param owned whether this account may change it (AWS's public bundles and other accounts' may not)
 * @param users how many WorkSpaces use the bundle (they keep their image until rebuilt); 0 for a fleet
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(String name, String image, String platform, String state, String type, boolean owned, int users) {}
