package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cdkJsonsTargetsImagesAndAdditionalRegionsAreTheRunsWorkRegionsAsDeployed() throws Exception {
        Organization organization = Organization.of(JSON.readTree("""
                {"targets": [{"account": "222222222222", "regions": ["eu-west-1", "us-east-1"]}, {"account": "333333333333"}],
                 "images": [{"service": "APPSTREAM", "image": "Base-Win2022", "region": "eu-central-1",
                             "copyToRegions": ["ap-southeast-2"]}],
                 "additionalRegions": ["ca-central-1", "eu-west-1"]}"""));

        assertEquals(List.of("ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1", "us-east-1"),
                organization.settings().workRegions());
    }

    @Test
    void aCdkJsonWithoutThemWorksInTheOwnRegionOnly() throws Exception {
        assertEquals(List.of(), Organization.of(JSON.readTree("{\"targets\": [], \"images\": [], \"additionalRegions\": []}"))
                .settings().workRegions());
        assertEquals(List.of(), Organization.of(JSON.readTree("{}")).settings().workRegions());
    }
}
