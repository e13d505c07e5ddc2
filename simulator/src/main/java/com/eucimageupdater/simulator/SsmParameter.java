package com.eucimageupdater.simulator;

/** A Parameter Store parameter as PutParameter left it: each write that changes it adds a version. */
public record SsmParameter(String name, String type, String value, String description, long version, String tier) {}
