package io.phalanx.client;

/** A vault change the consortium executed: the secret's name and the version it now has. */
public record VaultChange(String name, long version) {}
